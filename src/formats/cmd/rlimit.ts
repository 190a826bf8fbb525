/**
 * The kernel's resource limits under their RLIMIT_* names (lower case), so `ulimit -a` and
 * /proc/PID/limits rows about the same limit carry the same `resource` (nofile for open files).
 */
export const RESOURCE_BY_ULIMIT_FLAG: Readonly<Record<string, string>> = {
  c: 'core', d: 'data', e: 'nice', f: 'fsize', i: 'sigpending', l: 'memlock', m: 'rss', n: 'nofile',
  p: 'pipe', q: 'msgqueue', r: 'rtprio', R: 'rttime', s: 'stack', t: 'cpu', u: 'nproc', v: 'as', x: 'locks',
};

export const RESOURCE_BY_PROC_LIMIT: Readonly<Record<string, string>> = {
  'Max cpu time': 'cpu', 'Max file size': 'fsize', 'Max data size': 'data', 'Max stack size': 'stack',
  'Max core file size': 'core', 'Max resident set': 'rss', 'Max processes': 'nproc', 'Max open files': 'nofile',
  'Max locked memory': 'memlock', 'Max address space': 'as', 'Max file locks': 'locks',
  'Max pending signals': 'sigpending', 'Max msgqueue size': 'msgqueue', 'Max nice priority': 'nice',
  'Max realtime priority': 'rtprio', 'Max realtime timeout': 'rttime',
};

/** A limit's value: a number, or null for "unlimited". */
export function limitValue(s: string): number | null | undefined {
  if (s === 'unlimited') return null;
  return /^\d+$/.test(s) ? +s : undefined;
}
