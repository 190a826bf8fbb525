import type { FormatDef } from '../define.js';
import { dfH } from './df-h.js';
import { freeM } from './free-m.js';
import { lsof } from './lsof.js';
import { netstatAn } from './netstat-an.js';
import { procLimits } from './proc-limits.js';
import { psAux } from './ps-aux.js';
import { ssTan } from './ss-tan.js';
import { topB } from './top-b.js';
import { ulimitA } from './ulimit-a.js';
import { procStat } from './proc-stat.js';
import { uptimeS } from './uptime-s.js';

/** Diagnostic command outputs (cmd/<command>.txt in a bundle), read as snapshots. */
export const CMD_FORMATS: readonly FormatDef[] = [uptimeS, procStat, psAux, topB, ssTan, netstatAn, lsof, ulimitA, procLimits, dfH, freeM];
