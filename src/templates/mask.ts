/** The placeholder for a variable part of a message. */
export const WILDCARD = '<*>';

/**
 * Calendar words printed inside timestamps ("Jun 14 15:16:01", "[Sun Dec 04 ...]"); they vary
 * with the time, not with the event, so they are variables wherever they stand alone.
 */
const CALENDAR_WORDS = new Set([
  'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec',
  'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun',
]);

/** Between two variable parts, one of these is swallowed: 10.0.0.1:80, 12:30:01,5, a-b-c, x_1_2. */
const CHAIN_SEPARATORS = '.:-_/@,';

const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Cheap first check for a short token at text[start]: capitalised or bracketed, maybe a weekday. */
export function mayBeCalendarWord(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  return (c >= 65 && c <= 90) || isOpener(c);
}

/**
 * Masks one whitespace-free token. Any run of letters and digits that holds a digit is a
 * variable (numbers, hex, ids, IPs, ports, UUIDs, durations "250ms", sizes "64MB", versions);
 * runs of variables joined by one separator become a single `<*>`; a sign before a number goes
 * with it. Paths and URLs are variables as a whole, keeping the brackets around them.
 *
 * @example maskToken('blk_-6952295868487656571') // 'blk_<*>'
 * @example maskToken('[10.251.73.220:50010]')    // '[<*>]'
 * @example maskToken('sshd[24200]:')             // 'sshd[<*>]:'
 */
export function maskToken(tok: string): string {
  if (isPlainNumber(tok)) return WILDCARD;
  let digits = false;
  let slashes = 0;
  let dots = 0;
  let eq = -1;
  for (let i = 0; i < tok.length; i++) {
    const c = tok.charCodeAt(i);
    if (c <= 57) {
      if (c >= 48) digits = true;
      else if (c === 47) slashes++;
      else if (c === 46) dots++;
    } else if (c === 92) slashes++;
    else if (c === 61 && eq < 0) eq = i;
  }
  if (slashes >= 2 && isPathLike(tok)) return maskWhole(tok);
  if (eq > 0 && eq < tok.length - 1) {
    const value = tok.slice(eq + 1);
    // a value after `rhost=` or `host=` may be a two-label name (example.com): a host, not a wording
    return maskToken(tok.slice(0, eq)) + '=' + (isHostName(value, 2) ? maskWhole(value) : maskToken(value));
  }
  if (dots >= 2 && isHostName(tok)) return maskWhole(tok);
  if (!digits) return tok.length <= 6 && isCalendarWord(tok) ? maskWhole(tok) : tok;
  // a UUID's groups may lack digits ("bdcc"): mask it whole before the runs
  return maskRuns(tok.length >= 36 && tok.includes('-') ? tok.replace(UUID, '0') : tok);
}

const UUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;

/** Top-level domains seen in host names beyond the two-letter country codes. */
const GENERIC_TLDS = new Set(['com', 'net', 'org', 'edu', 'gov', 'mil', 'int', 'info', 'biz', 'local', 'lan', 'internal', 'arpa']);

/**
 * A DNS name of three (or minLabels) or more labels ending in a top-level domain (ns1.example.com,
 * optionally with :port): a variable like an IP. Java packages (org.apache.Foo) do not end in a TLD.
 */
function isHostName(tok: string, minLabels = 3): boolean {
  let s = 0;
  while (s < tok.length && isOpener(tok.charCodeAt(s))) s++;
  let e = tok.length;
  while (e > s && isCloser(tok.charCodeAt(e - 1))) e--;
  const colon = tok.lastIndexOf(':', e);
  if (colon > s) {
    for (let i = colon + 1; i < e; i++) if (!isDigit(tok.charCodeAt(i))) return false;
    e = colon;
  }
  const lastDot = tok.lastIndexOf('.', e);
  if (lastDot <= s || (minLabels > 2 && tok.indexOf('.', s) === lastDot)) return false;
  const tld = tok.slice(lastDot + 1, e);
  const isCountry = tld.length === 2 && isLower(tld.charCodeAt(0)) && isLower(tld.charCodeAt(1));
  if (!isCountry && !GENERIC_TLDS.has(tld)) return false;
  for (let i = s; i < e; i++) {
    const c = tok.charCodeAt(i);
    if (!isAlnum(c) && c !== 46 && c !== 45) return false;
  }
  return true;
}

