import assert from 'node:assert/strict';
import { test } from 'node:test';
import { humanSize, mountsForDf, renderDfH } from './render-df.js';

test('humanSize rounds up as df -h does', () => {
  assert.equal(humanSize(0), '0');
  assert.equal(humanSize(12 * 1024 ** 3), '12G');
  assert.equal(humanSize(5.01 * 1024 ** 3), '5.1G');
  assert.equal(humanSize(1023.2 * 1024 ** 2), '1.0G');
  assert.equal(humanSize(512), '512');
});

test('renderDfH writes the coreutils columns', () => {
  const out = renderDfH([
    { source: 'devtmpfs', mountPoint: '/dev', sizeBytes: 12 * 1024 ** 3, usedBytes: 0, availBytes: 12 * 1024 ** 3 },
    { source: '/dev/vda', mountPoint: '/', sizeBytes: 20 * 1024 ** 3, usedBytes: 19 * 1024 ** 3, availBytes: 0 },
  ]);
  assert.equal(out.split('\n')[0], 'Filesystem  Size  Used Avail Use% Mounted on');
  const rows = out.trimEnd().split('\n').map((l) => l.split(/\s+/));
  assert.deepEqual(rows[0], ['Filesystem', 'Size', 'Used', 'Avail', 'Use%', 'Mounted', 'on']);
  assert.deepEqual(rows[1], ['devtmpfs', '12G', '0', '12G', '0%', '/dev']);
  assert.deepEqual(rows[2], ['/dev/vda', '20G', '19G', '0', '100%', '/']);
});

test('mountsForDf skips network filesystems and decodes escaped mount points', () => {
  const m = mountsForDf('/dev/vda / ext4 rw 0 0\nsrv:/x /mnt/nfs nfs4 rw 0 0\n/dev/vdb /mnt/my\\040disk ext4 rw 0 0\n');
  assert.deepEqual(m.map((x) => x.mountPoint), ['/', '/mnt/my disk']);
});
