import type { LogEvent } from '../../events/event.js';
import { evidenceOf, stream } from '../define.js';
import type { Finding } from '../finding.js';
import { formatBytes, kibToBytes, pagesToBytes } from '../units.js';

/** Formats that carry kernel messages one per record. */
const KERNEL_FORMATS = ['dmesg', 'dmesg-t', 'journalctl-short', 'journalctl-short-iso', 'journalctl-short-precise', 'journalctl-json', 'syslog-rfc3164', 'syslog-rfc5424', 'plain'];

// "mem-hog invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0" (the name may hold spaces)
const INVOKED = /^(?:\[[^\]]{1,40}\] )?(\S.{0,63}?) invoked oom-killer: gfp_mask=(0x[0-9a-f]+)(?:\(([^)]*)\))?, order=(\d+), oom_score_adj=(-?\d+)/;
// "CPU: 0 UID: 0 PID: 19492 Comm: mem-hog Not tainted ..." (older kernels: no UID)
const CPU_LINE = /^(?:\[[^\]]{1,40}\] )?CPU: \d+ (?:UID: \d+ )?PID: (\d+) Comm: /;
// "memory: usage 49152kB, limit 49152kB, failcnt 0", "memory+swap: ...", "swap: ..." (cgroup v2)
const USAGE = /^(?:\[[^\]]{1,40}\] )?(memory|memory\+swap|swap): usage (\d+)kB, limit (\d+)kB, failcnt (\d+)/;
// "[  19464]     0 19464     5759     5427     5152      275         0    86016        0             0 cache-warmer"
const TASK_ROW = /^(?:\[[^\]]{1,40}\] )?\[\s*(\d+)\]((?:\s+-?\d+){5,10}) (.{1,64})$/;
// "oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/x,task_memcg=/x,task=mem-hog,pid=19492,uid=0"
const CONSTRAINT = /oom-kill:constraint=(\w+)(?:,nodemask=[^,]*)?(?:,cpuset=([^,]*))?(?:,mems_allowed=[^,]*)?(?:,oom_memcg=([^,]*))?(?:,task_memcg=([^,]*))?,task=(.{1,64}?),pid=(\d+),uid=(\d+)/;
const KILLED = /(?:Memory cgroup out of memory|Out of memory[^:]{0,40}): Killed process (\d+) \(([^)]{0,64})\)/;
const FREE_SWAP = /^(?:\[[^\]]{1,40}\] )?Free swap {1,2}= (\d+)kB/;
const PAGES_RAM = /^(?:\[[^\]]{1,40}\] )?(\d+) pages RAM$/;

/** The biggest tasks kept from the table: enough to name the real consumer, bounded memory. */
const TOP_TASKS = 3;
/** A report's lines come within a second; one left open longer than this is given up. */
const MAX_REPORT_MS = 30_000;

interface Task { pid: number; name: string; rssBytes: number }

interface Report {
  first: LogEvent;
  last: LogEvent;
  invoker: string;
  invokerPid: number | null;
  gfpMask: string;
  gfpFlags: string | null;
  order: number;
  usage: Record<string, { usageBytes: number | null; limitBytes: number | null; failcnt: number }>;
  tasks: Task[];
  taskCount: number;
  constraint: string | null;
  oomMemcg: string | null;
  taskMemcg: string | null;
  victim: string | null;
  victimPid: number | null;
  freeSwapBytes: number | null;
  ramBytes: number | null;
  kill: LogEvent | null;
}

/**
 * The rest of a kernel OOM report, which kernel-oom-kill (the verdict line) leaves out: who invoked the
 * killer and with what allocation, the memory cgroup and its usage against its limit, the constraint,
 * and the biggest tasks of the task table. It is a companion finding (memory-pressure: the host or the
 * cgroup had run out), not a second kill: the biggest task or the invoker is often the real consumer
 * while the victim is a bystander with a higher badness score.
 */
