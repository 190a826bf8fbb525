import type { LogEvent } from '../../events/event.js';
import { evidenceOf, stream, type StreamDetector, type StreamRun } from '../define.js';
import type { Category } from '../category.js';
import type { Finding } from '../finding.js';
import { ABSOLUTE_PAUSE_MS } from './gc-pause.js';

// The JVM pause monitor of ZooKeeper (3.6+, `jvm.pause.monitor=true`), Hadoop and HBase: a thread that
// sleeps a fixed time and logs how much longer it slept, with what the GC beans counted meanwhile.
// ZooKeeper 3.8: "Detected pause in JVM or host machine (eg GC): pause of approximately 8654 ms, total
// pause: info level: 1, warn level: 0 " then "No GCs detected"; Hadoop/HBase: "... approximately 4130ms"
// then "No GCs detected" or one "GC pool 'ParNew' had collection(s): count=1 time=3802ms" per collector.
const HEAD = /Detected pause in JVM or host machine \(eg GC\): pause of approximately (\d{1,9}) ?ms/;
const NO_GC = /^No GCs detected\s*$/m;
const POOL = /^GC pool '([^'\n]{1,200})' had collection\(s\): count=(\d{1,9}) time=(\d{1,12})ms/gm;

/** GC time below this share of the pause does not explain it: the process or host was stopped. */
const GC_SHARE_OF_PAUSE = 0.5;
/** Pauses of one log closer than this (and of one kind) are one finding. */
const MERGE_GAP_MS = 60_000;
/** Pauses at or above this are errors whatever the monitor's own thresholds (its warn default is 10 s). */
const ERROR_PAUSE_MS = 10_000;
const MAX_FINDINGS = 10_000;
const MAX_PENDING = 4096;

interface Pause {
  event: LogEvent;
  pauseMs: number;
  /** null: the record says nothing about GCs (yet) */
  noGc: boolean | null;
  gcCount: number;
  gcTimeMs: number;
  pools: string[];
  /** line number of the record's last line seen, for GC lines that arrive as records of their own */
  lastLine: number;
}

/** Adds the GC lines of `text` (a joined record or one line) to the pause; whether any was there. */
function addGcLines(p: Pause, text: string): boolean {
  let seen = false;
  if (NO_GC.test(text)) {
    p.noGc = p.gcCount > 0 ? false : true;
    seen = true;
  }
  POOL.lastIndex = 0;
  for (let m = POOL.exec(text), n = 0; m && n < 64; m = POOL.exec(text), n++) {
    p.noGc = false;
    p.gcCount += Number(m[2]);
    p.gcTimeMs += Number(m[3]);
    if (p.pools.length < 8) p.pools.push(m[1]!);
    seen = true;
  }
  return seen;
}

/** A pause is a GC pause when its collections account for a good share of it; else the JVM was stopped. */
function categoryOf(p: Pause): Category {
  return p.noGc === false && p.gcTimeMs >= p.pauseMs * GC_SHARE_OF_PAUSE ? 'gc-pause' : 'process-stall';
}

function titleOf(p: Pause, category: Category): string {
  const who = p.event.process ?? 'JVM';
  const s = `${(p.pauseMs / 1000).toFixed(p.pauseMs >= 10_000 ? 1 : 2)} s`;
  if (category === 'gc-pause') return `${who}: JVM paused ${s} by GC (${p.pools.join(', ')}: ${p.gcCount} collection(s), ${p.gcTimeMs} ms)`;
  if (p.noGc === true) return `${who}: JVM or host stopped ${s} with no GC running (process frozen or host starved)`;
  if (p.noGc === false) return `${who}: JVM or host stopped ${s}, GC only ${p.gcTimeMs} ms of it (process frozen or host starved)`;
  return `${who}: JVM or host stopped ${s}`;
}

function factsOf(p: Pause): Finding['facts'] {
  return {
    pauseMs: p.pauseMs,
    gcDetected: p.noGc === null ? null : !p.noGc,
    gcCount: p.noGc === false ? p.gcCount : null,
    gcTimeMs: p.noGc === false ? p.gcTimeMs : null,
    gcPools: p.pools.length ? p.pools.join(', ') : null,
  };
}

