import type { Fields } from '../../events/event.js';
import type { Severity } from '../../events/severity.js';
import { defineFormat, type FormatSample, type Parsed } from '../define.js';

/**
 * strace output, as `strace -f -tt -T` prints it to stderr ("[pid  1234] 11:04:05.123456 read(3, ...) = 5
 * <0.000012>") or into a file with -o ("1234 1709377445.123456 read(...) = 5"): optional pid, optional
 * -t/-tt/-ttt time, then a system call, an unfinished/resumed half of one, a signal ("--- SIGKILL {...} ---")
 * or the process's end ("+++ exited with 1 +++", "+++ killed by SIGKILL +++").
 *
 * -t/-tt print the time of day only: the day comes from ParseContext.dateFor (the run's other
 * inputs or the file's mtime, with a warning), so the format is `yearless` to be read after the others.
 *
 * Fields: kind ('syscall' | 'unfinished' | 'resumed' | 'signal' | 'exited' | 'killed' | 'attached' |
 * 'detached'), syscall, result (number; null for "?"), errno, durationMs (-T), signal, exitCode,
 * coreDumped. Severity: errors that mean a resource ran out (ENOMEM, EMFILE, ENOSPC...) and fatal
 * signals are 'warn', a kill 'error', other failed calls 'info', the rest 'debug'.
 */
