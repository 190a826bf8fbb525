import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { sniffFormat } from '../sniff.js';
import { vmstat } from './vmstat.js';

const ctx = { yearFor: () => 2026 };

for (const path of [['logs', 'host', 'vmstat-1-3.txt'], ['bundles', 'zk-gc-pause-flood', 'lockd-b', 'cmd', 'vmstat-1-3.txt']]) {
  test(`vmstat ${path.join('/')}: one record per sample, KiB as bytes`, () => {
    // the first recorded by scripts/record/host-snapshots.sh, the second in the lab's incident bundle
    const text = readFileSync(repoPath('test', 'fixtures', ...path), 'utf8');
    assert.equal(sniffFormat(text, 'unnamed.txt', ctx).format.name, 'vmstat');
    const rows = text.trimEnd().split('\n').slice(2).map((l) => l.trim().split(/\s+/).map(Number));
    const r = vmstat.parse(text, ctx);
    assert.equal(r.records.length, rows.length);
    r.records.forEach((rec, i) => {
      const [rq, b, swpd, , , , si, so, , , , cs, us, sy, id, wa] = rows[i]!;
      assert.equal(rec.line, i + 3);
      assert.deepEqual(
        [rec.fields!.runnable, rec.fields!.blocked, rec.fields!.swapUsedBytes, rec.fields!.swapInBytesPerSec, rec.fields!.swapOutBytesPerSec, rec.fields!.contextSwitchesPerSec],
        [rq, b, swpd! * 1024, si! * 1024, so! * 1024, cs],
      );
      assert.deepEqual([rec.fields!.cpuUserPercent, rec.fields!.cpuSystemPercent, rec.fields!.cpuIdlePercent, rec.fields!.cpuIowaitPercent], [us, sy, id, wa]);
    });
  });
}
