import { BundleWriter } from './bundle-writer.js';
import { readMemoryCgroups } from './cgroup-tree.js';
import { TOOL_COMMANDS } from './commands.js';
import { Deadline } from './deadline.js';
import { writeFallback } from './fallbacks.js';
import { bootTimeMs as computeBootTimeMs, HOST_PROC_FILES, uptimeSinceText } from './host-files.js';
import { stringifyRows } from './json-rows.js';
import { CollectNotes } from './notes.js';
import { HangGuard, readBounded, READ_TIMEOUT_MS } from './read-bounded.js';
import { addRecentLogs } from './recent-logs.js';
import { redactText } from './redact.js';
import { readRound, type RoundResult } from './round.js';
import { runBounded, type CommandResult } from './run-bounded.js';
import { buildCgroupSeries, buildProcessSeries, type ProcessRound } from './series.js';
import type { ProcessesDocument, ProcessSnapshot } from './snapshot.js';
import { socketSummary } from './socket-summary.js';
import { runTools, usableOutput } from './tools.js';

export interface CollectOptions {
  host: string;
  /** Only these processes; null for all. */
  pids: readonly number[] | null;
  /** Window of the kernel log, journal and log files. */
  sinceSec: number;
  withEnv: boolean;
  /** Run dmesg, ss, ps... when installed; false reads /proc and /sys only. */
  useTools: boolean;
  /** Wall-clock budget of one capture round. */
  budgetMs: number;
  /** --every/--count: rounds of per-process figures, the last one a full capture. */
  series?: { intervalMs: number; count: number };
  /** --strace PID --seconds N (the one opt-in that attaches). */
  strace?: { pid: number; seconds: number };
  procRoot?: string;
  logRoot?: string | null;
  onProgress?: (message: string) => void;
}

export interface CollectResult {
  bundle: BundleWriter;
  notes: CollectNotes;
  elapsedMs: number;
  processes: number;
  /** Reads still blocked in the kernel: the caller must exit instead of waiting for them. */
  hungReads: number;
}

/** Bounds on what one capture writes. */
const MAX_LIMITS_FILES = 1024;
const MAX_STRACE_SECONDS = 60;

/**
 * Takes the scene of this host into a bundle: host figures, kernel log, journal warnings, disk
 * usage, memory cgroups, every process (or --pid) with fds, limits, cgroup and sockets. Read-only
 * and bounded in time: what does not finish within the budget is left out and noted.
 */
