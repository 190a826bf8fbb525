#!/usr/bin/env node
// Prints "path<TAB>format" for every file under test/fixtures, as the sniffer of a built tree sees
// its head (64 KiB, .gz decompressed). Diff two runs to see which fixtures a format change moves:
//   node scripts/sniff-fixtures.mjs [DIST_DIR] > after.tsv
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

const dist = resolve(process.argv[2] ?? 'dist');
const { sniffFormat } = await import(join(dist, 'src/formats/sniff.js'));
const root = resolve('test/fixtures');
const ctx = { yearFor: () => 2026, dateFor: (ms) => Date.UTC(2026, 0, 1) + ms };

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

for (const file of walk(root)) {
  const rel = relative(root, file);
  let buf = readFileSync(file);
  if (/\.gz$/.test(file) && !/\.tar\.gz$/.test(file)) {
    try {
      buf = gunzipSync(buf);
    } catch {
      continue;
    }
  }
  if (/\.(?:tar|tar\.gz|tgz)$/.test(file) || buf.subarray(0, 8192).includes(0)) continue;
  let head = buf.subarray(0, 64 * 1024).toString('utf8');
  const nl = head.lastIndexOf('\n');
  if (nl > 0) head = head.slice(0, nl + 1);
  process.stdout.write(`${rel}\t${head.trim() === '' ? 'empty' : sniffFormat(head, rel, ctx).format.name}\n`);
}
