// The monthly bulletin: started by the Schedule on the 1st (for the month just ended), or by the
// secretariat from the API (this month, or a past one). Each congress's bulletin is computed and
// stored by one activity, its notices queued by another; both are idempotent, so a retry or a
// second run of the same month never queues a notice twice.
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { BulletinActivities, BulletinRef, BulletinRequest } from '../activities/bulletin/types';

const { bulletinCongresses, computeBulletin, queueBulletinNotices } = proxyActivities<BulletinActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '2 minutes', maximumAttempts: 10, nonRetryableErrorTypes: ['NotFound', 'InvalidInput'] },
});

export async function bulletinWorkflow(req: BulletinRequest = {}): Promise<BulletinRef[]> {
  // The instant the run was asked for (a schedule's fire time), fixed once so a replay agrees.
  const at = Date.now();
  const { workflowId } = workflowInfo();
  const congressIds = req.congressId ? [req.congressId] : await bulletinCongresses();
  const refs: BulletinRef[] = [];
  for (const congressId of congressIds) {
    const ref = await computeBulletin({ ...req, congressId, at, workflowId });
    if (req.notify !== false) ref.notices = await queueBulletinNotices(ref.id);
    refs.push(ref);
  }
  return refs;
}
