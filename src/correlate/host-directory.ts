import type { LogEvent } from '../events/event.js';

/** Endpoints kept per host: enough for any real bundle, bounded for a hostile one. */
const MAX_PER_HOST = 4096;
const SOCKET_FORMATS = new Set(['ss-tan', 'netstat-an']);
const WILDCARD = new Set(['0.0.0.0', '::', '*', '[::]', '::ffff:0.0.0.0']);
// "127.0.0.21:2181", "/127.0.0.21:2181", "10.1.2.3:5432" in a message
const ENDPOINT = /\b(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})\b/g;

/**
 * Which addresses each host owns, and which endpoints it talks to, as the evidence shows them:
 * local addresses of its sockets in `ss`/`netstat` snapshots (owned), their peers and the ip:port its
 * notable log lines mention (talks to). A client host that talks to an address another host owns
 * depends on that host: the ranking may link across them.
 */
export class HostDirectory {
  private readonly owns = new Map<string, Set<string>>();
  private readonly talksTo = new Map<string, Set<string>>();

  /** For every event: socket snapshots only (cheap format check). */
  accept(e: LogEvent): void {
    if (e.host === null || !SOCKET_FORMATS.has(e.format) || !e.fields) return;
    const f = e.fields;
    const local = typeof f.localAddress === 'string' ? f.localAddress : null;
    if (local && !WILDCARD.has(local)) add(this.owns, e.host, local);
    const peer = typeof f.peerAddress === 'string' ? f.peerAddress : null;
    if (peer && !WILDCARD.has(peer) && typeof f.peerPort === 'number' && f.peerPort > 0) add(this.talksTo, e.host, `${peer}:${f.peerPort}`);
  }

  /** For the few notable events (the timeline's): the endpoints their messages name. */
  noteMentions(e: LogEvent): void {
    if (e.host === null) return;
    for (const m of e.message.matchAll(ENDPOINT)) add(this.talksTo, e.host, `${m[1]}:${m[2]}`);
  }

  /** Does `client` talk to an address `server` owns (and `client` does not own itself)? */
  dependsOn(client: string, server: string): boolean {
    const owned = this.owns.get(server);
    const endpoints = this.talksTo.get(client);
    if (!owned || !endpoints) return false;
    const own = this.owns.get(client);
    for (const ep of endpoints) {
      const addr = ep.slice(0, ep.lastIndexOf(':'));
      if (owned.has(addr) && !own?.has(addr)) return true;
    }
    return false;
  }
}

function add(map: Map<string, Set<string>>, host: string, value: string): void {
  let set = map.get(host);
  if (!set) map.set(host, (set = new Set()));
  if (set.size < MAX_PER_HOST) set.add(value);
}
