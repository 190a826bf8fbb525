/**
 * The miner's first look-up, before any tokenizing or masking: raw message shape → variant handle.
 *
 * A message's shape is the message with every run of digits read as one digit. Masking (mask.ts,
 * tokenize.ts) looks only at character classes, so two messages of the same shape mask alike,
 * except where a rule depends on lengths: a cut at maxChars, a bracket group's length bound, a
 * UUID's group widths, where "://" stands in a token. A message that might meet one of those
 * rules (longer than MAX_SHORT_CHARS, eight hex digits before a '-', "://") keeps every digit in
 * its shape (each read as '0'), which is exact for every rule. Digits after three capitals at a
 * token's start (a protocol name, SOCKS5, which masking keeps) are hashed as they are.
 *
 * One pass over the char codes hashes the shape twice (FNV-1a with two primes) and measures it; an
 * entry matches on both hashes, the length and the mode, so a wrong handle needs a 64-bit
 * collision. The shapes themselves are not stored: no allocation on a hit or a miss, and memory is
 * a few typed arrays sized by the entry cap.
 */

import { MAX_DEVICE_LETTERS, MIN_DEVICE_LETTERS } from './mask.js';

/** Lines up to this long cannot reach a length-bound rule (bracket groups are cut at 320 chars). */
const MAX_SHORT_CHARS = 320;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** a second, independent hash: another offset and an odd multiplier with well-mixed bits */
const FNV_OFFSET_2 = 0x2545f491;
const PRIME_2 = 0x5bd1e995;
const DIGIT = 48; // '0'
/** Hashed before a device name's digit (a control character: never a collapsed run's '0'). */
const DEVICE_MARK = 1;
const EMPTY = -1;

export const SHAPE_MISS = -2;

export class ShapeCache {
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** per entry: [hash1, hash2, shape length (negative in exact mode), handle] */
  private entries: Int32Array;
  private size = 0;
  /** the last lookup's shape, for the set() that follows a miss */
  private lastHash = 0;
  private lastHash2 = 0;
  private lastLength = 0;
  private readonly shortChars: number;

  constructor(
    private readonly maxEntries: number,
    maxMessageChars: number,
  ) {
    this.shortChars = Math.min(MAX_SHORT_CHARS, maxMessageChars);
    let cap = 16;
    while (cap < maxEntries * 2) cap *= 2;
    this.slots = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
    this.entries = new Int32Array(4 * Math.min(maxEntries, 1024));
  }

  /** The handle stored for the message's shape, or SHAPE_MISS. */
  get(message: string): number {
    if (message.length > this.shortChars || !hashShape(message)) hashExact(message);
    const h = hash1;
    const h2 = hash2;
    const len = shapeLength;
    this.lastHash = h;
    this.lastHash2 = h2;
    this.lastLength = len;
    const entries = this.entries;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const e = this.slots[s]!;
      if (e === EMPTY) return SHAPE_MISS;
      const at = e * 4;
      if (entries[at] === h && entries[at + 1] === h2 && entries[at + 2] === len) return entries[at + 3]!;
    }
  }

  /** Stores the handle of the message last passed to get() (which missed). False when full. */
  set(handle: number): boolean {
    if (this.size >= this.maxEntries) return false;
    const e = this.size++;
    if (e * 4 >= this.entries.length) this.grow();
    const at = e * 4;
    this.entries[at] = this.lastHash;
    this.entries[at + 1] = this.lastHash2;
    this.entries[at + 2] = this.lastLength;
    this.entries[at + 3] = handle;
    let s = this.lastHash & this.mask;
    while (this.slots[s] !== EMPTY) s = (s + 1) & this.mask;
    this.slots[s] = e;
    return true;
  }

  clear(): void {
    this.slots.fill(EMPTY);
    this.size = 0;
  }

  private grow(): void {
    const next = new Int32Array(Math.min(4 * this.maxEntries, this.entries.length * 2));
    next.set(this.entries);
    this.entries = next;
  }
}

