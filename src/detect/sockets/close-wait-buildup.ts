import type { LogEvent } from '../../events/event.js';
import { evidenceOf, stream } from '../define.js';
import { withMergeKey } from '../network/finding-key.js';
import type { Evidence, Finding } from '../finding.js';

/** A pile-up: at least this many CLOSE_WAIT sockets in one group... */
export const MIN_CLOSE_WAIT = 20;
/** ...that are at least this share of the group's sockets (or at least MANY_CLOSE_WAIT of them). */
const MIN_SHARE = 0.2;
const MANY_CLOSE_WAIT = 100;
/** Groups and distinct peers tracked per snapshot: memory stays bounded on any input. */
const MAX_GROUPS = 10_000;
const MAX_PEERS = 1_000;
const EVIDENCE_FIRST = 3;

interface Group {
  label: string;
  process: string | null;
  pid: number | null;
  sockets: number;
  established: number;
  closeWait: number;
  unreadBytes: number;
  localPorts: Map<number, number>;
  /** "address:port" of the other side: client sockets to one server share it, their local ports differ */
  peerEndpoints: Map<string, number>;
  peers: Set<string>;
  first: Evidence[];
  last: Evidence | null;
  /** CLOSE_WAIT sockets still in the accept queue (no owner yet), counted in with the listener's */
  queuedCloseWait: number;
}

