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
import { procMeminfo } from './proc-meminfo.js';
import { procLoadavg } from './proc-loadavg.js';
import { procVmstat } from './proc-vmstat.js';
import { procUptime } from './proc-uptime.js';
import { procPressure } from './proc-pressure.js';
import { procSysFsFileNr } from './proc-sys-fs-file-nr.js';
import { procNetNetstat } from './proc-net-netstat.js';
import { procNetSnmp } from './proc-net-snmp.js';
import { collectProcesses } from './collect-processes.js';
import { collectSockets } from './collect-sockets.js';
import { collectCgroupMemory } from './collect-cgroup-memory.js';
import { collectManifest } from './collect-manifest.js';
import { ssS } from './ss-s.js';
import { uptime } from './uptime.js';
import { vmstat } from './vmstat.js';
import { redisCliInfo } from './redis-cli-info.js';
import { redisCliXinfoGroups } from './redis-cli-xinfo-groups.js';
import { redisCliXpending } from './redis-cli-xpending.js';

/** Diagnostic command outputs (cmd/<command>.txt in a bundle), read as snapshots. */
export const CMD_FORMATS: readonly FormatDef[] = [uptimeS, procStat, psAux, topB, ssTan, netstatAn, lsof, ulimitA, procLimits, dfH, freeM,
  procMeminfo, procLoadavg, procVmstat, procUptime, procPressure, procSysFsFileNr, procNetNetstat, procNetSnmp,
  collectProcesses, collectSockets, collectCgroupMemory, collectManifest, ssS, uptime, vmstat, redisCliInfo, redisCliXinfoGroups, redisCliXpending,
];
