/**
 * Scanner for `key=value` text (logfmt, slog's TextHandler, klog's structured tail).
 * Values may be quoted with Go-style escapes. Bounded: at most `maxPairs` pairs are kept.
 */
export interface KeyValueScan {
  pairs: Array<[string, string]>;
  /** Characters of bare words (no '=') that were folded into the previous value. */
  looseChars: number;
}

const SPACE = 32;
const TAB = 9;
const EQ = 61;
const QUOTE = 34;
const BACKSLASH = 92;

/** A key starts with a letter, '_' or '@' and holds no space, '=' or quote. */
function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 64;
}

/**
 * Reads pairs from `start`. The text must begin with a pair; bare words later on are appended to the
 * previous value (sloppy emitters print `err=read tcp: reset` unquoted). Undefined when the text does
 * not start with a pair or a quote is left open.
 */
export function scanKeyValues(text: string, start = 0, maxPairs = 64): KeyValueScan | undefined {
  const pairs: Array<[string, string]> = [];
  let looseChars = 0;
  const n = text.length;
  let i = start;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c === SPACE || c === TAB) {
      i++;
      continue;
    }
    const tokenStart = i;
    let eq = -1;
    if (isKeyStart(c)) {
      for (let j = i + 1; j < n; j++) {
        c = text.charCodeAt(j);
        if (c === EQ) {
          eq = j;
          break;
        }
        if (c === SPACE || c === TAB || c === QUOTE) break;
      }
    }
    if (eq < 0) {
      // a bare word: part of the previous unquoted value
      if (pairs.length === 0) return undefined;
      let j = i;
      while (j < n && text.charCodeAt(j) !== SPACE && text.charCodeAt(j) !== TAB) j++;
      looseChars += j - i + 1;
      const last = pairs[pairs.length - 1]!;
      last[1] = last[1] + ' ' + text.slice(i, j);
      i = j;
      continue;
    }
    const key = text.slice(tokenStart, eq);
    i = eq + 1;
    let value: string;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      const q = readQuoted(text, i);
      if (!q) return undefined;
      value = q.value;
      i = q.end;
    } else {
      let j = i;
      while (j < n && text.charCodeAt(j) !== SPACE && text.charCodeAt(j) !== TAB) j++;
      value = text.slice(i, j);
      i = j;
    }
    if (pairs.length < maxPairs) pairs.push([key, value]);
  }
  return { pairs, looseChars };
}

/** Reads a double-quoted string at `at` (which holds the quote): its value and the index after it. */
export function readQuoted(text: string, at: number): { value: string; end: number } | undefined {
  let out = '';
  let from = at + 1;
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) return { value: out + text.slice(from, j), end: j + 1 };
    if (c === BACKSLASH && j + 1 < text.length) {
      out += text.slice(from, j) + unescape(text.charCodeAt(j + 1));
      j++;
      from = j + 1;
    }
  }
  return undefined;
}

function unescape(c: number): string {
  switch (c) {
    case 110: return '\n';
    case 116: return '\t';
    case 114: return '\r';
    default: return String.fromCharCode(c); // \" \\ and anything else: the character itself
  }
}

/** A value that is a plain decimal number becomes a number (latency=12 can then be compared). */
export function typedValue(v: string): string | number {
  if (v.length > 0 && v.length < 16) {
    const c = v.charCodeAt(0);
    if (((c >= 48 && c <= 57) || c === 45) && /^-?\d+(?:\.\d+)?$/.test(v)) return Number(v);
  }
  return v;
}
