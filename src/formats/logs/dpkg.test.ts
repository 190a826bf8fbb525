import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { sniffFormat } from '../sniff.js';
import { dpkg } from './dpkg.js';

const ctx = { yearFor: () => 2026 };
// copied from this machine's /var/log/dpkg.log by scripts/record/dpkg.sh
const recorded = readFileSync(repoPath('test', 'fixtures', 'logs', 'dpkg', 'dpkg.log'), 'utf8');

test('every recorded dpkg line parses; package actions give package, arch and versions', () => {
  assert.equal(sniffFormat(recorded, 'unnamed.txt', ctx).format.name, 'dpkg');
  for (const line of recorded.trimEnd().split('\n')) {
    const p = dpkg.parse(line, ctx);
    assert.ok(p, line);
    const words = line.split(' ');
    assert.equal(p.fields!.action, words[2]);
    if (words[2] === 'install' || words[2] === 'upgrade' || words[2] === 'configure') {
      assert.equal(`${p.fields!.package}:${p.fields!.arch}`, words[3], line);
      assert.equal(p.fields!.toVersion, words[5] === '<none>' ? null : words[5], line);
    }
    if (words[2] === 'status') assert.deepEqual([p.fields!.state, p.fields!.version], [words[3], words[5]], line);
  }
});

test('other logs with the same stamp are not dpkg', () => {
  assert.equal(dpkg.parse('2025-06-24 14:36:25 INFO starting', ctx), undefined);
  assert.equal(dpkg.parse('2025-06-24 14:36:25,123 install foo', ctx), undefined);
});
