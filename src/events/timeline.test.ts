import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { LogEvent } from './event.js';
import type { Severity } from './severity.js';
import { repoPath } from '../../test/support/paths.js';
import { isStateChange } from './state-change.js';
import { sameShape, STATE_CHANGE_WORDS, TimelineSelector } from './timeline.js';

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

test('sameShape is equality of the messages with digit runs masked', () => {
  const masked = (s: string) => s.replace(/\d+/g, '#');
  const alphabet = ['1', '23', '#', 'a', ' ', '0', 'b'];
  let seed = 11;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const word = () => Array.from({ length: Math.floor(rnd() * 6) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
  let equal = 0;
  for (let i = 0; i < 5000; i++) {
    const a = word();
    const b = rnd() < 0.5 ? a.replace(/\d/g, () => String(Math.floor(rnd() * 10))) : word();
    assert.equal(sameShape(a, b), masked(a) === masked(b), `${a} | ${b}`);
    if (masked(a) === masked(b)) equal++;
  }
  assert.ok(equal > 1000);
  assert.ok(sameShape('task 7 stopped', 'task 812 stopped'));
  assert.ok(!sameShape('task 7 stopped', 'task 7 started'));
  assert.ok(sameShape('a#b', 'a12b'));
});

test('every state change holds one of STATE_CHANGE_WORDS (the scan that spares the regex misses none)', () => {
  const lines: string[] = [];
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (/\.(?:log|txt)$/.test(d.name) && statSync(p).size < 4 << 20) lines.push(...readFileSync(p, 'utf8').split('\n'));
    }
  };
  walk(repoPath('test', 'fixtures'));
  // every wording of the regex, in the cases it accepts
  lines.push('Started x', 'stopped', 'Stopping', 'Shutting down', 'shutdown complete', 'Restarted', 'restarting', 'Exited', 'killed',
    'Terminated', 'State change', 'state changed', 'State transition', 'STATE CHANGE', 'changed state', 'Transitioned to', 'transitioning from',
    'LOOKING', 'FOLLOWING', 'LEADING', 'OBSERVING', 'Elected leader', 'elected as leader', 'became leader', 'new leader',
    'lost leadership', 'Leader election', 'Connected to', 'Disconnected from', 'Reconnected', 'reconnecting');
  let changes = 0;
  for (const line of lines) {
    if (!isStateChange(line)) continue;
    changes++;
    const head = line.slice(0, 120).toLowerCase();
    assert.ok(STATE_CHANGE_WORDS.some((w) => head.includes(w)), line);
  }
  assert.ok(changes > 100, `only ${changes} state changes found`);
});

test('mayChangeState=false spares the regex: the line is kept only for its severity', () => {
  const t = new TimelineSelector();
  t.accept(ev('a.log', 1, 0, 'info', 'boot'));
  t.accept(ev('a.log', 2, 10, 'info', 'service started'), false);
  t.accept(ev('a.log', 3, 20, 'info', 'service started'));
  t.accept(ev('a.log', 4, 30, 'info', 'idle'));
  assert.deepEqual(t.entries().entries.map((e) => `${e.event.line}:${e.reason}`), ['1:first', '3:state-change', '4:last']);
});
