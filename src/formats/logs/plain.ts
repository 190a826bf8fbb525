import type { Severity } from '../../events/severity.js';
import { defineFormat, type Parsed } from '../define.js';
import { isoStamp, scanIsoLike } from '../timestamps.js';

// A level word anywhere early in the line. No capture: search() then finds it without building a
// match, and the word's first letter tells its severity (LEVEL_BY_FIRST).
const LEVEL_WORD = /\b(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|CRITICAL|CRIT|FATAL|PANIC|SEVERE)\b/;
/** Level words sit in a line's first columns. */
const LEVEL_HEAD_CHARS = 100;

/**
 * Text in no known format: each line is an event, with whatever timestamp and level word can be found.
 * Not chosen by sniffing; the fallback when nothing else fits.
 */
export const plain = defineFormat({
  name: 'plain',
  description: 'text in no known format: one event per line, with any ISO-like timestamp and level word found',
  producer: 'any',
  shape: 'lines',
  parse(line) {
    const severity = levelIn(line);
    const at = isoStampStart(line);
    const end = at >= 0 ? scanIsoLike(line, at) : -1;
    if (end < 0) return parsedOf(undefined, undefined, undefined, severity, line);
    return parsedOf(isoStamp.wallMs, isoStamp.offsetMin, line.slice(at, end), severity, line.slice(afterSeparators(line, end)));
  },
  samples: [
    { text: 'something happened', expect: { message: 'something happened' } },
    { text: '[2024-03-02 11:04:05] ERROR disk is slow', expect: { severity: 'error', message: 'ERROR disk is slow' } },
  ],
});

const MAX_STAMP_OFFSET = 40;

/**
 * Where an ISO-like 'YYYY-MM-DD HH:MM:SS' starts within the first 40 characters, or -1. Candidates
 * are found from the colons (the stamp's first colon is 13 characters in), not by testing every
 * position: this runs on every line of every unknown file.
 */
function isoStampStart(line: string): number {
  const last = Math.min(MAX_STAMP_OFFSET, line.length - 19);
  for (let colon = line.indexOf(':', 13); colon >= 0 && colon - 13 <= last; colon = line.indexOf(':', colon + 1)) {
    const i = colon - 13;
    const c = line.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    const sep = line.charCodeAt(i + 4);
    if ((sep === 45 || sep === 47) && line.charCodeAt(i + 7) === sep && line.charCodeAt(i + 16) === 58) {
      const mid = line.charCodeAt(i + 10);
      if (mid === 32 || mid === 84) return i;
    }
  }
  return -1;
}

/** One object shape for every plain line, so the code that reads it stays monomorphic. */
function parsedOf(wallMs: number | undefined, offsetMin: number | undefined, timeText: string | undefined, severity: Severity | null, message: string): Parsed {
  return {
    wallMs, offsetMin, uptimeSec: undefined, timeText, severity,
    host: undefined, process: undefined, pid: undefined, thread: undefined, logger: undefined, message, fields: undefined,
  };
}

const LEVEL_BY_FIRST: Record<string, Severity> = {
  T: 'trace', D: 'debug', I: 'info', N: 'notice', W: 'warn', E: 'error', C: 'critical', F: 'fatal', P: 'fatal', S: 'error',
};

function levelIn(line: string): Severity | null {
  const head = line.length > LEVEL_HEAD_CHARS ? line.slice(0, LEVEL_HEAD_CHARS) : line;
  const i = head.search(LEVEL_WORD);
  return i < 0 ? null : LEVEL_BY_FIRST[head[i]!]!;
}

/** Past the "] ", " - ", ": ", " | " that separate a timestamp from the message. */
function afterSeparators(line: string, i: number): number {
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === 93 || c === 58 || c === 124 || c === 45 || isSpace(c)) i++;
    else break;
  }
  return i;
}

/** What \s matches. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff;
}
