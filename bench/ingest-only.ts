/**
 * Ingest + format parsing alone (no timeline, templates or detectors): walks PATH..., reads and
 * parses every input, counts events. Run by ingest.bench.ts under /usr/bin/time for its CPU and RSS.
 *
 *   node dist/bench/ingest-only.js PATH...
 */
import { ingestPaths } from './ingest-run.js';

const { lines, events } = await ingestPaths(process.argv.slice(2), () => {});
console.log(JSON.stringify({ lines, events }));
