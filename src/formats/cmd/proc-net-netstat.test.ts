import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { sniffFormat } from '../sniff.js';
import { procNetNetstat } from './proc-net-netstat.js';
import { procNetSnmp } from './proc-net-snmp.js';

const ctx = { yearFor: () => 2026 };

/** The counters of the recording, read by pairing its name and value lines. */
function expected(text: string): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  const lines = text.trim().split('\n');
  for (let i = 0; i < lines.length; i += 2) {
    const names = lines[i]!.split(' ');
    const values = lines[i + 1]!.split(' ');
    const o: Record<string, number> = {};
    for (let k = 1; k < names.length; k++) o[names[k]!] = Number(values[k]);
    out.set(names[0]!.slice(0, -1), o);
  }
  return out;
}

for (const [file, format] of [['proc-net-netstat.txt', procNetNetstat], ['proc-net-snmp.txt', procNetSnmp]] as const) {
  test(`the recorded ${file} gives one record per protocol with every counter`, () => {
    // recorded by scripts/record/host-snapshots.sh
    const text = readFileSync(repoPath('test', 'fixtures', 'logs', 'host', file), 'utf8');
    assert.equal(sniffFormat(text, 'unnamed.txt', ctx).format.name, format.name);
    const want = expected(text);
    const r = format.parse(text, ctx);
    assert.equal(r.warnings, undefined);
    assert.deepEqual(r.records.map((x) => x.fields!.protocol), [...want.keys()]);
    for (const rec of r.records) {
      const { protocol, ...counters } = rec.fields!;
      assert.deepEqual(counters, want.get(protocol as string));
    }
  });
}

test('TcpExt carries the accept-queue overflow counters; a short value line is reported', () => {
  const text = readFileSync(repoPath('test', 'fixtures', 'logs', 'host', 'proc-net-netstat.txt'), 'utf8');
  const tcpExt = procNetNetstat.parse(text, ctx).records.find((x) => x.fields!.protocol === 'TcpExt')!;
  assert.equal(typeof tcpExt.fields!.ListenOverflows, 'number');
  assert.equal(typeof tcpExt.fields!.ListenDrops, 'number');
  assert.equal(tcpExt.line, 2);
  const r = procNetNetstat.parse('TcpExt: ListenOverflows ListenDrops\nTcpExt: 5\n', ctx);
  assert.equal(r.records.length, 0);
  assert.equal(r.warnings?.length, 1);
  assert.equal(procNetSnmp.recognize(text, 'x'), 0);
  assert.equal(procNetNetstat.recognize(readFileSync(repoPath('test', 'fixtures', 'logs', 'host', 'proc-net-snmp.txt'), 'utf8'), 'x'), 0);
});
