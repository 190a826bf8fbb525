import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import type { LineFormat, ParseContext } from '../define.js';
import { sniffFormat } from '../sniff.js';
import { dmesg as defined } from './dmesg.js';
import { kernelSeverityFromText } from './kernel-text.js';

// the format as the pipeline sees it
const dmesg: LineFormat = defined;

const ctx: ParseContext = { yearFor: () => 2024 };
// real output of one boot, recorded by scripts/record/kernel.sh
const fixture = (name: string) => readFileSync(repoPath('test', 'fixtures', 'logs', 'kernel', name), 'utf8');
const linesOf = (text: string) => text.trimEnd().split('\n');

describe('dmesg', () => {
  test('plain, -r and -x recordings parse line for line to the same uptimes and messages', () => {
    const raw = linesOf(fixture('dmesg.txt')).map((l) => dmesg.parse(l, ctx));
    const r = linesOf(fixture('dmesg-r.txt')).map((l) => dmesg.parse(l, ctx));
    const x = linesOf(fixture('dmesg-x.txt')).map((l) => dmesg.parse(l, ctx));
    assert.ok(raw.length > 10);
    assert.equal(r.length, raw.length);
    assert.equal(x.length, raw.length);
    for (let i = 0; i < raw.length; i++) {
      assert.ok(raw[i] && r[i] && x[i], `line ${i + 1}`);
      assert.equal(r[i]!.uptimeSec, raw[i]!.uptimeSec);
      assert.equal(x[i]!.message, raw[i]!.message);
      assert.equal(raw[i]!.process, 'kernel');
      // the printk level: "<5>" from -r and "notice" from -x name the same one
      assert.equal(r[i]!.severity, x[i]!.severity, `line ${i + 1}`);
      assert.equal(raw[i]!.wallMs, undefined);
    }
  });

  test('each recording is recognised as dmesg by content', () => {
    for (const f of ['dmesg.txt', 'dmesg-r.txt', 'dmesg-x.txt']) assert.equal(sniffFormat(fixture(f), 'unnamed.txt', ctx).format.name, 'dmesg', f);
  });

  test('text words stand in for the level where the kernel printed one: the real warn line agrees', () => {
    const x = linesOf(fixture('dmesg-x.txt'));
    const failure = x.find((l) => l.includes('dependency check failure'));
    assert.ok(failure, 'fixture holds the CPU feature warning');
    const plain = dmesg.parse(failure.replace(/^kern +:warn +: /, ''), ctx)!;
    assert.equal(dmesg.parse(failure, ctx)!.severity, 'warn');
    assert.equal(plain.severity, 'warn');
  });

  test('kernel words: panic, BUG, OOM kill, hung task, oom-killer invocation, nothing', () => {
    assert.equal(kernelSeverityFromText('Kernel panic - not syncing: Out of memory and no killable processes...'), 'fatal');
    assert.equal(kernelSeverityFromText('watchdog: BUG: soft lockup - CPU#3 stuck for 22s! [java:38581]'), 'critical');
    assert.equal(kernelSeverityFromText('Memory cgroup out of memory: Killed process 38581 (java) total-vm:74715152kB'), 'error');
    assert.equal(kernelSeverityFromText('INFO: task java:38581 blocked for more than 120 seconds.'), 'error');
    assert.equal(kernelSeverityFromText('java invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0'), 'warn');
    // a crash of a user process: the kernel prints it at info, it matters more than that
    assert.equal(kernelSeverityFromText('java[38581]: segfault at 0 ip 00007f sp 00007ffd error 4 in libc.so.6'), 'warn');
    assert.equal(kernelSeverityFromText('EXT4-fs warning (device loop0): ext4_end_bio:368: I/O error 3 writing to inode 12 starting block 9217)'), 'warn');
    assert.equal(kernelSeverityFromText('Buffer I/O error on dev loop0, logical block 260, lost async page write'), 'error');
    assert.equal(kernelSeverityFromText('RAS: Correctable Errors collector initialized.'), null);
    assert.equal(kernelSeverityFromText('Run /sbin/init as init process'), null);
  });

  test('dmesg -d delta, empty message, user-space records written to /dev/kmsg', () => {
    const d = dmesg.parse('[ 1234.567890 <    0.000123>] eth0: link up', ctx)!;
    assert.equal(d.uptimeSec, 1234.56789);
    assert.equal(d.message, 'eth0: link up');
    assert.equal(dmesg.parse('[   12.000001]', ctx)?.message, '');
    const user = dmesg.parse('<30>[    3.100000] systemd[1]: Started Journal Service.', ctx)!;
    assert.equal(user.process, 'systemd');
    assert.equal(user.pid, 1);
    assert.equal(user.severity, 'info');
    const anon = dmesg.parse('user  :notice: [    5.000000] hello from echo', ctx)!;
    assert.equal(anon.process, null);
    assert.equal(anon.message, 'hello from echo');
  });

  test('indented lines continue the record before them', () => {
    assert.ok(dmesg.continuation instanceof RegExp && dmesg.continuation.test('  ? __schedule+0x2b1/0x770'));
    assert.equal(dmesg.parse('  ? __schedule+0x2b1/0x770', ctx), undefined);
  });

  test('not mine: dmesg -T, syslog, brackets without uptime, unclosed bracket', () => {
    for (const l of [
      '[Tue Mar  5 10:21:07 2024] eth0: link up',
      'Mar  2 11:04:05 db-1 kernel: [ 1234.567890] eth0: link up',
      '[INFO] started',
      '[ 1234.567890 eth0: link up',
      '[12] x',
      'kern  :bogus : [    1.000000] x',
      '<x>[ 1.0] x',
    ]) assert.equal(dmesg.parse(l, ctx), undefined, l);
  });
});
