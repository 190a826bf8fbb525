import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { repoPath } from '../../test/support/paths.js';
import { hostileAnalysis } from '../../test/support/report-fixture.js';
import { findExecutable } from '../collect/run-bounded.js';
import { analyze } from '../pipeline.js';
import { renderHtml } from './html.js';
import { messages } from './i18n/index.js';

const CHROMIUM = process.env.CHROMIUM ?? findExecutable('chromium') ?? findExecutable('chromium-browser') ?? findExecutable('google-chrome');
const SKIP = CHROMIUM ? false : 'no chromium on PATH (apt-get install chromium, or set CHROMIUM=/path/to/browser)';

/** Loads a file in headless chromium (no network services, a throwaway profile) and returns the DOM it built. */
function dumpDom(html: string): { dom: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'culprit-html-'));
  try {
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const r = spawnSync(CHROMIUM!, [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', `--user-data-dir=${join(dir, 'profile')}`, '--dump-dom', pathToFileURL(file).href,
    ], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, `chromium failed: ${r.error?.message ?? r.stderr}`);
    return { dom: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('chromium renders the report of the example bundle: swimlanes, the chain and the findings', { skip: SKIP }, async () => {
  const a = await analyze({ paths: [repoPath('examples', 'zk-oom-bundle')], zone: 'Asia/Shanghai' });
  for (const lang of ['en', 'zh'] as const) {
    const { dom } = dumpDom(renderHtml(a, { messages: messages(lang), zone: 'Asia/Shanghai' }));
    assert.match(dom, /<svg class="swimlanes"/);
    for (const host of ['zk-1', 'zk-2', 'ingest-1']) assert.ok(dom.includes(`<text class="lane" x="10"`) && dom.includes(`>${host}</text>`), host);
    assert.equal((dom.match(/<path class="arrow"/g) ?? []).length, a.rootCauses[0]!.chain.length - 1);
    assert.match(dom, lang === 'en' ? /<h2>How it spread<\/h2>/ : /<h2>故障传播链<\/h2>/);
    for (const f of a.findings) assert.ok(dom.includes(`id="finding-${f.id}"`), f.id);
  }
});

test('chromium builds no element from hostile log text', { skip: SKIP }, () => {
  const { dom } = dumpDom(renderHtml(hostileAnalysis(), { messages: messages('en'), zone: null }));
  assert.match(dom, /<svg class="swimlanes"/);
  for (const tag of ['script', 'img', 'iframe', 'textarea']) assert.ok(!new RegExp(`<${tag}\\b`, 'i').test(dom), `a <${tag}> element was built`);
  assert.ok(!/ on[a-z]+=/i.test(dom.replace(/&[a-z]+;|&#\d+;/g, '').replace(/>[^<]*</g, '><')), 'an event handler attribute was built');
  assert.ok(dom.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the hostile text is shown as text');
});
