#!/usr/bin/env python3
"""Samples a Redis stream consumer group every second (XINFO GROUPS: lag, pending) and the stream
length; on SIGTERM writes Prometheus query_range responses (resultType matrix) named like
redis_exporter's series: redis_stream_length, redis_stream_group_lag, redis_stream_group_messages_pending.
Labels: host, process (redis-server), stream, group."""
import argparse, json, os, signal, time

import redis


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--redis', required=True)
    ap.add_argument('--stream', required=True)
    ap.add_argument('--host-label', required=True)
    ap.add_argument('--out', required=True)
    args = ap.parse_args()
    host, port = args.redis.rsplit(':', 1)
    r = redis.Redis(host=host, port=int(port), socket_timeout=0.8)
    series = {}
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    next_t = time.time()
    while not stop:
        t = round(time.time(), 3)
        try:
            series.setdefault(('redis_stream_length', ''), []).append([t, str(r.xlen(args.stream))])
            for g in r.xinfo_groups(args.stream):
                name = g['name'].decode()
                if g.get('lag') is not None:
                    series.setdefault(('redis_stream_group_lag', name), []).append([t, str(g['lag'])])
                series.setdefault(('redis_stream_group_messages_pending', name), []).append([t, str(g['pending'])])
        except (redis.RedisError, OSError):
            pass  # no sample this second
        next_t += 1
        delay = next_t - time.time()
        if delay > 0:
            time.sleep(delay)
    by_metric = {}
    for (metric, group), values in series.items():
        labels = {'__name__': metric, 'host': args.host_label, 'process': 'redis-server', 'stream': args.stream}
        if group:
            labels['group'] = group
        by_metric.setdefault(metric, []).append({'metric': labels, 'values': values})
    os.makedirs(args.out, exist_ok=True)
    for metric, result in by_metric.items():
        with open(os.path.join(args.out, metric + '.json'), 'w') as f:
            json.dump({'status': 'success', 'data': {'resultType': 'matrix', 'result': result}}, f, separators=(',', ':'))
            f.write('\n')


if __name__ == '__main__':
    main()
