import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../test/support/paths.js';

/** The shared public log corpora (Loghub samples); benchmarks skip cleanly without them. */
export const LOGHUB_DIR = process.env.CULPRIT_LOGHUB ?? join(REPO_ROOT, '..', 'shared', 'corpora', 'loghub');

export function loghubSets(): { name: string; rawLog: string }[] | null {
  if (!existsSync(LOGHUB_DIR)) return null;
  return readdirSync(LOGHUB_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(LOGHUB_DIR, d.name, `${d.name}_2k.log`)))
    .map((d) => ({ name: d.name, rawLog: join(LOGHUB_DIR, d.name, `${d.name}_2k.log`) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
