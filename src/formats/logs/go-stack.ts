import type { Fields } from '../../events/event.js';
import type { RecordOutline } from '../define.js';

/**
 * Lines the Go runtime writes after a log line when a program dies: the panic or fatal error, the
 * goroutine dump (function frames and tab-indented file:line), signal info, register dumps on
 * SIGQUIT, and "exit status N" from `go run`. Formats of Go programs join them to the record before.
 */
export const GO_STACK_LINE = new RegExp(
  '^(?:' +
    [
      'panic: ',
      'fatal error: ',
      'goroutine \\d+ \\[',
      '\\[signal ',
      'created by ',
      'exit status \\d+$',
      'runtime: ',
      'runtime stack:',
      '\\t',
      'SIG[A-Z]+: ',
      'PC=0x',
      '\\.\\.\\.additional frames elided\\.\\.\\.',
      '[a-z0-9]{2,6} +0x[0-9a-f]+$',
      // frames: "main.main()", "net/http.(*conn).serve(0xc000...)", zap's bare "main.main"
      '[\\w.~-]+(?:/[\\w.~-]+)*\\.(?:\\(\\*?[^()\\s]+\\)\\.)?[\\w.\\[\\]{},]+(?:\\(.*\\))?$',
    ].join('|') +
    ')',
);

const PANIC = /\n(?:panic: (.*)|fatal error: (.*))/;
const SIGNAL = /\n\[signal (SIG[A-Z]+)/;
const EXIT_STATUS = /\nexit status (\d+)$/;
const MAX_PANIC_CHARS = 256;

/**
 * A record the Go runtime's crash output joined: it is fatal, and says why (the panic value or the
 * fatal error), on which signal, and with which exit status `go run` saw. Other records pass through.
 */
export function finishGoRecord(text: string, first: RecordOutline): RecordOutline {
  const p = PANIC.exec(text);
  const x = EXIT_STATUS.exec(text);
  if (!p && !x) return first;
  const fields: Fields = { ...(first.fields ?? {}) };
  if (p) {
    const why = (p[1] ?? p[2])!;
    fields[p[1] !== undefined ? 'panic' : 'fatalError'] = why.length > MAX_PANIC_CHARS ? why.slice(0, MAX_PANIC_CHARS) : why;
    const s = SIGNAL.exec(text);
    if (s) fields['signal'] = s[1]!;
  }
  if (x) fields['exitStatus'] = +x[1]!;
  return { severity: p ? 'fatal' : first.severity, fields };
}
