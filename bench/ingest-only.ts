/**
 * Ingest + format parsing alone (no timeline, templates or detectors): walks PATH..., reads and
 * parses every input, counts events. Run by ingest.bench.ts under /usr/bin/time for its CPU and RSS.
 *
 *   node dist/bench/ingest-only.js PATH...
 */
import { RunClock } from '../src/events/clock.js';
import { readInput, replayChunks } from '../src/ingest/read-input.js';
import { walkInputs } from '../src/ingest/walk.js';

const clock = new RunClock('UTC', true, null);
let events = 0;
let lines = 0;
const opts = { clock, defaultHost: null, onEvent: () => { events++; } };
for await (const item of walkInputs(process.argv.slice(2))) {
  if (item.kind !== 'source') continue;
  let outcome = await readInput(item.source, opts);
  if (outcome.kind === 'deferred') {
    const chunks = outcome.chunks;
    outcome = await readInput({ ...item.source, open: () => replayChunks(chunks) }, { ...opts, final: true });
  }
  if (outcome.kind === 'done') lines += outcome.report.lines;
}
console.log(JSON.stringify({ lines, events }));
