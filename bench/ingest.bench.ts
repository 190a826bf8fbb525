/**
 * Ingest benchmark (issue 2): builds a large mixed bundle from the Loghub samples in
 * ../shared/corpora (one file per set, each repeated with its copies varied: bench/loghub-mix.ts), then measures in
 * one run: `wc -l`, a bare Node newline scan, and `culprit analyze --format json` (lines/s, MB/s,
 * peak RSS via /usr/bin/time -v). Reads ../shared/corpora: skips cleanly when it is absent.
 *
 *   node dist/bench/ingest.bench.js [--mb 1024] [--dir /tmp/culprit-bench] [--keep]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, createReadStream, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI } from '../test/support/paths.js';
import { loghubSets } from './corpora.js';
import { buildLoghubMix } from './loghub-mix.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const targetMb = Number(opt('--mb', '1024'));
const dir = opt('--dir', '/tmp/culprit-bench');
const keep = args.includes('--keep');

const sets = loghubSets();
if (!sets) {
  console.log('bench/ingest: ../shared/corpora/loghub not found: skipped');
  process.exit(0);
}

async function build(): Promise<void> {
  await buildLoghubMix(sets!, dir, { bytesPerSet: (targetMb * 1024 * 1024) / sets!.length });
}

async function nodeNewlineScan(files: string[]): Promise<number> {
  let lines = 0;
  for (const f of files) {
    for await (const chunk of createReadStream(f, { highWaterMark: 1 << 20 })) {
      const b = chunk as Buffer;
      for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) lines++;
    }
  }
  return lines;
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const t0 = process.hrtime.bigint();
if (!existsSync(dir) || !keep || readdirSync(dir).length === 0) await build();
const files = readdirSync(dir).map((f) => join(dir, f)).sort();
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
console.log(`built ${files.length} files, ${(bytes / 1048576).toFixed(0)} MiB in ${seconds(t0).toFixed(1)} s (${dir})`);

let t = process.hrtime.bigint();
const wc = execFileSync('wc', ['-l', ...files], { encoding: 'utf8' });
const wcSeconds = seconds(t);
const lines = Number(/(\d+) total/.exec(wc)?.[1] ?? wc.trim().split(/\s+/)[0]);

t = process.hrtime.bigint();
const scanned = await nodeNewlineScan(files);
const scanSeconds = seconds(t);

/** Runs a command under /usr/bin/time -v: wall seconds, CPU seconds (user+sys) and peak RSS. */
function measured(argv: string[]): { wall: number; cpu: number; peakMb: number } {
  const t = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-v', ...argv], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = seconds(t);
  if (run.status !== 0) {
    console.error(run.stderr.slice(-2000));
    process.exit(1);
  }
  const num = (re: RegExp) => Number(re.exec(run.stderr)?.[1] ?? NaN);
  const cpu = num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/);
  return { wall, cpu, peakMb: num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024 };
}

const ingestOnly = measured([process.execPath, join(dirname(fileURLToPath(import.meta.url)), 'ingest-only.js'), dir]);
// the bin as a user runs it: through its shebang (which sets the heap ceiling)
chmodSync(CLI, 0o755);
const analyzeRun = measured([CLI, 'analyze', dir, '--format', 'json', '--tz', 'UTC', '--out', '/dev/null']);

const row = (name: string, s: number, extra = '') =>
  console.log(`${name.padEnd(40)} ${s.toFixed(2).padStart(7)} s ${(lines / s / 1e6).toFixed(2).padStart(6)} M lines/s ${(bytes / 1048576 / s).toFixed(0).padStart(5)} MiB/s ${extra}`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load average ${loadavg()[0]!.toFixed(1)}`);
console.log(`input: ${lines} lines, ${(bytes / 1048576).toFixed(0)} MiB in ${files.length} files (Node scan counted ${scanned})`);
row('wc -l', wcSeconds);
row('node newline scan (Buffer.indexOf)', scanSeconds);
row('ingest + format parsing (wall)', ingestOnly.wall, `peak RSS ${ingestOnly.peakMb.toFixed(0)} MiB`);
row('ingest + format parsing (CPU user+sys)', ingestOnly.cpu);
row('culprit analyze --format json (wall)', analyzeRun.wall, `peak RSS ${analyzeRun.peakMb.toFixed(0)} MiB`);
row('culprit analyze --format json (CPU)', analyzeRun.cpu);
if (!keep) rmSync(dir, { recursive: true, force: true });
