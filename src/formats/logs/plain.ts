import { severityFromWord } from '../../events/severity.js';
import { defineFormat } from '../define.js';
import { parseIsoLike } from '../timestamps.js';

// A level word anywhere early in the line.
const LEVEL_WORD = /\b(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|CRITICAL|CRIT|FATAL|PANIC|SEVERE)\b/;

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
    const head = line.length > 200 ? line.slice(0, 200) : line;
    const at = isoStampStart(line);
    const t = at >= 0 ? parseIsoLike(at === 0 ? head : head.slice(at)) : undefined;
    // level words sit in a line's first columns
    const lw = LEVEL_WORD.exec(line.length > 100 ? line.slice(0, 100) : line);
    if (!t) return { message: line, severity: lw ? severityFromWord(lw[1]) : null };
    const end = at + t.length;
    const message = line.slice(end).replace(/^[\]\s:|-]+/, '');
    const out = { wallMs: t.wallMs, timeText: head.slice(at, end), message, severity: lw ? severityFromWord(lw[1]) : null };
    return t.offsetMin === undefined ? out : { ...out, offsetMin: t.offsetMin };
  },
  samples: [
    { text: 'something happened', expect: { message: 'something happened' } },
    { text: '[2024-03-02 11:04:05] ERROR disk is slow', expect: { severity: 'error', message: 'ERROR disk is slow' } },
  ],
});

const MAX_STAMP_OFFSET = 40;

/**
 * Where an ISO-like 'YYYY-MM-DD HH:MM:SS' starts within the first 40 characters, or -1. A character
 * scan, not a regex search: this runs on every line of every unknown file.
 */
function isoStampStart(line: string): number {
  const last = Math.min(MAX_STAMP_OFFSET, line.length - 19);
  for (let i = 0; i <= last; i++) {
    const c = line.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    const sep = line.charCodeAt(i + 4);
    if ((sep === 45 || sep === 47) && line.charCodeAt(i + 7) === sep && line.charCodeAt(i + 13) === 58 && line.charCodeAt(i + 16) === 58) {
      const mid = line.charCodeAt(i + 10);
      if (mid === 32 || mid === 84) return i;
    }
  }
  return -1;
}