/** The common case, checked first: digits joined by . : - _ (12, 3.5, 10.0.0.1, 2024-03-02, 12:30:01). */
function isPlainNumber(tok: string): boolean {
  const n = tok.length;
  if (n === 0 || !isDigit(tok.charCodeAt(0)) || !isDigit(tok.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n - 1; i++) {
    const c = tok.charCodeAt(i);
    if (!isDigit(c) && c !== 46 && c !== 58 && c !== 45 && c !== 95) return false;
  }
  return true;
}

/** 'Jun', '[Sun', 'Dec,' ... */
function isCalendarWord(tok: string): boolean {
  let s = 0;
  while (s < tok.length && isOpener(tok.charCodeAt(s))) s++;
  let e = tok.length;
  while (e > s && isCloser(tok.charCodeAt(e - 1))) e--;
  return e - s === 3 && CALENDAR_WORDS.has(tok.slice(s, e));
}

function maskRuns(tok: string): string {
  if (isDeviceName(tok)) return tok;
  if (isCompositeId(tok)) return maskWhole(tok);
  let out = '';
  let copyFrom = 0; // tok[copyFrom, i) is still to be copied
  let varEnd = -1; // out.length just after the last emitted wildcard
  let i = 0;
  while (i < tok.length) {
    if (!isAlnum(tok.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    let hasDigit = false;
    for (; j < tok.length; j++) {
      const c = tok.charCodeAt(j);
      if (!isAlnum(c)) break;
      if (isDigit(c)) hasDigit = true;
    }
    if (hasDigit && !isProtocolName(tok, i, j)) {
      out += tok.slice(copyFrom, i);
      copyFrom = j;
      if (varEnd >= 0 && joinsVariables(out, varEnd)) {
        out = out.slice(0, varEnd); // joined to the previous variable
      } else {
        if (endsWithSign(out)) out = out.slice(0, -1);
        out += WILDCARD;
      }
      varEnd = out.length;
    }
    i = j;
  }
  return out + tok.slice(copyFrom);
}

/**
 * Three or more capitals then digits, alone in the token: a protocol or scheme name such as
 * SOCKS5, HTTP2 or SHA256 (a wording, not a value).
 */
function isProtocolName(tok: string, start: number, end: number): boolean {
  if (start !== 0 || end !== tok.length) return false;
  let k = start;
  while (k < end && tok.charCodeAt(k) >= 65 && tok.charCodeAt(k) <= 90) k++;
  if (k - start < 3 || k === end) return false;
  for (let m = k; m < end; m++) if (!isDigit(tok.charCodeAt(m))) return false;
  return true;
}

/** Word pieces this short between variable pieces are part of the id (R62-M1-NF-C:J04-U01). */
const MAX_ID_WORD_CHARS = 2;

/**
 * Two or more pieces with digits, and the others all short: one identifier made of coded parts
 * (a node location, a device path), a variable as a whole, so its shape does not vary with which
 * parts happen to hold digits.
 */
function isCompositeId(tok: string): boolean {
  let vars = 0;
  let words = 0;
  let i = 0;
  while (i < tok.length) {
    if (!isAlnum(tok.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    let hasDigit = false;
    for (; j < tok.length; j++) {
      const c = tok.charCodeAt(j);
      if (!isAlnum(c)) break;
      if (isDigit(c)) hasDigit = true;
    }
    if (hasDigit) vars++;
    else if (j - i > MAX_ID_WORD_CHARS) return false;
    else words++;
    i = j;
  }
  return vars >= 2 && words > 0;
}

/** One separator (two for IPv6's '::') between the last variable and this one. */
function joinsVariables(out: string, varEnd: number): boolean {
  const gap = out.length - varEnd;
  if (gap === 1) return CHAIN_SEPARATORS.includes(out[varEnd]!);
  return gap === 2 && out[varEnd] === ':' && out[varEnd + 1] === ':';
}

/** '-' or '+' that starts a token or follows punctuation: the sign of the number after it. */
function endsWithSign(out: string): boolean {
  const n = out.length;
  if (n === 0) return false;
  const c = out.charCodeAt(n - 1);
  if (c !== 45 && c !== 43) return false;
  return n === 1 || !isAlnum(out.charCodeAt(n - 2));
}

/** ( [ { < " ' */
const isOpener = (c: number) => c === 40 || c === 91 || c === 123 || c === 60 || c === 34 || c === 39;
/** ) ] } > " ' , ; : . */
const isCloser = (c: number) => c === 41 || c === 93 || c === 125 || c === 62 || c === 34 || c === 39 || c === 44 || c === 59 || c === 58 || c === 46;

/** /var/log/x, ~/x, ./x, C:\x\y, scheme://host/x (inside brackets or quotes, too). */
function isPathLike(tok: string): boolean {
  let s = 0;
  while (s < tok.length && isOpener(tok.charCodeAt(s))) s++;
  const c = tok.charCodeAt(s);
  if (c === 47 || c === 92 || c === 126) return true; // / \ ~
  if (c === 46) return tok.charCodeAt(s + 1) === 47 || tok.charCodeAt(s + 1) === 46; // ./ ../
  if (isAlnum(c) && tok.charCodeAt(s + 1) === 58 && tok.charCodeAt(s + 2) === 92) return true; // C:\
  const scheme = tok.indexOf('://', s);
  return scheme > s && scheme < s + 12;
}

function maskWhole(tok: string): string {
  let s = 0;
  while (s < tok.length && isOpener(tok.charCodeAt(s))) s++;
  let e = tok.length;
  while (e > s && isCloser(tok.charCodeAt(e - 1))) e--;
  return tok.slice(0, s) + WILDCARD + tok.slice(e);
}

/**
 * A device or interface name: a short lower-case word and a one-digit unit number (eth0, en1,
 * awdl0, sda2), a wording like a protocol name; `tc19060` or `an14` are ids. (shape-cache.ts keeps
 * such digits too.)
 */
export function isDeviceName(tok: string): boolean {
  let e = tok.length;
  while (e > 0 && isCloser(tok.charCodeAt(e - 1))) e--;
  let k = 0;
  while (k < e && isLower(tok.charCodeAt(k))) k++;
  return k >= MIN_DEVICE_LETTERS && k <= MAX_DEVICE_LETTERS && e === k + 1 && isDigit(tok.charCodeAt(k));
}

export const MIN_DEVICE_LETTERS = 2;
export const MAX_DEVICE_LETTERS = 5;
