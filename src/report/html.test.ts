import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hostileAnalysis } from '../../test/support/report-fixture.js';
import { renderHtml } from './html.js';
import { niceTicks } from './html-swimlanes.js';
import { messages } from './i18n/index.js';

/**
 * Anything in the markup that would make a browser fetch or run something from outside the file.
 * Escaped text holds no `<`, so every `<` starts real markup.
 */
export function externalReferences(html: string): string[] {
  const found: string[] = [];
  const badCss = (css: string) => /url\(\s*["']?\s*(?!#)|@import/i.test(css);
  for (const style of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) if (badCss(style[1]!)) found.push(style[0]);
  for (const [tag] of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
    const name = /^<([a-zA-Z][\w:-]*)/.exec(tag)![1]!.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'img', 'image', 'base', 'form', 'textarea', 'link', 'frame', 'video', 'audio', 'source'].includes(name)) found.push(tag);
    for (const [, attr, raw] of tag.matchAll(/\s([a-zA-Z][\w:-]*)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g)) {
      const a = attr!.toLowerCase();
      const value = raw!.replace(/^["']|["']$/g, '').trim();
      if (a.startsWith('on')) found.push(tag);
      else if (['src', 'href', 'xlink:href', 'action', 'formaction', 'poster', 'data', 'srcset', 'background'].includes(a) && !value.startsWith('#')) found.push(tag);
      else if (a === 'style' && badCss(value)) found.push(tag);
    }
  }
  return found;
}

test('HTML report: nothing external and nothing live, even with hostile log text everywhere', () => {
  for (const lang of ['en', 'zh'] as const) {
    const html = renderHtml(hostileAnalysis(), { messages: messages(lang), zone: null });
    assert.deepEqual(externalReferences(html), [], lang);
    assert.ok(!html.includes('\u202E'), 'bidi control passed through');
    assert.ok(!/javascript:/i.test(html.replace(/&quot;javascript:alert\(3\)&quot;/g, '')), 'a javascript: URL outside escaped text');
    assert.equal((html.match(/<pre>/g) ?? []).length, (html.match(/<\/pre>/g) ?? []).length);
    // the hostile text is there, escaped
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;'));
    assert.ok(html.includes('&lt;/textarea&gt;&lt;/pre&gt;&lt;iframe'));
    assert.ok(html.includes('admin\\u202egnp.exe'));
  }
});

test('the externalReferences check catches what it is for', () => {
  const bad = [
    '<link rel="stylesheet" href="https://cdn.example/x.css">', '<img src="https://x/y.png">', '<style>@import "a.css";</style>',
    '<div style="background:url(https://x/y.png)">', '<a href="javascript:alert(1)">', '<svg onload=alert(1)>',
  ];
  for (const b of bad) assert.notDeepEqual(externalReferences(b), [], b);
  assert.deepEqual(externalReferences('<a href="#finding-f1">x</a><path marker-end="url(#arrow)"/>'), []);
});

test('HTML report: swimlanes with one lane per host, one mark per timed finding, arrows along the chain', () => {
  const a = hostileAnalysis();
  const html = renderHtml(a, { messages: messages('en'), zone: 'Asia/Shanghai' });
  const svg = html.slice(html.indexOf('<svg class="swimlanes"'), html.indexOf('</svg>'));
  assert.ok(svg.length > 0, 'no swimlane SVG');
  assert.equal((svg.match(/<text class="lane"/g) ?? []).length, 2);
  assert.ok(svg.includes('>db-1</text>') && svg.includes('>app-1</text>'));
  assert.equal((svg.match(/<g class="mark"/g) ?? []).length, a.findings.filter((f) => f.timeMs !== null).length);
  assert.equal((svg.match(/<path class="arrow"/g) ?? []).length, a.rootCauses[0]!.chain.length - 1);
  for (const id of a.rootCauses[0]!.chain) assert.ok(html.includes(`id="finding-${id}"`));
  // the root causes list, findings with facts and evidence, inputs with warnings
  assert.match(html, /<h2>Root causes<\/h2>/);
  assert.match(html, /<span class="k">anonRssBytes<\/span> <span class="mono">47350419456 \(44\.1 GiB\)/);
  assert.match(html, /<tr class="warn"><td class="mono">db-1\/logs\/app\.log/);
  assert.match(html, /lang="en"/);
  assert.match(renderHtml(a, { messages: messages('zh'), zone: null }), /<html lang="zh-CN">[\s\S]*<h2>故障传播链<\/h2>/);
});

test('swimlane ticks fall on round times', () => {
  const t0 = Date.UTC(2026, 4, 10, 7, 45, 36, 840);
  const ticks = niceTicks(t0, t0 + 4_500);
  assert.deepEqual(ticks.map((t) => t % 1000), ticks.map(() => 0));
  assert.ok(ticks.length >= 4 && ticks.length <= 9);
  const hours = niceTicks(t0, t0 + 5 * 3_600_000);
  assert.ok(hours.every((t) => t % 3_600_000 === 0), 'hour ticks');
});
