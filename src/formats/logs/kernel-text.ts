import type { Parsed } from '../define.js';
import { type Severity, severityFromSyslog, severityFromWord } from '../../events/severity.js';

/**
 * What dmesg prints before the time bracket: `dmesg -x` "kern  :err   : " (facility and level names,
 * padded) or `dmesg -r` "<3>" (the raw priority, facility * 8 + level). Both are optional.
 */
export interface KernelPrefix {
  /** chars taken by the prefix */
  length: number;
  severity: Severity | null;
  /** false when the record came from user space through /dev/kmsg (facility other than kern) */
  kernel: boolean;
}

const DECODED = /^([a-z]{3,8}\d?) *:(emerg|alert|crit|err|warn|notice|info|debug) *: /;
const RAW_PRI = /^<(\d{1,3})>/;
const NONE: KernelPrefix = { length: 0, severity: null, kernel: true };

export function parseKernelPrefix(line: string): KernelPrefix | undefined {
  const c = line.charCodeAt(0);
  if (c === 91) return NONE; // '[': no prefix
  if (c === 60) {
    const m = RAW_PRI.exec(line);
    if (!m) return undefined;
    const pri = +m[1]!;
    return { length: m[0].length, severity: severityFromSyslog(pri), kernel: pri >> 3 === 0 };
  }
  if (c < 97 || c > 122) return undefined; // facility names are lower case
  const m = DECODED.exec(line);
  if (!m) return undefined;
  return { length: m[0].length, severity: severityFromWord(m[2]), kernel: m[1] === 'kern' };
}

/**
 * Raw kernel text carries no level: these are the messages whose printk level is known to matter
 * (panic and BUG are emergencies, OOM kills and hung tasks errors, oom-killer invocations and
 * WARNINGs warnings). The leftmost match decides ("EXT4-fs warning ...: I/O error" is a warning).
 * Anything else stays unknown (null) rather than guessed.
 */
const WORDS =
  /(Kernel panic)|(\bBUG: |\bOops\b|general protection fault|Unable to handle kernel|hard LOCKUP)|(Out of memory|Killed process \d|blocked for more than \d+ seconds|I\/O error|\bEXT4-fs error|\b[Ee]rror\b)|(invoked oom-killer|\bWARNING: |\bEXT4-fs warning\b|Call Trace:|\bsegfault at\b|\btraps: |\bfailed\b|\bfailure\b|\[Firmware Bug\])/;

export function kernelSeverityFromText(message: string): Severity | null {
  const m = WORDS.exec(message.length > 300 ? message.slice(0, 300) : message);
  if (!m) return null;
  if (m[1] !== undefined) return 'fatal';
  if (m[2] !== undefined) return 'critical';
  if (m[3] !== undefined) return 'error';
  return 'warn';
}

/** "comm[pid]: msg" that user-space writers of /dev/kmsg (systemd, ...) put first. */
const USER_TAG = /^([^\s:[]{1,64})\[(\d{1,10})\]: /;

export function userTag(message: string): { process: string; pid: number; length: number } | undefined {
  const m = USER_TAG.exec(message);
  return m ? { process: m[1]!, pid: +m[2]!, length: m[0].length } : undefined;
}

/**
 * Finishes a ring-buffer record after its stamp: a line user space wrote through /dev/kmsg
 * (`dmesg -x`/`-r` tell them apart) names its own process and pid ("systemd[1]: ..."); severity from
 * the prefix's level, else from the kernel's wording.
 */
export function finishKernelRecord(out: Parsed, prefix: KernelPrefix): Parsed {
  if (!prefix.kernel) {
    const tag = userTag(out.message);
    out.process = tag ? tag.process : null;
    if (tag) {
      out.pid = tag.pid;
      out.message = out.message.slice(tag.length);
    }
  }
  out.severity = prefix.severity ?? kernelSeverityFromText(out.message);
  return out;
}
