import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readEvents, sniffedFormatOf } from '../../../test/support/read-events.js';
import type { LineFormat } from '../define.js';
import { log4jShortDate as format } from './log4j-short-date.js';

const ctx = { yearFor: () => 2024 };
const lines: LineFormat = format;

test('a Spark executor log is recognised; its stack trace joins the ERROR record', async () => {
  const rel = 'test/fixtures/logs/spark/executor-stderr.log';
  assert.equal(sniffedFormatOf(rel), 'log4j-short-date');
  const { events, input } = await readEvents(rel);
  assert.equal(input.format, 'log4j-short-date');
  assert.equal(input.lines, 17);
  assert.equal(events.length, 13); // the exception line and 3 frames joined
  const err = events.find((e) => e.logger === 'executor.Executor' && e.severity === 'error');
  assert.ok(err);
  assert.equal(err.timeMs, Date.UTC(2019, 1, 27, 13, 5, 40));
  assert.match(err.text, /\n\tat java\.util\.Arrays\.copyOf/);
  assert.equal(err.message.split('\n')[0], 'Exception in task 5.0 in stage 2.0 (TID 18)');
  assert.ok(events.every((e) => e.timeMs !== null && e.logger !== null && e.thread === null));
});

test('an early Hadoop DataNode log is recognised: thread id, level, logger with $', async () => {
  const rel = 'test/fixtures/logs/hadoop/datanode-0.18.log';
  assert.equal(sniffedFormatOf(rel), 'log4j-short-date');
  const { events, input } = await readEvents(rel);
  assert.equal(events.length, input.lines);
  assert.ok(events.every((e) => e.timeMs !== null && e.thread !== null && /^dfs\./.test(e.logger ?? '')));
  assert.deepEqual(
    events.map((e) => e.severity).filter((s) => s !== 'info'),
    ['warn', 'error'],
  );
  const first = events[0]!;
  assert.equal(first.timeMs, Date.UTC(2009, 2, 15, 11, 42, 58));
  assert.equal(first.thread, '7739');
  assert.equal(first.logger, 'dfs.DataNode$DataXceiver');
  assert.equal(first.message, 'Receiving block blk_5127468870356927313 src: /127.0.0.1:50522 dest: /127.0.0.1:50010');
});

test('padded levels read; impossible dates and other layouts do not', () => {
  assert.equal(lines.parse('19/02/27 13:05:11 WARN  storage.BlockManager: slow', ctx)?.severity, 'warn');
  for (const line of [
    '19/13/27 13:05:11 INFO storage.MemoryStore: month 13',
    '091315 114302 7741 WARN dfs.DataNode: month 13',
    '2019/02/27 13:05:11 INFO storage.MemoryStore: Go log date',
    '19/02/27 13:05:11 NOTICE storage.MemoryStore: not a log4j level',
    '2024-03-02 11:04:05,210 INFO org.apache.Foo: ISO date is log4j.ts',
    '090315 114302 WARN dfs.DataNode: no thread id',
    '0a/02/27 13:05:11 INFO storage.MemoryStore: year not digits',
    '0a0315 114302 7741 WARN dfs.DataNode: year not digits',
  ]) assert.equal(lines.parse(line, ctx), undefined, line);
});
