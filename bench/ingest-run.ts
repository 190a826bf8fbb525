/**
 * Ingest alone, as analyze does it but with no stage behind it: walk the PATHs, read, sniff, frame,
 * decode and parse every input (an input that waits for a year or boot time is read again at once
 * with what the clock knows), handing each event to `onEvent`.
 */
import { RunClock } from '../src/events/clock.js';
import type { LogEvent } from '../src/events/event.js';
import { readInput, replayChunks } from '../src/ingest/read-input.js';
import { walkInputs } from '../src/ingest/walk.js';

export async function ingestPaths(paths: readonly string[], onEvent: (e: LogEvent) => void): Promise<{ lines: number; events: number }> {
  const clock = new RunClock('UTC', true, null);
  let events = 0;
  let lines = 0;
  const opts = { clock, defaultHost: null, onEvent: (e: LogEvent) => { events++; onEvent(e); } };
  for await (const item of walkInputs(paths)) {
    if (item.kind !== 'source') continue;
    let outcome = await readInput(item.source, opts);
    if (outcome.kind === 'deferred') {
      const chunks = outcome.chunks;
      outcome = await readInput({ ...item.source, open: () => replayChunks(chunks) }, { ...opts, final: true });
    }
    if (outcome.kind === 'done') lines += outcome.report.lines;
  }
  return { lines, events };
}
