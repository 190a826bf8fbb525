import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { sniffFormat } from '../sniff.js';
import { ssS } from './ss-s.js';

const ctx = { yearFor: () => 2026 };

for (const path of [['logs', 'host', 'ss-s.txt'], ['bundles', 'pg-pool-fd-exhaustion', 'api-node-5', 'cmd', 'ss-s.txt']]) {
  test(`ss -s ${path.join('/')}: TCP states and transport rows`, () => {
    // the first recorded by scripts/record/host-snapshots.sh, the second in the lab's incident bundle
    const text = readFileSync(repoPath('test', 'fixtures', ...path), 'utf8');
    assert.equal(sniffFormat(text, 'unnamed.txt', ctx).format.name, 'ss-s');
    const r = ssS.parse(text, ctx);
    const m = /^TCP:\s+(\d+) \(estab (\d+), closed (\d+), orphaned (\d+), timewait (\d+)\)$/m.exec(text)!;
    const tcp = r.records.find((x) => x.fields!.kind === 'tcp-states')!;
    assert.deepEqual(tcp.fields, { kind: 'tcp-states', totalSockets: Number(/^Total: (\d+)/.exec(text)![1]), tcpTotal: +m[1]!, estab: +m[2]!, closed: +m[3]!, orphaned: +m[4]!, timewait: +m[5]! });
    const rows = r.records.filter((x) => x.fields!.kind === 'transport').map((x) => x.fields!.transport);
    assert.deepEqual(rows, ['RAW', 'UDP', 'TCP', 'INET', 'FRAG']);
  });
}

test('newer ss prints synrecv and timewait/tw-buckets: still read', () => {
  const r = ssS.parse('Total: 190\nTCP:   151 (estab 90, closed 40, orphaned 2, synrecv 0, timewait 38/0), ports 0\n', ctx);
  assert.equal(r.records[0]!.fields!.timewait, 38);
  assert.equal(r.records[0]!.fields!.orphaned, 2);
});
