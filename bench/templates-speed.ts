/**
 * Speed of the template miner, alone and behind ingest, over a large file built from the Loghub
 * corpora: the sixteen 2k sets plus the full Linux and Proxifier logs, concatenated and repeated
 * until the file holds at least TARGET_LINES lines (written to a temp folder, removed after).
 *
 *   node dist/bench/templates-speed.js [--lines N]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, type EventSink } from '../src/pipeline.js';
import { TemplateMiner } from '../src/templates/miner.js';
import { loghubDir, loghubSets, readRawLines } from './loghub.js';

const RUNS = 3;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const target = args.includes('--lines') ? Number(args[args.indexOf('--lines') + 1]) : 2_000_000;
  const dir = loghubDir();
  const sets = loghubSets(dir);
  if (sets.length === 0) {
    console.log(`templates-speed: skipped, no Loghub corpora in ${dir} (set LOGHUB_DIR)`);
    return;
  }
  const base = sets.flatMap((s) => readRawLines(dir, s));
  for (const full of ['Linux/Linux_full.log', 'Proxifier/Proxifier_full.log']) {
    if (existsSync(join(dir, full))) base.push(...readFileSync(join(dir, full), 'utf8').split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l !== ''));
  }
  const lines: string[] = [];
  while (lines.length < target) lines.push(...base);
  const tmp = mkdtempSync(join(tmpdir(), 'culprit-speed-'));
  const file = join(tmp, 'loghub-mix.log');
  writeFileSync(file, lines.join('\n') + '\n');
  const mb = Buffer.byteLength(readFileSync(file)) / 1e6;
  console.log(`input: ${lines.length} lines, ${mb.toFixed(0)} MB (${base.length} distinct corpus lines repeated), node ${process.version}`);
  try {
    report('miner alone (lines in memory)', lines.length, () => {
      const miner = new TemplateMiner();
      for (const l of lines) miner.add(l);
      miner.snapshot();
    });
    await reportAsync('ingest alone', lines.length, () => analyze({ paths: [file], zone: 'UTC', year: 2024 }));
    await reportAsync('ingest + templates', lines.length, async () => {
      const miner = new TemplateMiner();
      const sink: EventSink = { accept: (e) => void miner.add(e.message) };
      await analyze({ paths: [file], zone: 'UTC', year: 2024 }, [sink]);
      miner.snapshot();
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function report(what: string, n: number, run: () => void): void {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    run();
    const c = process.cpuUsage(c0);
    wall.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  print(what, n, wall, cpu);
}

async function reportAsync(what: string, n: number, run: () => Promise<unknown>): Promise<void> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await run();
    const c = process.cpuUsage(c0);
    wall.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  print(what, n, wall, cpu);
}

/** Best of the runs, by wall clock and by CPU time (the process's, GC threads included). */
function print(what: string, n: number, wallMs: number[], cpuMs: number[]): void {
  const rate = (ms: number) => ((n / ms) * 1000 / 1e6).toFixed(2);
  console.log(`${what.padEnd(32)} ${rate(Math.min(...wallMs))} M lines/s wall, ${rate(Math.min(...cpuMs))} M lines per CPU-second (best of ${RUNS})`);
}

await main();
