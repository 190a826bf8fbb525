import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import type { LineFormat, ParseContext } from '../define.js';
import { sniffFormat } from '../sniff.js';
import { journalctlShortIso as defined } from './journalctl-short-iso.js';

// the format as the pipeline sees it
const journalctlShortIso: LineFormat = defined;

const ctx: ParseContext = { yearFor: () => 2026 };
// real journalctl -o short-iso / short-iso-precise output (systemd 252, TZ=Asia/Shanghai), from scripts/record/journald.sh
const fixture = (name: string) => readFileSync(repoPath('test', 'fixtures', 'logs', 'journal', name), 'utf8');

describe('journalctl-short-iso', () => {
  test('short-iso and short-iso-precise recordings parse and are recognised; the offset is kept', () => {
    for (const f of ['journalctl-o-short-iso.txt', 'journalctl-o-short-iso-precise.txt']) {
      const text = fixture(f);
      for (const l of text.trimEnd().split('\n')) {
        const p = journalctlShortIso.parse(l, ctx);
        assert.ok(p, l);
        assert.equal(p.offsetMin, 480);
      }
      assert.equal(sniffFormat(text, 'unnamed.txt', ctx).format.name, 'journalctl-short-iso', f);
    }
  });

  test('the precise and the plain recording name the same instants (to the second)', () => {
    const plain = fixture('journalctl-o-short-iso.txt').trimEnd().split('\n').map((l) => journalctlShortIso.parse(l, ctx)!);
    const precise = fixture('journalctl-o-short-iso-precise.txt').trimEnd().split('\n').map((l) => journalctlShortIso.parse(l, ctx)!);
    assert.equal(precise.length, plain.length);
    for (let i = 0; i < plain.length; i++) {
      assert.equal(Math.floor(precise[i]!.wallMs! / 1000) * 1000, plain[i]!.wallMs);
      assert.equal(precise[i]!.message, plain[i]!.message);
    }
  });

  test('newer journalctl writes +HH:MM; rsyslog high-precision lines (fraction and colon) are not taken', () => {
    assert.equal(journalctlShortIso.parse('2024-03-02T11:04:05+08:00 h app[1]: x', ctx)?.offsetMin, 480);
    assert.equal(journalctlShortIso.parse('2024-03-02T11:04:05.123456+08:00 h app[1]: x', ctx), undefined);
    assert.equal(journalctlShortIso.parse('2024-03-02 11:04:05+0800 h app[1]: x', ctx), undefined);
    assert.equal(journalctlShortIso.parse('2024-03-02T11:04:05Z h app[1]: x', ctx), undefined);
  });

  test('marker lines', () => {
    assert.equal(journalctlShortIso.parse('-- Boot 1cd6829176684a1581488f60ce90554a --', ctx)?.fields?.bootId, '1cd6829176684a1581488f60ce90554a');
  });
});
