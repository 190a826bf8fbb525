import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LineFormat, ParseContext } from '../define.js';
import { apacheError } from './apache-error.js';
import { goLog } from './go-log.js';
import { goZapConsole } from './go-zap-console.js';
import { httpAccess } from './http-access.js';
import { jsonLines } from './json-lines.js';
import { klog } from './klog.js';
import { logfmt } from './logfmt.js';
import { nginxError } from './nginx-error.js';

// the registry's type, as the pipeline calls them
const FORMATS = [goLog, goZapConsole, klog, logfmt, jsonLines, httpAccess, nginxError, apacheError].map((f) => f as LineFormat);
const byName = (name: string) => FORMATS.find((f) => f.name === name)!;
const ctx: ParseContext = { yearFor: () => 2024 };
const ALPHABET = ' \t"\\{}[]=:,./-+0123456789aeIWEFZTx#*()\u00e9\u4e2d';

/** Deterministic so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

test('parse never throws on cut, mutated or oversized variants of every sample', () => {
  const rand = rng(42);
  let tried = 0;
  for (const f of FORMATS) {
    for (const { text } of f.samples) {
      const variants = [text + ' '.repeat(70_000), text.replace(/"/g, ''), text.replace(/\d/g, '9'), '{'.repeat(5000) + '}'.repeat(5000)];
      for (let cut = 0; cut <= text.length; cut += 3) variants.push(text.slice(0, cut));
      for (let i = 0; i < 300; i++) {
        const chars = text.split('');
        for (let k = 0; k < 3; k++) chars[Math.floor(rand() * chars.length)] = ALPHABET[Math.floor(rand() * ALPHABET.length)]!;
        variants.push(chars.join(''));
      }
      for (const v of variants) {
        for (const g of FORMATS) {
          assert.doesNotThrow(() => g.parse(v, ctx), `${g.name} on a variant of a ${f.name} sample: ${JSON.stringify(v.slice(0, 200))}`);
          tried++;
        }
      }
    }
  }
  assert.ok(tried > 10_000);
});

test('records keep messages and fields bounded on a 64 KiB line', () => {
  const long = 'x'.repeat(64 * 1024);
  const j = byName('json-lines').parse(`{"msg":"${long}","extra":"${long}"}`, ctx)!;
  assert.ok(j.message.length <= 16 * 1024);
  assert.ok((j.fields!['extra'] as string).length <= 512);
  const l = byName('logfmt').parse(`level=info msg=x big="${long}"`, ctx)!;
  assert.ok((l.fields!['big'] as string).length <= 1024);
});
