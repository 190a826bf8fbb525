import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LogEvent } from './event.js';
import type { Severity } from './severity.js';
import { TimelineSelector } from './timeline.js';

function ev(path: string, line: number, timeMs: number | null, severity: Severity | null, message: string): LogEvent {
  return {
    timeMs, timeText: null, host: 'h', path, line, format: 'plain', severity, process: null, pid: null,
    thread: null, logger: null, message, text: message, fields: null,
  };
}

test('keeps first and last line, warnings and state changes, merged by time across sources', () => {
  const t = new TimelineSelector();
  t.accept(ev('a.log', 1, 1000, 'info', 'boot'));
  t.accept(ev('b.log', 1, 1500, 'info', 'hello'));
  t.accept(ev('a.log', 2, 2000, 'info', 'ordinary work'));
  t.accept(ev('a.log', 3, 3000, 'error', 'disk failed'));
  t.accept(ev('b.log', 2, 2500, 'info', 'PEER STATE CHANGE: LOOKING'));
  t.accept(ev('a.log', 4, 4000, 'info', 'more ordinary work'));
  t.accept(ev('b.log', 3, 5000, 'info', 'bye'));
  const { entries, omitted } = t.entries();
  assert.equal(omitted, 0);
  assert.deepEqual(entries.map((e) => `${e.event.path}:${e.event.line}:${e.reason}`), [
    'a.log:1:first', 'b.log:1:first', 'b.log:2:state-change', 'a.log:3:severity', 'a.log:4:last', 'b.log:3:last',
  ]);
});

test('a run of lines of one shape folds into one entry with a count', () => {
  const t = new TimelineSelector();
  t.accept(ev('a.log', 1, 0, 'info', 'start'));
  for (let i = 1; i <= 50; i++) t.accept(ev('a.log', 1 + i, i * 10, 'warn', `retry ${i} failed after ${i * 3} ms`));
  t.accept(ev('a.log', 52, 600, 'warn', 'something else'));
  const { entries } = t.entries();
  const folded = entries.find((e) => e.event.line === 2);
  assert.equal(folded?.repeats, 49);
  assert.equal(folded?.lastEvent?.line, 51);
  assert.equal(entries.length, 3);
});

test('memory stays bounded: beyond the kept head and tail, entries are counted as omitted', () => {
  const t = new TimelineSelector();
  for (let i = 0; i < 10_000; i++) t.accept(ev('a.log', i + 1, i, 'error', i % 2 ? `odd failure ${'x'.repeat(i % 7)}` : `even ${'y'.repeat(i % 5)}`));
  const { entries, omitted } = t.entries();
  assert.ok(entries.length <= 402, `kept ${entries.length}`);
  assert.ok(omitted > 9000, `omitted ${omitted}`);
  assert.equal(entries.length - 1 + omitted, 9999);
});

test('events without a time stay after their predecessor in the same source', () => {
  const t = new TimelineSelector();
  t.accept(ev('a.log', 1, 5000, 'info', 'x'));
  t.accept(ev('a.log', 2, null, 'error', 'continuation-like error without time'));
  t.accept(ev('b.log', 1, 4000, 'error', 'earlier elsewhere'));
  t.accept(ev('b.log', 2, 6000, 'error', 'later elsewhere'));
  const order = t.entries().entries.map((e) => `${e.event.path}:${e.event.line}`);
  assert.deepEqual(order, ['b.log:1', 'a.log:1', 'a.log:2', 'b.log:2']);
});
