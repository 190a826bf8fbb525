import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readEvents, sniffedFormatOf } from '../../../test/support/read-events.js';
import type { LineFormat, ParseContext } from '../define.js';
import { klog } from './klog.js';

const ctx: ParseContext = { yearFor: (month) => (month === 11 ? 2023 : 2024) };
// the registry's type, so the test calls parse as the pipeline does
const parse = (line: string) => (klog as LineFormat).parse(line, ctx);

describe('klog', () => {
  test('the year comes from the context, by month', () => {
    assert.equal(parse('I1231 23:59:59.999999       1 a.go:1] x')?.wallMs, Date.UTC(2023, 11, 31, 23, 59, 59, 999));
    assert.equal(parse('I0101 00:00:00.000001       1 a.go:1] x')?.wallMs, Date.UTC(2024, 0, 1));
  });
  test('refuses lines that only look alike', () => {
    assert.equal(parse('I1302 15:04:05.476463 1 a.go:1] bad month'), undefined);
    assert.equal(parse('X0302 15:04:05.476463 1 a.go:1] bad level'), undefined);
    assert.equal(parse('I0302 15:04:05.476 1 a.go:1] short fraction'), undefined);
    assert.equal(parse('INFO 2024-03-02 started'), undefined);
  });
  test('a structured line with a broken quote keeps its raw message', () => {
    const p = parse('I0302 15:04:05.476463       1 a.go:1] "unterminated k=v');
    assert.equal(p?.message, '"unterminated k=v');
  });

  test('recorded glog: multi-line messages and the exit line join their records', async () => {
    const path = 'test/fixtures/logs/go/glog-fatal.log';
    assert.equal(sniffedFormatOf(path), 'klog');
    const { events, input } = await readEvents(path);
    assert.equal(input.format, 'klog');
    assert.deepEqual(events.map((e) => e.severity), ['info', 'info', 'warn', 'error', 'info', 'fatal']);
    assert.equal(events[4]!.text.split('\n')[1], 'message body');
    assert.match(events[5]!.text, /leaderelection lost\nexit status 255$/);
    assert.equal(events[5]!.fields!['exitStatus'], 255);
    assert.ok(events.every((e) => typeof e.pid === 'number' && e.pid > 0));
  });

  test('kube-controller-manager (klog layout, written by hand): structured lines give fields', async () => {
    const path = 'test/fixtures/logs/kubernetes/kube-controller-manager.log';
    assert.equal(sniffedFormatOf(path), 'klog');
    const { events } = await readEvents(path);
    assert.equal(events.length, 12);
    const occurred = events.find((e) => e.message === 'Event occurred')!;
    assert.equal(occurred.fields!['reason'], 'LeaderElection');
    assert.equal(occurred.fields!['fieldPath'], '');
    assert.equal(events[events.length - 1]!.message, 'leaderelection lost');
    assert.equal(events[events.length - 1]!.severity, 'error');
    assert.equal(events[0]!.timeMs, Date.UTC(2024, 2, 2, 11, 4, 5, 476));
  });
});
