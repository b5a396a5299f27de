// Starts the notification dispatcher, or finds it running: called whenever a worker starts, so
// the one dispatcher of a namespace is always there, and a second start changes nothing.
import type { Client } from '@temporalio/client';
import { TASK_QUEUE } from '../../schema/case';
import type { dispatcherWorkflow } from '../../workflows/dispatch';
import type { DispatchOptions } from './types';

export const DISPATCHER_ID = 'notification-dispatcher';

export async function ensureDispatcher(client: Client, o: { taskQueue?: string; workflowId?: string; options?: DispatchOptions } = {}) {
  return client.workflow.start<typeof dispatcherWorkflow>('dispatcherWorkflow', {
    workflowId: o.workflowId ?? DISPATCHER_ID,
    taskQueue: o.taskQueue ?? TASK_QUEUE,
    args: [o.options ?? {}],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}
