import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readEvents, sniffedFormatOf } from '../../../test/support/read-events.js';
import type { LineFormat, ParseContext } from '../define.js';
import { goZapConsole } from './go-zap-console.js';

const ctx: ParseContext = { yearFor: () => 2024 };
// the registry's type, so the test calls parse as the pipeline does
const parse = (line: string) => (goZapConsole as LineFormat).parse(line, ctx);

describe('go-zap-console', () => {
  test('coloured levels and a message containing braces', () => {
    const p = parse('2024-03-02T11:04:05.123Z\t\x1b[31mERROR\x1b[0m\tmain.go:9\tmap {a} failed');
    assert.equal(p?.severity, 'error');
    assert.equal(p?.message, 'map {a} failed');
    assert.deepEqual(p?.fields, { source: 'main.go:9' });
  });
  test('refuses space-separated layouts', () => {
    assert.equal(parse('2024-03-02T11:04:05.123Z INFO main.go:9 started'), undefined);
  });
  for (const [file, severities] of [
    ['zap-console-dev.log', ['info', 'warn', 'error', 'info']],
    ['zap-console-prod.log', ['info', 'warn', 'error', 'info']],
  ] as const) {
    test(`recorded ${file}: stack traces join their records`, async () => {
      const path = `test/fixtures/logs/go/${file}`;
      assert.equal(sniffedFormatOf(path), 'go-zap-console');
      const { events, input } = await readEvents(path);
      assert.equal(input.warnings.filter((w) => /did not match/.test(w)).length, 0);
      assert.deepEqual(events.map((e) => e.severity), severities);
      assert.equal(events[2]!.logger, 'coordinator');
      assert.equal(events[2]!.message, 'session expired');
      assert.equal(events[2]!.fields!['error'], 'zk: session has been expired by the server');
      assert.match(events[2]!.text, /\nmain\.main\n\t.*main\.go:35\nruntime\.main\n/);
      // a stack trace is not a crash: the record keeps its level
      assert.equal(events[2]!.severity, 'error');
      assert.equal(events[2]!.fields!['panic'], undefined);
    });
  }
});
