import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { sniffFormat } from '../sniff.js';
import { collectSockets } from './collect-sockets.js';

const ctx = { yearFor: () => 2026 };
// recorded by scripts/record/host-snapshots.sh
const recorded = readFileSync(repoPath('test', 'fixtures', 'logs', 'host', 'sockets.json'), 'utf8');
const doc = JSON.parse(recorded) as { takenAt: string; byProcessPortState: Record<string, unknown>[]; listen: Record<string, unknown>[] };

test('the recorded sockets.json gives a record per group and per listening socket', () => {
  assert.equal(sniffFormat(recorded, 'unnamed.json', ctx).format.name, 'collect-sockets');
  const r = collectSockets.parse(recorded, ctx);
  assert.equal(r.takenAt?.wallMs, Date.parse(doc.takenAt));
  const groups = r.records.filter((x) => x.fields!.kind === 'group');
  const listen = r.records.filter((x) => x.fields!.kind === 'listen');
  assert.equal(groups.length, doc.byProcessPortState.length);
  assert.equal(listen.length, doc.listen.length);
  groups.forEach((g, i) => {
    const s = doc.byProcessPortState[i]!;
    assert.deepEqual([g.pid, g.process, g.fields!.state, g.fields!.localPort, g.fields!.count], [s.pid, s.process, s.state, s.localPort, s.count]);
  });
  listen.forEach((l, i) => assert.equal(l.fields!.acceptQueue, doc.listen[i]!.acceptQueue));
  const lines = recorded.split('\n');
  for (const rec of r.records) assert.equal(lines[rec.line - 1]!.replace(/,$/, ''), rec.text);
});
