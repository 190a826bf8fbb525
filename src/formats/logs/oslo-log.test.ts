import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readEvents, sniffedFormatOf } from '../../../test/support/read-events.js';
import type { LineFormat } from '../define.js';
import { osloLog as format } from './oslo-log.js';

const ctx = { yearFor: () => 2024 };
const lines: LineFormat = format;

test('a nova-compute log is recognised: pid, level, logger, request id; the context is not in the message', async () => {
  const rel = 'test/fixtures/logs/openstack/nova-compute.log';
  assert.equal(sniffedFormatOf(rel), 'oslo-log');
  const { events, input } = await readEvents(rel);
  assert.equal(events.length, input.lines);
  assert.ok(events.every((e) => e.pid === 3310 && e.timeMs !== null && e.logger !== null && !e.message.startsWith('[-]') && !e.message.startsWith('[req-')));
  const failed = events.find((e) => e.message.startsWith('[instance: 2c7d0f8e-6b1a-4f0e-9d3c-5a8b7e6f4d21] Setting instance vm_state to ERROR'));
  assert.ok(failed);
  assert.equal(failed.severity, 'error');
  assert.equal(failed.fields?.requestId, 'req-1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5');
  assert.equal(failed.timeMs, Date.UTC(2023, 1, 14, 9, 41, 12, 440));
  assert.equal(events.filter((e) => e.severity === 'warn').length, 1);
});

test('lines prefixed with their file name read the same, the name kept in fields', async () => {
  const rel = 'test/fixtures/logs/openstack/merged-dump.log';
  assert.equal(sniffedFormatOf(rel), 'oslo-log');
  const { events } = await readEvents(rel);
  assert.deepEqual(
    [...events].sort((a, b) => a.line - b.line).map((e) => [e.fields?.sourceFile, e.pid, e.timeText]),
    [
      ['nova-api.log.1', 18830, '2023-02-14 09:31:07.412'], ['nova-compute.log.1', 3310, '2023-02-14 09:31:07.901'],
      ['nova-scheduler.log.1', 2207, '2023-02-14 09:31:07.655'], ['nova-compute.log.1', 3310, '2023-02-14 09:40:00.118'],
    ],
  );
});

test('levels: AUDIT is a notice, the old per-line TRACE of a logged exception an error', () => {
  const sev = (lvl: string) => lines.parse(`2023-02-14 09:41:12.441 3310 ${lvl} nova.compute.manager [-] m`, ctx)?.severity;
  assert.deepEqual(['DEBUG', 'INFO', 'AUDIT', 'WARNING', 'ERROR', 'CRITICAL', 'TRACE'].map(sev), ['debug', 'info', 'notice', 'warn', 'error', 'critical', 'error']);
});

test('python-logging, log4j and supervisord lines are not oslo.log; a prefix must name a log file', () => {
  for (const line of [
    '2024-03-02 11:04:05,123 WARNING shop.worker: order 42 retried 3 times',
    '2026-11-22 04:35:08,564 INFO 21671 [invoice_export.publisher] publishing',
    '2024-03-02 11:04:05.210 ERROR [http-nio-8080-exec-3] c.e.o.OrderService - payment failed',
    '2024-03-02 11:04:05.210 3310 NOTICE nova.compute [-] not an oslo level',
    'worker-7 2023-02-14 09:40:00.118 3310 WARNING nova.compute.resource_tracker [-] prefix is not a file name',
  ]) assert.equal(lines.parse(line, ctx), undefined, line);
});
