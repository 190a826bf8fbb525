import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HOSTILE, hostileAnalysis } from '../../test/support/report-fixture.js';
import { messages } from './i18n/index.js';
import { renderMarkdown, timelineRows } from './markdown.js';

/** Pipes that split cells: not escaped with a backslash. */
const cellSplits = (row: string) => (row.match(/(^|[^\\])\|/g) ?? []).length;

/** Splits a Markdown document into prose lines and code blocks the way a CommonMark reader would for backtick fences. */
function blocks(doc: string): { prose: string[]; code: string[] } {
  const prose: string[] = [];
  const code: string[] = [];
  let fence: string | null = null;
  let body: string[] = [];
  for (const line of doc.split('\n')) {
    const open = /^(`{3,})/.exec(line);
    if (fence === null && open) { fence = open[1]!; body = []; continue; }
    if (fence !== null && new RegExp(`^\`{${fence.length},}\\s*$`).test(line)) { code.push(body.join('\n')); fence = null; continue; }
    if (fence !== null) body.push(line); else prose.push(line);
  }
  assert.equal(fence, null, 'a code block is left open');
  return { prose, code };
}

test('Markdown draft: sections, the chain with each step\'s why, and next checks for the categories in the chain', () => {
  const md = renderMarkdown(hostileAnalysis(), { messages: messages('en'), zone: 'Asia/Shanghai' });
  for (const h of ['# Postmortem draft', '## Summary', '## Impact', '## Root cause', '### How it spread', '### Trigger and defect', '## Timeline', '## Evidence', '## Next checks and fixes']) {
    assert.ok(md.includes(`\n${h}\n`) || md.startsWith(`${h}\n`), `missing ${h}`);
  }
  assert.match(md, /the ensemble member on the OOM-stricken host stalled or died and dropped out/);
  assert.match(md, /the client mishandles the session loss and drops the work it was assigned/);
  assert.match(md, /### OOM kill \(`oom-kill`\)\n\n- \[ \] Put a memory limit/);
  assert.match(md, /### mass task stop \(`mass-task-stop`\)/);
  assert.match(md, /2026-05-10 15:45:37\.000 \+08:00/);
  assert.match(md, /anonRssBytes = 47350419456 \(44\.1 GiB\)/);
});

test('Markdown draft: hostile log text cannot break tables, fences or inject HTML', () => {
  const md = renderMarkdown(hostileAnalysis(), { messages: messages('en'), zone: null });
  const { prose, code } = blocks(md);
  let tables = 0;
  for (let i = 0; i < prose.length; i++) {
    if (!prose[i]!.startsWith('|') || !prose[i + 1]?.startsWith('|---')) continue;
    tables++;
    const want = cellSplits(prose[i]!);
    for (let j = i + 1; j < prose.length && prose[j]!.startsWith('|'); j++) assert.equal(cellSplits(prose[j]!), want, prose[j]);
  }
  assert.equal(tables, 2, 'the chain table and the timeline table');
  for (const line of prose) {
    assert.ok(!/<[a-z/!]/i.test(line), `raw HTML in prose: ${line}`);
    assert.ok(!/(^|[^\\])\]\(/.test(line), `a live link in prose: ${line}`);
    assert.ok(!line.includes('\u202E'), `a raw bidi control in prose: ${line}`);
  }
  // every evidence line sits whole inside a code block, each finding of the chain in one block
  assert.equal(code.length, 4);
  for (const text of HOSTILE) assert.ok(code.some((c) => c.includes(text.replace('\u202E', '\\u202e'))), `evidence line lost: ${text}`);
});

test('Markdown draft in Chinese: headings, labels, advice and the summary\'s words; log text as it was', () => {
  const md = renderMarkdown(hostileAnalysis(), { messages: messages('zh'), zone: null });
  for (const h of ['# 故障复盘草稿', '## 概述', '## 影响范围', '## 根因', '### 故障传播链', '## 时间线', '## 证据', '## 后续排查与修复']) {
    assert.ok(md.includes(`${h}\n`), `missing ${h}`);
  }
  assert.match(md, /2\.9 秒后，db-1 上：member lost/);
  assert.match(md, /客户端不能在会话丢失时丢弃手上的工作/);
  assert.ok(!md.includes('Next checks'));
  assert.match(md, /<script>alert\(1\)<\/script>/, 'log text in a code block is kept as written');
});

test('Markdown draft without root causes says so and leaves out the sections that need one', () => {
  const a = { ...hostileAnalysis(), rootCauses: [] };
  const md = renderMarkdown(a, { messages: messages('en'), zone: null });
  assert.match(md, /No root cause found/);
  assert.ok(!md.includes('## Root cause\n'));
  assert.ok(!md.includes('## Next checks'));
});

test('Markdown draft: a trigger before the root cause is labelled in the chain table', () => {
  const a = hostileAnalysis();
  const r = { ...a.rootCauses[0]!, chain: ['f2', 'f3', 'f4'], trigger: { category: 'oom-kill' as const, host: 'db-1', process: null, timeMs: a.findings[0]!.timeMs, summary: 's', chain: ['f1'] } };
  const md = renderMarkdown({ ...a, rootCauses: [r] }, { messages: messages('en'), zone: null });
  assert.match(md, /\n\| 1 \(Trigger\) \| [^|]+ \| db-1 \| OOM kill \| [^\n]* \| Trigger \|\n/);
  assert.match(md, /\n\| 2 \(root cause\) \| [^|]+ \| db-1 \| quorum member loss \| [^\n]* \| the ensemble member on the OOM-stricken host/);
  assert.match(md, /- \*\*Trigger:\*\* what set it off: kernel killed/);
  assert.match(md, /- \*\*Defect:\*\* what turned it into an outage: member lost/);
  const next = md.slice(md.indexOf('## Next checks'));
  assert.ok(next.indexOf('### quorum member loss') < next.indexOf('### OOM kill'), 'advice for the root cause comes before its trigger\'s');
});

test('the Markdown timeline leaves out the first and last line of each source; the HTML one keeps them', () => {
  const a = hostileAnalysis();
  const first = { ...a.timeline[0]!, reason: 'first' as const, event: { ...a.timeline[0]!.event, message: 'source begins here' } };
  const b = { ...a, timeline: [first, ...a.timeline] };
  assert.equal(timelineRows(b, [], true).filter((r) => r.what.includes('source begins here')).length, 0);
  assert.equal(timelineRows(b, []).filter((r) => r.what.includes('source begins here')).length, 1);
  assert.equal(timelineRows(b, [], true).length, a.findings.length + a.timeline.length);
});
