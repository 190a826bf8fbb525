import { WILDCARD } from './mask.js';

/** Two templates may differ in length by at most this many tokens to be joined. */
const MAX_EXTRA_TOKENS = 3;
/** Work bound for the pairwise pass (token comparisons); past it, no more pairs are tried. */
const MAX_COMPARISONS = 20_000_000;

/**
 * Templates of different lengths that are the same event with one variable stretch of different
 * length ("0 bytes sent" / "1048 bytes (1.0 KB) sent", "chrome.exe" / "chrome.exe *64") are one
 * template. Returns, for each template, the index of the template it joins (union-find root,
 * the lowest index of its set). Tokens holding `<*>` count as equal to each other here.
 */
export function joinLengths(templates: readonly (readonly string[])[]): number[] {
  const parent = templates.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  // the same words around runs of variables of any length ("name <*> <*> <*>" / "name <*>"): a list
  const byRuns = new Map<string, number>();
  templates.forEach((t, i) => {
    const key = runsKey(t);
    if (key === null) return;
    const first = byRuns.get(key);
    if (first === undefined) byRuns.set(key, i);
    else if (find(first) !== find(i)) parent[Math.max(find(first), find(i))] = Math.min(find(first), find(i));
  });
  const byLength = new Map<number, number[]>();
  templates.forEach((t, i) => byLength.set(t.length, [...(byLength.get(t.length) ?? []), i]));
  let budget = MAX_COMPARISONS;
  for (const [len, shorter] of byLength) {
    for (let extra = 1; extra <= MAX_EXTRA_TOKENS; extra++) {
      for (const b of byLength.get(len + extra) ?? []) {
        for (const a of shorter) {
          if ((budget -= len) < 0) return parent.map((_, i) => find(i));
          if (find(a) !== find(b) && differByOneStretch(templates[a]!, templates[b]!)) {
            const ra = find(a);
            const rb = find(b);
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
          }
        }
      }
    }
  }
  return parent.map((_, i) => find(i));
}

const hasVar = (t: string) => t.includes(WILDCARD);
const exact = (x: string, y: string) => x === y;
/** A template's bare `<*>` matches any token: the other template kept a word the first found varying. */
const loose = (x: string, y: string) => x === y || x === WILDCARD || y === WILDCARD;

/**
 * a shorter than b; they match before and after one stretch inside the line, which in a is empty or one
 * variable token and in b holds a variable token; at least three constant words match around it.
 */
function differByOneStretch(a: readonly string[], b: readonly string[]): boolean {
  // with loose matching around it, the stretch must be variables only ("*64", not "invalid user <*>")
  return differBy(a, b, exact, false) || differBy(a, b, loose, true);
}

function differBy(a: readonly string[], b: readonly string[], same: (x: string, y: string) => boolean, varsOnly: boolean): boolean {
  let p = 0;
  while (p < a.length && same(a[p]!, b[p]!)) p++;
  let q = 0;
  while (q < a.length - p && same(a[a.length - 1 - q]!, b[b.length - 1 - q]!)) q++;
  const aStretch = a.length - p - q;
  if (aStretch > 1 || (aStretch === 1 && !hasVar(a[p]!))) return false;
  // at the very start or end, only a variable that grew longer: "... rhost=<*>" / "... rhost=<*> user=root" differ
  if ((p === 0 || q === 0) && aStretch === 0) return false;
  // the longer stretch is mostly variable: "(<*> KB)", "<<*> sec", not "invalid user <*>"
  let vars = 0;
  for (let i = p; i < b.length - q; i++) if (hasVar(b[i]!)) vars++;
  const words = b.length - q - p - vars;
  if (vars === 0 || vars < words || (varsOnly && words > 0)) return false;
  let constants = 0;
  for (const t of a) if (!hasVar(t)) constants++;
  return constants >= 3;
}

/** A list's worth of variables at least this long somewhere makes a template a list (see runsKey). */
const MIN_RUN = 2;
/** Constant words a template needs for its runs to be joined by their words alone. */
const MIN_RUN_CONSTANTS = 2;

/**
 * The template with each run of bare `<*>` tokens read as one, when it has a run of MIN_RUN or
 * more and MIN_RUN_CONSTANTS constant words; else null.
 */
function runsKey(t: readonly string[]): string | null {
  let key = '';
  let run = 0;
  let longest = 0;
  let constants = 0;
  for (const tok of t) {
    if (tok === WILDCARD) {
      if (run++ === 0) key += '\u0000';
      if (run > longest) longest = run;
      continue;
    }
    run = 0;
    if (!hasVar(tok)) constants++;
    key += `${tok}\u0001`;
  }
  return longest >= MIN_RUN && constants >= MIN_RUN_CONSTANTS ? key : null;
}
