import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFixture } from '../../../test/support/document-fixture.js';
import { procLimits } from './proc-limits.js';

test('/proc/PID/limits recorded on Debian: soft and hard per resource', () => {
  const { records } = parseFixture(procLimits, 'cmd', 'proc-limits.txt');
  assert.equal(records.length, 16);
  const nofile = records.find((r) => r.fields!.resource === 'nofile')!;
  // node raises its soft open-files limit to the hard one at start
  assert.equal(nofile.fields!.softLimit, nofile.fields!.hardLimit);
  assert.equal(typeof nofile.fields!.softLimit, 'number');
  assert.equal(nofile.fields!.unit, 'files');
  const stack = records.find((r) => r.fields!.resource === 'stack')!;
  assert.equal(stack.fields!.softLimit, 8388608);
  assert.equal(stack.fields!.hardLimit, null);
  const nice = records.find((r) => r.fields!.limit === 'Max nice priority')!;
  assert.equal(nice.fields!.unit, null);
  assert.equal(nice.fields!.softLimit, 0);
  // the file does not say whose limits these are
  assert.ok(records.every((r) => r.pid === null));
});
