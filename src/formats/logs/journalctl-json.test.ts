import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import type { LineFormat, ParseContext } from '../define.js';
import { sniffFormat } from '../sniff.js';
import { journalctlJson as defined } from './journalctl-json.js';

// the format as the pipeline sees it
const journalctlJson = defined as LineFormat;

const ctx: ParseContext = { yearFor: () => 2026 };
// real journalctl -o json output (systemd 252), recorded by scripts/record/journald.sh
const recorded = readFileSync(repoPath('test', 'fixtures', 'logs', 'journal', 'journalctl-o-json.txt'), 'utf8');
const lines = recorded.trimEnd().split('\n');

describe('journalctl-json', () => {
  test('every recorded entry parses, and the file is recognised by content', () => {
    const parsed = lines.map((l) => journalctlJson.parse(l, ctx));
    parsed.forEach((p, i) => assert.ok(p, lines[i]!.slice(0, 80)));
    assert.equal(sniffFormat(recorded, 'unnamed.txt', ctx).format.name, 'journalctl-json');
    const kernel = parsed.filter((p) => p!.fields?.transport === 'kernel');
    assert.ok(kernel.length > 0);
    for (const k of kernel) assert.equal(k!.process, 'kernel');
  });

  test('agrees with the short-precise recording of the same journal (same instants, messages)', () => {
    const precise = readFileSync(repoPath('test', 'fixtures', 'logs', 'journal', 'journalctl-o-short-precise.txt'), 'utf8').trimEnd().split('\n');
    assert.equal(precise.length, lines.length);
    for (let i = 0; i < lines.length; i++) {
      const j = journalctlJson.parse(lines[i]!, ctx)!;
      // short-precise printed Asia/Shanghai wall time: UTC + 8 h
      const hms = /^\w{3} \d\d (\d\d):(\d\d):(\d\d)\.(\d{3})/.exec(precise[i]!)!;
      const d = new Date(j.wallMs! + 8 * 3_600_000);
      assert.deepEqual([d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()], [+hms[1]!, +hms[2]!, +hms[3]!, +hms[4]!]);
      if (!precise[i]!.endsWith('blob data]')) assert.ok(precise[i]!.endsWith(': ' + j.message), precise[i]);
    }
  });

  test('a MESSAGE that is not UTF-8 comes as bytes and is decoded with replacement characters', () => {
    const blob = lines.map((l) => journalctlJson.parse(l, ctx)!).find((p) => p.message.startsWith('payload'));
    assert.equal(blob?.message, 'payload \ufffd\ufffd not utf-8');
  });

  test('a field set twice gives its first value; a null MESSAGE gives an empty message', () => {
    const p = journalctlJson.parse('{"__REALTIME_TIMESTAMP":"1709348645000000","SYSLOG_IDENTIFIER":["a","b"],"MESSAGE":null,"_PID":"12"}', ctx)!;
    assert.equal(p.process, 'a');
    assert.equal(p.message, '');
    assert.equal(p.pid, 12);
    assert.equal(p.severity, null);
  });

  test('not mine: other JSON lines, broken JSON, a timestamp that is not a number', () => {
    for (const l of [
      '{"level":"error","ts":1709348645.123,"msg":"session expired"}',
      '{"__REALTIME_TIMESTAMP":"1709348645000000", "MESSAGE": "cut',
      '{"__REALTIME_TIMESTAMP":"soon","MESSAGE":"x"}',
      '["__REALTIME_TIMESTAMP"]',
    ]) assert.equal(journalctlJson.parse(l, ctx), undefined, l);
  });
});
