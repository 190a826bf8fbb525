import { readFileSync } from 'node:fs';
import type { DocumentFormat, DocumentRecord, DocumentResult, ParseContext } from '../../src/formats/define.js';
import { repoPath } from './paths.js';

/** Test helper: parses a recorded fixture (test/fixtures/...) with a document format. */
export function parseFixture(format: DocumentFormat, ...path: string[]): DocumentResult & { text: string } {
  const text = readFileSync(repoPath('test', 'fixtures', ...path), 'utf8');
  const ctx: ParseContext = { yearFor: () => 2026 };
  return { ...format.parse(text, ctx), text };
}

export function byLine(records: readonly DocumentRecord[], line: number): DocumentRecord {
  const r = records.find((x) => x.line === line);
  if (!r) throw new Error(`no record at line ${line}`);
  return r;
}
