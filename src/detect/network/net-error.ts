import type { LogEvent } from '../../events/event.js';
import type { Facts } from '../define.js';

/** Where a socket error came from, as far as the line says. */
export interface NetErrorContext {
  /** "host:port" of the other side, null when the line does not print it */
  peer: string | null;
  peerAddress: string | null;
  peerPort: number | null;
  /** the call that failed: read, write, connect, accept4, recv()... */
  syscall: string | null;
}

// Go net.OpError: "read tcp 10.0.0.1:5555->10.0.0.2:8080: read: connection reset by peer",
// "dial tcp 10.0.0.2:5432: connect: connection refused", "accept tcp [::]:8080: accept4: too many open files"
const GO_OP = /\b(read|write|dial|accept) (?:tcp|udp|unix)[46]? (?:(\S+?)->)?(\S+?): (?:(\w+): )?/;
// nginx: "connect() failed (111: Connection refused) while connecting to upstream, ... upstream: "http://10.0.0.2:8080/x""
const NGINX_CALL = /\b(\w+)\(\) failed \(\d+: /;
const NGINX_UPSTREAM = /\bupstream: "(?:[a-z]+:\/\/)?([^/"\s]+)/;
// Node.js: "Error: connect ECONNREFUSED 127.0.0.1:5432", "read ECONNRESET"
const NODE_CALL = /\b(connect|read|write|accept|getaddrinfo) E[A-Z]+(?: (\S+:\d+))?/;
// Go net/http, curl, clients that name the URL: Get "http://10.0.0.2:8080/v1/x": context deadline exceeded
const URL_HOST = /\b[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s"]*@)?(\[[0-9a-fA-F:.]+\](?::\d+)?|[^/\s"?#]+)/;
// Java: "Connection refused: localhost/127.0.0.1:5432", netty "Connection refused: /10.0.0.2:9092",
// PgJDBC "Connection to 10.0.0.5:5432 refused."
const JAVA_REFUSED = /Connection refused: (?:[^/\s]*\/)?(\S+:\d+)|Connection to (\S+:\d+) refused/;
// Apache mod_proxy: "(111)Connection refused: AH00957: http: attempt to connect to 127.0.0.1:8080 (127.0.0.1:8080) failed"
const APACHE_CONNECT = /attempt to connect to (\S+:\d+)/;

/** Splits "10.0.0.2:8080" / "[::1]:8080" / "db.internal:5432"; an address without a port keeps port null. */
export function splitPeer(s: string): { address: string; port: number | null } {
  const t = s.replace(/[,;)]+$/, '');
  if (t.startsWith('[')) {
    const close = t.indexOf(']');
    const port = close > 0 && t[close + 1] === ':' ? Number(t.slice(close + 2)) : NaN;
    return { address: t.slice(1, close > 0 ? close : undefined), port: Number.isInteger(port) ? port : null };
  }
  const colon = t.lastIndexOf(':');
  if (colon > 0 && t.indexOf(':') === colon) {
    const port = Number(t.slice(colon + 1));
    if (Number.isInteger(port) && port >= 0 && port <= 65535) return { address: t.slice(0, colon), port };
  }
  return { address: t, port: null };
}

/**
 * Peer and failing call from the wording of Go, nginx, Node.js, Java and strace. `text` is what the
 * detector matched: the message, or a continuation line (a Java exception under its log line).
 */
export function netErrorContext(e: LogEvent, text: string = e.message): NetErrorContext {
  const c = contextOf(e, text.length > 4096 ? text.slice(0, 4096) : text);
  // an exception line names no peer; its log line often does ("Cannot open channel to 2 at /10.0.3.4:3888")
  if (c.peer === null && text !== e.message) {
    const head = contextOf(e, e.message.slice(0, 4096));
    return { ...c, peer: head.peer, peerAddress: head.peerAddress, peerPort: head.peerPort, syscall: c.syscall ?? head.syscall };
  }
  return c;
}

// Java, on the log line above an exception: "... at election address /10.0.3.4:3888", "to /10.0.3.4:2181"
const JAVA_ADDRESS = /(?:^|\s)(?:[\w.-]*)\/(\d{1,3}(?:\.\d{1,3}){3}:\d{1,5})\b/;

// last resort: the one IPv4 address with a port the line names ("cannot reach cache at 10.0.0.5:6379: [Errno 111]")
const ANY_ENDPOINT = /\b(\d{1,3}(?:\.\d{1,3}){3}:\d{1,5})\b(?!->)/;

function contextOf(e: LogEvent, msg: string): NetErrorContext {
  let peer: string | null = null;
  let syscall: string | null = null;
  if (e.fields && typeof e.fields.syscall === 'string') syscall = e.fields.syscall; // strace
  const go = GO_OP.exec(msg);
  if (go) {
    peer = go[1] === 'accept' ? null : go[3]!;
    syscall ??= go[4] ?? go[1]!;
    if (go[1] === 'accept') syscall = go[4] ?? 'accept';
  }
  if (!go) {
    const ng = NGINX_CALL.exec(msg);
    if (ng) {
      syscall ??= ng[1]!;
      const up = NGINX_UPSTREAM.exec(msg);
      if (up) peer = up[1]!;
    }
  }
  if (!go && syscall === null) {
    const node = NODE_CALL.exec(msg);
    if (node) {
      syscall = node[1]!;
      if (node[2]) peer = node[2];
    }
  }
  if (peer === null) {
    const j = JAVA_REFUSED.exec(msg);
    if (j) peer = (j[1] ?? j[2])!;
  }
  if (peer === null) {
    const a = APACHE_CONNECT.exec(msg);
    if (a) peer = a[1]!;
  }
  // nginx-error moves the request context into fields
  if (peer === null && e.fields && typeof e.fields.upstream === 'string') {
    const u = URL_HOST.exec(e.fields.upstream);
    peer = u ? u[1]! : e.fields.upstream;
  }
  if (peer === null && !(go && go[1] === 'accept')) {
    const u = URL_HOST.exec(msg);
    if (u) peer = u[1]!;
  }
  if (peer === null) {
    const j = JAVA_ADDRESS.exec(msg);
    if (j) peer = j[1]!;
  }
  if (peer === null && !(go && go[1] === 'accept')) {
    const a = ANY_ENDPOINT.exec(msg);
    if (a) peer = a[1]!;
  }
  if (peer !== null && peer.length > 200) peer = peer.slice(0, 200);
  const split = peer !== null ? splitPeer(peer) : null;
  return { peer, peerAddress: split?.address ?? null, peerPort: split?.port ?? null, syscall };
}

/** Facts every network-error finding carries. */
export function netFacts(c: NetErrorContext, errno: string | null): Facts {
  return { peer: c.peer, peerAddress: c.peerAddress, peerPort: c.peerPort, syscall: c.syscall, errno };
}

/** Who saw the error: the process when the format names it, else the file it was written to. */
export function reporterOf(e: LogEvent): string {
  if (e.process) return e.process;
  const slash = e.path.lastIndexOf('/');
  return e.path.slice(slash + 1);
}

/**
 * Errors of one kind come in floods: one finding per reporter, peer and errno (the framework folds
 * hits with one key that are close in time), so the title reads "... from 10.0.0.2:5432 (40 times)".
 */
export function netKey(e: LogEvent, c: NetErrorContext, errno: string | null): string {
  return `${reporterOf(e)}|${c.peer ?? ''}|${errno ?? ''}`;
}
