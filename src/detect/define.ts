import type { LogEvent } from '../events/event.js';
import type { Category } from './category.js';
import type { Evidence, Finding, FindingSeverity } from './finding.js';

export type Facts = Finding['facts'];

/** What one matching event says; the framework folds hits into findings. */
export interface Hit {
  event: LogEvent;
  facts: Facts;
  title: string;
  process?: string | null;
  pid?: number | null;
  /** hits of one detector with the same host and key, close in time, are one finding */
  key?: string;
  severity?: FindingSeverity;
}

interface DetectorBase {
  /** `<software>-<signature>`, kebab-case; printed by `culprit detectors`. */
  readonly name: string;
  /** Exactly one of the contract's categories. */
  readonly category: Category;
  /** What it knows ('linux-kernel', 'jvm', 'zookeeper'...); never a host or service name. */
  readonly software: string;
  readonly description: string;
  /** Formats it reads, or '*' for any. */
  readonly formats: readonly string[] | '*';
}

/**
 * A per-event matcher: streams, O(1) memory. `prefilter` holds words the message must contain
 * (one scan for all detectors, far cheaper than the regex on the many lines that are not this).
 */
export interface SignatureDetector extends DetectorBase {
  readonly kind: 'signature';
  /** Literal words (ASCII, matched in any case) of which the message must contain one. */
  readonly prefilter: string | readonly string[];
  readonly match: RegExp;
  readonly severity: FindingSeverity;
  /** Turns a match into a hit (facts, title...); undefined to drop a look-alike. */
  hit(m: RegExpExecArray, e: LogEvent): Omit<Hit, 'event'> | undefined;
  /** Hits closer than this (same host, same key) are one finding. Default 60 s. */
  readonly mergeGapMs?: number;
  /** Real lines that must give a finding, and look-alikes that must not. */
  readonly samples: { readonly hit: readonly string[]; readonly miss: readonly string[] };
}

/** A detector that needs state across events (rates, restarts, series). */
export interface StreamDetector extends DetectorBase {
  readonly kind: 'stream';
  /**
   * Words (ASCII, any case) of which a message must contain one to reach `accept`; without it the
   * detector sees every event of its formats (rate detectors do). Gated by the same single scan
   * as signature prefilters, so a stream detector with words costs nothing on other lines.
   */
  readonly prefilter?: readonly string[];
  /**
   * Groups of words (ASCII, any case) the same scan looks for without gating: `accept` gets a bit
   * mask, bit k set when the message or its continuation may hold a word of group k. A detector that
   * must see every event (to follow a source's state) skips its costly patterns when the bit is
   * clear. "May": a message longer than the scan bound gets every bit, so a clear bit is a promise
   * that none of the group's words occurs in the message.
   */
  readonly hints?: readonly (readonly string[])[];
  create(): StreamRun;
  /** Inputs (whole files' text, by path) that must give a finding, and ones that must not. */
  readonly samples: { readonly hit: readonly SampleBundle[]; readonly miss: readonly SampleBundle[] };
}

export interface StreamRun {
  /**
   * `hints`: bit k set when the event may hold a word of the detector's hint group k (see `hints`).
   * Returning true says the run needs no further events (it is then left out of the dispatch).
   */
  accept(e: LogEvent, hints: number): void | boolean;
  finish(): Omit<Finding, 'id'>[];
}

/** A tiny bundle for a stream detector's samples: relative path → file text. */
export type SampleBundle = Readonly<Record<string, string>>;

export type DetectorDef = SignatureDetector | StreamDetector;

export function signature(def: Omit<SignatureDetector, 'kind'>): SignatureDetector {
  checkName(def.name);
  if (def.samples.hit.length === 0 || def.samples.miss.length === 0) {
    throw new Error(`detector \`${def.name}\`: needs at least one hit and one miss sample`);
  }
  return { kind: 'signature', ...def };
}

export function stream(def: Omit<StreamDetector, 'kind'>): StreamDetector {
  checkName(def.name);
  if (def.samples.hit.length === 0 || def.samples.miss.length === 0) {
    throw new Error(`detector \`${def.name}\`: needs at least one hit and one miss sample`);
  }
  return { kind: 'stream', ...def };
}

function checkName(name: string): void {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) throw new Error(`detector \`${name}\`: name must be kebab-case`);
}

/** Evidence from an event: its first line, bounded. */
export function evidenceOf(e: LogEvent, maxChars = 2000): Evidence {
  const nl = e.text.indexOf('\n');
  const first = nl >= 0 ? e.text.slice(0, nl) : e.text;
  return { path: e.path, line: e.line, text: first.length > maxChars ? first.slice(0, maxChars) + '…' : first };
}
