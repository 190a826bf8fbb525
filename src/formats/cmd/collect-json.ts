import type { FieldValue } from '../../events/event.js';
import type { DocumentResult } from '../define.js';
import { splitLines } from './table.js';

const ISO = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,3}))?Z$/;

/** A JSON ISO-8601 UTC time ("2026-11-22T05:00:18.307Z") as a document's takenAt, or undefined. */
export function isoTakenAt(value: unknown): DocumentResult['takenAt'] {
  if (typeof value !== 'string') return undefined;
  const m = ISO.exec(value);
  if (!m) return undefined;
  const wallMs = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, m[7] ? +m[7].padEnd(3, '0') : 0);
  return Number.isNaN(wallMs) ? undefined : { wallMs, offsetMin: 0, text: value };
}

/**
 * `culprit collect` writes its JSON with one array element a line (collect/json-rows.ts). The rows
 * of the array under `key` with their 1-based lines, so each record cites its own line; the top
 * level object (without the array) alongside. Undefined when the text is not such JSON.
 */
export function collectRows(text: string, key: string): { top: Record<string, unknown>; rows: { line: number; text: string; value: Record<string, unknown> }[] } | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
  const top = doc as Record<string, unknown>;
  const arr = top[key];
  if (!Array.isArray(arr)) return undefined;
  const lines = splitLines(text);
  const opener = `"${key}":[`;
  let at = lines.findIndex((l) => l.startsWith(opener));
  const rows: { line: number; text: string; value: Record<string, unknown> }[] = [];
  for (const value of arr) {
    if (typeof value !== 'object' || value === null) continue;
    // the row's own line when the file keeps collect's layout; else the array's line
    const own = at >= 0 && at + 1 < lines.length && lines[at + 1]!.startsWith('{') ? ++at : -1;
    rows.push({ line: own >= 0 ? own + 1 : Math.max(1, lines.findIndex((l) => l.includes(opener)) + 1), text: own >= 0 ? lines[own]!.replace(/,$/, '') : JSON.stringify(value), value: value as Record<string, unknown> });
  }
  return { top, rows };
}

/** A JSON value as a field: numbers, strings, booleans and null as they are; others left out. */
export function scalar(v: unknown): FieldValue | undefined {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return undefined;
}

export function numOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function strOrNull(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}
