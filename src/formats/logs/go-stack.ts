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
