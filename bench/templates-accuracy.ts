/**
 * Group Accuracy of template mining on the sixteen Loghub 2k sets, measured as a user gets it: each
 * raw `<S>_2k.log` file goes through culprit's own path (format recognition → message → miner, as
 * `culprit templates --assignments` does), and the template of every file line is compared with
 * the set's ground truth. Lines that became no event, or that a record joined to the line before
 * (continuation lines), are counted and shown: they keep what `--assignments` prints for them.
 *
 *   node dist/bench/templates-accuracy.js [--raw] [--labels corrected] [--detail SET] [--option name=value ...]
 *
 * --raw feeds the raw lines straight to the miner instead, as one source (no format recognition:
 * the miner's header learning alone takes the headers off; for comparison).
 * --option overrides a MinerOptions knob for every set alike (to study a knob; the defaults are
 * what culprit uses).
 */
import { join } from 'node:path';
import { LineAssignments, NO_EVENT_ID } from '../src/cli/line-assignments.js';
import type { InputReport } from '../src/ingest/input-report.js';
import { analyze } from '../src/pipeline.js';
import { TemplateMiner } from '../src/templates/miner.js';
import type { TemplateSnapshot } from '../src/templates/split.js';
import { groupAccuracy } from './group-accuracy.js';
import { loghubDir, loghubSets, readRawLines, readTruth } from './loghub.js';

/**
 * Drain's published Group Accuracy on the Loghub 2k sets, with each set's header layout and
 * hand-written masks (Zhu et al., "Tools and Benchmarks for Automated Log Parsing", ICSE-SEIP
 * 2019). Figures as printed in the benchmark table of logpai/logparser, logparser/Drain/README.md
 * ("Accuracy" column), checked against that file on 2026-11-22.
 */
const DRAIN_GA: Record<string, number> = {
  HDFS: 0.9975, Hadoop: 0.9475, Spark: 0.92, Zookeeper: 0.9665, BGL: 0.9625, HPC: 0.887,
  Thunderbird: 0.955, Windows: 0.997, Linux: 0.69, Android: 0.911, HealthApp: 0.78, Apache: 1,
  Proxifier: 0.5265, OpenSSH: 0.7875, OpenStack: 0.7325, Mac: 0.7865,
};

/** One set mined: the id of every file line, and how the lines became events. */
interface Mined {
  predicted: string[];
  snap: TemplateSnapshot;
  format: string;
  events: number;
  /** lines joined to the record of a line before them */
  joined: number;
  /** lines no event covers (printed as NO_EVENT_ID) */
  noEvent: number;
}

async function mineThroughCulprit(file: string, lineCount: number, options: Record<string, number>): Promise<Mined> {
  const miner = new TemplateMiner(options);
  const sink = new LineAssignments(miner, true);
  let report: InputReport | undefined;
  let firstLines = 0;
  const counting = { accept: () => void firstLines++ };
  await analyze({ paths: [file], zone: 'UTC', year: 2024, onInput: (r) => { sink.onInput(r); report = r; } }, [sink, counting]);
  if (!report) throw new Error(`${file}: not read`);
  if (report.lines !== lineCount) throw new Error(`${file}: culprit read ${report.lines} lines, the file has ${lineCount}`);
  const snap = miner.snapshot();
  const predicted: string[] = [];
  let noEvent = 0;
  for (const h of sink.lines(report)) {
    if (h === null) {
      noEvent++;
      predicted.push(NO_EVENT_ID);
    } else predicted.push(snap.idOf(h));
  }
  return { predicted, snap, format: report.format ?? '-', events: report.events, joined: lineCount - noEvent - firstLines, noEvent };
}

function mineRaw(lines: readonly string[], options: Record<string, number>, file: string): Mined {
  const miner = new TemplateMiner(options);
  // one source: the miner learns the file's header from its lines (no format recognition)
  const handles = lines.map((l) => miner.add(l, file));
  const snap = miner.snapshot();
  return { predicted: handles.map((h) => snap.idOf(h)), snap, format: 'raw', events: lines.length, joined: 0, noEvent: 0 };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const suffix = args.includes('--labels') && args[args.indexOf('--labels') + 1] === 'corrected' ? '_corrected' : '';
  const detail = args.includes('--detail') ? args[args.indexOf('--detail') + 1] : undefined;
  const raw = args.includes('--raw');
  const options: Record<string, number> = {};
  args.forEach((a, i) => {
    if (a !== '--option') return;
    const [k, v] = (args[i + 1] ?? '').split('=');
    options[k!] = Number(v);
  });
  const dir = loghubDir();
  const sets = loghubSets(dir);
  if (sets.length === 0) {
    console.log(`templates-accuracy: skipped, no Loghub corpora in ${dir} (set LOGHUB_DIR)`);
    return;
  }
  console.log(`mined ${raw ? 'from the raw lines (--raw)' : "through culprit's formats (what `culprit templates --assignments` prints)"}; labels: _structured${suffix}.csv`);
  console.log('set          lines  truth  mined   GA     Drain          format            joined no-event');
  let sum = 0;
  let drainSum = 0;
  for (const set of sets) {
    const lines = readRawLines(dir, set);
    const truth = readTruth(dir, set, suffix).slice(0, lines.length);
    const file = join(dir, set, `${set}_2k.log`);
    const m = raw ? mineRaw(lines, options, file) : await mineThroughCulprit(file, lines.length, options);
    const ga = groupAccuracy(m.predicted, truth);
    sum += ga;
    drainSum += DRAIN_GA[set] ?? 0;
    const drain = DRAIN_GA[set]?.toFixed(4) ?? '  -   ';
    const below = ga + 1e-9 < (DRAIN_GA[set] ?? 0) ? 'below Drain' : '';
    console.log(`${set.padEnd(12)} ${String(lines.length).padStart(5)} ${String(new Set(truth).size).padStart(6)} ${String(m.snap.templates.length).padStart(6)}  ${ga.toFixed(3)}  ${drain}  ${below.padEnd(11)}  ${m.format.padEnd(17)} ${String(m.joined).padStart(6)} ${String(m.noEvent).padStart(8)}`);
    if (set === detail) printDetail(lines, truth, m.predicted, m.snap);
  }
  console.log(`${'average'.padEnd(27)}        ${(sum / sets.length).toFixed(4)} ${(drainSum / sets.length).toFixed(4)}`);
}

/** For one set: each true group that was not mined exactly, with the mined templates it fell into. */
function printDetail(lines: string[], truth: string[], predicted: string[], snap: TemplateSnapshot): void {
  const byTruth = new Map<string, number[]>();
  truth.forEach((t, i) => byTruth.set(t, [...(byTruth.get(t) ?? []), i]));
  const predSize = new Map<string, number>();
  for (const p of predicted) predSize.set(p, (predSize.get(p) ?? 0) + 1);
  // largest true groups first: they weigh most in the accuracy
  for (const [t, idx] of [...byTruth].sort((a, b) => b[1].length - a[1].length)) {
    const preds = new Set(idx.map((i) => predicted[i]!));
    const exact = preds.size === 1 && predSize.get(predicted[idx[0]!]!) === idx.length;
    if (exact) continue;
    console.log(`  truth ${t} (${idx.length} lines) e.g. ${lines[idx[0]!]!.slice(0, 160)}`);
    for (const p of preds) {
      const n = idx.filter((i) => predicted[i] === p).length;
      const template = p === NO_EVENT_ID ? '(no event)' : snap.templates.find((x) => x.id === p)!.template;
      console.log(`     ${n}/${predSize.get(p)} in: ${template.slice(0, 200)}`);
    }
  }
}

await main();
