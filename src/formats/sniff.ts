import type { FormatDef, LineFormat, ParseContext } from './define.js';
import { FORMATS, PLAIN_FORMAT } from './registry.js';

export interface SniffResult {
  format: FormatDef;
  /** share of sampled lines the format parsed, or the document's recognition score */
  score: number;
}

const SAMPLE_LINES = 200;
const DEFAULT_MIN_SHARE = 0.6;
const PATH_HINT_BONUS = 0.05;
const MIN_DOCUMENT_SCORE = 0.5;

/**
 * Picks a format by content: each line format parses a sample of the head; each document format
 * scores the head. The path is only a hint (a small bonus). Ties go to the registry's order.
 */
export function sniffFormat(head: string, path: string, ctx: ParseContext, formats: readonly FormatDef[] = FORMATS): SniffResult {
  const lines = sampleLines(head);
  let best: SniffResult = { format: PLAIN_FORMAT, score: 0 };
  for (const format of formats) {
    const hinted = format.pathHint?.test(path) ? PATH_HINT_BONUS : 0;
    let score: number;
    if (format.shape === 'document') {
      const s = format.recognize(head, path);
      score = s >= MIN_DOCUMENT_SCORE ? s + hinted : 0;
    } else {
      const share = lineShare(format, lines, ctx);
      score = share >= (format.minShare ?? DEFAULT_MIN_SHARE) ? share + hinted : 0;
    }
    if (score > best.score) best = { format, score };
  }
  return best;
}

function sampleLines(head: string): string[] {
  const out: string[] = [];
  let start = 0;
  // the head may end mid-line: drop the last partial line unless it is the only one
  const end = head.lastIndexOf('\n') > 0 ? head.lastIndexOf('\n') : head.length;
  while (start < end && out.length < SAMPLE_LINES) {
    let nl = head.indexOf('\n', start);
    if (nl < 0 || nl > end) nl = end;
    let line = head.slice(start, nl);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() !== '') out.push(line);
    start = nl + 1;
  }
  return out;
}

/** Share of the sample that parses, not counting lines the format would join as continuations. */
function lineShare(format: LineFormat, lines: readonly string[], ctx: ParseContext): number {
  let parsed = 0;
  let counted = 0;
  for (const line of lines) {
    let ok = false;
    try {
      ok = format.parse(line, ctx) !== undefined;
    } catch {
      ok = false; // a parse that throws is a bug in the format; treat as "not mine" here
    }
    if (ok) parsed++;
    else if (parsed > 0 && format.continuation instanceof RegExp && format.continuation.test(line)) continue;
    counted++;
  }
  if (parsed === 0) return 0;
  return parsed / counted;
}
