import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { sniffFormat } from '../sniff.js';
import { updateAlternatives } from './update-alternatives.js';

const ctx = { yearFor: () => 2026 };
// copied from this machine's /var/log/alternatives.log by scripts/record/dpkg.sh
const recorded = readFileSync(repoPath('test', 'fixtures', 'logs', 'dpkg', 'alternatives.log'), 'utf8');

test('every recorded update-alternatives line parses; link changes give group and target', () => {
  assert.equal(sniffFormat(recorded, 'unnamed.txt', ctx).format.name, 'update-alternatives');
  for (const line of recorded.trimEnd().split('\n')) {
    const p = updateAlternatives.parse(line, ctx);
    assert.ok(p, line);
    const m = /: link group (\S+) updated to point to (\S+)$/.exec(line);
    assert.deepEqual(p.fields, m ? { group: m[1], target: m[2] } : null, line);
  }
  assert.equal(updateAlternatives.parse('update-alternatives: error: no alternatives for java', ctx), undefined);
});
