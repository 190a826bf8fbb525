import { maskToken, WILDCARD } from './mask.js';

/**
 * Splits a message on whitespace and masks each token. The message is cut to `maxChars` first and
 * at most `maxTokens` tokens are kept (one trailing `<*>` stands for the rest): log content is
 * untrusted, so the work per line is bounded.
 */
export function tokenize(message: string, maxChars: number, maxTokens: number): string[] {
  const text = message.length > maxChars ? message.slice(0, maxChars) : message;
  const out: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && text.charCodeAt(i) <= 32) i++;
    if (i >= n) break;
    let j = i + 1;
    while (j < n && text.charCodeAt(j) > 32) j++;
    if (out.length === maxTokens) {
      out.push(WILDCARD);
      break;
    }
    out.push(maskToken(text.slice(i, j)));
    i = j;
  }
  return out;
}
