import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readEvents, sniffedFormatOf } from '../../../test/support/read-events.js';
import type { LineFormat, ParseContext } from '../define.js';
import { FORMATS } from '../registry.js';
import { sniffFormat } from '../sniff.js';
import { logfmt } from './logfmt.js';

const ctx: ParseContext = { yearFor: () => 2024 };
// the registry's type, so the test calls parse as the pipeline does
const parse = (line: string) => (logfmt as LineFormat).parse(line, ctx);

describe('logfmt', () => {
  test('needs a pair first, two pairs, and a time, level or msg key', () => {
    assert.equal(parse('hello world a=b'), undefined);
    assert.equal(parse('a=1'), undefined);
    assert.equal(parse('a=1 b=2 c=3'), undefined);
    assert.ok(parse('a=1 msg=hi'));
  });
  test('refuses a line that is mostly bare words', () => {
    assert.equal(parse('msg=this is a long sentence with only one pair at the start level=info'), undefined);
  });
  test('a time that is neither ISO nor epoch leaves the record without a time', () => {
    const p = parse('time=yesterday level=info msg=x');
    assert.equal(p?.wallMs, undefined);
    assert.equal(p?.severity, 'info');
    assert.deepEqual(p?.fields, { time: 'yesterday' });
  });
  test('fields are bounded in number and size', () => {
    const many = 'level=info msg=x ' + Array.from({ length: 80 }, (_, i) => `k${i}=v`).join(' ') + ' big=' + 'x'.repeat(5000);
    const p = parse(many)!;
    assert.ok(Object.keys(p.fields!).length <= 32);
    const q = parse('level=info msg=x big=' + 'y'.repeat(5000))!;
    assert.equal((q.fields!['big'] as string).length, 1024);
  });

  test('does not take go-log, klog, syslog, log4j or access logs with k=v pairs in them', () => {
    const others = [
      '2021/03/02 15:04:05 level=warn msg="retry" attempt=2',
      'I0302 15:04:05.476463       1 a.go:1] "Lost lease" lease=x attempts=3',
      'Mar  2 11:04:05 web-3 app[12]: level=error msg=failed code=7',
      '2024-03-02 11:04:05,210 [main] INFO  org.Foo: level=warn msg=x',
      '127.0.0.1 - - [02/Mar/2024:11:04:05 +0800] "GET /x HTTP/1.1" 502 157 "-" "curl/8" rt=0.1 msg=x',
    ];
    for (const line of others) {
      assert.equal(parse(line), undefined, line);
      assert.notEqual(sniffFormat(line + '\n' + line + '\n', 'x.log', ctx, FORMATS).format.name, 'logfmt', line);
    }
  });
  test('a file where few lines are pairs is not logfmt (minShare)', () => {
    const head = ['level=info msg=a', 'starting up', 'listening on 8080', 'ready', 'level=warn msg=b', 'done'].join('\n') + '\n';
    assert.notEqual(sniffFormat(head, 'x.log', ctx, FORMATS).format.name, 'logfmt');
  });

  test('recorded go-kit logfmt', async () => {
    const path = 'test/fixtures/logs/go/gokit-logfmt.log';
    assert.equal(sniffedFormatOf(path), 'logfmt');
    const { events } = await readEvents(path);
    assert.deepEqual(events.map((e) => e.severity), ['info', 'warn', 'error', 'debug']);
    assert.equal(events[2]!.fields!['query'], 'up{job="node"} == 0');
    assert.equal(events[3]!.message, 'line with\nnewline and "quotes"');
    assert.equal(events[1]!.fields!['duration_seconds'], 12.5);
    assert.ok(events.every((e) => e.timeMs !== null && e.fields!['caller'] !== undefined));
  });
  test('slog TextHandler (written by hand): offsets and dotted keys', async () => {
    const path = 'test/fixtures/logs/go/slog-text.log';
    assert.equal(sniffedFormatOf(path), 'logfmt');
    const { events } = await readEvents(path);
    assert.equal(events.length, 6);
    assert.equal(events[0]!.timeMs, Date.UTC(2024, 2, 2, 3, 4, 5, 123));
    assert.equal(events[3]!.severity, 'error');
    assert.equal(events[5]!.fields!['group.size'], 3);
  });
});
