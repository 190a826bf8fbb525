/**
 * A service's own log file is usually named after it (logs/route-announcer.log, zookeeper.out):
 * events that name no process take that name. Files named after a facility, a level or a generic
 * role say nothing about the process and give no hint.
 */
const GENERIC = new Set([
  'syslog', 'messages', 'kern', 'kernel', 'daemon', 'auth', 'authpriv', 'secure', 'cron', 'user', 'mail', 'boot',
  'dmesg', 'journal', 'journalctl', 'debug', 'error', 'errors', 'warn', 'info', 'access', 'stdout', 'stderr',
  'console', 'output', 'out', 'log', 'logs', 'app', 'application', 'server', 'service', 'main', 'all', 'current',
  'sample', 'trace', 'audit', 'gc', 'system', 'combined', 'latest',
]);

/** `logs/route-announcer.log.2.gz` → 'route-announcer'; null for cmd/ outputs and generic names. */
export function processHintFromPath(relPath: string): string | null {
  const parts = relPath.split('/');
  if (!parts.includes('logs')) return null;
  const base = parts[parts.length - 1]!;
  const stem = base.replace(/\.gz$/i, '').replace(/(?:\.\d+)+$/, '').replace(/\.(?:log|out|txt|err|json|jsonl)$/i, '')
    .replace(/[-_.](?:\d{4}-?\d\d-?\d\d|\d+)$/, '');
  if (!/^[A-Za-z][\w.-]{1,63}$/.test(stem)) return null;
  return GENERIC.has(stem.toLowerCase()) ? null : stem;
}
