import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readEvents, sniffedFormatOf } from '../../../test/support/read-events.js';
import type { LineFormat, ParseContext } from '../define.js';
import { goLog } from './go-log.js';
import { GO_STACK_LINE, finishGoRecord } from './go-stack.js';

const ctx: ParseContext = { yearFor: () => 2024 };
// the registry's type, so the test calls parse as the pipeline does
const parse = (line: string) => (goLog as LineFormat).parse(line, ctx);

describe('go-log', () => {
  test('refuses nginx error lines, which share the date layout', () => {
    assert.equal(parse('2024/03/02 11:04:05 [error] 1234#1234: *5 connect() failed'), undefined);
  });
  test('refuses other formats that carry a Go line inside them', () => {
    assert.equal(parse('Mar  2 11:04:05 web-3 app[12]: 2024/03/02 11:04:05 started'), undefined);
    assert.equal(parse('{"log":"2024/03/02 11:04:05 started\\n"}'), undefined);
    assert.equal(parse('msg="2024/03/02 11:04:05 started"'), undefined);
  });
  test('refuses impossible dates and non-microsecond fractions', () => {
    assert.equal(parse('2024/13/02 11:04:05 x'), undefined);
    assert.equal(parse('2024/03/02 11:04:05.123 x'), undefined);
    assert.equal(parse('2024-03-02 11:04:05 x'), undefined);
  });
  test('an empty message after the header is still a record', () => {
    assert.equal(parse('2024/03/02 11:04:05 ')?.message, '');
  });
  test('Go panic and goroutine dump lines are continuation lines', () => {
    for (const l of [
      'panic: runtime error: index out of range [5] with length 3',
      'goroutine 17 [running]:',
      'main.worker({0xc0000347b8?, 0x0?, 0x0?}, 0x0?)',
      '\t/src/app/main.go:14 +0x4a',
      'created by main.main',
      'created by main.main in goroutine 1',
      'net/http.(*conn).serve(0xc00012a000, {0x7a1b40, 0xc0000a8000})',
      'github.com/samuel/go-zookeeper/zk.(*Conn).loop(0xc0000b4000)',
      '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x6c2d1f]',
      'fatal error: concurrent map writes',
      'exit status 2',
    ]) assert.match(l, GO_STACK_LINE);
    assert.doesNotMatch('second line of it', GO_STACK_LINE);
    assert.doesNotMatch('Connection refused', GO_STACK_LINE);
  });

  test('a joined crash names its panic or fatal error and signal; a plain multi-line record is left alone', () => {
    const first = { severity: null, fields: { source: 'main.go:9' } };
    assert.deepEqual(finishGoRecord('x\npanic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x6c2d1f]\n\ngoroutine 1 [running]:', first), {
      severity: 'fatal',
      fields: { source: 'main.go:9', panic: 'runtime error: invalid memory address or nil pointer dereference', signal: 'SIGSEGV' },
    });
    assert.deepEqual(finishGoRecord('x\nfatal error: concurrent map writes\n\ngoroutine 7 [running]:', { severity: 'info', fields: null }), {
      severity: 'fatal', fields: { fatalError: 'concurrent map writes' },
    });
    assert.deepEqual(finishGoRecord('x\nmain.main\n\t/src/main.go:12', first), first);
  });

  test('recorded runtime panic: the dump joins the last record and the file sniffs as go-log', async () => {
    const path = 'test/fixtures/logs/go/std-log-runtime-panic.log';
    assert.equal(sniffedFormatOf(path), 'go-log');
    const { events, input } = await readEvents(path);
    assert.equal(input.format, 'go-log');
    const goEvents = events.filter((e) => e.format === 'go-log');
    assert.deepEqual(goEvents.map((e) => e.severity), [null, 'info', 'warn', 'error', 'error', null, null]);
    assert.deepEqual(goEvents[4]!.fields, { prefix: '[sidecar]' });
    assert.match(goEvents[3]!.fields!['source'] as string, /\/std-log\/main\.go:26$/);
    const last = events[events.length - 1]!;
    assert.match(last.text, /^panic: runtime error: index out of range/m);
    assert.match(last.text, /^goroutine \d+ \[running\]:$/m);
    assert.match(last.text, /\nexit status 2$/);
    assert.equal(last.severity, 'fatal');
    assert.deepEqual(last.fields, { panic: 'runtime error: index out of range [5] with length 3', exitStatus: 2 });
    // "second line of it" is a plain line of a multi-line message: Go's log does not mark it
    assert.ok(events.some((e) => e.format === 'plain' && e.message === 'second line of it'));
  });

  test('recorded log.Panicf: "panic:" line joins the log line that printed the same text', async () => {
    const { events } = await readEvents('test/fixtures/logs/go/std-log-panicf.log');
    const last = events[events.length - 1]!;
    assert.equal(last.message, 'invariant violated: 7 pending acks');
    assert.match(last.text, /\npanic: invariant violated: 7 pending acks\n/);
    assert.match(last.text, /\nlog\.Panicf\(/);
    assert.equal(last.severity, 'fatal');
    assert.deepEqual(last.fields, { panic: 'invariant violated: 7 pending acks', exitStatus: 2 });
  });

  test('recorded go-zookeeper client retries are go-log records in local time', async () => {
    const path = 'test/fixtures/logs/go/go-zookeeper-refused.log';
    assert.equal(sniffedFormatOf(path), 'go-log');
    const { events } = await readEvents(path);
    assert.ok(events.length >= 2);
    for (const e of events) {
      assert.equal(e.format, 'go-log');
      assert.match(e.message, /^Failed to connect to 127\.0\.0\.1:\d+: dial tcp .*connection refused$/);
      assert.equal(typeof e.timeMs, 'number');
    }
  });
});
