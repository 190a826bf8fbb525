/** Shared reading of `kubectl get ... -o json` documents (a List of items, or one object). */

export type Json = Record<string, unknown>;

export function obj(v: unknown): Json | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
}

export function str(v: unknown, max = 512): string | null {
  return typeof v === 'string' ? (v.length > max ? v.slice(0, max) : v) : null;
}

export function int(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The items of a List, or the one object when kubectl was asked for a single one. */
export function itemsOf(doc: unknown, kind: string): Json[] {
  const root = obj(doc);
  if (!root) return [];
  if (root.kind === kind) return [root];
  const items = Array.isArray(root.items) ? root.items : [];
  return items.map(obj).filter((i): i is Json => i !== null && (i.kind === undefined || i.kind === kind));
}

/** RFC 3339 time as Kubernetes writes it ("2026-05-10T07:40:01Z", with fractions for eventTime). */
export function timeOf(v: unknown): { wallMs: number; offsetMin: number; timeText: string } | null {
  if (typeof v !== 'string' || v.length > 40 || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/.test(v)) return null;
  const ms = Date.parse(v);
  return Number.isFinite(ms) ? { wallMs: ms, offsetMin: 0, timeText: v } : null;
}

/**
 * Line numbers of items in a pretty-printed document: the line of the first occurrence of each
 * item's marker (its uid or name, as JSON), searched forward from the previous item's.
 */
export function lineFinder(text: string): (marker: string | null) => number {
  let pos = 0;
  let line = 1;
  return (marker) => {
    if (!marker) return line;
    const at = text.indexOf(JSON.stringify(marker), pos);
    if (at < 0) return line;
    for (let i = pos; i < at; i++) if (text.charCodeAt(i) === 10) line++;
    pos = at;
    return line;
  };
}

/** Kubernetes quantities for memory: "512Mi", "1Gi", "1G", "1000000", "1.5Gi". */
export function quantityBytes(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E|m)?$/.exec(v);
  if (!m) return null;
  const unit = m[2] ?? '';
  const binary: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
  const decimal: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, m: 1e-3, '': 1 };
  return Math.round(Number(m[1]) * (binary[unit] ?? decimal[unit] ?? 1));
}

export function parseJson(text: string): { doc: unknown } | { error: string } {
  try {
    return { doc: JSON.parse(text) };
  } catch (err) {
    return { error: `not valid JSON: ${(err as Error).message.slice(0, 200)}` };
  }
}

/** The latest record time stands for the snapshot: the records carry their own times anyway. */
export function latestTime(records: readonly { wallMs?: number; timeText?: string }[]): { wallMs: number; offsetMin: number; text: string } | undefined {
  let best: { wallMs: number; offsetMin: number; text: string } | undefined;
  for (const r of records) if (r.wallMs !== undefined && (!best || r.wallMs > best.wallMs)) best = { wallMs: r.wallMs, offsetMin: 0, text: r.timeText ?? '' };
  return best;
}
