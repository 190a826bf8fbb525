import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Loghub 2k corpora: LOGHUB_DIR, else ../shared/corpora/loghub beside the repository. */
export function loghubDir(): string {
  if (process.env.LOGHUB_DIR) return process.env.LOGHUB_DIR;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return resolve(dir, '..', 'shared', 'corpora', 'loghub');
}

/** Names of the sets that have both `<S>_2k.log` and its structured ground truth. */
export function loghubSets(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((s) => existsSync(join(dir, s, `${s}_2k.log`)) && existsSync(join(dir, s, `${s}_2k.log_structured.csv`)))
    .sort();
}

/** The raw lines as stored (CRLF endings taken off). */
export function readRawLines(dir: string, set: string): string[] {
  const text = readFileSync(join(dir, set, `${set}_2k.log`), 'utf8');
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The EventId of every line, from `<S>_2k.log_structured<suffix>.csv` (LineId order). */
export function readTruth(dir: string, set: string, suffix = ''): string[] {
  const rows = parseCsv(readFileSync(join(dir, set, `${set}_2k.log_structured${suffix}.csv`), 'utf8'));
  const header = rows[0]!;
  const lineCol = header.indexOf('LineId');
  const eventCol = header.indexOf('EventId');
  const out: string[] = [];
  for (const r of rows.slice(1)) {
    if (r.length < header.length) continue;
    out[Number(r[lineCol]) - 1] = r[eventCol]!;
  }
  return out;
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}
