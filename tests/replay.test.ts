// Cases already in flight must survive every deploy: today's workflow code replays the recorded
// histories (tests/histories, made by tests/support/record-histories.ts) without nondeterminism.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { BUNDLE_PATH } from './support/paths';
import { quietTemporal } from './support/quiet';

quietTemporal();

const DIR = path.resolve(__dirname, 'histories');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

test('there are recorded histories covering commands, timers, merging and withdrawal', () => {
  expect(files).toEqual(expect.arrayContaining(['full-lifecycle.json', 'overdue-extension-rehandling.json', 'merge-primary.json', 'merge-twin.json', 'withdrawn.json', 'key-progress.json']));
});

test.each(files)('replays %s', async (file) => {
  const history = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));
  await Worker.runReplayHistory({ workflowBundle: { code: fs.readFileSync(BUNDLE_PATH, 'utf8') } }, history, `replay-${file}`);
});

test('a change of behaviour is caught: a history whose recorded step differs fails to replay', async () => {
  const history = JSON.parse(fs.readFileSync(path.join(DIR, 'withdrawn.json'), 'utf8'));
  // The recorded first activity was the projection; pretend it was the planning activity.
  const event = history.events.find((e: any) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity');
  expect(event).toBeDefined();
  const details = event.markerRecordedEventAttributes.details.data.payloads[0];
  const data = JSON.parse(Buffer.from(details.data, 'base64').toString());
  data.activity_type = 'planTracks';
  details.data = Buffer.from(JSON.stringify(data)).toString('base64');
  await expect(Worker.runReplayHistory({ workflowBundle: { code: fs.readFileSync(BUNDLE_PATH, 'utf8') } }, history, 'replay-tampered'))
    .rejects.toThrow();
});
