import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readEvents, sniffedFormatOf } from '../../../test/support/read-events.js';
import type { LineFormat, ParseContext } from '../define.js';
import { httpAccess } from './http-access.js';

const ctx: ParseContext = { yearFor: () => 2024 };
// the registry's type, so the test calls parse as the pipeline does
const parse = (line: string) => (httpAccess as LineFormat).parse(line, ctx);

describe('http-access', () => {
  test('refuses bad months, missing brackets and truncated lines', () => {
    assert.equal(parse('127.0.0.1 - - [02/Foo/2024:11:04:05 +0800] "GET / HTTP/1.1" 200 1'), undefined);
    assert.equal(parse('127.0.0.1 - - 02/Mar/2024:11:04:05 +0800 "GET / HTTP/1.1" 200 1'), undefined);
    assert.equal(parse('127.0.0.1 - - [02/Mar/2024:11:04:05 +0800] "GET / HTTP/1.1'), undefined);
  });
  test('a trailing $request_time in seconds becomes requestTimeMs', () => {
    const p = parse('127.0.0.1 - - [02/Mar/2024:11:04:05 +0800] "GET / HTTP/1.1" 200 5 "-" "curl/8" 0.250');
    assert.equal(p?.fields!['requestTimeMs'], 250);
  });
  test('3xx is info, 4xx warn, 5xx error', () => {
    const at = (s: number) => parse(`127.0.0.1 - - [02/Mar/2024:11:04:05 +0800] "GET / HTTP/1.1" ${s} 5`)?.severity;
    assert.deepEqual([at(301), at(499), at(500)], ['info', 'warn', 'error']);
  });

  test('recorded nginx combined log', async () => {
    const path = 'test/fixtures/logs/nginx/access.log';
    assert.equal(sniffedFormatOf(path), 'http-access');
    const { events } = await readEvents(path);
    assert.deepEqual(events.map((e) => e.fields!['status']), [200, 403, 502, 502, 200, 400]);
    assert.deepEqual(events.map((e) => e.severity), ['info', 'warn', 'error', 'error', 'info', 'warn']);
    assert.equal(events[2]!.fields!['path'], '/api/orders?id=7');
    assert.equal(events[2]!.fields!['referer'], 'http://127.0.0.1:18481/');
    // nginx escapes quotes inside fields as \x22
    assert.equal(events[3]!.fields!['userAgent'], 'Mozilla/5.0 (X11; Linux x86_64) \\x22quoted\\x22');
    assert.equal(events[4]!.fields!['user'], 'alice');
    assert.equal(events[5]!.fields!['method'], null);
    assert.equal(events[5]!.fields!['request'], 'BLAH');
  });
  test('recorded nginx log with request and upstream times', async () => {
    const path = 'test/fixtures/logs/nginx/access-timed.log';
    assert.equal(sniffedFormatOf(path), 'http-access');
    const { events } = await readEvents(path);
    assert.ok(events.every((e) => typeof e.fields!['requestTimeMs'] === 'number'));
    assert.equal(events[2]!.fields!['upstreamTimeMs'], 0);
    assert.equal(events[0]!.fields!['upstreamTimeMs'], undefined);
  });
  test('recorded Apache combined and vhost_combined logs', async () => {
    for (const path of ['test/fixtures/logs/apache/access.log', 'test/fixtures/logs/apache/other_vhosts_access.log']) {
      assert.equal(sniffedFormatOf(path), 'http-access');
      const { events } = await readEvents(path);
      assert.deepEqual(events.map((e) => e.fields!['status']), [200, 404, 503, 503, 400]);
      assert.equal(events[3]!.fields!['userAgent'], 'Mozilla/5.0 (X11; Linux x86_64) \\"quoted\\"');
      assert.ok(events.every((e) => e.fields!['clientIp'] === '127.0.0.1'));
      if (path.includes('vhosts')) assert.equal(events[0]!.fields!['vhost'], 'localhost:80');
    }
  });
});
