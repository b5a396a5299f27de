// Baseline for bench/intake: a workflow that accepts the same updates and does nothing with them,
// so the benchmark can say how much of the cost is ours and how much is Temporal's.
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';
import type { CommandName } from '../schema/commands';
import { commands } from './suggestion/schemas';

export async function noopCaseWorkflow(): Promise<void> {
  let done = false;
  for (const name of Object.keys(commands().commandSchemas) as CommandName[]) {
    setHandler(defineUpdate<{ status: string }, [unknown]>(name), () => {
      if (name === 'assign') done = true;
      return { status: 'ok' };
    });
  }
  setHandler(defineUpdate<{ status: string }, []>('ensure'), () => ({ status: 'draft' }));
  await condition(() => done);
}