export const kernelOomReport = stream({
  name: 'kernel-oom-report',
  category: 'memory-pressure',
  software: 'linux-kernel',
  description: 'A kernel OOM report: the invoking task, the memory cgroup at its limit, the constraint and the biggest tasks in the task table',
  formats: KERNEL_FORMATS,
  // a report starts with this line: until one is open, other lines are skipped cheaply
  hints: [[' invoked oom-killer: ']],
  create() {
    const open = new Map<string, Report>();
    const out: Omit<Finding, 'id'>[] = [];
    const emit = (r: Report) => out.push(findingOf(r));
    return {
      accept(e: LogEvent, hints: number) {
        if (hints === 0 && open.size === 0) return;
        const msg = e.message;
        const source = `${e.host ?? ''}\u0000${e.path}`;
        let r = open.get(source);
        if (r && e.timeMs !== null && r.first.timeMs !== null && e.timeMs - r.first.timeMs > MAX_REPORT_MS) {
          emit(r);
          open.delete(source);
          r = undefined;
        }
        if (msg.includes(' invoked oom-killer: ')) {
          const m = INVOKED.exec(msg);
          if (!m) return;
          if (r) emit(r);
          open.set(source, {
            first: e, last: e, invoker: m[1]!, invokerPid: null, gfpMask: m[2]!, gfpFlags: m[3] ?? null, order: Number(m[4]),
            usage: {}, tasks: [], taskCount: 0, constraint: null, oomMemcg: null, taskMemcg: null, victim: null, victimPid: null,
            freeSwapBytes: null, ramBytes: null, kill: null,
          });
          return;
        }
        if (!r) return;
        readReportLine(r, e, msg);
        if (r.kill) {
          emit(r);
          open.delete(source);
        }
      },
      finish() {
        for (const r of open.values()) emit(r);
        open.clear();
        return out;
      },
    };
  },
  samples: {
    hit: [{
      // a v1 memory-cgroup OOM recorded on this machine (scripts/record/kernel-faults.sh), shortened
      'host-a/cmd/dmesg-T.txt': [
        '[Sun Nov 22 04:27:14 2026] mem-hog invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0',
        '[Sun Nov 22 04:27:14 2026] CPU: 0 UID: 0 PID: 19492 Comm: mem-hog Not tainted 6.18.44-fc-v769 #1 PREEMPT(none) ',
        '[Sun Nov 22 04:27:14 2026] memory: usage 49152kB, limit 49152kB, failcnt 0',
        '[Sun Nov 22 04:27:14 2026] memory+swap: usage 49152kB, limit 49152kB, failcnt 0',
        '[Sun Nov 22 04:27:14 2026] Tasks state (memory values in pages):',
        '[Sun Nov 22 04:27:14 2026] [  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem pgtables_bytes swapents oom_score_adj name',
        '[Sun Nov 22 04:27:14 2026] [  19464]     0 19464     5759     5427     5152      275         0    86016        0             0 cache-warmer',
        '[Sun Nov 22 04:27:14 2026] [  19492]     0 19492     7815     7281     7040      241         0   106496        0             0 mem-hog',
        '[Sun Nov 22 04:27:14 2026] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/culprit-record-19432,task_memcg=/culprit-record-19432,task=mem-hog,pid=19492,uid=0',
        '[Sun Nov 22 04:27:14 2026] Memory cgroup out of memory: Killed process 19492 (mem-hog) total-vm:31260kB, anon-rss:28160kB, file-rss:964kB, shmem-rss:0kB, UID:0 pgtables:104kB oom_score_adj:0',
      ].join('\n') + '\n',
    }],
    miss: [{
      // the verdict alone (kernel-oom-kill's) and unrelated kernel lines: no report to describe
      'host-a/cmd/dmesg-T.txt': [
        '[Sun Nov 22 04:27:14 2026] loop0: detected capacity change from 0 to 131072',
        '[Sun Nov 22 04:27:14 2026] Memory cgroup out of memory: Killed process 19492 (mem-hog) total-vm:31260kB, anon-rss:28160kB, file-rss:964kB, shmem-rss:0kB, UID:0 pgtables:104kB oom_score_adj:0',
      ].join('\n') + '\n',
    }],
  },
});

