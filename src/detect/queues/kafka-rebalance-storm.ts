import type { LogEvent } from '../../events/event.js';
import { evidenceOf, stream } from '../define.js';
import type { Finding } from '../finding.js';

// Kafka Java consumer (2.4-3.x): AbstractCoordinator "[Consumer clientId=c-1, groupId=g] (Re-)joining group",
// ConsumerCoordinator "... Revoke previously assigned partitions t-0, t-1" (an empty list revokes nothing)
const JOINING = /\(Re-\)joining group/;
const REVOKE = /Revoke previously assigned partitions ?(.{0,300})/;
/** Rebalances after the first join, within WINDOW_MS of each other, that make a storm. */
const MIN_REBALANCES = 2;
const WINDOW_MS = 10 * 60_000;
const MAX_GROUPS = 4096;

interface Group {
  groupId: string | null;
  joins: number;
  revokes: number;
  first: LogEvent | null;
  last: LogEvent | null;
  lastMs: number | null;
  revoked: string | null;
}

/**
 * A Kafka consumer whose group keeps rebalancing: every rebalance stops consumption of the revoked
 * partitions until the group settles, so repeated ones leave it behind (consumer-lag). The first join
 * at start-up is not a rebalance; MIN_REBALANCES or more later ones, each within WINDOW_MS of the
 * previous, make the finding (facts: rebalances, groupId, the partitions last revoked).
 */
export const kafkaRebalanceStorm = stream({
  name: 'kafka-rebalance-storm',
  category: 'consumer-lag',
  software: 'kafka-client',
  description: 'A Kafka consumer group rebalanced again and again (joins and revocations after the first join)',
  formats: '*',
  // only lines with these wordings count; as hints (not a prefilter) a line too long to scan whole is still read
  hints: [['joining group', 'Revoke previously assigned']],
  create() {
    const groups = new Map<string, Group>();
    const out: Omit<Finding, 'id'>[] = [];
    const fresh = (groupId: string | null): Group => ({ groupId, joins: 0, revokes: 0, first: null, last: null, lastMs: null, revoked: null });
    const close = (g: Group) => {
      const rebalances = Math.max(g.joins - 1, g.revokes);
      if (rebalances < MIN_REBALANCES || !g.first || !g.last) return;
      const spanMs = g.first.timeMs !== null && g.last.timeMs !== null ? g.last.timeMs - g.first.timeMs : null;
      out.push({
        category: 'consumer-lag', severity: 'warning', detector: 'kafka-rebalance-storm',
        title: `Kafka consumer group ${g.groupId ?? '?'}${g.first.host ? ` on ${g.first.host}` : ''} rebalanced ${rebalances} times${spanMs !== null ? ` in ${Math.round(spanMs / 1000)} s` : ''}`,
        timeMs: g.first.timeMs, endMs: g.last.timeMs, host: g.first.host, process: g.first.process, pid: g.first.pid,
        facts: { groupId: g.groupId, rebalances, joins: g.joins, revocations: g.revokes, spanMs, revokedPartitions: g.revoked },
        evidence: [evidenceOf(g.first), evidenceOf(g.last)],
      });
    };
    return {
      accept(e: LogEvent, hints: number) {
        if (hints === 0) return;
        const msg = e.message;
        const join = msg.includes('joining group') && JOINING.test(msg);
        const rv = !join && msg.includes('Revoke previously assigned') ? REVOKE.exec(msg) : null;
        if (!join && !rv) return;
        if (rv && !/\w/.test(rv[1]!)) return; // nothing was assigned: the first assignment
        const groupId = /groupId=([^\],\s]{1,200})/.exec(msg)?.[1] ?? null;
        const key = `${e.host ?? ''}\u0000${e.path}\u0000${groupId ?? ''}`;
        let g = groups.get(key);
        if (g && e.timeMs !== null && g.lastMs !== null && e.timeMs - g.lastMs > WINDOW_MS) {
          close(g);
          // the next join after a quiet spell is a rebalance too: keep counting from one join
          g = { ...fresh(groupId), joins: 1 };
          groups.set(key, g);
        }
        if (!g) {
          if (groups.size >= MAX_GROUPS) return;
          groups.set(key, (g = fresh(groupId)));
        }
        if (join) g.joins++;
        else {
          g.revokes++;
          g.revoked = rv![1]!.trim().slice(0, 200);
        }
        // the storm starts at its first rebalance, not at the start-up join
        if (!g.first && (g.joins > 1 || g.revokes > 0)) g.first = e;
        if (g.first) g.last = e;
        if (e.timeMs !== null) g.lastMs = e.timeMs;
      },
      finish() {
        for (const g of groups.values()) close(g);
        groups.clear();
        return out;
      },
    };
  },
  samples: {
    hit: [{
      'host-a/logs/consumer.log': [
        '2026-05-10 15:40:00,100 INFO  [main] o.a.k.c.c.i.ConsumerCoordinator - [Consumer clientId=consumer-ledger-1, groupId=ledger] (Re-)joining group',
        '2026-05-10 15:42:00,100 INFO  [main] o.a.k.c.c.i.ConsumerCoordinator - [Consumer clientId=consumer-ledger-1, groupId=ledger] Revoke previously assigned partitions ledger-events-0, ledger-events-1',
        '2026-05-10 15:42:00,110 INFO  [main] o.a.k.c.c.i.ConsumerCoordinator - [Consumer clientId=consumer-ledger-1, groupId=ledger] (Re-)joining group',
        '2026-05-10 15:43:10,100 INFO  [main] o.a.k.c.c.i.ConsumerCoordinator - [Consumer clientId=consumer-ledger-1, groupId=ledger] Revoke previously assigned partitions ledger-events-0',
        '2026-05-10 15:43:10,110 INFO  [main] o.a.k.c.c.i.ConsumerCoordinator - [Consumer clientId=consumer-ledger-1, groupId=ledger] (Re-)joining group',
      ].join('\n') + '\n',
    }],
    miss: [{
      // start-up: one join, nothing to revoke
      'host-a/logs/consumer.log': [
        '2026-05-10 15:40:00,100 INFO  [main] o.a.k.c.c.i.ConsumerCoordinator - [Consumer clientId=consumer-ledger-1, groupId=ledger] Revoke previously assigned partitions ',
        '2026-05-10 15:40:00,110 INFO  [main] o.a.k.c.c.i.ConsumerCoordinator - [Consumer clientId=consumer-ledger-1, groupId=ledger] (Re-)joining group',
      ].join('\n') + '\n',
    }],
  },
});
