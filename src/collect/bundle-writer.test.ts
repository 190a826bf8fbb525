import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { walkInputs } from '../ingest/walk.js';
import { BundleWriter } from './bundle-writer.js';
import { loadCapture } from './load-capture.js';

test('BundleWriter writes a .tar.gz that the ingest walker and loadCapture read back', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'culprit-bundle-'));
  try {
    const w = new BundleWriter(new Date('2026-01-01T00:00:00Z'));
    w.add('h1/cmd/free-m.txt', 'x\n');
    w.add('h1/cmd/processes.json', JSON.stringify({ tool: 'culprit collect', host: 'h1', takenAt: '2026-01-01T00:00:00Z', processes: [] }));
    const out = join(dir, 'b.tar.gz');
    await w.writeTo(out);
    const seen: string[] = [];
    for await (const item of walkInputs([out])) {
      if (item.kind === 'source') {
        seen.push(`${item.source.path}@${item.source.folderHost}`);
        for await (const _ of item.source.open());
      }
    }
    assert.deepEqual(seen, ['h1/cmd/free-m.txt@h1', 'h1/cmd/processes.json@h1']);
    const docs = await loadCapture(out);
    assert.equal(docs[0]!.host, 'h1');
    await assert.rejects(loadCapture(join(dir, 'missing.tar.gz')), /missing\.tar\.gz: no such file/);
    mkdirSync(join(dir, 'empty'));
    await assert.rejects(loadCapture(join(dir, 'empty')), /no cmd\/processes\.json/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('BundleWriter refuses entries past its size cap and remembers them', () => {
  const w = new BundleWriter();
  assert.equal(w.add('a', Buffer.alloc(1024)), true);
  assert.equal(w.add('huge', Buffer.alloc(200 * 1024 * 1024)), false);
  assert.deepEqual(w.refused, ['huge']);
  assert.deepEqual(w.names, ['a']);
});
