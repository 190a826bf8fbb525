import type { Cluster, Variant } from './cluster.js';
import { WILDCARD } from './mask.js';
import type { MinerOptions } from './options.js';
import { templateIdFor } from './template-id.js';
import { templateText } from './tokenize.js';
import { joinLengths } from './join-lengths.js';

/** Printed id of the overflow bucket (see MinerOptions.maxTemplates); its template is `<*>`. */
export const OVERFLOW_ID = 'other';

export interface MinedTemplate {
  /** Stable id (template-id.ts), or `other` for the overflow bucket. */
  id: string;
  /** The message with variable parts replaced by `<*>`. */
  template: string;
  count: number;
}

export interface TemplateSnapshot {
  /** Most frequent first; ties in the order first seen. */
  templates: MinedTemplate[];
  /** The id of the template that holds the line given this handle. */
  idOf(handle: number): string;
  templateOf(handle: number): string;
}

interface Group {
  tokens: string[];
  template: string;
  count: number;
  first: number;
}

type Options = Pick<MinerOptions, 'maxConstantValues' | 'sharedWordTemplates' | 'minLinesPerWord'>;

/** Past this many distinct words a position is a variable, however often each is used. */
const MAX_REPEATED_WORDS = 64;

/**
 * The final templates. A cluster's `<*>` positions that came from merging hold words; where a
 * position holds few distinct words, none of them a number, and they are not header-like words
 * shared with other templates, the words are constants and the cluster splits by them.
 */
export function splitTemplates(variants: readonly Variant[], clusterOf: (h: number) => Cluster, overflowCount: number, o: Options): TemplateSnapshot {
  const members = new Map<Cluster, number[]>();
  variants.forEach((v, h) => {
    const c = clusterOf(v.cluster);
    const list = members.get(c);
    if (list) list.push(h);
    else members.set(c, [h]);
  });
  const shared = sharedWords(members, variants);
  const groupOf = new Int32Array(variants.length);
  const groups: Group[] = [];
  for (const [c, hs] of members) {
    const splitAt = constantPositions(c, hs, variants, shared, o);
    const index = new Map<string, number>();
    for (const h of hs) {
      const v = variants[h]!;
      const key = splitAt.map((p) => v.tokens[p]).join('\u0000');
      let g = index.get(key);
      if (g === undefined) {
        g = groups.length;
        index.set(key, g);
        const tokens = [...c.tokens];
        for (const p of splitAt) tokens[p] = v.tokens[p]!;
        groups.push({ tokens, template: templateText(tokens), count: 0, first: h });
      }
      groups[g]!.count += v.count;
      groupOf[h] = g;
    }
  }
  joinGroups(groups, groupOf);
  const order = groups.map((_, i) => i).sort((a, b) => groups[a]!.first - groups[b]!.first);
  const taken = new Set<string>();
  const ids: string[] = [];
  for (const g of order) {
    const id = templateIdFor(groups[g]!.template, taken);
    taken.add(id);
    ids[g] = id;
  }
  const templates: (MinedTemplate & { first: number })[] = groups
    .filter((g) => g.count > 0)
    .map((g) => ({ id: ids[groups.indexOf(g)]!, template: g.template, count: g.count, first: g.first }));
  if (overflowCount > 0) templates.push({ id: OVERFLOW_ID, template: WILDCARD, count: overflowCount, first: Number.MAX_SAFE_INTEGER });
  templates.sort((a, b) => b.count - a.count || a.first - b.first);
  return {
    templates: templates.map(({ id, template, count }) => ({ id, template, count })),
    idOf: (h) => (h < 0 ? OVERFLOW_ID : ids[groupOf[h]!]!),
    templateOf: (h) => (h < 0 ? WILDCARD : groups[groupOf[h]!]!.template),
  };
}

/**
 * word → number of clusters holding it at one of their `<*>` positions: a word that varies in
 * several templates (a user name, a weekday, a level) is a value, not a wording.
 */
function sharedWords(members: Map<Cluster, number[]>, variants: readonly Variant[]): Map<string, number> {
  const seenIn = new Map<string, Cluster>();
  const counts = new Map<string, number>();
  const count = (k: string, c: Cluster) => {
    if (seenIn.get(k) === c) return;
    seenIn.set(k, c);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  };
  for (const [c, hs] of members) {
    for (let p = 0; p < c.tokens.length; p++) {
      if (c.tokens[p] !== WILDCARD) {
        count(atPosition(p, c.tokens[p]!), c);
        continue;
      }
      for (const h of hs) {
        const w = variants[h]!.tokens[p]!;
        if (w === WILDCARD) continue;
        count(valueOf(w), c);
        count(atPosition(p, w), c);
      }
    }
  }
  return counts;
}

