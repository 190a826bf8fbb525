/**
 * Root causes on logs without a known incident (issue 6): runs `analyze` on each Loghub 2k sample
 * in ../shared/corpora and prints its findings and root causes. A quiet log should yield no root
 * cause above LOW_CONFIDENCE, and no flood or hot loop (Hadoop's sample does hold an injected network
 * disconnection: its silence and "No Route to Host" are expected findings). Reads ../shared/corpora: skips cleanly when it is absent.
 *
 *   node dist/bench/quiet-loghub.bench.js
 */
import { analyze } from '../src/pipeline.js';
import { loghubSets } from './corpora.js';

/** "a low threshold": a root cause above it on a quiet log is a false alarm */
const LOW_CONFIDENCE = 0.6;

const sets = loghubSets();
if (!sets) {
  console.log('bench/quiet-loghub: ../shared/corpora/loghub not found: skipped');
  process.exit(0);
}
let loud = 0;
let spins = 0;
console.log(`${'set'.padEnd(12)} ${'findings'.padStart(8)}  root causes (category confidence: summary)`);
for (const s of sets) {
  const a = await analyze({ paths: [s.rawLog], zone: 'UTC' });
  const rcs = a.rootCauses.map((r) => `${r.category} ${r.confidence.toFixed(2)}: ${r.summary.slice(0, 90)}`);
  if (a.rootCauses.some((r) => r.confidence > LOW_CONFIDENCE)) loud++;
  // busy healthy logs: a flood or a hot loop here is a false alarm of the pattern detectors
  const patterns = a.findings.filter((f) => f.detector === 'pattern-hot-loop' || f.detector === 'pattern-log-flood');
  if (patterns.length) spins++;
  console.log(`${s.name.padEnd(12)} ${String(a.findings.length).padStart(8)}  ${rcs.join(' | ') || '-'}${patterns.length ? `  FLOOD/HOT LOOP: ${patterns.map((f) => f.title).join(' | ')}` : ''}`);
}
console.log(`${loud} of ${sets.length} sets have a root cause above ${LOW_CONFIDENCE}; ${spins} have a flood or hot loop finding`);
