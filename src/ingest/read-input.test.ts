import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RunClock } from '../events/clock.js';
import type { LogEvent } from '../events/event.js';
import { readInput, type ReadOptions } from './read-input.js';
import type { InputSource } from './source.js';

function sourceOf(chunks: Buffer[], path = 'logs/messages'): InputSource {
  return {
    path, root: '.', folderHost: null, mtimeMs: Date.UTC(2024, 5, 1),
    open: async function* () {
      for (const c of chunks) yield c;
    },
  };
}

async function read(chunks: Buffer[], extra: Partial<ReadOptions> = {}) {
  const events: LogEvent[] = [];
  const opts: ReadOptions = { clock: new RunClock('UTC', true, null), defaultHost: null, onEvent: (e) => events.push(e), ...extra };
  const outcome = await readInput(sourceOf(chunks), opts);
  return { outcome, events };
}

/** n classic syslog lines (year-less: such an input waits for the run's other inputs). */
function syslogLines(from: number, n: number): string {
  let s = '';
  for (let i = from; i < from + n; i++) s += `Mar  2 11:04:05 web-3 app[7]: line ${i}\n`;
  return s;
}

describe('readInput', () => {
  test('a year-less input too large to hold is read at once, in full', async () => {
    // 100 chunks of ~4 KB, past the 64 KiB head and past the 128 KiB held
    const chunks = [...Array(100).keys()].map((k) => Buffer.from(syslogLines(k * 100, 100)));
    const { outcome, events } = await read(chunks, { maxDeferredBytes: 128 * 1024 });
    assert.equal(outcome.kind, 'done');
    assert.equal(events.length, 10_000);
    assert.deepEqual(events.map((e) => Number(e.message.slice(5))), [...Array(10_000).keys()]);
  });

  test('a small year-less input waits for the others', async () => {
    const { outcome, events } = await read([Buffer.from(syslogLines(0, 3))]);
    assert.equal(outcome.kind, 'deferred');
    assert.equal(events.length, 0);
  });
});