interface Snapshot {
  host: string | null;
  timeMs: number | null;
  groups: Map<string, Group>;
  /** local port → the group of the process listening on it */
  listeners: Map<number, string>;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * The key a socket is counted under: its owner when the table names one (ss -p, netstat -p),
 * else its local port (all sockets a server accepted share it).
 */
function groupOf(e: LogEvent): { key: string; label: string; process: string | null; pid: number | null } | null {
  const f = e.fields!;
  const pid = num(f.pid) ?? e.pid;
  const process = typeof f.process === 'string' ? f.process : e.process;
  if (pid !== null) return { key: `pid:${pid}`, label: `${process ?? '?'} (pid ${pid})`, process, pid };
  const port = num(f.localPort);
  if (port === null) return null;
  return { key: `port:${port}`, label: `local port ${port}`, process: null, pid: null };
}

/** culprit collect's sockets.json: sockets already counted by owner, local port and state (ss spelling). */
function acceptCollected(e: LogEvent, snapshots: Map<string, Snapshot>): void {
  const f = e.fields!;
  const state = String(f.state).toUpperCase().replace(/-/g, '_');
  const g0 = groupOf(e);
  if (!g0) return;
  let snap = snapshots.get(e.path);
  if (!snap) snapshots.set(e.path, (snap = { host: e.host, timeMs: e.timeMs, groups: new Map(), listeners: new Map() }));
  if (state === 'LISTEN' && g0.pid !== null && typeof f.localPort === 'number') snap.listeners.set(f.localPort, g0.key);
  const n = f.kind === 'group' ? num(f.count) ?? 0 : 0;
  if (n <= 0 || state === 'TIME_WAIT') return;
  let g = snap.groups.get(g0.key);
  if (!g) {
    if (snap.groups.size >= MAX_GROUPS) return;
    g = { label: g0.label, process: g0.process, pid: g0.pid, sockets: 0, established: 0, closeWait: 0, unreadBytes: 0, localPorts: new Map(), peerEndpoints: new Map(), peers: new Set(), first: [], last: null, queuedCloseWait: 0 };
    snap.groups.set(g0.key, g);
  }
  g.sockets += n;
  if (state === 'ESTAB' || state === 'ESTABLISHED') g.established += n;
  if (state !== 'CLOSE_WAIT') return;
  g.closeWait += n;
  const port = num(f.localPort);
  if (port !== null) g.localPorts.set(port, (g.localPorts.get(port) ?? 0) + n);
  if (g.first.length < EVIDENCE_FIRST) g.first.push(evidenceOf(e));
}

/** Counts one socket (not TIME_WAIT) into a group of its snapshot. */
function count(snap: Snapshot, g0: { key: string; label: string; process: string | null; pid: number | null }, e: LogEvent): void {
  const f = e.fields!;
  let g = snap.groups.get(g0.key);
  if (!g) {
    if (snap.groups.size >= MAX_GROUPS) return;
    g = { label: g0.label, process: g0.process, pid: g0.pid, sockets: 0, established: 0, closeWait: 0, unreadBytes: 0, localPorts: new Map(), peerEndpoints: new Map(), peers: new Set(), first: [], last: null, queuedCloseWait: 0 };
    snap.groups.set(g0.key, g);
  }
  g.sockets++;
  if (f.state === 'ESTABLISHED') g.established++;
  if (f.state !== 'CLOSE_WAIT') return;
  g.closeWait++;
  g.unreadBytes += num(f.recvQ) ?? 0;
  const port = num(f.localPort);
  if (port !== null) g.localPorts.set(port, (g.localPorts.get(port) ?? 0) + 1);
  if (typeof f.peerAddress === 'string') {
    if (g.peers.size < MAX_PEERS) g.peers.add(f.peerAddress);
    const ep = `${f.peerAddress}:${f.peerPort ?? '*'}`;
    if (g.peerEndpoints.has(ep) || g.peerEndpoints.size < MAX_PEERS) g.peerEndpoints.set(ep, (g.peerEndpoints.get(ep) ?? 0) + 1);
  }
  if (g.first.length < EVIDENCE_FIRST) g.first.push(evidenceOf(e));
  else g.last = evidenceOf(e);
}

/**
 * Connections the kernel accepted but the process has not accept()ed yet have no owner in ss/netstat:
 * they are the listener's all the same (its queue), so a port's unowned sockets join the group of
 * the process listening on that port.
 */
function foldAcceptQueues(snap: Snapshot): void {
  for (const [port, ownerKey] of snap.listeners) {
    const orphan = snap.groups.get(`port:${port}`);
    const owner = snap.groups.get(ownerKey);
    if (!orphan || !owner) continue;
    owner.sockets += orphan.sockets;
    owner.established += orphan.established;
    owner.closeWait += orphan.closeWait;
    owner.queuedCloseWait += orphan.closeWait;
    owner.unreadBytes += orphan.unreadBytes;
    for (const [p, n] of orphan.localPorts) owner.localPorts.set(p, (owner.localPorts.get(p) ?? 0) + n);
    for (const [p, n] of orphan.peerEndpoints) if (owner.peerEndpoints.has(p) || owner.peerEndpoints.size < MAX_PEERS) owner.peerEndpoints.set(p, (owner.peerEndpoints.get(p) ?? 0) + n);
    for (const a of orphan.peers) if (owner.peers.size < MAX_PEERS) owner.peers.add(a);
    for (const ev of orphan.first) if (owner.first.length < EVIDENCE_FIRST) owner.first.push(ev);
    snap.groups.delete(`port:${port}`);
  }
}

/**
 * Sockets left in CLOSE_WAIT: the peer closed its side and the kernel is waiting for this process
 * to close() its fd. A few are normal (a close in flight); a pile-up of one process or port means
 * the application does not close what its peers closed, and each one holds a file descriptor.
 * Read from `ss -tan[p]` and `netstat -an[p]` snapshots; decided per snapshot at the end.
 */
export const socketsCloseWaitBuildup = stream({
  name: 'sockets-close-wait-buildup',
  category: 'close-wait-buildup',
  software: 'linux-tcp',
  description: `CLOSE_WAIT sockets piling up (>= ${MIN_CLOSE_WAIT} and >= ${MIN_SHARE * 100} % of a process's or port's sockets) in ss/netstat snapshots`,
  formats: ['ss-tan', 'netstat-an', 'collect-sockets'],
  create() {
    const snapshots = new Map<string, Snapshot>();
    return {
      accept(e: LogEvent) {
        const f = e.fields;
        if (!f || typeof f.state !== 'string') return;
        if (e.format === 'collect-sockets') {
          acceptCollected(e, snapshots);
          return;
        }
        if (typeof f.proto === 'string' && !f.proto.startsWith('tcp')) return;
        const g0 = groupOf(e);
        if (!g0) return;
        let snap = snapshots.get(e.path);
        if (!snap) snapshots.set(e.path, (snap = { host: e.host, timeMs: e.timeMs, groups: new Map(), listeners: new Map() }));
        if (f.state === 'LISTEN' && g0.pid !== null && typeof f.localPort === 'number') snap.listeners.set(f.localPort, g0.key);
        // TIME_WAIT sockets belong to no process and hold no fd: they would only dilute the share
        if (f.state === 'TIME_WAIT') return;
        count(snap, g0, e);
        // without an owner, a client's sockets to one server share no local port: count them by the
        // server's endpoint too (a server's accepted sockets have distinct peer ports, so no double count)
        const peerPort = num(f.peerPort);
        if (g0.pid === null && typeof f.peerAddress === 'string' && peerPort !== null) {
          count(snap, { key: `peer:${f.peerAddress}:${peerPort}`, label: 'sockets ss/netstat named no owner for', process: null, pid: null }, e);
        }
      },
      finish() {
        const out: Omit<Finding, 'id'>[] = [];
        for (const snap of snapshots.values()) {
          foldAcceptQueues(snap);
          for (const [key, g] of snap.groups) {
            if (g.closeWait < MIN_CLOSE_WAIT) continue;
            if (g.closeWait < MANY_CLOSE_WAIT && g.closeWait < MIN_SHARE * g.sockets) continue;
            let localPort: number | null = null;
            let best = 0;
            for (const [p, n] of g.localPorts) if (n > best) [localPort, best] = [p, n];
            let peer: string | null = null;
            let peerBest = 0;
            for (const [p, n] of g.peerEndpoints) if (n > peerBest) [peer, peerBest] = [p, n];
            // a server's accepted sockets share its port; a client's share the server they talk to
            const serverSide = best >= peerBest;
            const where = serverSide ? (localPort !== null && g.pid !== null ? ` on port ${localPort}` : '') : ` to ${peer}`;
            const percent = Math.round((g.closeWait / g.sockets) * 100);
            out.push(withMergeKey({
              category: 'close-wait-buildup',
              severity: g.closeWait >= MANY_CLOSE_WAIT || percent >= 50 ? 'error' : 'warning',
              detector: 'sockets-close-wait-buildup',
              title: `${g.closeWait} CLOSE_WAIT sockets held by ${g.label}${where} (${percent}% of its ${g.sockets} sockets, ${g.peers.size} peer address${g.peers.size === 1 ? '' : 'es'})`,
              timeMs: snap.timeMs, endMs: null, host: snap.host, process: g.process, pid: g.pid,
              facts: {
                closeWaitSockets: g.closeWait, sockets: g.sockets, establishedSockets: g.established, closeWaitPercent: percent,
                localPort: serverSide ? localPort : null, peer: serverSide ? null : peer, peerAddresses: g.peers.size,
                queuedCloseWaitSockets: g.queuedCloseWait, closeWaitUnreadBytes: g.unreadBytes,
              },
              evidence: g.last ? [...g.first, g.last] : [...g.first],
            }, key));
          }
        }
        snapshots.clear();
        return out;
      },
    };
  },
  samples: {
    hit: [{
      'app-3/cmd/ss-tanp.txt': [
        'State      Recv-Q Send-Q   Local Address:Port    Peer Address:Port Process',
        'LISTEN     0      511            0.0.0.0:8443         0.0.0.0:*     users:(("gunicorn",pid=2210,fd=5))',
        ...Array.from({ length: 30 }, (_, i) => `CLOSE-WAIT 1      0           10.2.0.5:8443       10.2.0.${20 + (i % 3)}:${40000 + i} users:(("gunicorn",pid=2210,fd=${9 + i}))`),
        ...Array.from({ length: 5 }, (_, i) => `ESTAB      0      0           10.2.0.5:8443       10.2.0.21:${50000 + i} users:(("gunicorn",pid=2210,fd=${60 + i}))`),
      ].join('\n') + '\n',
    }],
    miss: [{
      // a handful of closes in flight on a busy server
      'app-3/cmd/ss-tanp.txt': [
        'State      Recv-Q Send-Q   Local Address:Port    Peer Address:Port Process',
        'LISTEN     0      511            0.0.0.0:8443         0.0.0.0:*     users:(("gunicorn",pid=2210,fd=5))',
        ...Array.from({ length: 6 }, (_, i) => `CLOSE-WAIT 0      0           10.2.0.5:8443       10.2.0.20:${40000 + i} users:(("gunicorn",pid=2210,fd=${9 + i}))`),
        ...Array.from({ length: 200 }, (_, i) => `ESTAB      0      0           10.2.0.5:8443       10.2.0.21:${50000 + i} users:(("gunicorn",pid=2210,fd=${60 + i}))`),
      ].join('\n') + '\n',
    }],
  },
});
