import { accessSync, constants } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import type { RegisterCommand } from './command.js';
import { collect } from '../collect/capture.js';
import { parseDurationMs } from '../collect/duration.js';
import { EXIT_OK, UsageError } from './exit.js';

export interface CollectCliOptions {
  out?: string;
  pid?: string[];
  since: string;
  env?: boolean;
  tools: boolean;
  logs: string | false;
  every?: string;
  count?: string;
  strace?: string;
  seconds?: string;
  budget: string;
}

/** Bounds that keep --every/--count and --strace from running away. */
const MAX_ROUNDS = 1000;
const MAX_STRACE_SECONDS = 60;

function duration(flag: string, text: string): number {
  const ms = parseDurationMs(text);
  if (ms === null || ms <= 0) throw new UsageError(`${flag} '${text}': not a duration (use e.g. 30s, 10m, 2h, 1d)`);
  return ms;
}

function positiveInt(flag: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) <= 0) throw new UsageError(`${flag} '${text}': expected a positive whole number`);
  return Number(text);
}

/** culprit-<host>-<UTC time>.tar.gz */
export function defaultBundleName(host: string, when: Date): string {
  const t = when.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `culprit-${host}-${t}.tar.gz`;
}

export async function runCollect(o: CollectCliOptions): Promise<number> {
  const sinceMs = duration('--since', o.since);
  const pids = o.pid && o.pid.length > 0 ? o.pid.flatMap((p) => p.split(',')).map((p) => positiveInt('--pid', p)) : null;
  if (o.count !== undefined && o.every === undefined) throw new UsageError('--count needs --every DURATION');
  if (o.seconds !== undefined && o.strace === undefined) throw new UsageError('--seconds needs --strace PID');
  const series = o.every !== undefined ? { intervalMs: duration('--every', o.every), count: o.count !== undefined ? positiveInt('--count', o.count) : 2 } : undefined;
  if (series && series.count > MAX_ROUNDS) throw new UsageError(`--count ${series.count}: at most ${MAX_ROUNDS}`);
  const strace = o.strace !== undefined ? { pid: positiveInt('--strace', o.strace), seconds: o.seconds !== undefined ? positiveInt('--seconds', o.seconds) : 5 } : undefined;
  if (strace && strace.seconds > MAX_STRACE_SECONDS) throw new UsageError(`--seconds ${strace.seconds}: at most ${MAX_STRACE_SECONDS}`);
  const budgetMs = duration('--budget', o.budget);

  // the bundle's top folder: the short host name, kept to characters safe in a path
  const host = (hostname().split('.')[0] ?? '').replace(/[^A-Za-z0-9_-]/g, '_') || 'localhost';
  const out = o.out ?? defaultBundleName(host, new Date());
  if (!/\.(?:tar\.gz|tgz)$/.test(out)) throw new UsageError(`--out '${out}': the bundle is a .tar.gz (or .tgz)`);
  try {
    accessSync(dirname(out), constants.W_OK);
  } catch (err) {
    throw new UsageError(`--out '${out}': cannot write to ${dirname(out)} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const result = await collect({
    host,
    pids,
    sinceSec: Math.ceil(sinceMs / 1000),
    withEnv: o.env === true,
    useTools: o.tools,
    budgetMs,
    logRoot: o.logs === false ? null : o.logs,
    ...(series ? { series } : {}),
    ...(strace ? { strace } : {}),
    onProgress: process.stderr.isTTY ? (m) => process.stderr.write(`culprit: ${m}\n`) : undefined,
  });
  let bytes: number;
  try {
    bytes = await result.bundle.writeTo(out);
  } catch (err) {
    throw new UsageError(`--out '${out}': cannot write the bundle: ${(err as Error).message}`);
  }
  for (const line of result.notes.lines()) process.stderr.write(`culprit: note: ${line}\n`);
  process.stderr.write(`culprit: ${result.processes} processes, ${result.bundle.names.length} files, ${bytes} bytes in ${result.elapsedMs} ms\n`);
  process.stdout.write(`${out}\n`);
  if (result.hungReads > 0) {
    // reads blocked in the kernel would keep node waiting: the bundle is written, so leave now
    process.stderr.write(`culprit: ${result.hungReads} /proc reads still blocked; exiting without them\n`);
    process.exit(EXIT_OK);
  }
  return EXIT_OK;
}

export const collectCommand: RegisterCommand = (program) => {
  program
    .command('collect')
    .description('capture this host safely (read-only, a few seconds) into a bundle that analyze reads')
    .option('--out <file>', 'bundle to write (default culprit-<host>-<time>.tar.gz)')
    .option('--pid <pid...>', 'only these processes (default: all)')
    .option('--since <duration>', 'window of the kernel log, journal and log files', '1h')
    .option('--env', 'also capture environment variables (secret-looking values redacted)')
    .option('--no-tools', 'read /proc and /sys only; run no dmesg, ss, ps, journalctl')
    .option('--logs <dir>', 'recent log files to include', '/var/log')
    .option('--no-logs', 'include no log files')
    .option('--every <duration>', 'record per-process figures every DURATION into metrics/')
    .option('--count <n>', 'rounds for --every (default 2)')
    .option('--strace <pid>', 'attach strace to PID (the one opt-in that attaches)')
    .option('--seconds <n>', 'how long --strace runs (default 5, at most 60)')
    .option('--budget <duration>', 'time budget of one capture round', '2500ms')
    .action(async (opts: CollectCliOptions) => {
      process.exitCode = await runCollect(opts);
    });
};
