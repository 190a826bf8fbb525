import type { RoundResult } from './round.js';

/** cmd/sockets.json: TCP sockets counted by process, local port and state, and the listen queues. */
export function socketSummary(round: RoundResult) {
  const byKey = new Map<string, { pid: number | null; process: string | null; localPort: number; state: string; count: number }>();
  const listen: { localAddr: string; localPort: number; acceptQueue: number; pid: number | null; process: string | null }[] = [];
  for (const s of [...round.sockets, ...round.foreignSockets]) {
    const owner = round.owners.get(s.inode)?.[0];
    if (s.state === 'LISTEN') listen.push({ localAddr: s.localAddr, localPort: s.localPort, acceptQueue: s.recvQ, pid: owner?.pid ?? null, process: owner?.name ?? null });
    const key = `${owner?.pid ?? ''}|${s.localPort}|${s.state}`;
    const e = byKey.get(key);
    if (e) e.count++;
    else byKey.set(key, { pid: owner?.pid ?? null, process: owner?.name ?? null, localPort: s.localPort, state: s.state, count: 1 });
  }
  const byProcessPortState = [...byKey.values()].sort((a, b) => b.count - a.count);
  return { takenAt: new Date(round.timeMs).toISOString(), total: round.sockets.length + round.foreignSockets.length, byProcessPortState, listen };
}
