/**
 * Log text is attacker-controlled. For a terminal, control characters (ESC sequences that could
 * move the cursor, retitle the window or hide lines) are shown as visible escapes.
 */
// eslint-disable-next-line no-control-regex
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeTerminal(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const HTML_UNSAFE = /[&<>"']/g;
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(HTML_UNSAFE, (c) => HTML_ENTITIES[c]!);
}

/**
 * HTML text from log text: markup characters as entities, and control and bidi characters shown
 * as visible escapes so a line cannot reorder what the reader sees.
 */
export function escapeLogHtml(text: string): string {
  return escapeHtml(escapeTerminal(text));
}

// eslint-disable-next-line no-useless-escape
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|&#~]/g;
const MARKDOWN_ENTITIES: Record<string, string> = { '<': '&lt;', '&': '&amp;' };

/**
 * Markdown inline text (prose or a table cell) from untrusted text: one line, markup characters
 * backslash-escaped (`|` so a cell cannot split a table, `>` so a line cannot turn into a quote), `<` and `&` as
 * entities so no HTML gets through.
 */
export function escapeMarkdownInline(text: string): string {
  return escapeTerminal(text.replace(/\r?\n|\r/g, ' '))
    .replace(MARKDOWN_SPECIAL, (c) => MARKDOWN_ENTITIES[c] ?? `\\${c}`);
}

/**
 * A fenced Markdown code block whose fence is longer than any run of backticks in the text, so the
 * text cannot close it early.
 */
export function markdownCodeBlock(text: string): string {
  const body = escapeTerminal(text);
  let longest = 0;
  for (const run of body.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${body}\n${fence}`;
}
