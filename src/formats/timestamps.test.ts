import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ParseContext } from './define.js';
import { isoStamp, parseIsoLike, scanIsoLike, scanSyslogStamp, syslogStamp } from './timestamps.js';

/**
 * The ISO-like grammar as a regex, read the slow way: the character scan must agree with it on
 * every input (where the stamp ends, the wall time, the offset).
 */
const ISO_GRAMMAR =
  /^(\d{4})[-/](\d\d)[-/](\d\d)[T ](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?(?: ?(Z|[+-]\d\d:?\d\d|[+-]\d\d(?!\d)|UTC|GMT))?/;

function byGrammar(text: string): { end: number; wallMs: number; offsetMin: number | undefined } | undefined {
  const m = ISO_GRAMMAR.exec(text);
  if (!m) return undefined;
  const frac = m[7] === undefined ? 0 : Number((m[7] + '00').slice(0, 3));
  const wallMs = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, frac);
  let offsetMin: number | undefined;
  const o = m[8];
  if (o === 'Z' || o === 'UTC' || o === 'GMT') offsetMin = 0;
  else if (o) {
    const d = o.replace(':', '');
    offsetMin = (o[0] === '-' ? -1 : 1) * (Number(d.slice(1, 3)) * 60 + Number(d.slice(3, 5) || 0));
  }
  return { end: m[0].length, wallMs, offsetMin };
}

const ISO_CASES = [
  '2024-03-02 11:04:05,210 INFO x',
  '2024-03-02T11:04:05.123456+08:00 msg',
  '2024-03-02T11:04:05.123456789123Z',
  '2024/03/02 11:04:05 GMT',
  '2024-03/02 11:04:05',
  '2024-03-02 11:04:05 +0800',
  '2024-03-02 11:04:05 +08',
  '2024-03-02 11:04:05-05:3',
  '2024-03-02 11:04:05+080',
  '2024-03-02 11:04:05.5',
  '2024-03-02 11:04:05.12',
  '2024-03-02 11:04:05. next',
  '2024-03-02 11:04:05,x',
  '2024-03-02 11:04:05 UTCx',
  '2024-03-02 11:04:05 Zookeeper',
  '2024-03-02 11:04:05  Z',
  '2024-13-40 25:61:61',
  '0099-01-01 00:00:00',
  '1969-12-31 23:59:59.999',
  '2024-03-02 11:04:0',
  '2024-03-02x11:04:05',
  '2024-3-02 11:04:05',
  '２０２４-03-02 11:04:05',
  '',
];

describe('scanIsoLike', () => {
  for (const text of ISO_CASES) {
    test(`agrees with the grammar on ${JSON.stringify(text)}`, () => {
      const want = byGrammar(text);
      const end = scanIsoLike(text, 0);
      if (!want) {
        assert.equal(end, -1);
        assert.equal(parseIsoLike(text), undefined);
        return;
      }
      assert.equal(end, want.end);
      assert.equal(isoStamp.wallMs, want.wallMs);
      assert.equal(isoStamp.offsetMin, want.offsetMin);
    });
  }

  test('reads a stamp in the middle of a line, and lines of other days after it', () => {
    const line = '[I] 2024-03-02 23:59:59.900 tick';
    assert.equal(scanIsoLike(line, 4), 27);
    assert.equal(isoStamp.wallMs, Date.UTC(2024, 2, 2, 23, 59, 59, 900));
    assert.equal(scanIsoLike('2024-03-03 00:00:00 next day', 0), 19);
    assert.equal(isoStamp.wallMs, Date.UTC(2024, 2, 3));
    assert.equal(scanIsoLike('2024-03-02 12:00:00 back', 0), 19);
    assert.equal(isoStamp.wallMs, Date.UTC(2024, 2, 2, 12));
  });
});

describe('scanSyslogStamp', () => {
  const years: number[] = [];
  const ctx: ParseContext = { yearFor: (m) => (years.push(m), m === 11 ? 2023 : 2024) };

  test('day padded with a space or a zero, fractions of any length', () => {
    assert.equal(scanSyslogStamp('Mar  2 11:04:05 host', 0, ctx), 15);
    assert.equal(syslogStamp.wallMs, Date.UTC(2024, 2, 2, 11, 4, 5));
    assert.equal(scanSyslogStamp('<13>Mar 02 11:04:06.5 host', 4, ctx), 21);
    assert.equal(syslogStamp.wallMs, Date.UTC(2024, 2, 2, 11, 4, 6, 500));
    assert.equal(scanSyslogStamp('Mar 02 11:04:07.123456789 host', 0, ctx), 25);
    assert.equal(syslogStamp.wallMs, Date.UTC(2024, 2, 2, 11, 4, 7, 123));
  });

  test('the year comes from the context, once per day', () => {
    years.length = 0;
    scanSyslogStamp('Dec 31 23:59:59 a', 0, ctx);
    assert.equal(syslogStamp.wallMs, Date.UTC(2023, 11, 31, 23, 59, 59));
    scanSyslogStamp('Dec 31 23:59:58 a', 0, ctx);
    scanSyslogStamp('Jan  1 00:00:01 a', 0, ctx);
    assert.equal(syslogStamp.wallMs, Date.UTC(2024, 0, 1, 0, 0, 1));
    assert.deepEqual(years, [11, 0]);
    // another input's context asks its own year
    const other: ParseContext = { yearFor: () => 2020 };
    scanSyslogStamp('Jan  1 00:00:01 a', 0, other);
    assert.equal(syslogStamp.wallMs, Date.UTC(2020, 0, 1, 0, 0, 1));
  });

  test('not a stamp', () => {
    for (const text of ['Foo  2 11:04:05 x', 'mar  2 11:04:05 x', 'Mar 2 11:04:05 x', 'Mar  2 11:04 x', 'Mar  x 11:04:05 x', 'Mar  2 11-04-05 x', 'Mar  2 11:04']) {
      assert.equal(scanSyslogStamp(text, 0, ctx), -1, text);
    }
  });
});
