import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readEvents, sniffedFormatOf } from '../../../test/support/read-events.js';
import type { LineFormat, ParseContext } from '../define.js';
import { apacheError } from './apache-error.js';

const ctx: ParseContext = { yearFor: () => 2024 };
// the registry's type, so the test calls parse as the pipeline does
const parse = (line: string) => (apacheError as LineFormat).parse(line, ctx);

describe('apache-error', () => {
  test('trace levels and refusals', () => {
    assert.equal(parse('[Sat Mar 02 11:04:05.1 2024] [core:trace3] [pid 1:tid 2] x')?.severity, 'trace');
    assert.equal(parse('[Sat Mar 02 11:04:05 2024] [bogus] x'), undefined);
    assert.equal(parse('[02/Mar/2024:11:04:05 +0800] x'), undefined);
  });

  test('recorded Apache error log: refused backend with errno, message id, client', async () => {
    const path = 'test/fixtures/logs/apache/error.log';
    assert.equal(sniffedFormatOf(path), 'apache-error');
    const { events } = await readEvents(path);
    assert.ok(events.every((e) => e.format === 'apache-error' && e.pid !== null && e.thread !== null));
    const refused = events.filter((e) => e.fields?.['errno'] === 111);
    assert.equal(refused.length, 2);
    assert.ok(refused.every((e) => e.logger === 'proxy' && e.severity === 'error' && e.fields!['messageId'] === 'AH00957'));
    const backend = events.filter((e) => e.fields?.['messageId'] === 'AH01114');
    assert.equal(backend.length, 2);
    assert.match(backend[0]!.fields!['client'] as string, /^127\.0\.0\.1:\d+$/);
    assert.equal(events[0]!.severity, 'notice');
  });
});
