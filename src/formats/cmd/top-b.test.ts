import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byLine, parseFixture } from '../../../test/support/document-fixture.js';
import { topB } from './top-b.js';

const MIB = 1024 * 1024;

test('top -b -n1 recorded on Debian: header figures and the process table', () => {
  const { records } = parseFixture(topB, 'cmd', 'top-b-n1.txt');
  const summary = byLine(records, 1).fields!;
  assert.equal(summary.clockTime, '04:10:05');
  assert.equal(summary.loadAvg1, 0.54);
  assert.equal(summary.uptime, '20 min');
  assert.equal(byLine(records, 2).fields!.tasksTotal, 4);
  assert.equal(byLine(records, 3).fields!.cpuIdlePercent, 100);
  const mem = byLine(records, 4).fields!;
  assert.equal(mem.memTotalBytes, Math.round(24105.1 * MIB));
  assert.equal(mem.memUsedBytes, Math.round(540.5 * MIB));
  assert.equal(byLine(records, 5).fields!.memAvailBytes, Math.round(23564.6 * MIB));
  const node = byLine(records, 9);
  assert.equal(node.process, 'node');
  assert.equal(node.pid, 10);
  assert.equal(node.fields!.rssBytes, 43568 * 1024);
  assert.equal(node.fields!.memPercent, 0.2);
  assert.equal(node.fields!.cpuTimeSec, 0.07);
  // the table header and the blank line are no records
  assert.equal(records.filter((r) => r.pid !== undefined).length, 4);
});

test('top: scaled memory columns, real-time priority, full command lines, two iterations', () => {
  const text = [
    'top - 15:45:51 up 102 days,  3:04,  2 users,  load average: 31.02, 18.50, 9.12',
    'Tasks: 312 total,   9 running, 303 sleeping,   0 stopped,   0 zombie',
    '%Cpu(s): 92.1 us,  6.0 sy,  0.0 ni,  0.4 id,  1.2 wa,  0.0 hi,  0.3 si,  0.0 st',
    'KiB Mem : 65808396 total,   412344 free, 64221088 used,  1174964 buff/cache',
    'KiB Swap:        0 total,        0 free,        0 used.   598012 avail Mem ',
    '',
    '  PID USER      PR  NI    VIRT    RES    SHR S  %CPU %MEM     TIME+ COMMAND',
    '38581 zk        20   0   69.6g  44.1g  21328 S 398.0 70.3   1234:56 /usr/bin/java -Xmx48g -cp zookeeper.jar',
    '   12 root      rt   0       0      0      0 S   0.0  0.0   0:00.42 [migration/0]',
    'top - 15:45:54 up 102 days,  3:04,  2 users,  load average: 31.50, 18.90, 9.30',
    '',
  ].join('\n');
  const { records } = topB.parse(text, { yearFor: () => 2026 });
  assert.equal(records[0]!.fields!.loadAvg15, 9.12);
  assert.equal(records[0]!.fields!.uptime, '102 days,  3:04');
  assert.equal(records[0]!.fields!.users, 2);
  assert.equal(records[3]!.fields!.memTotalBytes, 65808396 * 1024);
  assert.equal(records[4]!.fields!.memAvailBytes, 598012 * 1024);
  const java = records.find((r) => r.pid === 38581)!;
  assert.equal(java.process, 'java');
  assert.equal(java.fields!.rssBytes, Math.round(44.1 * 1024 ** 3));
  assert.equal(java.fields!.cpuPercent, 398);
  assert.equal(java.fields!.command, '/usr/bin/java -Xmx48g -cp zookeeper.jar');
  const migration = records.find((r) => r.pid === 12)!;
  assert.equal(migration.fields!.priority, 'rt');
  assert.equal(migration.process, 'migration/0');
  const last = records[records.length - 1]!;
  assert.equal(last.line, 10);
  assert.equal(last.fields!.clockTime, '15:45:54');
});

test('top of procps 3.2 (RHEL 6): percent signs glued to the words, k suffixes', () => {
  const text = [
    'top - 15:45:51 up 2 days,  1:02,  1 user,  load average: 0.08, 0.03, 0.01',
    'Tasks: 120 total,   1 running, 119 sleeping,   0 stopped,   0 zombie',
    'Cpu(s):  1.2%us,  0.3%sy,  0.0%ni, 98.4%id,  0.1%wa,  0.0%hi,  0.0%si,  0.0%st',
    'Mem:  16333852k total, 15690732k used,   643120k free,   311264k buffers',
    'Swap:  8388600k total,        0k used,  8388600k free, 10289476k cached',
    '',
    '  PID USER      PR  NI  VIRT  RES  SHR S %CPU %MEM    TIME+  COMMAND',
    ' 2817 mysql     20   0 2392m 1.1g 5844 S  2.0  7.2  10:11.37 mysqld',
  ].join('\n');
  const { records } = topB.parse(text, { yearFor: () => 2026 });
  assert.equal(records[2]!.fields!.cpuUserPercent, 1.2);
  assert.equal(records[2]!.fields!.cpuIdlePercent, 98.4);
  assert.equal(records[3]!.fields!.memUsedBytes, 15690732 * 1024);
  assert.equal(records[3]!.fields!.memBuffersBytes, 311264 * 1024);
  assert.equal(records[4]!.fields!.swapTotalBytes, 8388600 * 1024);
  const mysqld = records[5]!;
  assert.equal(mysqld.process, 'mysqld');
  assert.equal(mysqld.fields!.virtBytes, 2392 * 1024 ** 2);
  assert.equal(mysqld.fields!.rssBytes, Math.round(1.1 * 1024 ** 3));
  assert.equal(mysqld.fields!.cpuTimeSec, 611.37);
});

test('top: with a day from the reader, each iteration is placed at its own time', () => {
  const day = Date.UTC(2026, 4, 10);
  const text = 'top - 23:59:58 up 1 day,  1 user,  load average: 1.00, 1.00, 1.00\n' +
    'top - 23:59:59 up 1 day,  1 user,  load average: 2.00, 1.00, 1.00\n';
  const r = topB.parse(text, { yearFor: () => 2026, dateFor: (ms) => day + ms });
  assert.deepEqual(r.records.map((x) => x.wallMs), [day + 86398000, day + 86399000]);
  assert.deepEqual(r.takenAt, { wallMs: day + 86398000, text: '23:59:58' });
  assert.equal(r.records[1]!.timeText, '23:59:59');
});

test('top is told apart from ps aux', () => {
  assert.equal(topB.recognize('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n', 'x'), 0);
  assert.equal(topB.recognize('top - 15:45:51 up 3 min,  1 user,  load average: 0.00, 0.00, 0.00\n', 'x'), 1);
});
