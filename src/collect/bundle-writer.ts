import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as tarStream from 'tar-stream';

/** Everything the bundle holds, before compression; past it, entries are refused (and noted). */
export const MAX_BUNDLE_BYTES = 128 * 1024 * 1024;
/** Kept free for the manifest written last. */
const MANIFEST_RESERVE_BYTES = 256 * 1024;

/**
 * Collects the bundle's entries in memory and writes the .tar.gz in one go. Compressing
 * synchronously keeps the write off the libuv thread pool, which hung /proc reads may occupy.
 */
export class BundleWriter {
  private readonly entries: { name: string; data: Buffer }[] = [];
  private bytes = 0;
  readonly refused: string[] = [];

  constructor(private readonly mtime: Date = new Date()) {}

  /**
   * Adds a file; false when the size cap refused it. `first` puts it at the head of the archive: the
   * manifest, written last, holds the host's time zone, which `analyze` (reading the stream in order)
   * needs before the host's local times.
   */
  add(name: string, content: string | Buffer, reserveForManifest = true, first = false): boolean {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const cap = reserveForManifest ? MAX_BUNDLE_BYTES - MANIFEST_RESERVE_BYTES : MAX_BUNDLE_BYTES;
    if (this.bytes + data.length > cap) {
      this.refused.push(name);
      return false;
    }
    if (first) this.entries.unshift({ name, data });
    else this.entries.push({ name, data });
    this.bytes += data.length;
    return true;
  }

  get sizeBytes(): number {
    return this.bytes;
  }

  get names(): string[] {
    return this.entries.map((e) => e.name);
  }

  /** The tar stream, gzipped. */
  async toGzip(): Promise<Buffer> {
    const pack = tarStream.pack();
    const chunks: Buffer[] = [];
    const done = new Promise<void>((resolve, reject) => {
      pack.on('data', (c: unknown) => chunks.push(c as Buffer));
      pack.on('end', () => resolve());
      pack.on('error', reject);
    });
    for (const e of this.entries) {
      pack.entry({ name: e.name, size: e.data.length, mtime: this.mtime, mode: 0o644, type: 'file' }, e.data);
    }
    pack.finalize();
    await done;
    return gzipSync(Buffer.concat(chunks), { level: 6 });
  }

  /** Writes to `path` through a temporary file, so a reader never sees half a bundle. */
  async writeTo(path: string): Promise<number> {
    const gz = await this.toGzip();
    const tmp = `${path}.partial-${process.pid}`;
    try {
      writeFileSync(tmp, gz, { mode: 0o600 });
      renameSync(tmp, path);
    } catch (err) {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing was written
      }
      throw err;
    }
    return gz.length;
  }
}
