import type { FormatDef } from '../define.js';

/** Metric documents (metrics/*.json). */
export const METRIC_FORMATS: readonly FormatDef[] = [];
