import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { sniffFormat } from '../sniff.js';
import { supervisord } from './supervisord.js';

const ctx = { yearFor: () => 2026 };
// recorded by scripts/record/supervisord.sh
const recorded = readFileSync(repoPath('test', 'fixtures', 'logs', 'supervisord', 'supervisord.log'), 'utf8');

test('the recorded supervisord log is recognised, every line parses, state lines name their program', () => {
  assert.equal(sniffFormat(recorded, 'unnamed.txt', ctx).format.name, 'supervisord');
  for (const line of recorded.trimEnd().split('\n')) {
    const p = supervisord.parse(line, ctx);
    assert.ok(p, line);
    assert.equal(p.logger, undefined); // "exited:" is no logger
    const m = /^\S+ \S+ \w+ (?:exited|spawned|success|gave up): '?([\w-]+)/.exec(line);
    if (m) assert.equal(p.fields?.program, m[1], line);
  }
});

test('log4j and Python layouts with the same stamp are left to their formats', () => {
  for (const line of [
    '2026-11-22 04:35:08,564 INFO 21671 [invoice_export.publisher] publishing to stream invoices every 0.5s',
    '2026-11-22 05:00:26,152 INFO 22856 renderer: renderer started, page cache unbounded',
    '2024-03-02 11:04:05,210 INFO  [main] Starting',
    '2024-03-02 11:04:05,210 WARN org.apache.zookeeper.ClientCnxn - Session expired',
    '2024-03-02 11:04:05,210 INFO QuorumPeer: LOOKING',
    '2024-03-02 11:04:05,210 WARNING root: disk almost full',
  ]) assert.equal(supervisord.parse(line, ctx), undefined, line);
});
