/**
 * Group Accuracy of the template miner on the sixteen Loghub 2k sets, mined from the whole raw
 * lines (headers included: the miner has to cope with them itself).
 *
 *   node dist/bench/templates-accuracy.js [--labels corrected] [--detail SET] [--option name=value ...]
 *
 * --option overrides a MinerOptions knob for every set alike (to study a knob; the defaults are
 * what culprit uses).
 */
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

function main(): void {
  const args = process.argv.slice(2);
  const suffix = args.includes('--labels') && args[args.indexOf('--labels') + 1] === 'corrected' ? '_corrected' : '';
  const detail = args.includes('--detail') ? args[args.indexOf('--detail') + 1] : undefined;
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
  console.log(`set          lines  truth  mined   GA     Drain  (labels: _structured${suffix}.csv)`);
  let sum = 0;
  let drainSum = 0;
  for (const set of sets) {
    const lines = readRawLines(dir, set);
    const truth = readTruth(dir, set, suffix).slice(0, lines.length);
    const miner = new TemplateMiner(options);
    const handles = lines.map((l) => miner.add(l));
    const snap = miner.snapshot();
    const predicted = handles.map((h) => snap.idOf(h));
    const ga = groupAccuracy(predicted, truth);
    sum += ga;
    drainSum += DRAIN_GA[set] ?? 0;
    const drain = DRAIN_GA[set]?.toFixed(4) ?? '  -   ';
    console.log(`${set.padEnd(12)} ${String(lines.length).padStart(5)} ${String(new Set(truth).size).padStart(6)} ${String(snap.templates.length).padStart(6)}  ${ga.toFixed(3)}  ${drain}${ga + 1e-9 < (DRAIN_GA[set] ?? 0) ? '  below Drain' : ''}`);
    if (set === detail) printDetail(lines, truth, predicted, snap);
  }
  console.log(`${'average'.padEnd(27)}        ${(sum / sets.length).toFixed(3)}  ${(drainSum / sets.length).toFixed(4)}`);
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
      console.log(`     ${n}/${predSize.get(p)} in: ${snap.templates.find((x) => x.id === p)!.template.slice(0, 200)}`);
    }
  }
}

main();
