import { severityFromWord } from '../../events/severity.js';
import { parseIsoLike } from '../timestamps.js';
import type { Parsed } from '../define.js';
import { kernelSeverityFromText } from './kernel-text.js';

/**
 * What the `journalctl` short output modes share: lines "<time> host identifier[pid]: message",
 * and the marker lines journalctl prints between them:
 *   "-- Logs begin at Tue 2024-03-05 10:00:01 CST, end at Tue 2024-03-05 12:00:00 CST. --" (older systemd)
 *   "-- Journal begins at Tue 2024-03-05 10:00:01 CST, ends at ... --" (later ones; recent ones print none)
 *   "-- Boot 1cd6829176684a1581488f60ce90554a --" (a reboot between two lines)
 *   "-- No entries --"
 * Markers become events of their own (never glued to a log line): a boot marker is a real state
 * change; the begin marker carries the journal's first time (in the zone journalctl ran in).
 */
const TAIL = /^(\S+) ([^\s:[]+)(?:\[(\d{1,10})\])?: (.*)$/;
const BEGIN = /^-- (?:Logs begin at|Journal begins at) \S+ (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/;
const BOOT = /^-- Boot ([0-9a-f]{32}) --$/;
const LEVEL_FIRST = /^(?:<(\w+)>|\[?(DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|CRIT|FATAL)\]?[: ]|(error|warning|fatal): )/;

/**
 * A marker line, or undefined. Cheap for ordinary lines: one char test. With `bootOnly`, only boot
 * markers: a format that must sit before journalctl-short in the registry (short-precise) leaves the
 * other markers to it, so that a file of markers alone is journalctl-short.
 */
export function parseJournalMarker(line: string, bootOnly = false): Parsed | undefined {
  if (line.charCodeAt(0) !== 45 || line.charCodeAt(1) !== 45 || line.charCodeAt(2) !== 32 || !line.endsWith(' --')) return undefined;
  const boot = BOOT.exec(line);
  if (boot) return { message: line, severity: 'notice', fields: { journalMarker: 'boot', bootId: boot[1]! } };
  if (bootOnly) return undefined;
  if (line === '-- No entries --') return { message: line, severity: null, fields: { journalMarker: 'no-entries' } };
  const begin = BEGIN.exec(line);
  if (begin) {
    const t = parseIsoLike(begin[1]!);
    if (t) return { wallMs: t.wallMs, timeText: begin[1]!, message: line, severity: null, fields: { journalMarker: 'begin' } };
  }
  return undefined;
}

/** "host identifier[pid]: message" after the time; `out` gets host, process, pid, message, severity. */
export function parseJournalTail(rest: string, out: Parsed): boolean {
  // no fallback for lines without "identifier: ": it would read classic syslog files better than
  // syslog-rfc3164 does and take them
  const m = TAIL.exec(rest);
  if (!m) return false;
  out.host = m[1]!;
  out.process = m[2]!;
  out.pid = m[3] ? +m[3] : null;
  out.message = m[4]!;
  if (out.process === 'kernel') out.severity = kernelSeverityFromText(out.message);
  else {
    const lw = LEVEL_FIRST.exec(out.message);
    out.severity = lw ? severityFromWord(lw[1] ?? lw[2] ?? lw[3]) : null;
  }
  return true;
}
