import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import * as tarStream from 'tar-stream';
import type { LogEvent } from '../../events/event.js';
import { analyze } from '../../pipeline.js';
import { repoPath, tempDir } from '../../../test/support/paths.js';
import type { ParseContext } from '../define.js';
import { sniffFormat } from '../sniff.js';
import { collectManifest } from './collect-manifest.js';

const ctx: ParseContext = { yearFor: () => 2026 };
// recorded by scripts/record/host-snapshots.sh (culprit collect --pid of a sleep)
const recorded = readFileSync(repoPath('test', 'fixtures', 'logs', 'host', 'culprit-collect.json'), 'utf8');

/** The recorded manifest with another zone, as collect writes it on a host in that zone. */
function manifestIn(zone: string, offsetMin: number): string {
  return recorded.replace(/"timeZone":"[^"]*"/, `"timeZone":${JSON.stringify(zone)}`).replace(/"utcOffsetMin":-?\d+/, `"utcOffsetMin":${offsetMin}`);
}

// dmesg -T prints the host's local time with no zone
const DMESG = '[Sun Nov 22 13:02:41 2026] Out of memory: Killed process 4242 (java) total-vm:9000000kB, anon-rss:8000000kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:16000kB oom_score_adj:0\n';

async function run(files: Record<string, string>, zone?: string): Promise<{ events: LogEvent[]; warnings: string[] }> {
  const dir = tempDir('culprit-manifest-');
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir.dir, name, '..'), { recursive: true });
      writeFileSync(join(dir.dir, name), text);
    }
    const events: LogEvent[] = [];
    const r = await analyze({ paths: [dir.dir], zone }, [{ accept: (e) => events.push(e) }]);
    return { events, warnings: r.inputs.flatMap((i) => i.warnings) };
  } finally {
    dir.remove();
  }
}

describe('collect-manifest', () => {
  test('the recording is recognised and gives the zone, the capture time and its figures', () => {
    assert.equal(sniffFormat(recorded, 'unnamed.json', ctx).format.name, 'collect-manifest');
    const r = collectManifest.parse(recorded, ctx);
    const doc = JSON.parse(recorded) as { startedAt: string; timeZone: string; host: string; processes: number; files: string[] };
    assert.equal(r.records.length, 1);
    const rec = r.records[0]!;
    assert.equal(rec.fields?.hostTimeZone, doc.timeZone);
    assert.equal(rec.fields?.processes, doc.processes);
    assert.equal(rec.fields?.files, doc.files.length);
    assert.equal(rec.host, doc.host);
    assert.equal(r.takenAt?.wallMs, Date.parse(doc.startedAt));
    assert.equal(r.takenAt?.offsetMin, 0);
    assert.match(recorded.split('\n')[rec.line - 1]!, /^"timeZone":/);
  });

  test('an unknown zone is left out with a warning', () => {
    const r = collectManifest.parse(manifestIn('Mars/Olympus', 0), ctx);
    assert.equal(r.records[0]!.fields?.hostTimeZone, null);
    assert.equal(r.warnings?.length, 1);
  });

  test("without --tz the host's zone-less times are read in the zone its manifest states", async () => {
    const { events, warnings } = await run({ 'vm/cmd/culprit-collect.json': manifestIn('Asia/Shanghai', 480), 'vm/cmd/dmesg-T.txt': DMESG });
    const oom = events.find((e) => e.format === 'dmesg-t')!;
    assert.equal(oom.timeMs, Date.UTC(2026, 10, 22, 5, 2, 41)); // 13:02:41 at UTC+8
    assert.ok(!warnings.some((w) => /times carry no zone/.test(w)), warnings.join('; '));
  });

  test('--tz wins over the manifest; other hosts keep the run zone', async () => {
    const files = { 'vm/cmd/culprit-collect.json': manifestIn('Asia/Shanghai', 480), 'vm/cmd/dmesg-T.txt': DMESG, 'other/cmd/dmesg-T.txt': DMESG };
    const given = await run(files, 'UTC');
    assert.ok(given.events.filter((e) => e.format === 'dmesg-t').every((e) => e.timeMs === Date.UTC(2026, 10, 22, 13, 2, 41)));
    const { events } = await run({ ...files, 'other/cmd/dmesg-T.txt': DMESG }, undefined);
    const other = events.find((e) => e.format === 'dmesg-t' && e.host === 'other')!;
    const vm = events.find((e) => e.format === 'dmesg-t' && e.host === 'vm')!;
    assert.equal(vm.timeMs, Date.UTC(2026, 10, 22, 5, 2, 41));
    assert.notEqual(other.timeMs, null);
    // "other" is read in the machine's zone: the same instant as vm only if the machine is at UTC+8
    assert.equal(other.timeMs === vm.timeMs, -new Date(Date.UTC(2026, 10, 22, 5, 2, 41)).getTimezoneOffset() === 480);
  });

  test('in a collect tarball the manifest comes first, so the zone applies to the files after it', async () => {
    const dir = tempDir('culprit-manifest-tar-');
    try {
      const pack = tarStream.pack();
      const chunks: Buffer[] = [];
      pack.on('data', (c: unknown) => chunks.push(c as Buffer));
      const ended = new Promise<void>((resolve) => pack.on('end', () => resolve()));
      pack.entry({ name: 'vm/cmd/culprit-collect.json' }, manifestIn('America/New_York', -300));
      pack.entry({ name: 'vm/cmd/dmesg-T.txt' }, DMESG);
      pack.finalize();
      await ended;
      const path = join(dir.dir, 'bundle.tar.gz');
      writeFileSync(path, gzipSync(Buffer.concat(chunks)));
      const events: LogEvent[] = [];
      await analyze({ paths: [path] }, [{ accept: (e) => events.push(e) }]);
      assert.equal(events.find((e) => e.format === 'dmesg-t')!.timeMs, Date.UTC(2026, 10, 22, 18, 2, 41)); // 13:02:41 EST
    } finally {
      dir.remove();
    }
  });
});
