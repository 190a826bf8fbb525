import { createReadStream, promises as fs, type Stats } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { createGunzip } from 'node:zlib';
import { hostFromPath } from '../events/attribution.js';
import { readTar } from './tar.js';
import type { InputSource, WalkItem } from './source.js';

const TAR_NAME = /\.(?:tar|tar\.gz|tgz)$/i;
const GZ_NAME = /\.gz$/i;

/**
 * Walks the PATH arguments in order: files, directories (recursively, sorted, symlink loops
 * refused), .gz files, tar archives (streamed, never extracted) and '-' for stdin. Yields one item
 * at a time; a tar entry must be consumed before asking for the next item.
 */
export async function* walkInputs(paths: readonly string[]): AsyncGenerator<WalkItem> {
  for (const arg of paths) {
    if (arg === '-') {
      yield { kind: 'source', source: stdinSource() };
      continue;
    }
    let st: Stats;
    try {
      st = await fs.stat(arg);
    } catch (err) {
      yield { kind: 'problem', problem: { path: arg, root: arg, reason: describeFsError(err) } };
      continue;
    }
    if (st.isDirectory()) {
      const rootHost = (await isHostFolder(arg)) ? basename(arg) : null;
      yield* walkDir(arg, arg, rootHost, new Set());
    } else {
      yield* fileItems(arg, arg, basename(arg), st, null);
    }
  }
}

async function* walkDir(root: string, dir: string, rootHost: string | null, seen: Set<string>): AsyncGenerator<WalkItem> {
  let real: string;
  try {
    real = await fs.realpath(dir);
  } catch (err) {
    yield { kind: 'problem', problem: { path: rel(root, dir), root, reason: describeFsError(err) } };
    return;
  }
  if (seen.has(real)) {
    yield { kind: 'problem', problem: { path: rel(root, dir), root, reason: 'symlink loop: this folder was already walked' } };
    return;
  }
  seen.add(real);
  let names: string[];
  try {
    names = (await fs.readdir(dir)).sort();
  } catch (err) {
    yield { kind: 'problem', problem: { path: rel(root, dir), root, reason: describeFsError(err) } };
    return;
  }
  for (const name of names) {
    const full = join(dir, name);
    let st: Stats;
    try {
      st = await fs.stat(full);
    } catch (err) {
      yield { kind: 'problem', problem: { path: rel(root, full), root, reason: describeFsError(err) } };
      continue;
    }
    if (st.isDirectory()) yield* walkDir(root, full, rootHost, seen);
    else if (st.isFile()) {
      const r = rel(root, full);
      yield* fileItems(full, root, r, st, rootHost);
    }
  }
  seen.delete(real);
}

async function* fileItems(file: string, root: string, relPath: string, st: Stats, rootHost: string | null): AsyncGenerator<WalkItem> {
  try {
    await fs.access(file, fs.constants.R_OK);
  } catch (err) {
    yield { kind: 'problem', problem: { path: relPath, root, reason: describeFsError(err) } };
    return;
  }
  if (TAR_NAME.test(file)) {
    yield* readTar(file, root, /\.(?:gz|tgz)$/i.test(file), file === root ? '' : `${relPath}/`);
    return;
  }
  const gz = GZ_NAME.test(file);
  const source: InputSource = {
    path: relPath,
    root,
    folderHost: hostFromPath(relPath, rootHost),
    mtimeMs: st.mtimeMs,
    open: () => {
      const raw = createReadStream(file, { highWaterMark: 1 << 20 });
      return gz ? raw.pipe(createGunzip()) : raw;
    },
  };
  yield { kind: 'source', source };
}

function stdinSource(): InputSource {
  return { path: '-', root: '-', folderHost: null, mtimeMs: null, open: () => process.stdin };
}

/** A folder that holds logs/ or cmd/ is one host's folder of a bundle. */
async function isHostFolder(dir: string): Promise<boolean> {
  for (const sub of ['logs', 'cmd']) {
    try {
      if ((await fs.stat(join(dir, sub))).isDirectory()) return true;
    } catch {
      /* absent */
    }
  }
  return false;
}

function rel(root: string, full: string): string {
  const r = relative(root, full);
  return sep === '/' ? r : r.split(sep).join('/');
}

export function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'symlink loop';
    case 'EISDIR': return 'is a directory';
    default: return e?.message ?? String(err);
  }
}

/**
 * How many inputs the PATH arguments hold, by stat alone (a tar archive counts as one): the total
 * for a progress bar. Bounded: stops counting at `limit`.
 */
export async function countInputs(paths: readonly string[], limit = 1_000_000): Promise<number> {
  let n = 0;
  const seen = new Set<string>();
  const visit = async (p: string): Promise<void> => {
    if (n >= limit) return;
    let st: Stats;
    try {
      st = await fs.stat(p);
    } catch {
      n++;
      return;
    }
    if (!st.isDirectory()) {
      n++;
      return;
    }
    const real = await fs.realpath(p).catch(() => p);
    if (seen.has(real)) return;
    seen.add(real);
    const names = await fs.readdir(p).catch(() => [] as string[]);
    for (const name of names) await visit(join(p, name));
  };
  for (const p of paths) {
    if (p === '-') n++;
    else await visit(p);
  }
  return n;
}
