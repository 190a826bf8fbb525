import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import type { LineFormat, ParseContext } from '../define.js';
import { sniffFormat } from '../sniff.js';
import { dmesgT as defined } from './dmesg-t.js';

// the format as the pipeline sees it
const dmesgT: LineFormat = defined;

const ctx: ParseContext = { yearFor: () => 2024 };
// real output of one boot in the C and zh_CN.UTF-8 locales, recorded by scripts/record/kernel.sh
const fixture = (name: string) => readFileSync(repoPath('test', 'fixtures', 'logs', 'kernel', name), 'utf8');
const linesOf = (text: string) => text.trimEnd().split('\n');

describe('dmesg-t', () => {
  test('the C and the Chinese recordings give the same times and messages, line for line', () => {
    const c = linesOf(fixture('dmesg-T.txt'));
    const zh = linesOf(fixture('dmesg-T-zh_CN.txt'));
    assert.equal(zh.length, c.length);
    assert.ok(zh[0]!.includes('月'), 'the Chinese recording prints localised names');
    for (let i = 0; i < c.length; i++) {
      const a = dmesgT.parse(c[i]!, ctx);
      const b = dmesgT.parse(zh[i]!, ctx);
      assert.ok(a && b, `line ${i + 1}`);
      assert.equal(b.wallMs, a.wallMs, `line ${i + 1}`);
      assert.equal(b.message, a.message);
      assert.equal(a.offsetMin, undefined); // local time: the zone is the run's
      assert.equal(a.process, 'kernel');
    }
  });

  test('German, French, Spanish, Italian, Portuguese, Russian, Japanese and Korean names give the C times', () => {
    const c = linesOf(fixture('dmesg-T.txt')).slice(0, 3).map((l) => dmesgT.parse(l, ctx)!);
    const local = linesOf(fixture('dmesg-T-locales.txt'));
    assert.equal(local.length % 3, 0);
    assert.ok(local.length >= 3 * 8, 'all eight locales were recorded');
    local.forEach((l, i) => {
      const p = dmesgT.parse(l, ctx);
      assert.ok(p, l);
      assert.equal(p.wallMs, c[i % 3]!.wallMs, l);
      assert.equal(p.message, c[i % 3]!.message);
    });
    assert.equal(sniffFormat(fixture('dmesg-T-locales.txt'), 'unnamed.txt', ctx).format.name, 'dmesg-t');
  });

  test('localised month names of every month', () => {
    const months: [string, number][] = [['Mär', 2], ['Okt', 9], ['Dez', 11], ['févr.', 1], ['juin', 5], ['juil.', 6], ['août', 7], ['déc.', 11],
      ['ene', 0], ['abr', 3], ['ago', 7], ['gen', 0], ['mag', 4], ['giu', 5], ['lug', 6], ['set', 8], ['ott', 9], ['fev', 1], ['out', 9],
      ['янв', 0], ['мая', 4], ['июн', 5], ['июл', 6], ['ноя', 10]];
    for (const [name, month] of months) assert.equal(dmesgT.parse(`[x ${name}  5 10:21:07 2024] m`, ctx)?.wallMs, Date.UTC(2024, month, 5, 10, 21, 7), name);
  });

  test('both recordings are recognised by content', () => {
    assert.equal(sniffFormat(fixture('dmesg-T.txt'), 'unnamed.txt', ctx).format.name, 'dmesg-t');
    assert.equal(sniffFormat(fixture('dmesg-T-zh_CN.txt'), 'unnamed.txt', ctx).format.name, 'dmesg-t');
  });

  test('month from its number or English name; the weekday is ignored, even when missing or wrong', () => {
    const at = (l: string) => dmesgT.parse(l, ctx)?.wallMs;
    assert.equal(at('[二 5月 10 15:45:51 2022] x'), Date.UTC(2022, 4, 10, 15, 45, 51));
    assert.equal(at('[月 12日 24 16:02:24 2022] x'), Date.UTC(2022, 11, 24, 16, 2, 24));
    assert.equal(at('[화  3월  5 10:21:07 2024] x'), Date.UTC(2024, 2, 5, 10, 21, 7));
    assert.equal(at('[Mar  5 10:21:07 2024] x'), Date.UTC(2024, 2, 5, 10, 21, 7));
    assert.equal(at('[Fri Mar  5 10:21:07 2024] x'), Date.UTC(2024, 2, 5, 10, 21, 7));
  });

  test('dmesg -T -x: the level prefix gives the severity', () => {
    const p = dmesgT.parse('kern  :warn  : [Sun Nov 22 03:49:43 2026] [Firmware Bug]: TSC doesn\'t count with P0 frequency!', ctx)!;
    assert.equal(p.severity, 'warn');
    assert.equal(p.timeText, 'Sun Nov 22 03:49:43 2026');
    assert.equal(p.message, '[Firmware Bug]: TSC doesn\'t count with P0 frequency!');
  });

  test('not mine: bad month or day, raw dmesg, Apache 2.2 error lines, syslog', () => {
    for (const l of [
      '[Tue Foo  5 10:21:07 2024] x',
      '[二 13月 10 15:45:51 2022] x',
      '[Tue Mar 32 10:21:07 2024] x',
      '[ 1234.567890] x',
      '[Sat Mar 02 11:04:06 2024] [warn] [client 10.0.0.9] File does not exist: /var/www/favicon.ico',
      '[Sat Mar 02 11:04:06 2024] [core:error] [pid 1:tid 2] AH00126: Invalid URI in request',
      'Mar  2 11:04:05 db-1 kernel: eth0: link up',
    ]) assert.equal(dmesgT.parse(l, ctx), undefined, l);
  });
});
