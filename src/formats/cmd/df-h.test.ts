import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFixture } from '../../../test/support/document-fixture.js';
import { dfH } from './df-h.js';

test('df -h, -k and -P recorded on Debian agree on the nearly full filesystem', () => {
  for (const [file, sizeBytes] of [['df-h.txt', 16 * 1024 ** 2], ['df-k.txt', 16384 * 1024], ['df-P.txt', 16384 * 1024]] as const) {
    const { records } = parseFixture(dfH, 'cmd', file);
    assert.equal(records.length, 3, file);
    const data = records.find((r) => r.fields!.mountedOn === '/data')!;
    assert.equal(data.fields!.usePercent, 88, file);
    assert.equal(data.fields!.sizeBytes, sizeBytes, file);
    assert.equal(data.fields!.availBytes, 2 * 1024 ** 2, file);
    assert.equal(data.fields!.filesystem, 'tmpfs', file);
    assert.equal(data.line, 4, file);
    const root = records.find((r) => r.fields!.mountedOn === '/')!;
    assert.equal(root.fields!.usePercent, 23, file);
  }
});

test('df: a device name on its own line, -T type column, mount points with spaces', () => {
  const text = 'Filesystem                                         Type 1K-blocks     Used Available Use% Mounted on\n' +
    '/dev/mapper/vg_data-lv_very_long_logical_volume_name\n' +
    '                                                   xfs  104806400 104806400         0 100% /var/lib/my data\n';
  const { records } = dfH.parse(text, { yearFor: () => 2026 });
  assert.equal(records.length, 1);
  const f = records[0]!.fields!;
  assert.equal(f.filesystem, '/dev/mapper/vg_data-lv_very_long_logical_volume_name');
  assert.equal(f.type, 'xfs');
  assert.equal(f.usePercent, 100);
  assert.equal(f.availBytes, 0);
  assert.equal(f.mountedOn, '/var/lib/my data');
  assert.equal(records[0]!.line, 2);
  assert.equal(records[0]!.text.split('\n').length, 2);
});
