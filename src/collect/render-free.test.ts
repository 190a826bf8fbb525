import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderFreeM } from './render-free.js';

test('renderFreeM prints /proc/meminfo as free -m does (procps-ng 4)', () => {
  // figures shaped like this machine's; the expected lines follow free -m's layout (procps-ng 4.0.2)
  const meminfo = 'MemTotal:       24683556 kB\nMemFree:        24203372 kB\nMemAvailable:   24290000 kB\nBuffers:            4096 kB\nCached:           270000 kB\nShmem:              8500 kB\nSReclaimable:      32100 kB\nSwapTotal:             0 kB\nSwapFree:              0 kB\n';
  const out = renderFreeM(meminfo)!;
  const lines = out.trimEnd().split('\n');
  assert.equal(lines[0], '               total        used        free      shared  buff/cache   available');
  assert.equal(lines[1], 'Mem:           24105         384       23636           8         299       23720');
  assert.equal(lines[2], 'Swap:              0           0           0');
  assert.equal(renderFreeM('garbage'), null);
});
