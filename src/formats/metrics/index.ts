import type { FormatDef } from '../define.js';
import { prometheusMatrix } from './prometheus-matrix.js';

/** Metric documents (metrics/*.json). */
export const METRIC_FORMATS: readonly FormatDef[] = [prometheusMatrix];
