import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../pipeline.js';
import type { LogEvent } from '../../events/event.js';
import { repoPath, tempDir } from '../../../test/support/paths.js';

// The recorded panic of scripts/record/go/std-log, after the log lines of another Go logger.
const panicTail = readFileSync(repoPath('test/fixtures/logs/go/std-log-runtime-panic.log'), 'utf8')
  .split('\n')
  .filter((l, i, all) => i >= all.findIndex((x) => x.startsWith('panic: ')))
  .join('\n');

for (const [fixture, format] of [
  ['test/fixtures/logs/go/gokit-logfmt.log', 'logfmt'],
  ['test/fixtures/logs/go/zap-json.log', 'json-lines'],
] as const) {
  test(`a ${format} log that ends in a Go panic: still ${format}, the dump joins the last record`, async () => {
    const tmp = tempDir();
    try {
      const file = join(tmp.dir, 'service.log');
      writeFileSync(file, readFileSync(repoPath(fixture), 'utf8') + panicTail);
      const events: LogEvent[] = [];
      const r = await analyze({ paths: [file], zone: 'UTC', detectors: [] }, [{ accept: (e) => events.push(e) }]);
      assert.equal(r.inputs[0]!.format, format);
      assert.equal(r.inputs[0]!.warnings.length, 0, r.inputs[0]!.warnings.join('; '));
      const last = events[events.length - 1]!;
      assert.equal(last.format, format);
      assert.equal(last.severity, 'fatal');
      assert.equal(last.fields!['panic'], 'runtime error: index out of range [5] with length 3');
      assert.equal(last.fields!['exitStatus'], 2);
    } finally {
      tmp.remove();
    }
  });
}
