// The monthly bulletin's Temporal Schedule: the 1st of each month at 09:00 Asia/Shanghai. Created
// when a worker starts, or brought up to date if it exists, so starting twice changes nothing.
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import { TASK_QUEUE } from '../../schema/case';
import { BULLETIN_SCHEDULE_ID, type BulletinRef, type BulletinRequest } from './types';

export function bulletinScheduleOptions(taskQueue = TASK_QUEUE, scheduleId = BULLETIN_SCHEDULE_ID) {
  const args: [BulletinRequest] = [{ trigger: 'schedule' }];
  return {
    scheduleId,
    spec: { calendars: [{ dayOfMonth: 1, hour: 9, minute: 0 }], timezone: 'Asia/Shanghai' },
    action: { type: 'startWorkflow', workflowType: 'bulletinWorkflow', taskQueue, args, workflowId: `bulletin-scheduled` },
    // A worker that was down on the 1st still issues the month's bulletin when it returns within a week.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '7 days' },
    memo: { zh: '月度进度通报：每月1日9时（北京时间）' },
  } satisfies ScheduleOptions;
}

/** Returns whether the schedule was created (true) or already existed and was updated (false). */
export async function ensureBulletinSchedule(client: Client, taskQueue = TASK_QUEUE, scheduleId = BULLETIN_SCHEDULE_ID): Promise<boolean> {
  const opts = bulletinScheduleOptions(taskQueue, scheduleId);
  try {
    await client.schedule.create(opts);
    return true;
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await client.schedule.getHandle(scheduleId).update((prev) => ({ ...prev, spec: opts.spec, action: opts.action, policies: { ...prev.policies, ...opts.policies } }));
    return false;
  }
}

/** Runs the bulletin workflow now (every congress unless one is named) and waits for its result. */
export async function issueBulletins(client: Client, req: BulletinRequest, taskQueue = TASK_QUEUE): Promise<BulletinRef[]> {
  return client.workflow.execute('bulletinWorkflow', {
    taskQueue, args: [req], workflowId: `bulletin-${req.trigger ?? 'api'}-${Date.now()}`,
  }) as Promise<BulletinRef[]>;
}
