import assert from 'node:assert/strict';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { tempDir } from '../../test/support/paths.js';
import { analyze } from '../pipeline.js';
import { CATEGORIES } from './category.js';
import type { DetectorDef, SampleBundle } from './define.js';
import { DETECTORS } from './registry.js';

const SAMPLE_MTIME = new Date('2026-05-10T12:00:00Z');

/** Runs one detector over a small bundle written to a temp folder, through the whole pipeline. */
async function findingsOf(d: DetectorDef, files: SampleBundle) {
  const tmp = tempDir();
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(tmp.dir, path)), { recursive: true });
      writeFileSync(join(tmp.dir, path), text);
      // snapshots with no time of their own (df, cpu.stat) are placed at the file's mtime: fix it so
      // that the same input gives the same output
      utimesSync(join(tmp.dir, path), SAMPLE_MTIME, SAMPLE_MTIME);
    }
    const a = await analyze({ paths: [tmp.dir], zone: 'UTC', year: 2026, detectors: [d] });
    return a.findings;
  } finally {
    tmp.remove();
  }
}

const asBundle = (line: string): SampleBundle => ({ 'host-a/logs/sample.log': line + '\n' });

describe('detector registry (conformance)', () => {
  test('names are unique; categories are the contract\'s', () => {
    const names = DETECTORS.map((d) => d.name);
    assert.equal(new Set(names).size, names.length);
    for (const d of DETECTORS) assert.ok((CATEGORIES as readonly string[]).includes(d.category), `${d.name}: ${d.category}`);
  });

  for (const d of DETECTORS) {
    describe(d.name, () => {
      const hits: SampleBundle[] = d.kind === 'signature' ? d.samples.hit.map(asBundle) : [...d.samples.hit];
      const misses: SampleBundle[] = d.kind === 'signature' ? d.samples.miss.map(asBundle) : [...d.samples.miss];
      hits.forEach((b, i) => {
        test(`hit sample ${i} gives a ${d.category} finding with evidence`, async () => {
          const fs = await findingsOf(d, b);
          assert.ok(fs.length >= 1, `no finding for: ${JSON.stringify(b).slice(0, 300)}`);
          for (const f of fs) {
            assert.equal(f.category, d.category);
            assert.equal(f.detector, d.name);
            assert.ok(f.evidence.length >= 1);
            for (const ev of f.evidence) assert.ok(ev.path && ev.line >= 1 && ev.text.length > 0);
          }
          // same input, same output
          assert.deepEqual(await findingsOf(d, b), fs);
        });
      });
      misses.forEach((b, i) => {
        test(`miss sample ${i} gives no finding`, async () => {
          assert.deepEqual(await findingsOf(d, b), []);
        });
      });
    });
  }
});