export async function collect(o: CollectOptions): Promise<CollectResult> {
  const started = Date.now();
  const procRoot = o.procRoot ?? '/proc';
  const notes = new CollectNotes();
  const guard = new HangGuard();
  const bundle = new BundleWriter(new Date(started));
  const cmd = (file: string) => `${o.host}/cmd/${file}`;
  const progress = o.onProgress ?? (() => undefined);

  // host files first: the boot time places process start times and raw kernel times
  const hostTexts = new Map<string, string>();
  await Promise.all(
    HOST_PROC_FILES.map(async (f) => {
      const r = await readBounded(`${procRoot}/${f.path}`, { timeoutMs: READ_TIMEOUT_MS, maxBytes: 1024 * 1024, guard });
      if (r.timedOut) notes.add('read-timeout', `${procRoot}/${f.path}`);
      else if (r.error) {
        if (r.error !== 'ENOENT') notes.add('unreadable', `${procRoot}/${f.path}: ${r.error}`);
      } else hostTexts.set(f.file, r.text);
    }),
  );
  for (const f of HOST_PROC_FILES) {
    const t = hostTexts.get(f.file);
    if (t !== undefined) bundle.add(cmd(f.file), t);
  }
  const bootTimeMs = computeBootTimeMs(hostTexts.get('proc-uptime.txt'), hostTexts.get('proc-stat.txt'), Date.now());
  if (bootTimeMs !== null) bundle.add(cmd('uptime-s.txt'), uptimeSinceText(bootTimeMs));
  else notes.add('no-boot-time', 'btime missing from /proc/stat: raw kernel times cannot be placed');

  const rounds: ProcessRound[] = [];
  const count = o.series ? Math.max(1, o.series.count) : 1;
  let last: RoundResult | null = null;
  let tools: Promise<Map<string, CommandResult>> | null = null;
  for (let i = 0; i < count; i++) {
    const isLast = i === count - 1;
    if (i > 0) await sleep(Math.max(0, o.series!.intervalMs - (Date.now() - rounds[rounds.length - 1]!.timeMs)));
    const deadline = new Deadline(o.budgetMs);
    // the commands run beside the last round's /proc reads
    if (isLast && o.useTools) tools = runTools(o, deadline, notes);
    progress(count > 1 ? `round ${i + 1}/${count}` : 'reading processes');
    last = await readRound(o, procRoot, deadline, guard, notes, bootTimeMs, i === 0);
    rounds.push({ timeMs: last.timeMs, processes: last.processes.map((p) => p.snapshot) });
  }
  const round = last!;
  const toolResults = tools ? await tools : new Map<string, CommandResult>();
  const finalDeadline = new Deadline(Math.max(500, o.budgetMs / 2));

  // commands, or their /proc fallbacks
  for (const c of TOOL_COMMANDS) {
    const r = toolResults.get(c.file);
    const text = r ? usableOutput(c, r, o.sinceSec, notes) : null;
    if (text !== null) {
      if (!bundle.add(cmd(c.file), text)) notes.add('bundle-full', c.file);
      continue;
    }
    if (c.onlyIfMissing && !o.useTools) continue;
    await writeFallback(c, { o, procRoot, round, bundle, notes, cmd, deadline: finalDeadline, guard });
  }

  // per process
  const doc: ProcessesDocument = { tool: 'culprit collect', host: o.host, takenAt: new Date(round.timeMs).toISOString(), processes: rounds[rounds.length - 1]!.processes as ProcessSnapshot[] };
  bundle.add(cmd('processes.json'), stringifyRows({ ...doc }));
  let limitsFiles = 0;
  for (const p of round.processes) {
    if (p.limitsText === null) continue;
    if (limitsFiles++ >= MAX_LIMITS_FILES) {
      notes.add('limits-files-skipped', `more than ${MAX_LIMITS_FILES} processes; limits of the rest are in processes.json`);
      break;
    }
    bundle.add(cmd(`proc-${p.snapshot.pid}-limits.txt`), p.limitsText);
  }
  bundle.add(cmd('sockets.json'), stringifyRows(socketSummary(round)));

  // memory cgroups
  progress('reading cgroups');
  const cgroups = await readMemoryCgroups(procRoot, finalDeadline, guard, notes);
  bundle.add(cmd('cgroup-memory.json'), stringifyRows({ takenAt: doc.takenAt, cgroups }));

  // recent log files
  if (o.logRoot !== null) await addRecentLogs(o, bundle, notes, guard, finalDeadline);

  // opt-in strace
  if (o.strace) {
    const seconds = Math.min(MAX_STRACE_SECONDS, Math.max(1, o.strace.seconds));
    progress(`strace -p ${o.strace.pid} for ${seconds} s`);
    const r = await runBounded(['strace', '-f', '-tt', '-T', '-s', '128', '-p', String(o.strace.pid)], {
      timeoutMs: seconds * 1000,
      maxBytes: 32 * 1024 * 1024,
      stopSignal: 'SIGINT',
      outputOnStderr: true,
    });
    if (r.missing) notes.add('strace-missing', 'strace is not installed');
    else bundle.add(cmd(`strace-p-${o.strace.pid}.txt`), redactText(r.stderr));
  }

  // series
  for (const [name, matrix] of buildProcessSeries(o.host, rounds)) bundle.add(`metrics/${name}.json`, `${JSON.stringify(matrix)}\n`);
  for (const [name, matrix] of buildCgroupSeries(o.host, round.timeMs, cgroups)) bundle.add(`metrics/${name}.json`, `${JSON.stringify(matrix)}\n`);

  const elapsedMs = Date.now() - started;
  for (const name of bundle.refused) notes.add('bundle-full', name);
  const manifest = {
    tool: 'culprit collect',
    host: o.host,
    startedAt: new Date(started).toISOString(),
    elapsedMs,
    uid: process.getuid?.() ?? null,
    // the zone of the local times printed by dmesg -T, uptime -s, ps and top (for analyze --tz)
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    utcOffsetMin: -new Date(started).getTimezoneOffset(),
    options: { pids: o.pids, sinceSec: o.sinceSec, env: o.withEnv, tools: o.useTools, series: o.series ?? null, strace: o.strace ?? null },
    processes: round.processes.length,
    hungReads: guard.hung,
    notes: notes.toJSON(),
    files: bundle.names,
  };
  bundle.add(cmd('culprit-collect.json'), stringifyRows(manifest), false, true);
  return { bundle, notes, elapsedMs, processes: round.processes.length, hungReads: guard.hung };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
