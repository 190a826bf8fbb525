import { severityFromWord } from '../events/severity.js';
import { WILDCARD } from './mask.js';
import { maskedLine, tokenEnd, tokensOf } from './tokenize.js';

/** Leading tokens looked at: a header is a handful of columns, the text comes after. */
export const MAX_HEADER_TOKENS = 12;
/** A column must be present in at least this share of the lines looked at. */
const MIN_PRESENT = 0.95;
/** A variable column: this share of its tokens holds a masked part ... */
const MIN_VARIABLE = 0.9;
/** ... and its masked tokens take at most this many shapes (a date, `node-<*>`), not free text. */
const MAX_VARIABLE_SHAPES = 3;
/** A word column (component, category, state) holds at most this many words, or a quarter of the lines. */
const MIN_WORD_VALUES = 8;
/** Lines needed before a header is believed: with fewer, any column looks constant. */
export const MIN_HEADER_LINES = 8;

/** What a header column holds, learnt from its tokens. */
const enum ColumnKind {
  /** timestamps, counters, ids, node names: masked to a few shapes */
  Variable,
  /** a severity word */
  Level,
  /** a few words (a component, a category, a constant such as `-`) */
  Words,
  /** a bracketed context (`[main]`, `[req-42 - -]`, `[-]`) */
  Bracket,
  /** a logger or process name ending in ':' (`dfs.DataNode$PacketResponder:`, `sshd[42]:`) */
  Component,
}

/** Character classes for the cheap per-line check (bit flags of a token's first and last char). */
const DIGIT = 1;
const LOWER = 2;
const UPPER = 4;
const OTHER = 8;

function charClass(c: number): number {
  if (c >= 48 && c <= 57) return DIGIT;
  if (c >= 97 && c <= 122) return LOWER;
  if (c >= 65 && c <= 90) return UPPER;
  return OTHER;
}

/**
 * One learnt header column: what a line's token there must look like for the line to be read as
 * having the header (for a variable column, the classes of the first and last characters seen).
 */
export interface HeaderColumn {
  readonly kind: ColumnKind;
  readonly first: number;
  readonly last: number;
  /** its tokens hold digits (times, counters, ids): the check is for a digit */
  readonly digits: boolean;
}

/**
 * The header a source's lines carry before their text: the leading columns that are timestamps,
 * counters, ids, levels, a few category words, and a trailing `component:`. Learnt once from a
 * source's first lines (column statistics: which positions hold masked values in a few shapes,
 * severity words, or a handful of words, in nearly every line), then applied to each line with a
 * cheap check of its leading tokens: a line that does not fit (a continuation, a banner) keeps
 * its whole message.
 *
 * Formats take the header off the lines they know; this is for what is left: `plain` sources
 * and formats whose message still starts with columns.
 */
export class Header {
  /** Variable columns before this one accept any token: a later column still checks the line. */
  private readonly guarded: number;

  constructor(readonly columns: readonly HeaderColumn[]) {
    let last = -1;
    columns.forEach((c, k) => {
      if (c.kind === ColumnKind.Variable && c.digits) last = k;
    });
    this.guarded = last;
  }

  /** The message without its header, or the message itself when the line does not fit. */
  strip(message: string): string {
    const cols = this.columns;
    if (cols.length === 0) return message;
    const n = message.length;
    let i = 0;
    while (i < n && message.charCodeAt(i) <= 32) i++;
    for (let k = 0; k < cols.length; k++) {
      if (i >= n) return message;
      const end = tokenEnd(message, i);
      // a node column that once says `full` instead of `node-12` does not shift a guarded header
      if (k >= this.guarded || cols[k]!.kind !== ColumnKind.Variable) {
        if (!fits(cols[k]!, message, i, end)) return message;
      }
      i = end;
      while (i < n && message.charCodeAt(i) <= 32) i++;
    }
    // a line that is all header keeps it: there is no text to mine
    return i >= n ? message : message.slice(i);
  }
}

/** A header of no columns: lines are mined whole. */
export const NO_HEADER = new Header([]);

function fits(col: HeaderColumn, text: string, start: number, end: number): boolean {
  switch (col.kind) {
    case ColumnKind.Component:
      return text.charCodeAt(end - 1) === 58; // ':'
    case ColumnKind.Level:
      // a level not seen while learning is still a level
      return severityFromWord(bare(text.slice(start, end))) !== null;
    case ColumnKind.Bracket:
      return isBracketed(text, start, end);
    case ColumnKind.Words:
      return true; // a category word the first lines did not show (an alert label, a new state)
    default:
      if (col.digits) return hasDigit(text, start, end);
      return (charClass(text.charCodeAt(start)) & col.first) !== 0 && (charClass(text.charCodeAt(end - 1)) & col.last) !== 0;
  }
}

/** Per-position statistics over the lines looked at. */
interface ColumnStats {
  present: number;
  variable: number;
  shapes: Set<string>;
  words: Map<string, number>;
  levels: number;
  colons: number;
  /** tokens holding a digit */
  digits: number;
  /** tokens that are a bracketed group */
  brackets: number;
  /** tokens holding a letter */
  letters: number;
  /** tokens that are a number, signed or not (masked whole) */
  numbers: number;
  first: number;
  last: number;
}

/**
 * Learns the header of a source from its first lines (see Header). The header is the longest run
 * of leading columns that are variable, levels or few words, cut after its last variable or level
 * column (a word column must lie between them: `unix.hw state_change 1077804742 1 text`), plus a
 * component column right after it. Lines are raw messages; nothing is kept.
 */
