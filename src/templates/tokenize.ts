import { maskToken, mayBeCalendarWord, WILDCARD } from './mask.js';

/**
 * The masked form of a message, tokens joined by single spaces: the key the miner looks shapes up
 * by. One pass; a token is copied as is unless a cheap check says it may hold a variable, so the
 * common line costs a scan and a few slices. The message is cut to `maxChars` and to `maxTokens`
 * tokens (one trailing `<*>` stands for the rest): log content is untrusted, the work is bounded.
 *
 * @example maskedLine('Took 12 ms  to read /tmp/x', 4096, 256) // 'Took <*> ms to read <*>'
 */
export function maskedLine(message: string, maxChars: number, maxTokens: number): string {
  const text = message.length > maxChars ? message.slice(0, maxChars) : message;
  const n = text.length;
  let out = '';
  let i = 0;
  while (i < n && text.charCodeAt(i) <= 32) i++;
  let copyFrom = i; // text[copyFrom, i) is still to be copied verbatim
  let tokens = 0;
  while (i < n) {
    if (tokens === maxTokens) {
      out += text.slice(copyFrom, i) + WILDCARD;
      return out;
    }
    // find the token's end and, on the way, whether it may hold a variable: a digit . / \\ =
    let j = i;
    let suspect = false;
    for (let c = text.charCodeAt(j); j < n && c > 32; c = text.charCodeAt(++j)) {
      if ((c >= 46 && c <= 57) || c === 92 || c === 61) suspect = true;
    }
    if (suspect || (j - i <= 6 && mayBeCalendarWord(text, i))) {
      const tok = text.slice(i, j);
      const masked = maskToken(tok);
      if (masked !== tok) {
        out += text.slice(copyFrom, i) + masked;
        copyFrom = j;
      }
    }
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

/** The tokens of a masked line. */
export function tokensOf(masked: string): string[] {
  return masked === '' ? [] : masked.split(' ');
}

/** Splits a message on whitespace and masks each token (see maskedLine). */
export function tokenize(message: string, maxChars: number, maxTokens: number): string[] {
  return tokensOf(maskedLine(message, maxChars, maxTokens));
}
