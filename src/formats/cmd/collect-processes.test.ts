import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { sniffFormat } from '../sniff.js';
import { collectProcesses } from './collect-processes.js';

const ctx = { yearFor: () => 2026 };
// recorded by scripts/record/host-snapshots.sh (collect --pid of a sleep)
const recorded = readFileSync(repoPath('test', 'fixtures', 'logs', 'host', 'processes.json'), 'utf8');
const doc = JSON.parse(recorded) as { host: string; takenAt: string; processes: Record<string, unknown>[] };

test('the recorded processes.json gives one record per process on its own line', () => {
  assert.equal(sniffFormat(recorded, 'unnamed.json', ctx).format.name, 'collect-processes');
  const r = collectProcesses.parse(recorded, ctx);
  assert.equal(r.takenAt?.wallMs, Date.parse(doc.takenAt));
  assert.equal(r.records.length, doc.processes.length);
  const lines = recorded.split('\n');
  r.records.forEach((rec, i) => {
    const p = doc.processes[i]!;
    assert.equal(rec.pid, p.pid);
    assert.equal(rec.process, p.name);
    assert.equal(rec.host, doc.host);
    assert.equal(rec.fields!.rssBytes, p.rssBytes);
    assert.equal(rec.fields!.fdsTotal, (p.fds as { total: number }).total);
    assert.equal(rec.fields!.fdSoftLimit, p.fdSoftLimit);
    assert.equal(rec.fields!.command, (p.cmdline as string[]).join(' '));
    assert.deepEqual(JSON.parse(lines[rec.line - 1]!.replace(/,$/, '')), p);
  });
});

test('socket states become fields; JSON reformatted by jq still parses, citing the array line', () => {
  const p = { ...doc.processes[0]!, sockets: { 'CLOSE-WAIT': 812, ESTAB: 3 } };
  const pretty = JSON.stringify({ ...doc, processes: [p] }, null, 2);
  const r = collectProcesses.parse(pretty, ctx);
  assert.equal(r.records.length, 1);
  assert.equal(r.records[0]!.fields!.socketsCloseWait, 812);
  assert.equal(r.records[0]!.fields!.socketsEstab, 3);
  assert.equal(collectProcesses.parse('{"tool":"culprit collect",', ctx).records.length, 0);
});
