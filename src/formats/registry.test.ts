import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FormatDef, Parsed, ParseContext } from './define.js';
import { FORMATS, listFormats } from './registry.js';
import { sniffFormat } from './sniff.js';

const ctx: ParseContext = { yearFor: () => 2024 };

function parseSample(f: FormatDef, text: string): Parsed | undefined {
  if (f.shape === 'lines') return f.parse(text, ctx);
  return f.parse(text, ctx).records[0];
}

describe('format registry', () => {
  test('names are unique and kebab-case', () => {
    const names = listFormats().map((f) => f.name);
    assert.equal(new Set(names).size, names.length);
    for (const n of names) assert.match(n, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  for (const f of listFormats()) {
    describe(f.name, () => {
      f.samples.forEach((s, i) => {
        test(`sample ${i} parses as declared`, () => {
          const p = parseSample(f, s.text);
          assert.ok(p, `sample ${i} of ${f.name} did not parse: ${s.text.slice(0, 120)}`);
          for (const [k, v] of Object.entries(s.expect ?? {})) {
            assert.deepEqual((p as unknown as Record<string, unknown>)[k], v, `field ${k} of sample ${i}`);
          }
        });
        if (f.name !== 'plain') {
          test(`sample ${i} is recognised as ${f.name} by content alone`, () => {
            const got = sniffFormat(s.text + '\n', 'unnamed.txt', ctx, FORMATS);
            assert.equal(got.format.name, f.name);
          });
        }
      });
    });
  }
});
