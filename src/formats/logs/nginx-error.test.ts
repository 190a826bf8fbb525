import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readEvents, sniffedFormatOf } from '../../../test/support/read-events.js';
import type { LineFormat, ParseContext } from '../define.js';
import { nginxError } from './nginx-error.js';

const ctx: ParseContext = { yearFor: () => 2024 };
// the registry's type, so the test calls parse as the pipeline does
const parse = (line: string) => (nginxError as LineFormat).parse(line, ctx);

describe('nginx-error', () => {
  test('refuses go-log lines with the same date', () => {
    assert.equal(parse('2024/03/02 11:04:05 [ERROR] queue is full'), undefined);
    assert.equal(parse('2024/03/02 11:04:05 starting'), undefined);
  });
  test('a context value with a comma keeps the context in the message', () => {
    const p = parse('2024/03/02 11:04:05 [error] 1#1: *1 x, client: 1.2.3.4, server: a, b');
    assert.equal(p?.message, 'x, client: 1.2.3.4, server: a, b');
  });

  test('recorded nginx error log: refused upstream, pid and thread, context fields', async () => {
    const path = 'test/fixtures/logs/nginx/error.log';
    assert.equal(sniffedFormatOf(path), 'nginx-error');
    const { events, input } = await readEvents(path);
    assert.equal(input.format, 'nginx-error');
    assert.ok(events.every((e) => e.format === 'nginx-error' && e.pid !== null && e.process === 'nginx'));
    const refused = events.filter((e) => e.fields?.['errno'] === 111);
    assert.equal(refused.length, 2);
    for (const e of refused) {
      assert.equal(e.severity, 'error');
      assert.equal(e.message, 'connect() failed (111: Connection refused) while connecting to upstream');
      assert.equal(e.fields!['client'], '127.0.0.1');
      assert.match(e.fields!['upstream'] as string, /^http:\/\/127\.0\.0\.1:\d+\/api\//);
    }
    assert.equal(refused[0]!.fields!['referrer'], 'http://127.0.0.1:18481/');
    assert.equal(events.find((e) => e.fields?.['errno'] === 13)?.fields!['request'], 'GET /missing.html HTTP/1.1');
  });
});
