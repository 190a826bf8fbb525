import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import type { DocumentFormat, ParseContext } from '../define.js';
import { k8sEvents } from './k8s-events.js';
import { k8sPods } from './k8s-pods.js';
import { quantityBytes } from './k8s-json.js';

const ctx: ParseContext = { yearFor: () => 2026 };
const read = (name: string) => readFileSync(repoPath('test/fixtures/k8s', name), 'utf8');

test('k8s-events: recognised by content, one record per event at its last occurrence, on the pretty-printed line of the item', () => {
  const text = read('events.json');
  const f: DocumentFormat = k8sEvents;
  assert.ok(f.recognize(text.slice(0, 4096), 'x.json') > 0.5);
  assert.equal(k8sPods.recognize(text.slice(0, 4096), 'x.json'), 0);
  const { records, takenAt } = f.parse(text, ctx);
  assert.equal(records.length, 4);
  const backoff = records.find((r) => r.fields?.reason === 'BackOff')!;
  assert.equal(backoff.wallMs, Date.parse('2026-05-10T07:46:10Z'));
  assert.deepEqual([backoff.host, backoff.process, backoff.severity, backoff.fields?.count, backoff.fields?.container], ['node-b', 'api', 'warn', 14, 'api']);
  assert.match(text.split('\n')[backoff.line - 1]!, /"uid": "b1f7c2d0-1c1e-4f7a-9a51-0e6f9d2a7c03"/);
  // the scheduler's event has no node and no container: the object's name stands for the process
  const scheduled = records.find((r) => r.fields?.reason === 'Scheduled')!;
  assert.deepEqual([scheduled.host, scheduled.process, scheduled.fields?.count], [null, 'api-7d9f8b6c5-x2k4p', 1]);
  assert.equal(takenAt?.wallMs, Date.parse('2026-05-10T07:46:10Z'));
});

test('k8s-pods: one record per container status with restarts, state and last termination', () => {
  const text = read('pods.json');
  assert.equal(k8sEvents.recognize(text.slice(0, 4096), 'x.json'), 0);
  assert.ok(k8sPods.recognize(text.slice(0, 4096), 'x.json') > 0.5);
  const { records } = k8sPods.parse(text, ctx);
  assert.equal(records.length, 3);
  const api = records[0]!;
  assert.deepEqual(
    [api.host, api.process, api.wallMs, api.fields?.waitingReason, api.fields?.lastReason, api.fields?.lastExitCode, api.fields?.restartCount, api.fields?.memoryLimitBytes],
    ['node-b', 'api', Date.parse('2026-05-10T07:45:51Z'), 'CrashLoopBackOff', 'OOMKilled', 137, 7, 512 * 1024 * 1024],
  );
  const web = records[2]!;
  assert.deepEqual([web.severity, web.fields?.lastReason, web.fields?.memoryLimitBytes, web.wallMs], ['info', null, 1024 ** 3, Date.parse('2026-05-10T07:00:00Z')]);
});

test('broken or foreign JSON: no records, a warning, no throw', () => {
  assert.deepEqual(k8sPods.parse('{"kind": "Pod", "metadata": ', ctx).records, []);
  assert.ok(k8sPods.parse('{"kind": "Pod", "metadata": ', ctx).warnings?.[0]?.startsWith('not valid JSON'));
  assert.deepEqual(k8sEvents.parse('{"kind": "List", "items": [1, null, "x", {"kind": "Event"}]}', ctx).records, []);
});

test('memory quantities', () => {
  assert.equal(quantityBytes('512Mi'), 536870912);
  assert.equal(quantityBytes('1G'), 1e9);
  assert.equal(quantityBytes('1.5Gi'), 1610612736);
  assert.equal(quantityBytes('lots'), null);
});
