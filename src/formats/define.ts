import type { Fields } from '../events/event.js';
import type { Severity } from '../events/severity.js';

/** What a format hands back for one record. Only `message` is required. */
export interface Parsed {
  /** Wall-clock time encoded as Date.UTC(fields): read with `offsetMin`, else in the input's zone. */
  wallMs?: number;
  /** Minutes east of UTC when the record says so (0 for Z/UTC/epoch times). */
  offsetMin?: number;
  /** Seconds since boot (raw kernel ring buffer); placed on the clock with the host's boot time. */
  uptimeSec?: number;
  timeText?: string;
  severity?: Severity | null;
  host?: string | null;
  process?: string | null;
  pid?: number | null;
  thread?: string | null;
  logger?: string | null;
  message: string;
  fields?: Fields | null;
}

/** The parts of a record that `finishRecord` may revise. */
export interface RecordOutline {
  severity: Severity | null;
  fields: Fields | null;
}

export interface ParseContext {
  /** Year for formats that print none, given the month (0-11): from --year, or inferred. */
  yearFor(month: number): number;
  /**
   * For formats that print only the time of day (strace -tt): that time (ms since midnight) on the
   * inferred day, as Date.UTC-encoded wall time. The day is the one of the run's other inputs or the
   * file's mtime, in the input's zone (a time later than the reference's is the day before), with a
   * warning. Absent where no day can be had (format samples): leave the time out then.
   */
  dateFor?(msOfDay: number): number;
  /** The input's path, for documents whose name says what their text does not (/proc/pressure/cpu vs io). */
  readonly path?: string;
}

export interface FormatSample {
  readonly text: string;
  /** What parsing `text` must give (checked by the registry test). */
  readonly expect?: Partial<Parsed>;
}

interface FormatBase {
  /** Id printed by `culprit formats`: kebab-case, named after the producer and variant. */
  readonly name: string;
  /** One line for `culprit formats`. */
  readonly description: string;
  /** The software that writes this; detectors rely on it, never on host or service names. */
  readonly producer: string;
  /** Where such files usually sit in a bundle: a hint for sniffing, never a requirement. */
  readonly pathHint?: RegExp;
  readonly samples: readonly FormatSample[];
}

/** A log written one record per line (plus optional continuation lines). */
export interface LineFormat extends FormatBase {
  readonly shape: 'lines';
  /** Pure; returns undefined for "not mine", never throws on input. */
  parse(line: string, ctx: ParseContext): Parsed | undefined;
  /**
   * A line that does not parse joins the previous record when it matches this
   * (Java stack traces), or always with 'unparsed' (wrapped output).
   */
  readonly continuation?: RegExp | 'unparsed';
  /**
   * Severity and fields recomputed from a whole record once continuation lines joined it (a JDK 8 GC
   * record prints its totals on its last line, a Python traceback its exception last). Called once
   * per multi-line record with its bounded text and what its first line parsed to; pure, never throws.
   */
  readonly finishRecord?: (text: string, first: RecordOutline) => RecordOutline;
  /** Needs the host's boot time to place records on the clock (raw dmesg). */
  readonly needsBootTime?: boolean;
  /**
   * Prints no year (classic syslog, journalctl short): the year comes from --year, else from the
   * other inputs of the run, else the file's mtime. Such inputs are read after the others.
   */
  readonly yearless?: boolean;
  /**
   * How many of the sampled lines must parse for the file to be this format (default 0.6).
   * Loose formats that other logs also match partly (logfmt) ask for more.
   */
  readonly minShare?: number;
}

/** Output read as a whole: command snapshots, JSON documents. */
export interface DocumentFormat extends FormatBase {
  readonly shape: 'document';
  /** 0..1, how sure this text is mine, from the head of the file and its path. */
  recognize(head: string, path: string): number;
  /** Pure; never throws on input. Bounded input (see MAX_DOCUMENT_BYTES). */
  parse(text: string, ctx: ParseContext): DocumentResult;
}

export interface DocumentRecord extends Parsed {
  /** 1-based line of the record in the document. */
  line: number;
  /** The record's own text, for evidence. */
  text: string;
}

export interface DocumentResult {
  /** When the snapshot was taken, if the document says (header lines, JSON timestamps). */
  takenAt?: { wallMs: number; offsetMin?: number; text: string };
  records: DocumentRecord[];
  warnings?: string[];
}

export type FormatDef = LineFormat | DocumentFormat;

/**
 * Documents larger than this are read as plain lines instead, with a warning. Documents are parsed
 * whole, about 750 bytes per record (an lsof row): 16 MiB keeps the run under its 300 MB RSS goal.
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

export function defineFormat<T extends FormatDef>(def: T): T {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(def.name)) {
    throw new Error(`format \`${def.name}\`: name must be kebab-case`);
  }
  if (def.samples.length === 0) throw new Error(`format \`${def.name}\`: needs at least one sample`);
  return def;
}