function readReportLine(r: Report, e: LogEvent, msg: string): void {
  let m: RegExpExecArray | null;
  const c = msg.charCodeAt(0);
  if (c === 91 /* [ */ && (m = TASK_ROW.exec(msg))) {
    const numbers = m[2]!.trim().split(/\s+/);
    // uid tgid total_vm rss ...: rss (pages) is the fourth number in every kernel's layout
    const rssBytes = pagesToBytes(numbers[3]);
    r.taskCount++;
    r.last = e;
    if (rssBytes === null) return;
    const t: Task = { pid: Number(m[1]), name: m[3]!.trim(), rssBytes };
    if (r.tasks.length < TOP_TASKS) r.tasks.push(t);
    else if (rssBytes > r.tasks[r.tasks.length - 1]!.rssBytes) r.tasks[r.tasks.length - 1] = t;
    else return;
    r.tasks.sort((a, b) => b.rssBytes - a.rssBytes);
    return;
  }
  if (c === 67 /* C */ && r.invokerPid === null && (m = CPU_LINE.exec(msg))) {
    r.invokerPid = Number(m[1]);
  } else if ((c === 109 || c === 115) && (m = USAGE.exec(msg))) {
    r.usage[m[1]!] = { usageBytes: kibToBytes(m[2]), limitBytes: kibToBytes(m[3]), failcnt: Number(m[4]) };
  } else if (msg.includes('oom-kill:constraint=') && (m = CONSTRAINT.exec(msg))) {
    r.constraint = m[1]!;
    r.oomMemcg = m[3] ?? null;
    r.taskMemcg = m[4] ?? null;
    r.victim = m[5]!;
    r.victimPid = Number(m[6]);
  } else if (msg.includes('Killed process') && (m = KILLED.exec(msg))) {
    r.victimPid ??= Number(m[1]);
    r.victim ??= m[2]!;
    r.kill = e;
  } else if (c === 70 && (m = FREE_SWAP.exec(msg))) {
    r.freeSwapBytes = kibToBytes(m[1]);
  } else if ((m = PAGES_RAM.exec(msg))) {
    r.ramBytes = pagesToBytes(m[1]);
  } else {
    return;
  }
  r.last = e;
}

function findingOf(r: Report): Omit<Finding, 'id'> {
  const mem = r.usage.memory;
  const memsw = r.usage['memory+swap'];
  const facts: Finding['facts'] = {
    invoker: r.invoker, invokerPid: r.invokerPid, gfpMask: r.gfpMask, gfpFlags: r.gfpFlags, order: r.order,
    constraint: r.constraint, oomMemcg: r.oomMemcg, taskMemcg: r.taskMemcg,
    memoryUsageBytes: mem?.usageBytes ?? null, memoryLimitBytes: mem?.limitBytes ?? null,
    memswUsageBytes: memsw?.usageBytes ?? null, memswLimitBytes: memsw?.limitBytes ?? null,
    swapUsageBytes: r.usage.swap?.usageBytes ?? null, freeSwapBytes: r.freeSwapBytes, ramBytes: r.ramBytes,
    victim: r.victim, victimPid: r.victimPid, tasks: r.taskCount,
  };
  r.tasks.forEach((t, i) => {
    facts[`top${i + 1}Task`] = t.name;
    facts[`top${i + 1}Pid`] = t.pid;
    facts[`top${i + 1}RssBytes`] = t.rssBytes;
  });
  const inCgroup = r.constraint === 'CONSTRAINT_MEMCG' || (r.oomMemcg !== null && r.oomMemcg !== '/');
  const where = inCgroup
    ? `memory cgroup ${r.oomMemcg ?? '?'}${mem?.limitBytes ? ` at its limit (${formatBytes(mem.usageBytes)} of ${formatBytes(mem.limitBytes)})` : ' at its limit'}`
    : `host out of memory${r.constraint ? ` (${r.constraint})` : ''}`;
  const biggest = r.tasks.length ? `; biggest tasks ${r.tasks.map((t) => `${t.name} ${formatBytes(t.rssBytes)}`).join(', ')}` : '';
  const evidence = [evidenceOf(r.first)];
  if (r.last !== r.first && r.last !== r.kill) evidence.push(evidenceOf(r.last));
  if (r.kill) evidence.push(evidenceOf(r.kill));
  return {
    category: 'memory-pressure', severity: 'error', detector: 'kernel-oom-report',
    title: `${where}: OOM killer invoked by ${r.invoker}${r.invokerPid !== null ? ` (pid ${r.invokerPid})` : ''}${biggest}`,
    timeMs: r.first.timeMs, endMs: (r.kill ?? r.last).timeMs, host: r.first.host, process: r.invoker, pid: r.invokerPid,
    facts, evidence,
  };
}
