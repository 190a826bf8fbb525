import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dmesgTLineMs, filterDmesgTSince, kmsgRecordToDmesg } from './kernel-log.js';

test('kmsgRecordToDmesg prints /dev/kmsg records as raw dmesg', () => {
  assert.deepEqual(kmsgRecordToDmesg('6,339,5140900,-;Out of memory: Killed process 4242 (java)\n SUBSYSTEM=x\n'), {
    usec: 5140900,
    line: '[    5.140900] Out of memory: Killed process 4242 (java)',
  });
  assert.equal(kmsgRecordToDmesg('4,1,8812345123456,-;x')!.line, '[8812345.123456] x');
  assert.equal(kmsgRecordToDmesg('no separator'), null);
});

test('filterDmesgTSince keeps the window and the lines that continue it', () => {
  const text = '[Sun Nov 22 03:00:00 2026] old line\n[Sun Nov 22 04:00:00 2026] new line\n  continued\n[Sun Nov 22 04:00:01 2026] newer\n';
  const since = dmesgTLineMs('[Sun Nov 22 03:30:00 2026] x')!;
  assert.equal(filterDmesgTSince(text, since), '[Sun Nov 22 04:00:00 2026] new line\n  continued\n[Sun Nov 22 04:00:01 2026] newer\n');
  assert.equal(filterDmesgTSince(text, since + 3 * 3600_000), '');
  assert.equal(dmesgTLineMs('[Sun Xyz 22 03:00:00 2026] x'), null);
});