/** Key of a word at one position, constant or not: header columns (a host, a level) repeat there. */
function atPosition(p: number, word: string): string {
  return `${p}\u0000${word}`;
}

/** The value part of key=value. */
function valueOf(word: string): string {
  const eq = word.indexOf('=');
  return eq >= 0 ? word.slice(eq + 1) : word;
}

/** The merged positions of a cluster whose words are constants (see splitTemplates). */
function constantPositions(c: Cluster, hs: readonly number[], variants: readonly Variant[], shared: Map<string, number>, o: Options): number[] {
  const out: number[] = [];
  for (let p = 0; p < c.tokens.length; p++) {
    if (c.tokens[p] !== WILDCARD) continue;
    const words = new Map<string, number>();
    let isVariable = false;
    let sharedLines = 0;
    let partialLines = 0;
    const partialWords = new Set<string>();
    let lines = 0;
    for (const h of hs) {
      const v = variants[h]!;
      const w = v.tokens[p]!;
      if (w === WILDCARD) {
        isVariable = v.count > 0 || isVariable;
        continue;
      }
      words.set(w, (words.get(w) ?? 0) + v.count);
      lines += v.count;
      if (w.includes(WILDCARD)) {
        partialLines += v.count; // part of it is already a number or an id
        partialWords.add(w);
      }
      if (Math.max(shared.get(valueOf(w)) ?? 0, shared.get(atPosition(p, w)) ?? 0) >= o.sharedWordTemplates) sharedLines += v.count;
    }
    if (isVariable || words.size < 2) continue;
    // words that hold numbers or ids: values, unless they are a few among many plain wordings
    if (partialLines > 0 && (partialLines * 2 >= lines || words.size - partialWords.size <= 1)) continue;
    // many distinct words are values, unless each is used again and again (one-word events)
    if (words.size > o.maxConstantValues && (words.size > MAX_REPEATED_WORDS || lines < o.minLinesPerWord * words.size)) continue;
    if (sameKey(words.keys())) continue; // key=value pairs with one key: the values are parameters
    if (allDottedNames([...words.keys()].filter((w) => !partialWords.has(w)))) continue; // module or logger names (a.b.c): where, not what
    // one-off words (names, keys) rather than a few wordings each used again and again; but the
    // first word of a message names what it is about ("cupsd startup succeeded", "DMA zone: ..."):
    // one-off first words are events of their own
    if (p > 0 && words.size >= 3 && lines < 2 * words.size) continue;
    if (sharedLines * 2 >= lines) continue;
    out.push(p);
  }
  return out;
}

/** True when every word is `key=value` with the same key. */
function sameKey(words: Iterable<string>): boolean {
  let key: string | undefined;
  for (const w of words) {
    const eq = w.indexOf('=');
    if (eq <= 0) return false;
    const k = w.slice(0, eq);
    if (key !== undefined && k !== key) return false;
    key = k;
  }
  return key !== undefined;
}

/**
 * Joins groups that differ only in the length of one variable stretch (join-lengths.ts): their
 * lines move to the set's first group, which takes the template of the set's commonest member.
 */
function joinGroups(groups: Group[], groupOf: Int32Array): void {
  const root = joinLengths(groups.map((g) => g.tokens));
  const best = new Map<number, Group>();
  groups.forEach((g, i) => {
    const r = root[i]!;
    const b = best.get(r);
    if (!b || g.count > b.count) best.set(r, g);
  });
  groups.forEach((g, i) => {
    const r = root[i]!;
    if (r === i) return;
    const into = groups[r]!;
    into.count += g.count;
    into.first = Math.min(into.first, g.first);
    g.count = 0;
  });
  for (const [r, b] of best) groups[r]!.template = b.template;
  for (let h = 0; h < groupOf.length; h++) groupOf[h] = root[groupOf[h]!]!;
}

/** True when every word is a dotted name such as nova.compute.manager or com.apple.xpc. */
function allDottedNames(words: Iterable<string>): boolean {
  let constants = true;
  for (const w of words) {
    if (!DOTTED_NAME.test(w)) return false;
    if (constants && !CONSTANT_NAME.test(w)) constants = false;
  }
  // ...unless each names a constant (android.intent.action.SCREEN_ON / SCREEN_OFF): an enum's values
  return !constants;
}

/** A dotted name whose last part is an upper-case constant name (SCREEN_ON). */
const CONSTANT_NAME = /\.[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+:?$/;

const DOTTED_NAME = /^[A-Za-z_][\w$-]*(?:\.[A-Za-z_][\w$-]*){2,}:?$/;
