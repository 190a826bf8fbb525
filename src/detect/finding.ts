import type { Category } from './category.js';

export type FindingSeverity = 'info' | 'warning' | 'error' | 'critical';

export interface Evidence {
  path: string;
  line: number;
  text: string;
}

/** A sign of trouble with its facts and the lines that show it (CONTRACT findings[]). */
export interface Finding {
  id: string;
  category: Category;
  severity: FindingSeverity;
  title: string;
  /** UTC ms, null when truly unknown */
  timeMs: number | null;
  endMs: number | null;
  host: string | null;
  process: string | null;
  pid: number | null;
  /** name of the detector that found it */
  detector: string;
  facts: Record<string, string | number | boolean | null>;
  evidence: Evidence[];
  /**
   * What the finding is about (a victim pid, a socket's process and port, a series). Findings of
   * one detector on one host with the same key, from different sources within seconds, are one fact
   * reported twice (dmesg and syslog, ss and netstat) and merge. No key: never merged. Not reported.
   */
  mergeKey?: string;
}

/** What set a defect off, when the chain has one (links.ts `trigger`): an extension of the contract. */
export interface Trigger {
  category: Category;
  host: string | null;
  process: string | null;
  timeMs: number | null;
  summary: string;
  /** the trigger's findings, cause to effect */
  chain: string[];
}

export interface RootCause {
  rank: number;
  category: Category;
  host: string | null;
  process: string | null;
  timeMs: number | null;
  confidence: number;
  summary: string;
  chain: string[];
  evidence: Evidence[];
  trigger: Trigger | null;
}
