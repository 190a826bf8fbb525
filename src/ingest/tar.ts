import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import * as tarStream from 'tar-stream';
import { hostFromPath } from '../events/attribution.js';
import type { InputSource, WalkItem } from './source.js';

/**
 * Streams a tar (optionally gzipped) entry by entry, never writing to disk. Entry paths get
 * `prefix` (the archive's own path when it sits inside a folder argument). Entries whose name
 * climbs out of the archive ('..') or is absolute are refused; links and devices are skipped.
 */
export async function* readTar(file: string, root: string, gzipped: boolean, prefix: string): AsyncGenerator<WalkItem> {
  const extract = tarStream.extract();
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const input: Readable = gzipped ? raw.pipe(createGunzip()) : raw;
  let failure: Error | null = null;
  const fail = (err: Error) => {
    failure ??= err;
    extract.destroy(err);
  };
  raw.on('error', fail);
  input.on('error', fail);
  input.pipe(extract);
  const names = entryNames();
  try {
    for await (const entry of extract) {
      const name = names.normalise(entry.header.name);
      if (name === null) {
        entry.resume();
        yield { kind: 'problem', problem: { path: prefix + entry.header.name, root, reason: 'refused tar entry: its path is absolute or climbs out of the archive (..)' } };
        continue;
      }
      if (entry.header.type !== 'file' && entry.header.type !== 'contiguous-file') {
        entry.resume();
        continue;
      }
      const inner = /\.gz$/i.test(name);
      const path = prefix + name;
      let opened = false;
      const source: InputSource = {
        path,
        root,
        folderHost: hostFromPath(path, null),
        mtimeMs: entry.header.mtime ? entry.header.mtime.getTime() : null,
        open: () => {
          if (opened) throw new Error(`tar entry ${path} can be read only once`);
          opened = true;
          return (inner ? entry.pipe(createGunzip()) : entry) as AsyncIterable<Buffer>;
        },
      };
      yield { kind: 'source', source };
      if (!opened) entry.resume();
      // wait until the entry is drained so the archive can move on
      await new Promise<void>((resolve) => {
        if ((entry as unknown as { readableEnded?: boolean }).readableEnded || entry.destroyed) resolve();
        else {
          entry.once('end', resolve);
          entry.once('close', resolve);
          entry.once('error', () => resolve());
          entry.resume();
        }
      });
    }
  } catch (err) {
    failure ??= err as Error;
  }
  if (failure) {
    yield { kind: 'problem', problem: { path: root, root, reason: `archive ended early: ${failure.message}` } };
  }
}

/** Normalises entry names: strips './', refuses absolute and '..' paths. */
function entryNames() {
  return {
    normalise(name: string): string | null {
      if (name.startsWith('/') || /^[A-Za-z]:[\\/]/.test(name)) return null;
      const parts = name.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
      if (parts.some((p) => p === '..')) return null;
      return parts.join('/');
    },
  };
}
