/**
 * A large mixed bundle for the speed benches: one file per Loghub 2k set (as a bundle holds one file
 * per service), each sample repeated until the file reaches its size. Repetitions are not byte-for-
 * byte copies, so no cache keyed on whole lines can fake a figure: copy k shifts every ISO date by k
 * days and rewrites the last digit run of each line past its first 24 characters (a pid, port,
 * block id or size: past the header, so timestamps stay valid) to (value + k) mod 10^width.
 */
import { createWriteStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface MixSet {
  name: string;
  rawLog: string;
}

export interface MixTarget {
  /** bytes each set's file grows to (ingest.bench: equal bytes per set) */
  bytesPerSet?: number;
  /** lines each set's file grows to (templates-speed: equal lines per set) */
  linesPerSet?: number;
}

export interface MixBuilt {
  files: string[];
  lines: number;
  bytes: number;
  /** distinct lines over all files (by a 52-bit hash of each line): what a whole-line cache could not serve */
  distinctLines: number;
}

/** Where the digit run that copies rewrite may start: past any header timestamp. */
const MIN_VARIED_COLUMN = 24;

export async function buildLoghubMix(sets: readonly MixSet[], dir: string, target: MixTarget): Promise<MixBuilt> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let lines = 0;
  let bytes = 0;
  const distinct = new Set<number>();
  for (const s of sets) {
    const baseLines = readFileSync(s.rawLog, 'utf8').split('\n');
    if (baseLines[baseLines.length - 1] === '') baseLines.pop();
    const file = join(dir, `${s.name}.log`);
    files.push(file);
    const out = createWriteStream(file);
    let setBytes = 0;
    let setLines = 0;
    const full = () =>
      (target.bytesPerSet !== undefined && setBytes >= target.bytesPerSet) ||
      (target.linesPerSet !== undefined && setLines >= target.linesPerSet);
    for (let copy = 0; !full(); copy++) {
      const parts: string[] = [];
      for (const line of baseLines) {
        if (target.linesPerSet !== undefined && setLines >= target.linesPerSet) break;
        const varied = copy === 0 ? line : varyLine(line, copy);
        parts.push(varied);
        setLines++;
        distinct.add(hash52(varied));
      }
      const text = parts.join('\n') + '\n';
      if (!out.write(text)) await new Promise<void>((r) => out.once('drain', () => r()));
      setBytes += Buffer.byteLength(text);
    }
    await new Promise<void>((r) => out.end(() => r()));
    lines += setLines;
    bytes += setBytes;
  }
  return { files, lines, bytes, distinctLines: distinct.size };
}

const ISO_DATE = /\b(\d{4})-(\d\d)-(\d\d)\b/g;

function varyLine(line: string, copy: number): string {
  let out = line.replace(ISO_DATE, (m, y: string, mo: string, d: string) => {
    const t = new Date(Date.UTC(+y, +mo - 1, +d) + copy * 86_400_000);
    return Number.isNaN(t.getTime()) ? m : t.toISOString().slice(0, 10);
  });
  // the last digit run, if it starts past the header
  let end = out.length;
  while (end > MIN_VARIED_COLUMN && !isDigit(out.charCodeAt(end - 1))) end--;
  if (end <= MIN_VARIED_COLUMN) return out;
  let start = end;
  while (start > MIN_VARIED_COLUMN && isDigit(out.charCodeAt(start - 1))) start--;
  if (isDigit(out.charCodeAt(start - 1))) return out; // the run reaches into the header: leave it
  const width = Math.min(end - start, 15);
  const from = end - width;
  const mod = 10 ** width;
  const v = (Number(out.slice(from, end)) + copy) % mod;
  out = out.slice(0, from) + String(v).padStart(width, '0') + out.slice(end);
  return out;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Two 26-bit FNV-1a-style hashes in one number: collisions are negligible at a few million lines. */
function hash52(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 2246822519);
  }
  return (a >>> 6) * 67108864 + (b >>> 6);
}
