import { readFileSync } from 'node:fs';
import type { LogEvent } from '../../src/events/event.js';
import type { ParseContext } from '../../src/formats/define.js';
import { sniffFormat } from '../../src/formats/sniff.js';
import type { InputReport } from '../../src/ingest/input-report.js';
import { analyze } from '../../src/pipeline.js';
import { repoPath } from './paths.js';

const ctx: ParseContext = { yearFor: () => 2024 };

/** The format the sniffer picks for a repo file, by content only (the path is not shown to it). */
export function sniffedFormatOf(relPath: string): string {
  const head = readFileSync(repoPath(relPath), 'utf8').slice(0, 64 * 1024);
  return sniffFormat(head, 'unnamed.txt', ctx).format.name;
}

/** Runs a repo file through the real pipeline (no detectors, UTC, --year 2024): its events and report. */
export async function readEvents(relPath: string): Promise<{ events: LogEvent[]; input: InputReport }> {
  const events: LogEvent[] = [];
  const result = await analyze({ paths: [repoPath(relPath)], zone: 'UTC', year: 2024, detectors: [] }, [{ accept: (e) => events.push(e) }]);
  return { events, input: result.inputs[0]! };
}
