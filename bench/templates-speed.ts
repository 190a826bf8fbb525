/**
 * Speed of ingest and of the template miner behind it (issue 3: ingest + templates >= 1 M lines/s on
 * one core), on a bundle of one file per Loghub 2k set, each repeated to the same number of lines
 * with its repetitions varied (bench/loghub-mix.ts). Measured in this process, best of RUNS:
 *
 *   ingest alone          walk + read + sniff + frame + decode + parse → events (bench/ingest-run.ts)
 *   ingest + miner        the same, each event's message fed to a TemplateMiner, then snapshot()
 *   miner alone           the same messages, held in memory beforehand, through a fresh miner
 *   full analyze          src/pipeline.ts analyze(): timeline, template stage, detectors, ranking
 *
 * CPU is this process's user+sys time (GC threads included), so on a shared machine it is the
 * figure to compare; wall is shown beside it.
 *
 *   node dist/bench/templates-speed.js [--lines N] [--runs N] [--no-analyze]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/pipeline.js';
import { TemplateMiner } from '../src/templates/miner.js';
import { loghubSets } from './corpora.js';
import { ingestPaths } from './ingest-run.js';
import { buildLoghubMix } from './loghub-mix.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const target = opt('--lines', 2_000_000);
const runs = opt('--runs', 3);

async function main(): Promise<void> {
  const sets = loghubSets();
  if (!sets || sets.length === 0) {
    console.log('templates-speed: ../shared/corpora/loghub not found: skipped');
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'culprit-speed-'));
  try {
    const built = await buildLoghubMix(sets, tmp, { linesPerSet: Math.ceil(target / sets.length) });
    const n = built.lines;
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}, load average ${loadavg()[0]!.toFixed(1)}`);
    console.log(`input: ${n} lines, ${(built.bytes / 1048576).toFixed(0)} MiB in ${built.files.length} files (one per Loghub set), ${built.distinctLines} distinct lines`);

    await measure('ingest alone', n, () => ingestPaths([tmp], () => {}));

    await measure('ingest + miner', n, async () => {
      const miner = new TemplateMiner();
      await ingestPaths([tmp], (e) => void miner.add(e.message, e.path));
      miner.snapshot();
    });

    // each message with its source, as the product mines them (the source's header is learnt)
    const messages: string[] = [];
    const paths: string[] = [];
    await ingestPaths([tmp], (e) => {
      messages.push(e.message);
      paths.push(e.path);
    });
    await measure('miner alone (messages in memory)', messages.length, () => {
      const miner = new TemplateMiner();
      for (let i = 0; i < messages.length; i++) miner.add(messages[i]!, paths[i]);
      miner.snapshot();
    });
    messages.length = 0;
    paths.length = 0;

    if (!args.includes('--no-analyze')) {
      await measure('full analyze (all stages)', n, () => analyze({ paths: [tmp], zone: 'UTC', year: 2024 }));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Best of the runs, by CPU time and by wall clock. */
async function measure(what: string, n: number, run: () => unknown): Promise<void> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await run();
    const c = process.cpuUsage(c0);
    wall.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  const rate = (ms: number) => ((n / ms) * 1000 / 1e6).toFixed(2).padStart(5);
  const cpuMs = Math.min(...cpu);
  const wallMs = Math.min(...wall);
  console.log(
    `${what.padEnd(34)} ${rate(cpuMs)} M lines per CPU-second (${(cpuMs / 1000).toFixed(2)} s)   ${rate(wallMs)} M lines/s wall (${(wallMs / 1000).toFixed(2)} s)   best of ${runs}`,
  );
}

await main();