/** Results of the last hash (module state: no object per line). */
let hash1 = 0;
let hash2 = 0;
let shapeLength = 0;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isHexLetter = (c: number) => (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const isHex = (c: number) => isDigit(c) || isHexLetter(c);

/**
 * Hashes the shape, digit runs as one '0'. False when a length-dependent masking rule may apply
 * (see the file comment): the caller hashes every digit instead.
 */
function hashShape(text: string): boolean {
  let h = FNV_OFFSET;
  let g = FNV_OFFSET_2;
  let len = 0;
  const n = text.length;
  // one branch for the common characters (letters); the rules' contexts (capitals before a digit,
  // hex digits before a '-') are looked up backwards only where they can matter
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c <= 58) {
      if (c === 58) {
        if (text.charCodeAt(i + 1) === 47 && text.charCodeAt(i + 2) === 47) return false; // ://
      } else if (c >= 48) {
        // what comes right before a digit run says which rule may apply (mostly neither)
        const before = i > 0 ? text.charCodeAt(i - 1) : 32;
        if (before >= 97 && before <= 122 && isDeviceStem(lowersBefore(text, i)) && (i + 1 >= n || !isDigit(text.charCodeAt(i + 1)))) {
          // one digit after a short lower-case word may be a device name (eth0, mask.ts isDeviceName),
          // which masking keeps: hashed as it is, marked apart from a collapsed run
          h = Math.imul(h ^ DEVICE_MARK, FNV_PRIME);
          g = Math.imul(g ^ DEVICE_MARK, PRIME_2);
          len++;
        } else if (before >= 65 && before <= 90 && capitalsBefore(text, i) >= 3) {
          // a protocol name (SOCKS5) keeps its digits: mask.ts isProtocolName
          for (;;) {
            h = Math.imul(h ^ c, FNV_PRIME);
            g = Math.imul(g ^ c, PRIME_2);
            len++;
            if (i + 1 >= n || !isDigit(text.charCodeAt(i + 1))) break;
            c = text.charCodeAt(++i);
          }
          continue;
        } else {
          while (i + 1 < n && isDigit(text.charCodeAt(i + 1))) i++;
          c = DIGIT;
        }
      } else if (c === 45 && i >= 8 && isHex(text.charCodeAt(i - 1)) && hexRunBefore(text, i) >= 8) return false; // a UUID's first group and its '-'
    }
    h = Math.imul(h ^ c, FNV_PRIME);
    g = Math.imul(g ^ c, PRIME_2);
    len++;
  }
  hash1 = h;
  hash2 = g;
  shapeLength = len;
  return true;
}

/** Capitals right before text[i] since a token's start or an '=' (0 when something else comes first). */
function capitalsBefore(text: string, i: number): number {
  let k = i - 1;
  while (k >= 0 && text.charCodeAt(k) >= 65 && text.charCodeAt(k) <= 90) k--;
  if (k >= 0) {
    const b = text.charCodeAt(k);
    if (b > 32 && b !== 61) return 0;
  }
  return i - 1 - k;
}

/** Lower-case letters right before text[i] since a token's start or an '=' (0 when something else comes first). */
function lowersBefore(text: string, i: number): number {
  let k = i - 1;
  while (k >= 0 && text.charCodeAt(k) >= 97 && text.charCodeAt(k) <= 122) k--;
  if (k >= 0) {
    const b = text.charCodeAt(k);
    if (b > 32 && b !== 61) return 0;
  }
  return i - 1 - k;
}

const isDeviceStem = (letters: number) => letters >= MIN_DEVICE_LETTERS && letters <= MAX_DEVICE_LETTERS;

/** Hex digits right before text[i], counted up to 8. */
function hexRunBefore(text: string, i: number): number {
  let k = i - 1;
  while (k >= 0 && i - 1 - k < 8) {
    const c = text.charCodeAt(k);
    if (!isDigit(c) && !isHexLetter(c)) break;
    k--;
  }
  return i - 1 - k;
}

/**
 * Hashes the message with every digit read as '0' (but a protocol or device name's, as in hashShape); the
 * length is stored negative (the mode).
 */
function hashExact(text: string): void {
  let h = FNV_OFFSET;
  let g = FNV_OFFSET_2;
  let capitals = 0;
  let lowers = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (isDigit(c)) {
      if (capitals < 3 && !(isDeviceStem(lowers) && (i + 1 >= text.length || !isDigit(text.charCodeAt(i + 1))))) {
        c = DIGIT;
        capitals = -1;
        lowers = -1;
      }
    } else if (c >= 65 && c <= 90) {
      if (capitals >= 0) capitals++;
      lowers = -1;
    } else if (c >= 97 && c <= 122) {
      if (lowers >= 0) lowers++;
      capitals = -1;
    } else capitals = lowers = c <= 32 || c === 61 ? 0 : -1;
    h = Math.imul(h ^ c, FNV_PRIME);
    g = Math.imul(g ^ c, PRIME_2);
  }
  hash1 = h;
  hash2 = g;
  shapeLength = -1 - text.length;
}
