import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import type { DocumentFormat, ParseContext } from '../define.js';
import { sniffFormat } from '../sniff.js';
import { uptimeS as defined } from './uptime-s.js';

// the format as the pipeline sees it
const uptimeS: DocumentFormat = defined;

const ctx: ParseContext = { yearFor: () => 2024 };
// real `uptime -s`, recorded by scripts/record/kernel.sh
const recorded = readFileSync(repoPath('test', 'fixtures', 'logs', 'kernel', 'uptime-s.txt'), 'utf8');

describe('uptime-s', () => {
  test('the recording gives one record whose time and bootWallMs are the printed wall time', () => {
    const r = uptimeS.parse(recorded, ctx);
    assert.equal(r.records.length, 1);
    const rec = r.records[0]!;
    const m = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(recorded.trim())!;
    const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
    assert.equal(rec.wallMs, wall);
    assert.equal(rec.offsetMin, undefined); // local time: the run's zone applies
    assert.equal(rec.fields?.bootWallMs, wall);
    assert.equal(rec.line, 1);
    assert.equal(sniffFormat(recorded, 'unnamed.txt', ctx).format.name, 'uptime-s');
  });

  test('only a lone timestamp line is uptime -s: a log that starts with one is not', () => {
    assert.equal(uptimeS.recognize('2024-03-02 10:00:00\n', 'x'), 0.9);
    assert.equal(uptimeS.recognize('2024-03-02 10:00:00 started\n', 'x'), 0);
    assert.equal(uptimeS.recognize('2024-03-02 10:00:00\n2024-03-02 10:00:01\n', 'x'), 0);
    assert.equal(uptimeS.recognize(' 10:21:07 up 3 days,  2:01,  1 user,  load average: 0.00, 0.01, 0.05\n', 'cmd/uptime.txt'), 0);
  });

  test('text that is not uptime -s gives no record and a warning', () => {
    const r = uptimeS.parse('garbage\n', ctx);
    assert.equal(r.records.length, 0);
    assert.equal(r.warnings?.length, 1);
  });
});
