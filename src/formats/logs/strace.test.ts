import assert from 'node:assert/strict';
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { tempDir } from '../../../test/support/paths.js';
import { readEvents, sniffedFormatOf } from '../../../test/support/read-events.js';
import type { LogEvent } from '../../events/event.js';
import { analyze } from '../../pipeline.js';
import type { ParseContext } from '../define.js';
import { strace } from './strace.js';

const noDay: ParseContext = { yearFor: () => 2024 };
const day: ParseContext = { yearFor: () => 2024, dateFor: (msOfDay) => Date.UTC(2024, 2, 2) + msOfDay };
const DAY_MS = 86_400_000;

describe('strace', () => {
  test('prefixes: [pid N], "N " from -o, none; times -t, -tt, -ttt', () => {
    const a = strace.parse('[pid  1234] 11:04:05 openat(AT_FDCWD, "/etc/passwd", O_RDONLY) = 3', day)!;
    assert.equal(a.pid, 1234);
    assert.equal(a.wallMs, Date.UTC(2024, 2, 2, 11, 4, 5));
    assert.equal(a.offsetMin, undefined, '-t/-tt times are local');
    const b = strace.parse('1234 11:04:05.123456 close(3) = 0 <0.000005>', day)!;
    assert.equal(b.wallMs, Date.UTC(2024, 2, 2, 11, 4, 5, 123));
    assert.equal(b.fields!['durationMs'], 0.005);
    const c = strace.parse('1709377445.123456 read(3, "", 4096) = 0', day)!;
    assert.deepEqual([c.pid, c.wallMs, c.offsetMin], [null, 1709377445123, 0]);
    const d = strace.parse('write(1, "a = b\\n", 6) = 6', day)!;
    assert.deepEqual([d.pid, d.wallMs, d.fields!['result']], [null, undefined, 6]);
  });

  test('without a day to put them on, -tt times are kept as text only', () => {
    const p = strace.parse('[pid 10431] 04:09:38.075593 brk(NULL) = 0x556f9bbb8000', noDay)!;
    assert.equal(p.wallMs, undefined);
    assert.equal(p.timeText, '04:09:38.075593');
    assert.equal(p.fields!['result'], 0x556f9bbb8000);
  });

  test('results: errno with description, "?" results, ERESTARTSYS, poll descriptions', () => {
    const e = strace.parse('1234 1709377445.123456 connect(5, {sa_family=AF_INET, sin_port=htons(5432), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED (Connection refused) <0.000041>', day)!;
    assert.deepEqual([e.severity, e.fields!['errno'], e.fields!['result']], ['warn', 'ECONNREFUSED', -1]);
    const r = strace.parse('1234 1709377445.123456 <... epoll_wait resumed>0x7ffd, 1024, -1) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)', day)!;
    assert.deepEqual([r.severity, r.fields!['kind'], r.fields!['result'], r.fields!['errno']], ['info', 'resumed', null, 'ERESTARTSYS']);
    const poll = strace.parse('poll([{fd=3, events=POLLIN}], 1, 100) = 1 ([{fd=3, revents=POLLIN}])', day)!;
    assert.equal(poll.fields!['result'], 1);
    const fatal = strace.parse('[pid 77] 11:04:05.000001 --- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---', day)!;
    assert.deepEqual([fatal.severity, fatal.fields!['signal']], ['warn', 'SIGSEGV']);
    const core = strace.parse('77 1709377445.123456 +++ killed by SIGSEGV (core dumped) +++', day)!;
    assert.deepEqual([core.severity, core.fields!['coreDumped']], ['error', true]);
    const stopped = strace.parse('77 1709377445.123456 --- stopped by SIGSTOP ---', day)!;
    assert.equal(stopped.fields!['signal'], 'SIGSTOP');
  });

  test('not mine: relative -r times, prose, a call without result and without prefix', () => {
    assert.equal(strace.parse('     0.000123 read(3, "", 4096) = 0', day), undefined);
    assert.equal(strace.parse('The function foo(x) returns a value', day), undefined);
    assert.equal(strace.parse('read(3, "abc", 3', day), undefined);
    assert.equal(strace.parse('[pid abc] read(3) = 0', day), undefined);
    assert.equal(strace.parse('12:99:00.000000 read(3) = 0', day), undefined);
    assert.ok(strace.parse('1234 ' + 'x('.repeat(50_000), day) === undefined);
  });

  test('recorded: strace -f -tt -T to the terminal, mmap refused with ENOMEM under ulimit -v', async () => {
    const path = 'test/fixtures/logs/strace/enomem-f-tt-T.txt';
    assert.equal(sniffedFormatOf(path), 'strace');
    const { events, input } = await readEvents(path);
    assert.equal(input.format, 'strace');
    // the only warning is the inferred date: the traced program's own output that split a call
    // line was joined to it, not left as plain text
    assert.equal(input.warnings.length, 1, input.warnings.join('; '));
    assert.match(input.warnings[0]!, /^the date is not printed \(times of day only\): assumed \d{4}-\d\d-\d\d from the file's modification time$/);
    const enomem = events.find((e) => e.fields?.['errno'] === 'ENOMEM')!;
    assert.deepEqual([enomem.fields!['syscall'], enomem.fields!['result'], enomem.severity], ['mmap', -1, 'warn']);
    assert.ok(enomem.message.startsWith('mmap(NULL, 1073741824,'));
    assert.equal(typeof enomem.fields!['durationMs'], 'number');
    // the time of day is the one printed, on whatever day the mtime gives
    const [h, m, s] = enomem.timeText!.split(':').map(Number) as [number, number, number];
    assert.equal(((enomem.timeMs! % DAY_MS) + DAY_MS) % DAY_MS, Math.floor(((h * 60 + m) * 60 + s) * 1000));
    const exit = events.find((e) => e.fields?.['kind'] === 'exited' && e.pid === enomem.pid)!;
    assert.equal(exit.fields!['exitCode'], 1);
    assert.ok(events.some((e) => e.text.includes('\n) = ')), 'the split write call took its tail');
  });

  test('recorded: strace -f -ttt -T -o, a sleeping child killed with SIGKILL', async () => {
    const path = 'test/fixtures/logs/strace/sigkill-f-ttt-T.txt';
    assert.equal(sniffedFormatOf(path), 'strace');
    const { events, input } = await readEvents(path);
    assert.deepEqual(input.warnings, []);
    assert.equal(events.length, input.lines);
    assert.ok(events.every((e) => e.timeMs !== null && e.pid !== null));
    const killed = events.find((e) => e.fields?.['kind'] === 'killed')!;
    assert.deepEqual([killed.fields!['signal'], killed.severity], ['SIGKILL', 'error']);
    const sleep = events.find((e) => e.pid === killed.pid && e.fields?.['kind'] === 'unfinished' && e.fields['syscall'] === 'clock_nanosleep');
    assert.ok(sleep, 'the killed child was asleep in an unfinished call');
    const chld = events.find((e) => e.fields?.['signal'] === 'SIGCHLD' && e.message.includes('CLD_KILLED'))!;
    assert.ok(chld.timeMs! >= killed.timeMs!);
    assert.equal(events.at(-1)!.fields!['exitCode'], 1);
  });

  test('time-of-day logs go on the day before when later than the reference time (over midnight)', async () => {
    const tmp = tempDir();
    try {
      const file = join(tmp.dir, 'trace.txt');
      writeFileSync(file, '23:59:59.500000 read(3, "", 1) = 0\n00:00:01.250000 read(3, "", 1) = 0\n');
      const mtime = new Date(Date.UTC(2024, 2, 2, 0, 0, 5));
      utimesSync(file, mtime, mtime);
      const events: LogEvent[] = [];
      const run = await analyze({ paths: [file], zone: 'UTC', detectors: [] }, [{ accept: (e) => events.push(e) }]);
      const input = run.inputs[0]!;
      assert.deepEqual(events.map((e) => e.timeMs), [Date.UTC(2024, 2, 1, 23, 59, 59, 500), Date.UTC(2024, 2, 2, 0, 0, 1, 250)]);
      assert.ok(input.warnings.some((w) => w.includes('assumed 2024-03-01')));
    } finally {
      tmp.remove();
    }
  });

  test('hostile 60 KiB lines are read in bounded time (no quadratic backtracking)', () => {
    const lines = [
      '1234 1709377445.123456 read(' + ' = '.repeat(20_000),
      '1234 1709377445.123456 read(3) = 0 (' + ')'.repeat(60_000),
      '--- SIGKILL {' + '}'.repeat(60_000) + ' --',
    ];
    for (const line of lines) {
      const t0 = performance.now();
      strace.parse(line, day);
      // a quadratic regex takes seconds here; linear work takes a few ms even on a loaded machine
      assert.ok(performance.now() - t0 < 500, line.slice(0, 60));
    }
  });
});