/**
 * Pauses the JVM pause monitor saw (ZooKeeper, Hadoop, HBase), as two detectors: one per category. The
 * monitor logs when the pause is over, so a finding starts at the log time minus the pause: cause
 * before its effects. With no GC in it (or too little GC to explain it) the JVM or its host was stopped
 * (SIGSTOP, a frozen VM, a swap storm): a process stall; with the GCs that filled it, a GC pause. The
 * monitor's GC lines are joined to its record by the log formats; when they arrive as records of their
 * own on the next lines of the same file they are taken too.
 */
function pauseMonitor(name: string, category: Category, description: string, samples: StreamDetector['samples']): StreamDetector {
  return stream({
    name,
    category,
    software: 'jvm',
    description,
    formats: '*',
    // the monitor's words; 'Pause' and 'GC (' also bring the JVM's own GC log pause records (unified
    // "Pause Full (...)", JDK 8 "[GC (...)" / "[Full GC (...)"): the same pause seen there is one fact
    prefilter: ['Detected pause in JVM', 'No GCs detected', 'had collection(s)', 'Pause', 'GC ('],
    create: () => createRun(name, category),
    samples,
  });
}

/** A GC-log pause ending this close to a monitor's record on the same host is the pause it saw. */
const SAME_PAUSE_WINDOW_MS = 5_000;
const MAX_GC_LOG_PAUSES = 20_000;

function createRun(name: string, wanted: Category): StreamRun {
  const pending = new Map<string, Pause>();
  const pauses: Pause[] = [];
  // end times of long pauses in GC logs, per host
  const gcLogPauses = new Map<string, number[]>();
  let gcLogCount = 0;
  const settle = (p: Pause) => {
    if (p.pauseMs >= ABSOLUTE_PAUSE_MS && categoryOf(p) === wanted && pauses.length < MAX_FINDINGS) pauses.push(p);
  };
  const seenInGcLog = (p: Pause) => {
    const ends = gcLogPauses.get(p.event.host ?? '');
    const t = p.event.timeMs;
    return ends !== undefined && t !== null && ends.some((end) => Math.abs(end - t) <= SAME_PAUSE_WINDOW_MS);
  };
  return {
    accept(e: LogEvent) {
      if (e.format === 'jvm-gc-unified' || e.format === 'jvm-gc-legacy') {
        const ms = e.fields?.['pauseMs'];
        if (typeof ms === 'number' && ms >= ABSOLUTE_PAUSE_MS && e.timeMs !== null && gcLogCount < MAX_GC_LOG_PAUSES) {
          const k = e.host ?? '';
          const list = gcLogPauses.get(k) ?? [];
          list.push(e.timeMs);
          gcLogPauses.set(k, list);
          gcLogCount++;
        }
        return;
      }
      const held = pending.get(e.path);
      const m = e.message.includes('Detected pause') ? HEAD.exec(e.message) : null;
      if (!m) {
        // a GC line logged as a record of its own right under the pause record
        if (held && e.line === held.lastLine + 1 && addGcLines(held, e.message)) {
          held.lastLine = e.line;
          if (held.noGc === true) {
            pending.delete(e.path);
            settle(held);
          }
        }
        return;
      }
      if (held) {
        pending.delete(e.path);
        settle(held);
      }
      const nl = e.text.indexOf('\n');
      const p: Pause = { event: e, pauseMs: Number(m[1]), noGc: null, gcCount: 0, gcTimeMs: 0, pools: [], lastLine: e.line };
      if (nl >= 0 && addGcLines(p, e.text.slice(nl + 1))) settle(p);
      else if (pending.size < MAX_PENDING) pending.set(e.path, p);
      else settle(p);
    },
    finish() {
      for (const p of pending.values()) settle(p);
      pending.clear();
      const out: Omit<Finding, 'id'>[] = [];
      const open = new Map<string, { f: Omit<Finding, 'id'>; lastMs: number | null; totalMs: number; count: number }>();
      const close = (o: { f: Omit<Finding, 'id'>; totalMs: number; count: number }) => {
        if (o.count > 1) {
          o.f.facts.count = o.count;
          o.f.facts.totalPauseMs = o.totalMs;
          o.f.title += ` (${o.count} pauses)`;
        }
        out.push(o.f);
      };
      for (const p of pauses) {
        // the JVM's GC log tells the same GC pause with more (heap, cause, phases): jvm-gc-pause's
        if (wanted === 'gc-pause' && seenInGcLog(p)) continue;
        const e = p.event;
        const startMs = e.timeMs === null ? null : e.timeMs - p.pauseMs;
        const o = open.get(e.path);
        if (o && (startMs === null || o.lastMs === null || startMs - o.lastMs <= MERGE_GAP_MS)) {
          o.count++;
          o.totalMs += p.pauseMs;
          if (e.timeMs !== null) o.f.endMs = o.lastMs = e.timeMs;
          if (o.f.evidence.length < 4) o.f.evidence.push(evidenceOf(e));
          if (p.pauseMs > (o.f.facts.pauseMs as number)) {
            Object.assign(o.f.facts, factsOf(p));
            o.f.title = titleOf(p, wanted);
          }
          if (p.pauseMs >= ERROR_PAUSE_MS) o.f.severity = 'error';
          continue;
        }
        if (o) close(o);
        open.set(e.path, {
          f: {
            category: wanted, severity: p.pauseMs >= ERROR_PAUSE_MS ? 'error' : 'warning', detector: name, title: titleOf(p, wanted),
            timeMs: startMs, endMs: e.timeMs, host: e.host, process: e.process, pid: e.pid, facts: factsOf(p), evidence: [evidenceOf(e)],
          },
          lastMs: e.timeMs, totalMs: p.pauseMs, count: 1,
        });
      }
      for (const o of open.values()) close(o);
      pauses.length = 0;
      gcLogPauses.clear();
      return out;
    },
  };
}

