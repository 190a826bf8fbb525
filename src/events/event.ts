import type { Severity } from './severity.js';

export type FieldValue = string | number | boolean | null;
export type Fields = Record<string, FieldValue>;

/**
 * One normalised record from any input. Every event remembers where it came from (path, line,
 * format) so findings can cite their evidence without going back to the files.
 */
export interface LogEvent {
  /** UTC epoch milliseconds, or null when the record carries no usable time. */
  timeMs: number | null;
  /** The time exactly as the input wrote it. */
  timeText: string | null;
  host: string | null;
  /** Relative to the PATH argument that contained it. */
  path: string;
  /** 1-based number of the record's first physical line. */
  line: number;
  format: string;
  severity: Severity | null;
  process: string | null;
  pid: number | null;
  thread: string | null;
  /** logger, module or component name where the format has one */
  logger: string | null;
  /** The message part: what is left once timestamp, level, thread... are taken off. */
  message: string;
  /** The whole record as read (continuation lines joined with \n), bounded. */
  text: string;
  fields: Fields | null;
}
