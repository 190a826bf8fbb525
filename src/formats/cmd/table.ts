import type { Fields } from '../../events/event.js';
import type { DocumentRecord } from '../define.js';

/** Command tables are read whole; a header is looked for only this far down (banners, warnings). */
export const HEADER_SEARCH_LINES = 20;
/** Long command lines and file names are cut to this in fields and messages. */
export const MAX_FIELD_CHARS = 4096;
const MAX_MESSAGE_COMMAND = 200;

/** The document's lines without their line ends (CRLF too). */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
  }
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Index of the first of the first HEADER_SEARCH_LINES lines that matches `header`, or -1. */
export function findHeader(lines: readonly string[], header: RegExp, from = 0): number {
  const end = Math.min(lines.length, from + HEADER_SEARCH_LINES);
  for (let i = from; i < end; i++) if (header.test(lines[i]!)) return i;
  return -1;
}

/** Recognition by a header line near the top of the head. */
export function headerScore(head: string, header: RegExp): number {
  let start = 0;
  for (let n = 0; n < HEADER_SEARCH_LINES && start < head.length; n++) {
    let nl = head.indexOf('\n', start);
    if (nl < 0) nl = head.length;
    if (header.test(head.slice(start, nl).replace(/\r$/, ''))) return 1;
    start = nl + 1;
  }
  return 0;
}

export function record(line: number, text: string, message: string, fields: Fields, extra?: { process?: string | null; pid?: number | null }): DocumentRecord {
  const r: DocumentRecord = { line, text, message, fields };
  if (extra?.process !== undefined) r.process = extra.process;
  if (extra?.pid !== undefined) r.pid = extra.pid;
  return r;
}

export function numberOrNull(s: string | undefined): number | null {
  if (s === undefined || s === '' || s === '-') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Locales that print "0,34": the comma is a decimal point here. */
export function decimal(s: string): number {
  return Number(s.replace(',', '.'));
}

const SIZE = /^(\d+(?:[.,]\d+)?)([KMGTPEZ]?)(i?)B?$/i;
const POWERS: Record<string, number> = { '': 0, K: 1, M: 2, G: 3, T: 4, P: 5, E: 6, Z: 7 };

/**
 * "252G", "2.0M", "23Gi", "425Mi", "0B", "1.2g": sizes printed by df -h, free -h and top, read
 * as powers of 1024 (what those tools use). A bare number is in `bareUnitBytes`.
 */
export function sizeToBytes(s: string, bareUnitBytes: number): number | null {
  const m = SIZE.exec(s);
  if (!m) return null;
  const v = decimal(m[1]!);
  const suffix = m[2]!.toUpperCase();
  if (suffix === '' && !/b$/i.test(s)) return Math.round(v * bareUnitBytes);
  return Math.round(v * 1024 ** POWERS[suffix]!);
}

/** "1.3 GiB": sizes in messages. */
export function humanBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`;
}

const V4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * "127.0.0.1:8080", "[::ffff:127.0.0.1]:80", ":::22", "*:*", "127.0.0.53%lo:53" → address and port.
 * IPv4-mapped IPv6 addresses become plain IPv4 (ss prints them mapped, netstat does not), and
 * an interface suffix (%lo) is dropped, so the same socket reads alike from every tool.
 */
export function splitHostPort(s: string): { address: string; port: number | null } {
  let address: string;
  let portText: string;
  if (s.charCodeAt(0) === 91 /* [ */) {
    const close = s.indexOf(']');
    address = close > 0 ? s.slice(1, close) : s;
    portText = close > 0 && s.charCodeAt(close + 1) === 58 ? s.slice(close + 2) : '';
  } else {
    const colon = s.lastIndexOf(':');
    address = colon >= 0 ? s.slice(0, colon) : s;
    portText = colon >= 0 ? s.slice(colon + 1) : '';
  }
  const pct = address.indexOf('%');
  if (pct > 0) address = address.slice(0, pct);
  const mapped = V4_MAPPED.exec(address);
  if (mapped) address = mapped[1]!;
  return { address, port: /^\d{1,5}$/.test(portText) ? +portText : null };
}

/**
 * The program name of a command line: "/usr/bin/java -Xmx1g ..." → "java"; kernel threads keep
 * their bracketed name without brackets ("[kworker/0:1]" → "kworker/0:1").
 */
export function commandName(command: string): string {
  if (command.charCodeAt(0) === 91 /* [ */ && command.endsWith(']')) return command.slice(1, -1);
  const sp = command.indexOf(' ');
  const first = sp < 0 ? command : command.slice(0, sp);
  const slash = first.lastIndexOf('/');
  const base = slash >= 0 ? first.slice(slash + 1) : first;
  return base.endsWith(':') ? base.slice(0, -1) : base; // "postgres: checkpointer" titles
}

export function clip(s: string, max = MAX_FIELD_CHARS): string {
  return s.length > max ? s.slice(0, max) : s;
}

export function clipForMessage(s: string): string {
  return s.length > MAX_MESSAGE_COMMAND ? s.slice(0, MAX_MESSAGE_COMMAND) + '…' : s;
}

/** "1-02:03:04", "02:03:04", "123:45", "0:01.63" (ps TIME, top TIME+) → seconds. */
export function cpuTimeSeconds(s: string): number | null {
  const m = /^(?:(\d+)-)?(?:(\d+):)?(\d+):(\d+(?:\.\d+)?)$/.exec(s);
  if (!m) return null;
  return (+(m[1] ?? 0)) * 86400 + (+(m[2] ?? 0)) * 3600 + +m[3]! * 60 + +m[4]!;
}

const TCP_STATES: Record<string, string> = {
  ESTAB: 'ESTABLISHED',
  'FIN-WAIT-1': 'FIN_WAIT1',
  'FIN-WAIT-2': 'FIN_WAIT2',
  'SYN-SENT': 'SYN_SENT',
  'SYN-RECV': 'SYN_RECV',
  'TIME-WAIT': 'TIME_WAIT',
  'CLOSE-WAIT': 'CLOSE_WAIT',
  'LAST-ACK': 'LAST_ACK',
  CLOSED: 'CLOSE',
};

/**
 * Socket states under one spelling, the kernel's as netstat and lsof print them (CLOSE_WAIT,
 * FIN_WAIT2, ESTABLISHED): ss writes CLOSE-WAIT, FIN-WAIT-2, ESTAB.
 */
export function normalizeTcpState(s: string): string {
  return TCP_STATES[s] ?? s.replace(/-/g, '_');
}