export const jvmPauseMonitorStall = pauseMonitor(
  'jvm-pause-monitor-stall',
  'process-stall',
  'The JVM pause monitor (ZooKeeper, Hadoop, HBase) saw the JVM or its host stopped >= 1 s with no GC to explain it (SIGSTOP, frozen host, swap storm)',
  {
    hit: [{
      // ZooKeeper 3.8 frozen for 9 s (recorded: the lab's zk-closed-watch-spin)
      'zk-1/logs/zookeeper/zookeeper.log': [
        '2026-11-22 07:52:45,587 - INFO  [Thread-0:JvmPauseMonitor$JVMMonitor@185] - Starting JVM Pause Monitor with infoThresholdMs:1000 warnThresholdMs:10000 and sleepTimeMs:500',
        '2026-11-22 07:53:01,252 - INFO  [Thread-0:JvmPauseMonitor$JVMMonitor@204] - Detected pause in JVM or host machine (eg GC): pause of approximately 8654 ms, total pause: info level: 1, warn level: 0 ',
        'No GCs detected',
      ].join('\n') + '\n',
    }, {
      // Hadoop's wording: a young collection of 40 ms does not explain a 12 s pause
      'dn-3/logs/hadoop-hdfs-datanode-dn-3.log': [
        '2026-05-10 15:45:31,201 INFO org.apache.hadoop.hdfs.server.datanode.DataNode: Receiving BP-1:blk_1073741825_1001 src: /10.0.0.5:50010',
        '2026-05-10 15:45:43,402 WARN org.apache.hadoop.util.JvmPauseMonitor: Detected pause in JVM or host machine (eg GC): pause of approximately 12130ms',
        "GC pool 'ParNew' had collection(s): count=1 time=40ms",
      ].join('\n') + '\n',
    }],
    miss: [{
      // a monitor with its info threshold lowered reports a short pause; start-up lines mention it too
      'zk-1/logs/zookeeper/zookeeper.log': [
        '2026-11-22 07:52:45,518 - INFO  [main:ZooKeeperServer@394] - Added JvmPauseMonitor to server',
        '2026-11-22 07:52:45,587 - INFO  [Thread-0:JvmPauseMonitor$JVMMonitor@185] - Starting JVM Pause Monitor with infoThresholdMs:200 warnThresholdMs:10000 and sleepTimeMs:500',
        '2026-11-22 07:53:01,252 - INFO  [Thread-0:JvmPauseMonitor$JVMMonitor@204] - Detected pause in JVM or host machine (eg GC): pause of approximately 612 ms, total pause: info level: 1, warn level: 0 ',
        'No GCs detected',
      ].join('\n') + '\n',
    }, {
      // a pause the collections fill is a GC pause (the other detector's)
      'dn-3/logs/hadoop-hdfs-datanode-dn-3.log': [
        '2026-05-10 15:45:36,402 WARN org.apache.hadoop.util.JvmPauseMonitor: Detected pause in JVM or host machine (eg GC): pause of approximately 4730ms',
        "GC pool 'ParNew' had collection(s): count=1 time=310ms",
        "GC pool 'ConcurrentMarkSweep' had collection(s): count=1 time=4602ms",
      ].join('\n') + '\n',
    }],
  },
);

