import { severityFromWord } from '../../events/severity.js';
import { defineFormat } from '../define.js';
import { parseIsoLike } from '../timestamps.js';

// A timestamp somewhere near the start (after a bracket or a short prefix), and a level word anywhere early.
const STAMP_NEAR_START = /\d{4}[-/]\d\d[-/]\d\d[T ]\d\d:\d\d:\d\d/;
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
    // a timestamp counts only near the start: search just there (this runs on every unknown line)
    const s = STAMP_NEAR_START.exec(line.length > 64 ? line.slice(0, 64) : line);
    const t = s && s.index < 40 ? parseIsoLike(head.slice(s.index)) : undefined;
    const lw = LEVEL_WORD.exec(head);
    if (!t) return { message: line, severity: lw ? severityFromWord(lw[1]) : null };
    const end = s!.index + t.length;
    const message = line.slice(end).replace(/^[\]\s:|-]+/, '');
    const out = { wallMs: t.wallMs, timeText: head.slice(s!.index, end), message, severity: lw ? severityFromWord(lw[1]) : null };
    return t.offsetMin === undefined ? out : { ...out, offsetMin: t.offsetMin };
  },
  samples: [
    { text: 'something happened', expect: { message: 'something happened' } },
    { text: '[2024-03-02 11:04:05] ERROR disk is slow', expect: { severity: 'error', message: 'ERROR disk is slow' } },
  ],
});
