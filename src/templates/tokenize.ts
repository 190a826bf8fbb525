import { maskToken, mayBeCalendarWord, WILDCARD } from './mask.js';

/**
 * The masked form of a message, tokens joined by single spaces: the key the miner looks shapes up
 * by. One pass; a token is copied as is unless a cheap check says it may hold a variable, so the
 * common line costs a scan and a few slices. The message is cut to `maxChars` and to `maxTokens`
 * tokens (one trailing `<*>` stands for the rest): log content is untrusted, the work is bounded.
 *
 * @example maskedLine('Took 12 ms  to read /tmp/x', 4096, 256) // 'Took <*> <*> to read <*>'
 */
export function maskedLine(message: string, maxChars: number, maxTokens: number): string {
  const text = message.length > maxChars ? message.slice(0, maxChars) : message;
  const n = text.length;
  let out = '';
  let i = 0;
  while (i < n && text.charCodeAt(i) <= 32) i++;
  let copyFrom = i; // text[copyFrom, i) is still to be copied verbatim
  let tokens = 0;
  let afterNumber = false; // the token before masked to a bare <*>
  while (i < n) {
    if (tokens === maxTokens) {
      out += text.slice(copyFrom, i) + WILDCARD;
      return out;
    }
    // find the token's end and, on the way, whether it may hold a variable: a digit . / \\ =
    let j = i;
    let suspect = false;
    let quotes = 0;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c <= 32) break;
      if ((c >= 46 && c <= 57) || c === 92 || c === 61) suspect = true;
      else if (c === 34) quotes++;
    }
    const group = text.charCodeAt(i) === 91 ? bracketGroupEnd(text, i, j) : (quotes & 1) === 1 ? quoteGroupEnd(text, i, j) : -1; // [ or an open 
    let number = false;
    if (group > 0) {
      out += text.slice(copyFrom, i) + maskToken(text.slice(i, group).replace(SPACES, GROUP_SPACE));
      copyFrom = j = group;
    } else if (afterNumber && j - i <= MAX_UNIT_CHARS + 1 && unitEnd(text, i, j) > 0) {
      // "5.2 KB" / "80 B", "12 ms" / "3 s": the unit scales with the number, it is part of the value
      out += text.slice(copyFrom, i) + WILDCARD;
      copyFrom = unitEnd(text, i, j);
    } else if (suspect || (j - i <= 6 && mayBeCalendarWord(text, i))) {
      const tok = text.slice(i, j);
      const masked = maskToken(tok);
      if (masked !== tok) {
        out += text.slice(copyFrom, i) + masked;
        copyFrom = j;
        number = masked === WILDCARD;
      }
    }
    afterNumber = number;
    tokens++;
    let k = j;
    while (k < n && text.charCodeAt(k) <= 32) k++;
    if (k === n) {
      out += text.slice(copyFrom, j);
      return out;
    }
    if (k !== j + 1 || text.charCodeAt(j) !== 32) {
      out += text.slice(copyFrom, j) + ' ';
      copyFrom = k;
    }
    i = k;
  }
  return out + text.slice(copyFrom, n);
}

/** Units of sizes and durations whose choice follows the magnitude (1023 B, 1.0 KB). */
const UNITS = new Set(['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'kB', 'KiB', 'MiB', 'GiB', 'TiB', 'ns', 'us', 'µs', 'ms', 's', 'sec', 'secs', 'min', 'mins', 'h']);
const MAX_UNIT_CHARS = 4;

/** When text[start, end) is a unit with at most one closing mark after it (`KB)`, `ms,`), where the unit ends; else -1. */
function unitEnd(text: string, start: number, end: number): number {
  let e = end;
  const last = text.charCodeAt(e - 1);
  if (last === 41 || last === 44 || last === 59 || last === 93 || last === 46) e--; // ) , ; ] .
  if (e - start > MAX_UNIT_CHARS || e === start) return -1;
  return UNITS.has(text.slice(start, e)) ? e : -1;
}

/**
 * End of the token that starts at text[start] as maskedLine reads it: the next whitespace, or the
 * end of a bracketed group.
 */
export function tokenEnd(text: string, start: number): number {
  let j = start;
  while (j < text.length && text.charCodeAt(j) > 32) j++;
  let group = -1;
  if (text.charCodeAt(start) === 91) group = bracketGroupEnd(text, start, j); // [
  else {
    let quotes = 0;
    for (let k = start; k < j; k++) if (text.charCodeAt(k) === 34) quotes++;
    if ((quotes & 1) === 1) group = quoteGroupEnd(text, start, j);
  }
  return group > 0 ? group : j;
}

/**
 * When the token at text[start, end) is `key="...` whose quoted value closes soon after on the
 * line (`tag="View Lock",`), the end of the group (past any non-space suffix); else -1. Like a
 * bracketed group, the field stays one token whatever the number of words quoted. (A quote at a
 * token's start is text, such as an HTTP request line, and is left to the words.)
 */
function quoteGroupEnd(text: string, start: number, end: number): number {
  const open = text.indexOf('"', start);
  if (open <= start || open >= end || text.charCodeAt(open - 1) !== 61) return -1;
  const close = text.indexOf('"', end);
  if (close < 0 || close - start > MAX_GROUP_CHARS) return -1;
  let e = close + 1;
  while (e < text.length && text.charCodeAt(e) > 32) e++;
  return e;
}

/**
 * Stands for a space inside a bracketed group ("[IPC Server handler 3 on 8020]"), which is kept as
 * one token: such groups (thread names, request contexts) vary in length, and as one token they
 * vary in one position only. `templateText` turns it back into a space.
 */
export const GROUP_SPACE = '\u00a0';
const SPACES = / /g;
/** A bracketed group longer than this is not a group. */
const MAX_GROUP_CHARS = 320;

/**
 * When the token at text[start, end) opens '[' without closing it and a ']' follows soon on the
 * line, the end of the group (past any non-space suffix such as ':'); else -1.
 */
function bracketGroupEnd(text: string, start: number, end: number): number {
  for (let k = start + 1; k < end; k++) if (text.charCodeAt(k) === 93) return -1; // closed inside the token
  const close = text.indexOf(']', end);
  if (close < 0 || close - start > MAX_GROUP_CHARS) return -1;
  const nested = text.indexOf('[', start + 1);
  if (nested >= 0 && nested < close) return -1;
  let e = close + 1;
  while (e < text.length && text.charCodeAt(e) > 32) e++;
  return e;
}

/** A template as printed: tokens joined by spaces, group spaces turned back into spaces. */
export function templateText(tokens: readonly string[]): string {
  const t = tokens.join(' ');
  return t.includes(GROUP_SPACE) ? t.replaceAll(GROUP_SPACE, ' ') : t;
}

/** The tokens of a masked line. */
export function tokensOf(masked: string): string[] {
  return masked === '' ? [] : masked.split(' ');
}

/** Splits a message on whitespace and masks each token (see maskedLine). */
export function tokenize(message: string, maxChars: number, maxTokens: number): string[] {
  return tokensOf(maskedLine(message, maxChars, maxTokens));
}
