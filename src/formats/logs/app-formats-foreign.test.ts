import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import type { ParseContext } from '../define.js';
import { sniffFormat } from '../sniff.js';

// The application-log formats are loose by nature (logfmt, JSON, "yyyy/mm/dd" dates); none of them
// may take a fixture recorded for another format.
const APP_FORMATS = new Set(['go-log', 'go-zap-console', 'klog', 'logfmt', 'json-lines', 'http-access', 'nginx-error', 'apache-error']);
const APP_FIXTURE_DIRS = new Set(['nginx', 'apache', 'go', 'kubernetes', 'docker', 'opentelemetry', 'node']);
const ctx: ParseContext = { yearFor: () => 2024 };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test('no fixture of another format is sniffed as an application-log format', () => {
  const root = repoPath('test', 'fixtures', 'logs');
  const checked: string[] = [];
  for (const dir of readdirSync(root)) {
    if (APP_FIXTURE_DIRS.has(dir) || !statSync(join(root, dir)).isDirectory()) continue;
    for (const f of files(join(root, dir))) {
      if (f.endsWith('.gz') || f.endsWith('.md')) continue;
      const head = readFileSync(f, 'utf8').slice(0, 64 * 1024);
      const got = sniffFormat(head, 'unnamed.txt', ctx).format.name;
      assert.ok(!APP_FORMATS.has(got), `${relative(root, f)} sniffed as ${got}`);
      checked.push(f);
    }
  }
  assert.ok(checked.length > 0, 'no foreign fixtures found');
});
