import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { findCgroupMounts, readCgroupTree } from './cgroup-tree.js';
import { CollectNotes } from './notes.js';
import { HangGuard } from './read-bounded.js';

test('findCgroupMounts finds the v1 memory controller and the v2 tree', () => {
  const mountinfo = [
    '25 24 0:22 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755',
    '30 25 0:26 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu',
    '33 25 0:29 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory',
    '40 25 0:36 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw',
  ].join('\n');
  assert.deepEqual(findCgroupMounts(mountinfo), { v1Memory: '/sys/fs/cgroup/memory', v2: '/sys/fs/cgroup/unified' });
  assert.deepEqual(findCgroupMounts('29 23 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw,nsdelegate\n'), { v1Memory: null, v2: '/sys/fs/cgroup' });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'culprit-cgroup-'));
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}

const ctx = () => ({ timeoutMs: 1000, guard: new HangGuard(), notes: new CollectNotes(), isPastDeadline: () => false });

test('readCgroupTree reads v1 limits, usage, failcnt and OOM state; LONG_MAX is no limit', async () => {
  const root = tree({
    'memory.limit_in_bytes': '9223372036854771712\n',
    'memory.usage_in_bytes': '1000000\n',
    'memory.max_usage_in_bytes': '2000000\n',
    'memory.failcnt': '0\n',
    'memory.oom_control': 'oom_kill_disable 0\nunder_oom 0\noom_kill 0\n',
    'cgroup.procs': '1\n2\n',
    'app/memory.limit_in_bytes': '201326592\n',
    'app/memory.usage_in_bytes': '200548352\n',
    'app/memory.max_usage_in_bytes': '201326592\n',
    'app/memory.failcnt': '92\n',
    'app/memory.oom_control': 'oom_kill_disable 0\nunder_oom 1\noom_kill 3\n',
    'app/cgroup.procs': '4242\n',
  });
  try {
    const groups = await readCgroupTree(root, 1, ctx());
    assert.deepEqual(groups, [
      { version: 1, path: '/', limitBytes: null, usageBytes: 1000000, maxUsageBytes: 2000000, failcnt: 0, oomEvents: null, oomKills: 0, underOom: false, procs: 2 },
      { version: 1, path: '/app', limitBytes: 201326592, usageBytes: 200548352, maxUsageBytes: 201326592, failcnt: 92, oomEvents: null, oomKills: 3, underOom: true, procs: 1 },
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('readCgroupTree reads v2 memory.max/current/peak/events; the root without them is left out', async () => {
  const root = tree({
    'cgroup.procs': '1\n',
    'system.slice/memory.max': 'max\n',
    'system.slice/memory.current': '5000\n',
    'system.slice/memory.events': 'low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\n',
    'system.slice/cgroup.procs': '',
    'system.slice/db.service/memory.max': '536870912\n',
    'system.slice/db.service/memory.current': '530000000\n',
    'system.slice/db.service/memory.peak': '536870912\n',
    'system.slice/db.service/memory.events': 'low 0\nhigh 0\nmax 1200\noom 2\noom_kill 2\n',
    'system.slice/db.service/cgroup.procs': '77\n78\n',
  });
  try {
    const groups = await readCgroupTree(root, 2, ctx());
    assert.deepEqual(groups, [
      { version: 2, path: '/system.slice', limitBytes: null, usageBytes: 5000, maxUsageBytes: null, failcnt: 0, oomEvents: 0, oomKills: 0, underOom: null, procs: 0 },
      { version: 2, path: '/system.slice/db.service', limitBytes: 536870912, usageBytes: 530000000, maxUsageBytes: 536870912, failcnt: 1200, oomEvents: 2, oomKills: 2, underOom: null, procs: 2 },
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
