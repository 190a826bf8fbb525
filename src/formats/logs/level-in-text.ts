import { type Severity, severityFromWord } from '../../events/severity.js';

// Only the head of a message is searched: a level word is printed early, and lines can be long.
const HEAD_CHARS = 120;
const PAIR = /\b(?:level|lvl|severity)=["']?([A-Za-z]+)/;
const BRACKETED = /\[(trace|debug|info|notice|warn|warning|error|err|crit|critical|fatal|panic)\]/i;
const UPPER_WORD = /(?:^|[\s(])(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|CRIT|CRITICAL|FATAL|PANIC)(?=[\s:\])]|$)/;

/**
 * Severity from a level word written inside a free-text message, as programs that log through a
 * level-less logger (Go's `log`, docker's json-file) do: "level=warn", "[ERROR]", "WARN: ...".
 */
export function severityInText(message: string): Severity | null {
  const head = message.length > HEAD_CHARS ? message.slice(0, HEAD_CHARS) : message;
  const m = PAIR.exec(head) ?? BRACKETED.exec(head) ?? UPPER_WORD.exec(head);
  return m ? severityFromWord(m[1]) : null;
}
