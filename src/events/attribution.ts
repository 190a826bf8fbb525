/** Folders a bundle uses for things other than hosts (CONTRACT bundle layout). */
const NOT_HOSTS = new Set(['logs', 'cmd', 'metrics', 'k8s', 'var', 'log', 'tmp', 'proc', 'etc', '.', '']);

/**
 * The host a file belongs to by the bundle layout `<host>/logs/**` or `<host>/cmd/*`: the folder
 * just above the first `logs` or `cmd`. `rootHost` is the PATH argument's own name when that
 * folder is itself a host folder (it holds logs/ or cmd/).
 */
export function hostFromPath(relPath: string, rootHost: string | null): string | null {
  const parts = relPath.split('/');
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i]!;
    if (p === 'logs' || p === 'cmd') {
      if (i > 0 && !NOT_HOSTS.has(parts[i - 1]!)) return parts[i - 1]!;
      return rootHost;
    }
  }
  return null;
}
