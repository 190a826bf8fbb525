import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import type { LineFormat, ParseContext } from '../define.js';
import { sniffFormat } from '../sniff.js';
import { syslogRfc3164 } from './syslog-rfc3164.js';
import { syslogRfc5424 as defined } from './syslog-rfc5424.js';

// the format as the pipeline sees it
const syslogRfc5424 = defined as LineFormat;

const ctx: ParseContext = { yearFor: () => 2024 };
// recorded from util-linux logger --rfc5424 by scripts/record/logger-rfc5424.sh
const recorded = readFileSync(repoPath('test', 'fixtures', 'logs', 'syslog', 'rfc5424.log'), 'utf8');
const lines = recorded.trimEnd().split('\n');

describe('syslog-rfc5424', () => {
  test('every recorded line parses and the file is recognised by content', () => {
    for (const l of lines) assert.ok(syslogRfc5424.parse(l, ctx), l);
    assert.equal(sniffFormat(recorded, 'unnamed.txt', ctx).format.name, 'syslog-rfc5424');
  });

  test('structured data: several elements, and escaped "]" and quotes inside a value', () => {
    const first = syslogRfc5424.parse(lines[0]!, ctx)!;
    assert.equal(first.fields?.structuredData, '[timeQuality tzKnown="1" isSynced="0"][exampleSDID@32473 iut="3" eventSource="Application"]');
    assert.equal(first.message, 'An application event log entry');
    const escaped = syslogRfc5424.parse(lines[2]!, ctx)!;
    assert.equal(escaped.message, 'value with escapes');
    assert.equal(escaped.severity, 'warn');
    assert.equal(escaped.pid, null);
  });

  test('nil fields: no hostname, no timestamp', () => {
    const noHost = syslogRfc5424.parse(lines[3]!, ctx)!;
    assert.equal(noHost.host, null);
    assert.equal(noHost.process, 'cron');
    assert.equal(noHost.message, 'job started');
    const noTime = syslogRfc5424.parse(lines[4]!, ctx)!;
    assert.equal(noTime.wallMs, undefined);
    assert.equal(noTime.timeText, undefined);
    assert.equal(noTime.severity, 'critical');
  });

  test('a BOM before the message is dropped; a non-numeric PROCID is kept as a field', () => {
    const p = syslogRfc5424.parse('<165>1 2024-03-02T11:04:05Z h app worker-3 - - \ufeffhello', ctx)!;
    assert.equal(p.message, 'hello');
    assert.equal(p.pid, null);
    assert.equal(p.fields?.procId, 'worker-3');
  });

  test('not mine: classic syslog, bad PRI, unterminated structured data, bad time', () => {
    assert.equal(syslogRfc5424.parse('<13>Mar  2 11:04:05 web-3 sshd[1234]: hello', ctx), undefined);
    assert.equal(syslogRfc5424.parse('<999>1 2024-03-02T11:04:05Z h app - - - x', ctx), undefined);
    assert.equal(syslogRfc5424.parse('<14>1 2024-03-02T11:04:05Z h app - - [id a="1" x', ctx), undefined);
    assert.equal(syslogRfc5424.parse('<14>1 yesterday h app - - - x', ctx), undefined);
    assert.equal(syslogRfc5424.parse('', ctx), undefined);
    // and the reverse: classic syslog does not read RFC 5424
    assert.equal(syslogRfc3164.parse(lines[0]!, ctx), undefined);
  });

  test('a very long unterminated structured data part is bounded, never throws', () => {
    const p = syslogRfc5424.parse('<14>1 2024-03-02T11:04:05Z h app - - [id a="' + 'x'.repeat(100_000), ctx);
    assert.equal(p, undefined);
  });
});
