import { signature } from '../define.js';

/**
 * The Kafka Java consumer's heartbeat thread left the group because the application did not call
 * poll() within max.poll.interval.ms ("consumer poll timeout has expired. This means the time between
 * subsequent calls to poll() was longer than the configured max.poll.interval.ms ..."), or a commit
 * failed for the same reason (CommitFailedException: "Commit cannot be completed since the group has
 * already rebalanced ..."). Its partitions go to other members and it falls behind: consumer-lag.
 */
export const kafkaMaxPollExceeded = signature({
  name: 'kafka-max-poll-exceeded',
  category: 'consumer-lag',
  software: 'kafka-client',
  description: 'A Kafka consumer exceeded max.poll.interval.ms and was removed from its group (poll timeout, failed commit)',
  formats: '*',
  prefilter: ['consumer poll timeout has expired', 'Commit cannot be completed since the group has already rebalanced'],
  match: /(consumer poll timeout has expired)|(Commit cannot be completed since the group has already rebalanced)/,
  severity: 'error',
  hit(m, e) {
    const groupId = /groupId=([^\],\s]{1,200})/.exec(e.message)?.[1] ?? null;
    const clientId = /clientId=([^\],\s]{1,200})/.exec(e.message)?.[1] ?? null;
    const commitFailed = m[2] !== undefined;
    return {
      facts: { groupId, clientId, commitFailed },
      key: groupId ?? '',
      title: `Kafka consumer${clientId ? ` ${clientId}` : ''}${groupId ? ` (group ${groupId})` : ''} ${commitFailed ? 'could not commit: the group rebalanced after max.poll.interval.ms' : 'left its group: poll() not called within max.poll.interval.ms'}`,
    };
  },
  samples: {
    hit: [
      '2026-05-10 15:45:40,100 WARN  [kafka-coordinator-heartbeat-thread | ledger] o.a.k.c.c.i.ConsumerCoordinator - [Consumer clientId=consumer-ledger-1, groupId=ledger] consumer poll timeout has expired. This means the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms, which typically implies that the poll loop is spending too much time processing messages. You can address this either by increasing max.poll.interval.ms or by reducing the maximum size of batches returned in poll() with max.poll.records.',
      '2026-05-10 15:45:41,100 ERROR [ledger-0-C-1] c.e.l.RecordHandler - org.apache.kafka.clients.consumer.CommitFailedException: Commit cannot be completed since the group has already rebalanced and assigned the partitions to another member.',
    ],
    miss: [
      '2026-05-10 15:40:00,100 INFO  [main] o.a.k.c.c.ConsumerConfig - \tmax.poll.interval.ms = 300000',
    ],
  },
});