export const jvmPauseMonitorGc = pauseMonitor(
  'jvm-pause-monitor-gc',
  'gc-pause',
  'The JVM pause monitor (ZooKeeper, Hadoop, HBase) saw the JVM stopped >= 1 s, mostly by the garbage collections it names',
  {
    hit: [{
      // Hadoop's wording, a pause filled by collections
      'dn-3/logs/hadoop-hdfs-datanode-dn-3.log': [
        '2026-05-10 15:45:31,201 INFO org.apache.hadoop.hdfs.server.datanode.DataNode: Receiving BP-1:blk_1073741825_1001 src: /10.0.0.5:50010',
        '2026-05-10 15:45:36,402 WARN org.apache.hadoop.util.JvmPauseMonitor: Detected pause in JVM or host machine (eg GC): pause of approximately 4730ms',
        "GC pool 'ParNew' had collection(s): count=1 time=310ms",
        "GC pool 'ConcurrentMarkSweep' had collection(s): count=1 time=4602ms",
      ].join('\n') + '\n',
    }, {
      // ZooKeeper 3.8 with the serial collector, swapping (recorded: the lab's zk-gc-pause-flood)
      'zk-2/logs/zookeeper/zookeeper.log': [
        '2026-11-22 08:02:02,136 - INFO  [Thread-0:JvmPauseMonitor$JVMMonitor@204] - Detected pause in JVM or host machine (eg GC): pause of approximately 1834 ms, total pause: info level: 1, warn level: 0 ',
        "GC pool 'Copy' had collection(s): count=1 time=0ms",
        "GC pool 'MarkSweepCompact' had collection(s): count=1 time=2092ms",
      ].join('\n') + '\n',
    }],
    miss: [{
      // the frozen ZooKeeper: no GC at all is a stall (the other detector's)
      'zk-1/logs/zookeeper/zookeeper.log': [
        '2026-11-22 07:53:01,252 - INFO  [Thread-0:JvmPauseMonitor$JVMMonitor@204] - Detected pause in JVM or host machine (eg GC): pause of approximately 8654 ms, total pause: info level: 1, warn level: 0 ',
        'No GCs detected',
      ].join('\n') + '\n',
    }, {
      // a short collection reported by a monitor with a lowered info threshold; and the JVM's own GC
      // log, which jvm-gc-pause reads
      'zk-2/logs/zookeeper.log': [
        '2026-05-10 15:45:33,118 - INFO  [Thread-1:JvmPauseMonitor$JVMMonitor@204] - Detected pause in JVM or host machine (eg GC): pause of approximately 734 ms, total pause: info level: 3, warn level: 0 ',
        "GC pool 'G1 Young Generation' had collection(s): count=1 time=702ms",
      ].join('\n') + '\n',
      'zk-2/logs/gc.log': '[2026-05-10T15:45:31.201+0000][312.456s][info][gc] GC(812) Pause Full (Allocation Failure) 3980M->3902M(4096M) 4123.456ms\n',
    }],
  },
);
