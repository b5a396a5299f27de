// The command schemas, built once per workflow thread and shared by every case it runs.
// The worker preloads this module (WORKFLOW_PRELOAD_MODULES in worker.ts), so there is one instance
// of it for all workflows; the schemas are loaded on first use rather than imported, because the SDK
// freezes whatever preloaded modules reach at start, and a frozen zod schema cannot bind its methods.
// Built per workflow instead, they were most of the cost of waking an evicted case and of its memory.
// They hold no per-workflow state. Without the preload, each workflow simply loads its own copy.
import type * as Commands from '../../schema/commands';

let loaded: typeof Commands | undefined;

export function commands(): typeof Commands {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('../../schema/commands') as typeof Commands);
}
