import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import type { DocumentFormat, ParseContext } from '../define.js';
import { sniffFormat } from '../sniff.js';
import { procStat as defined } from './proc-stat.js';

// the format as the pipeline sees it
const procStat: DocumentFormat = defined;

const ctx: ParseContext = { yearFor: () => 2024 };
// real /proc/stat, recorded by scripts/record/kernel.sh
const recorded = readFileSync(repoPath('test', 'fixtures', 'logs', 'kernel', 'proc-stat.txt'), 'utf8');

describe('proc-stat', () => {
  test('the recording gives the btime record, in UTC, on its own line', () => {
    const r = procStat.parse(recorded, ctx);
    assert.equal(r.records.length, 1);
    const rec = r.records[0]!;
    const lines = recorded.split('\n');
    const btimeLine = lines.findIndex((l) => l.startsWith('btime '));
    assert.equal(rec.line, btimeLine + 1);
    assert.equal(rec.text, lines[btimeLine]);
    const bootMs = +lines[btimeLine]!.slice(6) * 1000;
    assert.equal(rec.wallMs, bootMs);
    assert.equal(rec.offsetMin, 0);
    assert.deepEqual(rec.fields, { bootTimeMs: bootMs });
    assert.equal(sniffFormat(recorded, 'unnamed.txt', ctx).format.name, 'proc-stat');
  });

  test('the recording agrees with uptime -s of the same boot (recorded in UTC) within seconds', () => {
    const up = readFileSync(repoPath('test', 'fixtures', 'logs', 'kernel', 'uptime-s.txt'), 'utf8').trim();
    const upMs = Date.parse(up.replace(' ', 'T') + 'Z');
    const boot = procStat.parse(recorded, ctx).records[0]!.fields!.bootTimeMs as number;
    // uptime -s is now minus the uptime, so it drifts with the clocks: a second or two
    assert.ok(Math.abs(upMs - boot) <= 5000, `${up} vs ${new Date(boot).toISOString()}`);
  });

  test('without a btime line: no record, a warning; other text is not recognised', () => {
    const r = procStat.parse('cpu  1 2 3 4\nctxt 5\n', ctx);
    assert.equal(r.records.length, 0);
    assert.equal(r.warnings?.length, 1);
    assert.equal(procStat.recognize('btime 1795319383\n', 'x'), 0);
    assert.equal(procStat.recognize('cpu usage is high\nbtime 5\nctxt 6\n', 'x'), 0);
  });
});
