import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { procNetSnmp } from './proc-net-snmp.js';

const ctx = { yearFor: () => 2026 };
// recorded by scripts/record/host-snapshots.sh
const recorded = readFileSync(repoPath('test', 'fixtures', 'logs', 'host', 'proc-net-snmp.txt'), 'utf8');

test('the recorded Tcp row names its resets, retransmits and failed attempts in the message', () => {
  const tcp = procNetSnmp.parse(recorded, ctx).records.find((x) => x.fields!.protocol === 'Tcp')!;
  const lines = recorded.split('\n');
  const at = lines.findIndex((l) => l.startsWith('Tcp: RtoAlgorithm'));
  assert.equal(tcp.line, at + 2);
  assert.equal(tcp.text, `${lines[at]}\n${lines[at + 1]}`);
  const names = lines[at]!.split(' '), values = lines[at + 1]!.split(' ');
  const v = (k: string) => values[names.indexOf(k)];
  assert.equal(tcp.message, `Tcp: CurrEstab ${v('CurrEstab')}, ActiveOpens ${v('ActiveOpens')}, PassiveOpens ${v('PassiveOpens')}, AttemptFails ${v('AttemptFails')}, EstabResets ${v('EstabResets')}, RetransSegs ${v('RetransSegs')}, InErrs ${v('InErrs')}, OutRsts ${v('OutRsts')}`);
  assert.equal(tcp.fields!.MaxConn, -1); // signed: "no limit"
});
