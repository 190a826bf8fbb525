import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { sniffFormat } from '../sniff.js';
import { procSysFsFileNr } from './proc-sys-fs-file-nr.js';

const ctx = { yearFor: () => 2026 };
// recorded by scripts/record/host-snapshots.sh
const recorded = readFileSync(repoPath('test', 'fixtures', 'logs', 'host', 'proc-sys-fs-file-nr.txt'), 'utf8');

test('the recorded file-nr gives open handles against fs.file-max', () => {
  assert.equal(sniffFormat(recorded, 'unnamed.txt', ctx).format.name, 'proc-sys-fs-file-nr');
  const [allocated, unused, max] = recorded.trim().split('\t').map(Number);
  const f = procSysFsFileNr.parse(recorded, ctx).records[0]!.fields!;
  assert.equal(f.allocatedHandles, allocated);
  assert.equal(f.unusedHandles, unused);
  assert.equal(f.maxHandles, max);
  assert.equal(f.usedPercent, Math.round(((allocated! - unused!) / max!) * 10000) / 100);
});

test('a host at fs.file-max reads 100 %; spaces instead of tabs are not file-nr', () => {
  assert.equal(procSysFsFileNr.parse('65536\t0\t65536\n', { yearFor: () => 2026 }).records[0]!.fields!.usedPercent, 100);
  assert.equal(procSysFsFileNr.recognize('952 0 2466181\n', 'x'), 0);
});