const PID_BRACKET = /^\[pid +(\d+)\] /;
const CALL = /^([a-z_][a-z0-9_]*)\(/;
const RESUMED = /^<\.\.\. ([a-z_][a-z0-9_]*) resumed>/;
const RESULT = /^ = (-?\d+|0x[0-9a-f]+|\?)(?:<[^>]*>)?(?: ([A-Z][A-Z0-9_]+))?(?: \(.*\))?(?: <(\d+\.\d+)>)?$/;
const SIGNAL = /^--- (?:(SIG[A-Z0-9]+) \{.*\}|stopped by (SIG[A-Z0-9]+)) ---$/;
const EXITED = /^\+\+\+ exited with (\d+) \+\+\+$/;
const KILLED = /^\+\+\+ killed by (SIG[A-Z0-9]+)( \(core dumped\))? \+\+\+$/;
const ATTACH = /^strace: Process (\d+) (attached|detached)/;
const UNFINISHED = ' <unfinished ...>';
/** errno values that mean a resource ran out or the peer/device failed, not routine misses */
const TROUBLE_ERRNOS = new Set(['ENOMEM', 'EMFILE', 'ENFILE', 'ENOSPC', 'EDQUOT', 'EIO', 'ENOBUFS', 'EROFS', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
const FATAL_SIGNALS = new Set(['SIGKILL', 'SIGSEGV', 'SIGBUS', 'SIGABRT', 'SIGILL', 'SIGFPE', 'SIGSYS']);

// typed here: the samples' differing field sets would otherwise widen defineFormat's inferred type
const SAMPLES: readonly FormatSample[] = [
  {
    text: '[pid 10431] 04:09:38.075593 mmap(NULL, 1073741824, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 ENOMEM (Cannot allocate memory) <0.000019>',
    expect: { pid: 10431, severity: 'warn', timeText: '04:09:38.075593', fields: { kind: 'syscall', syscall: 'mmap', result: -1, errno: 'ENOMEM', durationMs: 0.019 } },
  },
  {
    text: '1234 1709377445.123456 read(3, "hello", 4096) = 5 <0.000012>',
    expect: { pid: 1234, wallMs: 1709377445123, offsetMin: 0, severity: 'debug', fields: { kind: 'syscall', syscall: 'read', result: 5, errno: null, durationMs: 0.012 } },
  },
  {
    text: '10685 1795320588.696645 clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=30, tv_nsec=0},  <unfinished ...>',
    expect: { pid: 10685, fields: { kind: 'unfinished', syscall: 'clock_nanosleep' } },
  },
  {
    text: '[pid 10430] 04:09:38.072224 <... vfork resumed>) = 10431 <0.000344>',
    expect: { fields: { kind: 'resumed', syscall: 'vfork', result: 10431, errno: null, durationMs: 0.344 } },
  },
  {
    text: '10435 1795320578.305927 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=10436, si_uid=0, si_status=SIGKILL, si_utime=0, si_stime=0} ---',
    expect: { severity: 'info', fields: { kind: 'signal', signal: 'SIGCHLD' } },
  },
  { text: '10436 1795320578.305894 +++ killed by SIGKILL +++', expect: { pid: 10436, severity: 'error', fields: { kind: 'killed', signal: 'SIGKILL', coreDumped: false } } },
  { text: '[pid 10431] 04:09:38.076046 +++ exited with 1 +++', expect: { severity: 'warn', fields: { kind: 'exited', exitCode: 1 } } },
];

export const strace = defineFormat({
  name: 'strace',
  description: 'strace -f output with -t/-tt/-ttt times and -T durations: system calls, unfinished/resumed calls, signals, exits',
  producer: 'strace',
  shape: 'lines',
  yearless: true,
  pathHint: /(?:^|\/)[^/]*strace[^/]*$/i,
  // strace's own "Process N attached" note, or the traced program writing to the same terminal, can
  // split a call line: its tail (" <unfinished ...>", ") = 35 <0.000018>") comes on a later line
  continuation: /^(?: <unfinished \.\.\.>$|\) += )/,
  parse(line, ctx) {
    let pos = 0;
    let pid: number | null = null;
    let c = line.charCodeAt(0);
    if (c === 91) { // [pid  N]
      const p = PID_BRACKET.exec(line);
      if (!p) return undefined;
      pid = Number(p[1]);
      pos = p[0].length;
      c = line.charCodeAt(pos);
    } else if (c >= 48 && c <= 57) { // "1234 " (-f -o)
      const end = digitsEnd(line, 0);
      if (line.charCodeAt(end) === 32 && end <= 10) {
        pid = intAt(line, 0, end);
        pos = end + 1;
        c = line.charCodeAt(pos);
      }
    }
    // hand-scanned: this runs for every line of a trace
    let wallMs: number | undefined;
    let offsetMin: number | undefined;
    let timeText: string | undefined;
    if (c >= 48 && c <= 57) {
      const end = digitsEnd(line, pos);
      const sep = line.charCodeAt(end);
      let stop: number;
      if (sep === 46 && end - pos >= 9) { // -ttt: 1709377445.123456 (-r relative times are shorter)
        stop = digitsEnd(line, end + 1);
        if (stop === end + 1 || stop - end > 10) return undefined;
        wallMs = intAt(line, pos, end) * 1000 + fracMsAt(line, end + 1, stop);
        offsetMin = 0;
      } else if (sep === 58 && end - pos === 2) { // -t/-tt: 11:04:05[.123456]
        if (line.charCodeAt(pos + 5) !== 58 || digitsEnd(line, pos + 3) !== pos + 5 || digitsEnd(line, pos + 6) !== pos + 8) return undefined;
        const h = intAt(line, pos, pos + 2), mi = intAt(line, pos + 3, pos + 5), sec = intAt(line, pos + 6, pos + 8);
        if (h > 23 || mi > 59 || sec > 60) return undefined;
        stop = pos + 8;
        let fracMs = 0;
        if (line.charCodeAt(stop) === 46) {
          const fe = digitsEnd(line, stop + 1);
          if (fe === stop + 1 || fe - stop > 10) return undefined;
          fracMs = fracMsAt(line, stop + 1, fe);
          stop = fe;
        }
        if (ctx.dateFor) wallMs = ctx.dateFor(((h * 60 + mi) * 60 + sec) * 1000 + fracMs);
      } else return undefined;
      if (line.charCodeAt(stop) !== 32) return undefined;
      timeText = line.slice(pos, stop);
      pos = stop + 1;
      c = line.charCodeAt(pos);
    }
    const body = pos === 0 ? line : line.slice(pos);
    const b = bodyOf(body, c, timeText !== undefined);
    if (!b) return undefined;
    const out: Parsed = { pid, severity: b.severity, message: body, fields: b.fields };
    if (wallMs !== undefined) out.wallMs = wallMs;
    if (offsetMin !== undefined) out.offsetMin = offsetMin;
    if (timeText !== undefined) out.timeText = timeText;
    return out;
  },
  samples: SAMPLES,
});

function digitsEnd(s: string, from: number): number {
  let i = from;
  for (let c = s.charCodeAt(i); c >= 48 && c <= 57; c = s.charCodeAt(++i));
  return i;
}

function intAt(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return v;
}

/** Milliseconds of a fraction's digits ("123456" -> 123, "5" -> 500). */
function fracMsAt(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < from + 3; i++) v = v * 10 + (i < to ? s.charCodeAt(i) - 48 : 0);
  return v;
}

function bodyOf(body: string, c: number, stamped: boolean): { severity: Severity; fields: Fields } | undefined {
  if ((c >= 97 && c <= 122) || c === 95) { // a-z _
    const call = CALL.exec(body);
    if (!call) return undefined;
    if (body.endsWith(UNFINISHED)) return { severity: 'debug', fields: { kind: 'unfinished', syscall: call[1]! } };
    return resultOf(body, 'syscall', call[1]!, stamped);
  }
  if (c === 60) { // <... x resumed>
    const r = RESUMED.exec(body);
    if (!r) return undefined;
    if (body.endsWith(UNFINISHED)) return { severity: 'debug', fields: { kind: 'unfinished', syscall: r[1]! } };
    return resultOf(body, 'resumed', r[1]!, stamped);
  }
  if (c === 45) {
    const s = SIGNAL.exec(body);
    if (!s) return undefined;
    const signal = s[1] ?? s[2]!;
    return { severity: FATAL_SIGNALS.has(signal) ? 'warn' : 'info', fields: { kind: 'signal', signal } };
  }
  if (c === 43) {
    const e = EXITED.exec(body);
    if (e) {
      const exitCode = Number(e[1]);
      return { severity: exitCode === 0 ? 'info' : 'warn', fields: { kind: 'exited', exitCode } };
    }
    const k = KILLED.exec(body);
    if (k) return { severity: 'error', fields: { kind: 'killed', signal: k[1]!, coreDumped: k[2] !== undefined } };
    return undefined;
  }
  if (c === 115) { // strace: Process N attached
    const a = ATTACH.exec(body);
    if (a) return { severity: 'debug', fields: { kind: a[2]!, pid: Number(a[1]) } };
  }
  return undefined;
}

function resultOf(body: string, kind: string, syscall: string, stamped: boolean): { severity: Severity; fields: Fields } | undefined {
  const at = body.lastIndexOf(' = ');
  if (at < 0) {
    // a call line cut by strace's own "Process N attached" note or by the traced program's output
    // on the same terminal: its end follows on a later line. Only after a time stamp, which makes
    // the line strace's beyond doubt.
    return stamped || body.includes('strace: Process ') ? { severity: 'debug', fields: { kind: 'unfinished', syscall } } : undefined;
  }
  const r = RESULT.exec(body.slice(at));
  if (!r) return undefined;
  const v = r[1]!;
  const result = v === '?' ? null : v.charCodeAt(1) === 120 ? parseInt(v, 16) : Number(v);
  const errno = r[2] ?? null;
  const fields: Fields = { kind, syscall, result, errno };
  if (r[3] !== undefined) fields.durationMs = Math.round(Number(r[3]) * 1e6) / 1e3;
  const severity: Severity = errno === null ? 'debug' : TROUBLE_ERRNOS.has(errno) ? 'warn' : 'info';
  return { severity, fields };
}
