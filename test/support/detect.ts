import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DetectorDef } from '../../src/detect/define.js';
import type { Finding } from '../../src/detect/finding.js';
import { analyze } from '../../src/pipeline.js';
import { tempDir } from './paths.js';

/** The findings of `detectors` over PATHs, through the whole pipeline (UTC, year 2026). */
export async function findingsIn(paths: string[], detectors: DetectorDef[]): Promise<Finding[]> {
  return (await analyze({ paths, zone: 'UTC', year: 2026, detectors })).findings;
}

/** The same over a small bundle written to a temp folder: relative path → file text. */
export async function findingsOfFiles(files: Record<string, string>, detectors: DetectorDef[]): Promise<Finding[]> {
  const tmp = tempDir();
  try {
    for (const [p, text] of Object.entries(files)) {
      mkdirSync(dirname(join(tmp.dir, p)), { recursive: true });
      writeFileSync(join(tmp.dir, p), text);
    }
    return await findingsIn([tmp.dir], detectors);
  } finally {
    tmp.remove();
  }
}
