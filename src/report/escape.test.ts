import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml, escapeLogHtml, escapeMarkdownInline, escapeTerminal, markdownCodeBlock } from './escape.js';

test('terminal: escape sequences and bidi controls become visible text', () => {
  assert.equal(escapeTerminal('a\x1b[2Jb'), 'a\\x1b[2Jb');
  assert.equal(escapeTerminal('x\u202Ey'), 'x\\u202ey');
});

test('HTML: markup characters and bidi controls', () => {
  assert.equal(escapeHtml('<a href="x">\'&'), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  const out = escapeLogHtml('"><img onerror=alert(1)>\u202E</textarea>');
  assert.ok(!/[<>"\u202E]/.test(out), out);
  assert.match(out, /\\u202e/);
});

test('Markdown inline: pipes cannot split a table cell, no HTML or links get through, one line', () => {
  const out = escapeMarkdownInline('a | b `c` <script> [x](javascript:y) *s* _u_\nnext');
  assert.ok(!/(^|[^\\])\|/.test(out), `unescaped pipe in ${out}`);
  assert.ok(!out.includes('<'), out);
  assert.ok(!/(^|[^\\])[[\]`*_]/.test(out), out);
  assert.ok(!out.includes('\n'));
  assert.equal(escapeMarkdownInline('a&lt;b'), 'a&amp;lt;b');
});

test('Markdown code block: the fence is longer than any backtick run inside, so the text cannot close it', () => {
  const text = 'x ``` y\n````\nz';
  const block = markdownCodeBlock(text);
  const fence = block.slice(0, block.indexOf('text'));
  assert.equal(fence, '`````');
  assert.ok(block.endsWith('\n`````'));
  const inner = block.slice(fence.length + 5, -fence.length - 1);
  assert.equal(inner, text);
  assert.equal(markdownCodeBlock('plain').slice(0, 3), '```');
});
