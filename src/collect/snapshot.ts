/** One process as a capture saw it (cmd/processes.json, read back by `culprit diff`). */
export interface ProcessSnapshot {
  pid: number;
  ppid: number | null;
  /** The kernel's command name (comm). */
  name: string;
  /** Arguments, redacted; null when unreadable (kernel threads have none). */
  cmdline: string[] | null;
  state: string | null;
  uid: number | null;
  rssBytes: number | null;
  vmBytes: number | null;
  threads: number | null;
  /** User + system CPU time. */
  cpuSeconds: number | null;
  startedAt: string | null;
  fds: FdCounts | null;
  fdSoftLimit: number | null;
  fdHardLimit: number | null;
  /** /proc/PID/cgroup lines. */
  cgroup: string[];
  /** TCP sockets this process holds, by state (ss names: ESTAB, CLOSE-WAIT...). */
  sockets: Record<string, number>;
  /** Only with --env: NAME=value, redacted. */
  env?: string[];
}

export interface FdCounts {
  total: number;
  socket: number;
  file: number;
  pipe: number;
  anon: number;
  other: number;
}

/** cmd/processes.json */
export interface ProcessesDocument {
  tool: 'culprit collect';
  host: string;
  takenAt: string;
  processes: ProcessSnapshot[];
}

/** One memory cgroup (v1 memory controller or v2 unified tree). */
export interface CgroupMemory {
  version: 1 | 2;
  /** Path below the controller's mount, '/' for the root. */
  path: string;
  limitBytes: number | null;
  usageBytes: number | null;
  maxUsageBytes: number | null;
  /** v1 memory.failcnt; v2 memory.events `max`. */
  failcnt: number | null;
  oomEvents: number | null;
  oomKills: number | null;
  underOom: boolean | null;
  procs: number | null;
}
