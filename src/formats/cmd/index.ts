import type { FormatDef } from '../define.js';

/** Diagnostic command outputs (cmd/<command>.txt in a bundle), read as snapshots. */
export const CMD_FORMATS: readonly FormatDef[] = [];
