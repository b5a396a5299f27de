// Worker and core chatter would bury jest's own report; warnings and errors still show. Called by
// the suites that start Temporal, before anything else creates the runtime: installing it in a
// suite that never uses it would leave native threads that keep jest from exiting.
import { DefaultLogger, Runtime } from '@temporalio/worker';

let installed = false;
export function quietTemporal(): void {
  if (installed) return;
  installed = true;
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { forward: {}, filter: 'ERROR' } } as never });
}