export function learnHeader(messages: readonly string[], maxChars: number): Header {
  const n = messages.length;
  if (n < MIN_HEADER_LINES) return NO_HEADER;
  const stats: ColumnStats[] = [];
  for (let p = 0; p < MAX_HEADER_TOKENS; p++) {
    stats.push({ present: 0, variable: 0, shapes: new Set(), words: new Map(), levels: 0, colons: 0, digits: 0, numbers: 0, brackets: 0, letters: 0, first: 0, last: 0 });
  }
  for (const m of messages) {
    const text = m.length > maxChars ? m.slice(0, maxChars) : m;
    const masked = tokensOf(maskedLine(text, maxChars, MAX_HEADER_TOKENS + 1));
    let i = 0;
    while (i < text.length && text.charCodeAt(i) <= 32) i++;
    for (let p = 0; p < MAX_HEADER_TOKENS && p < masked.length && i < text.length; p++) {
      const end = tokenEnd(text, i);
      const raw = text.slice(i, end);
      const s = stats[p]!;
      s.present++;
      s.first |= charClass(raw.charCodeAt(0));
      s.last |= charClass(raw.charCodeAt(raw.length - 1));
      const mt = masked[p]!;
      if (hasDigit(text, i, end)) s.digits++;
      if (isBracketed(text, i, end)) s.brackets++;
      if (hasLetter(text, i, end)) s.letters++;
      if (mt === WILDCARD && isNumberStart(text, i)) s.numbers++;
      if (mt.includes(WILDCARD)) {
        s.variable++;
        if (s.shapes.size <= MAX_VARIABLE_SHAPES) s.shapes.add(mt);
      } else if (s.words.size <= 4 * MIN_WORD_VALUES || s.words.has(raw)) s.words.set(raw, (s.words.get(raw) ?? 0) + 1);
      if (severityFromWord(bare(raw)) !== null) s.levels++;
      if (raw.length > 1 && raw.charCodeAt(raw.length - 1) === 58) s.colons++;
      i = end;
      while (i < text.length && text.charCodeAt(i) <= 32) i++;
    }
  }
  const maxWords = Math.max(MIN_WORD_VALUES, Math.floor(n / 4));
  const columns: HeaderColumn[] = [];
  let cut = 0; // columns up to the last variable or level column
  for (let p = 0; p < MAX_HEADER_TOKENS; p++) {
    const s = stats[p]!;
    if (s.present < MIN_PRESENT * n) break;
    let kind: ColumnKind;
    const afterWords = columns.length > 0 && columns[columns.length - 1]!.kind === ColumnKind.Words;
    // past a word column only numbers go on the header (a counter, a time): `prog - host:port text` is text
    if (s.variable >= MIN_VARIABLE * s.present && s.shapes.size <= MAX_VARIABLE_SHAPES && (!afterWords || s.numbers >= MIN_VARIABLE * s.present)) {
      kind = ColumnKind.Variable;
    } else if (s.brackets >= MIN_VARIABLE * s.present) kind = ColumnKind.Bracket;
    // a line that starts with a word starts with its text ("retry 3 of fetch"), unless it is a mark such as `-`
    else if (p === 0 && s.letters > 0) break;
    else if (s.levels >= MIN_VARIABLE * s.present && s.words.size <= MIN_WORD_VALUES) kind = ColumnKind.Level;
    else if (s.variable <= 0.05 * s.present && s.words.size <= maxWords && s.words.size < s.present) kind = ColumnKind.Words;
    else break;
    columns.push({ kind, first: s.first, last: s.last, digits: s.digits >= MIN_VARIABLE * s.present });
    if (kind !== ColumnKind.Words) cut = columns.length;
  }
  columns.length = cut;
  // the header must fit nearly all the lines it was learnt from, else columns shift (optional tokens)
  while (columns.length > 0 && fitCount(new Header(columns), messages) < MIN_PRESENT * n) {
    columns.length--;
    while (columns.length > 0 && columns[columns.length - 1]!.kind === ColumnKind.Words) columns.length--;
  }
  cut = columns.length;
  // a `component:` right after the columns ends the header
  const c = stats[cut];
  if (cut > 0 && c && c.present >= MIN_PRESENT * n && c.colons >= MIN_VARIABLE * c.present) {
    columns.push({ kind: ColumnKind.Component, first: c.first, last: c.last, digits: false });
  }
  // every line would be all header: nothing left to mine, keep the lines whole
  return columns.length === 0 ? NO_HEADER : new Header(columns);
}

/** A level word without the brackets or colon around it: `[INFO]`, `WARN:`, `<E>`. */
function bare(tok: string): string {
  let s = 0;
  let e = tok.length;
  while (s < e && isWrap(tok.charCodeAt(s))) s++;
  while (e > s && isWrap(tok.charCodeAt(e - 1))) e--;
  return s === 0 && e === tok.length ? tok : tok.slice(s, e);
}

const isWrap = (c: number) => c === 91 || c === 93 || c === 40 || c === 41 || c === 60 || c === 62 || c === 58 || c === 44;

function hasDigit(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** A digit, or a sign and a digit. */
function isNumberStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const d = c === 45 || c === 43 ? text.charCodeAt(i + 1) : c;
  return d >= 48 && d <= 57;
}

function fitCount(h: Header, messages: readonly string[]): number {
  let n = 0;
  for (const m of messages) if (h.strip(m) !== m) n++;
  return n;
}

/** `[...]` or `[...]:` */
function isBracketed(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start) !== 91) return false;
  const last = text.charCodeAt(end - 1) === 58 ? end - 2 : end - 1;
  return last > start && text.charCodeAt(last) === 93;
}

function hasLetter(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}
