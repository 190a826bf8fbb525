import { WILDCARD } from './mask.js';

/**
 * A line shape as first seen: its masked tokens, the cluster it belongs to, and its lines. The
 * words it had where its cluster now has `<*>` are kept, so the final grouping can still tell
 * "action start boot" from "action start halt" (see split.ts).
 */
export interface Variant {
  readonly tokens: readonly string[];
  /** Handle of the cluster it joined; follow the miner's forward links to the live one. */
  readonly cluster: number;
  count: number;
}

/** Shapes of the same length that differ in a few positions, mined together. */
export interface Cluster {
  /** The handle of its first variant. */
  readonly handle: number;
  /** Masked tokens, `<*>` where its variants differ or where masking found a variable. */
  tokens: string[];
  /** Tokens that are not the bare wildcard. */
  constants: number;
  /** words at the wildcard positions → variant handle */
  readonly variants: Map<string, number>;
}

export function newCluster(handle: number, tokens: string[]): Cluster {
  return { handle, tokens, constants: countConstants(tokens), variants: new Map() };
}

export function countConstants(tokens: readonly string[]): number {
  let n = 0;
  for (const t of tokens) if (t !== WILDCARD) n++;
  return n;
}

/** The words a line has at the template's wildcard positions: the variant it belongs to. */
export function variantKey(template: readonly string[], tokens: readonly string[]): string {
  let key = '';
  for (let i = 0; i < template.length; i++) if (template[i] === WILDCARD && tokens[i] !== WILDCARD) key += `${i}\u0000${tokens[i]}\u0001`;
  return key;
}

/** True when every constant token of the template equals the line's token at that position. */
export function covers(template: readonly string[], tokens: readonly string[]): boolean {
  if (template.length !== tokens.length) return false;
  for (let i = 0; i < template.length; i++) {
    const t = template[i]!;
    if (t !== WILDCARD && t !== tokens[i]) return false;
  }
  return true;
}

/**
 * Number of positions where two token lists of the same length differ, stopping past `max`. A
 * position where one holds `<*>` and the other a word with no variable part counts as `max + 1`: the two
 * lines are not aligned ("disk limit: <*> GB" / "Total disk: <*> GB"). `aFirst` is the first line
 * of cluster `a`, to tell a masked number from merged words.
 */
export function distance(a: readonly string[], b: readonly string[], max: number, aFirst: readonly string[] = a): number {
  let diff = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    // a's `<*>` from merging words (its first line had a word there) may take another word
    const masked = x === WILDCARD && aFirst[i] === WILDCARD;
    if (masked ? !y.includes(WILDCARD) : y === WILDCARD && !x.includes(WILDCARD)) return max + 1;
    if (emptyValueOf(x, y) || emptyValueOf(y, x)) return max + 1;
    if (otherKey(x, y)) return max + 1;
    if (++diff > max) return diff;
  }
  return diff;
}


/** The template that covers both: `<*>` where they differ. */
export function generalize(a: readonly string[], b: readonly string[]): string[] {
  const out = new Array<string>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] === b[i] ? a[i]! : WILDCARD;
  return out;
}

/** `key=` (no value) against `key=value`: a field left empty is another case than a field filled ("rhost=" / "rhost=<*>"). */
function emptyValueOf(empty: string, filled: string): boolean {
  const n = empty.length;
  return n > 1 && empty.charCodeAt(n - 1) === 61 && filled.length > n && filled.startsWith(empty);
}

/** Two `key=value` tokens with different keys ("phoneId=1" / "retVal=true"): different fields, not one value. */
function otherKey(x: string, y: string): boolean {
  const ex = keyEnd(x);
  if (ex < 0) return false;
  const ey = keyEnd(y);
  return ey >= 0 && (ex !== ey || !x.startsWith(y.slice(0, ey)));
}

/** Length of a leading identifier followed by '=', or -1. */
function keyEnd(t: string): number {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 61) return i > 0 ? i : -1;
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46;
    if (!word) return -1;
  }
  return -1;
}
