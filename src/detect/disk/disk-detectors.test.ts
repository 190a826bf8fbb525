import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dfFull } from './df-full.js';
import { diskEnospc } from './enospc.js';
import { findingsOfFiles as runText } from '../../../test/support/detect.js';

const df = (rows: string[]) => ({ 'h/cmd/df-h.txt': ['Filesystem      Size  Used Avail Use% Mounted on', ...rows].join('\n') + '\n' });

test('df-full: 94 % is fine, 95 % a warning, 100 % critical; one finding per mount', async () => {
  const fs = await runText(df([
    '/dev/sda1        50G   47G  3.0G  94% /',
    '/dev/sdb1       100G   95G  5.0G  95% /var/lib/postgresql',
    '/dev/sdc1        20G   20G     0 100% /var/log',
  ]), [dfFull]);
  assert.deepEqual(fs.map((f) => [f.facts.mount, f.severity, f.facts.usePercent]), [['/var/lib/postgresql', 'warning', 95], ['/var/log', 'critical', 100]]);
  assert.equal(fs[1]!.facts.availBytes, 0);
});

test('disk-enospc: the file from each software\'s wording; one finding per process', async () => {
  const fs = await runText({
    'h/logs/app.log': [
      '2026-05-10T07:40:01Z level=error msg="flush failed" err="write /var/lib/app/wal/000123.log: no space left on device"',
      '2026-05-10T07:40:02Z level=error msg="flush failed" err="write /var/lib/app/wal/000124.log: no space left on device"',
    ].join('\n') + '\n',
  }, [diskEnospc]);
  assert.equal(fs.length, 1);
  assert.deepEqual([fs[0]!.facts.file, fs[0]!.facts.count], ['/var/lib/app/wal/000123.log', 2]);
});
