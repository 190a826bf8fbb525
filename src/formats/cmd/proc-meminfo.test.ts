import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { sniffFormat } from '../sniff.js';
import { procMeminfo } from './proc-meminfo.js';

const ctx = { yearFor: () => 2026 };
// recorded by scripts/record/host-snapshots.sh
const recorded = readFileSync(repoPath('test', 'fixtures', 'logs', 'host', 'proc-meminfo.txt'), 'utf8');
const kb = (key: string) => Number(new RegExp(`^${key.replace(/[()]/g, '\\$&')}:\\s+(\\d+) kB$`, 'm').exec(recorded)![1]) * 1024;

test('the recorded /proc/meminfo is one host record with every line in bytes', () => {
  assert.equal(sniffFormat(recorded, 'unnamed.txt', ctx).format.name, 'proc-meminfo');
  const r = procMeminfo.parse(recorded, ctx);
  assert.equal(r.records.length, 1);
  const f = r.records[0]!.fields!;
  assert.equal(f.memTotalBytes, kb('MemTotal'));
  assert.equal(f.memAvailableBytes, kb('MemAvailable'));
  assert.equal(f.activeAnonBytes, kb('Active(anon)'));
  assert.equal(f.committedASBytes, kb('Committed_AS'));
  assert.equal(f.memAvailablePercent, Math.round((kb('MemAvailable') / kb('MemTotal')) * 1000) / 10);
  assert.equal(typeof f.hugePagesTotal, 'number'); // a count, not kB
  assert.equal(Object.keys(f).filter((k) => k.endsWith('Bytes')).length, recorded.split('\n').filter((l) => l.endsWith(' kB')).length);
});

test('a file without MemTotal gives no record and a warning', () => {
  const r = procMeminfo.parse('MemFree: 10 kB\n', ctx);
  assert.equal(r.records.length, 0);
  assert.equal(r.warnings?.length, 1);
  assert.equal(procMeminfo.recognize('MemFree: 10 kB\nMemTotal: 20 kB\n', 'x'), 0);
});
