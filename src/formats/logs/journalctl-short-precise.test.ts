import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import type { LineFormat, ParseContext } from '../define.js';
import { sniffFormat } from '../sniff.js';
import { journalctlShortPrecise as defined } from './journalctl-short-precise.js';

// the format as the pipeline sees it
const journalctlShortPrecise: LineFormat = defined;

const ctx: ParseContext = { yearFor: () => 2026 };
// real journalctl -o short-precise output (systemd 252), recorded by scripts/record/journald.sh
const recorded = readFileSync(repoPath('test', 'fixtures', 'logs', 'journal', 'journalctl-o-short-precise.txt'), 'utf8');

describe('journalctl-short-precise', () => {
  test('every recorded line parses, with microseconds cut to milliseconds', () => {
    for (const l of recorded.trimEnd().split('\n')) {
      const p = journalctlShortPrecise.parse(l, ctx);
      assert.ok(p, l);
      const frac = /^\w{3} \d\d \d\d:\d\d:\d\d\.(\d{3})/.exec(l)![1]!;
      assert.equal(p.wallMs! % 1000, +frac);
    }
    assert.equal(sniffFormat(recorded, 'unnamed.txt', ctx).format.name, 'journalctl-short-precise');
  });

  test('boot markers are its own; the other markers are left to journalctl-short', () => {
    assert.equal(journalctlShortPrecise.parse('-- Boot 1cd6829176684a1581488f60ce90554a --', ctx)?.fields?.journalMarker, 'boot');
    assert.equal(journalctlShortPrecise.parse('-- No entries --', ctx), undefined);
  });

  test('does not take classic syslog (no fraction, or a space-padded day)', () => {
    assert.equal(journalctlShortPrecise.parse('Mar 02 11:04:05 h p[1]: x', ctx), undefined);
    assert.equal(journalctlShortPrecise.parse('Mar  2 11:04:05.123456 h p[1]: x', ctx), undefined);
    assert.equal(journalctlShortPrecise.parse('Mar 02 11:04:05.123 h p[1]: x', ctx), undefined);
    const syslog = 'Mar  2 11:04:05 web-3 sshd[1234]: Accepted publickey\nMar 12 11:04:06 web-3 CRON[99]: (root) CMD (true)\n';
    assert.equal(sniffFormat(syslog, 'unnamed.txt', ctx).format.name, 'syslog-rfc3164');
  });
});
