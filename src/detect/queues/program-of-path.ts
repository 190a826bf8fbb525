/**
 * A program name for logs that print none, from the log's file name: "logs/invoice-parser.log.1.gz"
 * → "invoice-parser", "quote-svc.stderr.log" → "quote-svc". The host's own name for its log, not a guess.
 */
export function programOfPath(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  let name = base.replace(/\.gz$/, '').replace(/\.\d+$/, '');
  for (let i = 0; i < 2; i++) name = name.replace(/\.(?:log|txt|out|err|stdout|stderr)$/, '');
  return name || base;
}
