import { walkInputs } from '../ingest/walk.js';
import type { ProcessesDocument } from './snapshot.js';

/** processes.json larger than this is refused (a capture of 100k processes stays well below). */
const MAX_PROCESSES_JSON_BYTES = 256 * 1024 * 1024;

/**
 * Reads the cmd/processes.json of each host in a capture (a .tar.gz, a folder, or the file
 * itself). Throws with what and why when there is none.
 */
export async function loadCapture(path: string): Promise<ProcessesDocument[]> {
  const docs: ProcessesDocument[] = [];
  const problems: string[] = [];
  for await (const item of walkInputs([path])) {
    if (item.kind === 'problem') {
      problems.push(`${item.problem.path}: ${item.problem.reason}`);
      continue;
    }
    if (!/(?:^|\/)processes\.json$/.test(item.source.path)) continue;
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const c of item.source.open()) {
      bytes += c.length;
      if (bytes > MAX_PROCESSES_JSON_BYTES) throw new Error(`${path}: ${item.source.path} is larger than ${MAX_PROCESSES_JSON_BYTES} bytes`);
      chunks.push(c);
    }
    let doc: unknown;
    try {
      doc = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch (err) {
      throw new Error(`${path}: ${item.source.path} is not JSON (${(err as Error).message})`);
    }
    if (!isProcessesDocument(doc)) throw new Error(`${path}: ${item.source.path} is not a culprit collect process list`);
    docs.push(doc);
  }
  if (docs.length === 0) {
    throw new Error(problems.length > 0 ? problems[0]! : `${path}: no cmd/processes.json (is it a bundle written by culprit collect?)`);
  }
  return docs;
}

function isProcessesDocument(v: unknown): v is ProcessesDocument {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Partial<ProcessesDocument>;
  return typeof d.host === 'string' && typeof d.takenAt === 'string' && Array.isArray(d.processes);
}
