#!/usr/bin/env python3
"""invoice-parser: consumes invoice batches from a Redis stream through a consumer group, computes
per-customer totals and a CSV rendering of each batch, and publishes a summary. An entry is acknowledged
only after it was processed, so an entry being processed when the process dies is delivered again to
the same consumer after its restart (its pending entries are read first)."""
import argparse
import csv
import ctypes
import io
import json
import logging
import signal
import sys
import time

import redis

import bound_redis


def set_process_name(name):
    # The kernel (OOM killer), top and ps -o comm name the service rather than "python3".
    try:
        ctypes.CDLL(None).prctl(15, name.encode()[:15], 0, 0, 0)
    except (OSError, AttributeError):
        pass


def render(doc):
    rows = []
    totals = {}
    for line in doc['lines']:
        net = line['qty'] * line['unit_cents'] - line.get('discount_cents', 0)
        row = dict(line, net_cents=net, batch=doc['batch'])
        rows.append(row)
        totals[line['customer']] = totals.get(line['customer'], 0) + net
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0].keys()) if rows else ['batch'])
    writer.writeheader()
    writer.writerows(rows)
    return totals, out.getvalue()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--redis', default='127.0.0.1:6379')
    ap.add_argument('--bind', default=None, help='local address for the Redis connection')
    ap.add_argument('--stream', default='invoices')
    ap.add_argument('--group', default='invoice-parsers')
    ap.add_argument('--consumer', required=True)
    ap.add_argument('--log', required=True)
    args = ap.parse_args()
    set_process_name('invoice-parser')
    logging.basicConfig(filename=args.log, level=logging.INFO,
                        format='%(asctime)s %(levelname)s %(process)d [%(name)s] %(message)s')
    log = logging.getLogger('invoice_parser.consumer')
    signal.signal(signal.SIGTERM, lambda *_: (log.info('received SIGTERM, exiting'), sys.exit(0)))

    r = bound_redis.client(args.redis, args.bind, socket_connect_timeout=5)
    try:
        r.xgroup_create(args.stream, args.group, id='0', mkstream=True)
    except redis.ResponseError as e:
        if 'BUSYGROUP' not in str(e):
            raise
    log.info('starting: stream=%s group=%s consumer=%s redis=%s', args.stream, args.group, args.consumer, args.redis)

    # '0' reads this consumer's pending (delivered, never acknowledged) entries; '>' new ones.
    cursor = '0'
    while True:
        resp = r.xreadgroup(args.group, args.consumer, {args.stream: cursor}, count=1,
                            block=None if cursor == '0' else 2000)
        entries = resp[0][1] if resp else []
        if not entries:
            if cursor == '0':
                log.info('no pending entries left; reading new entries')
                cursor = '>'
            continue
        for entry_id, fields in entries:
            entry_id = entry_id.decode()
            if fields is None:  # deleted while pending
                r.xack(args.stream, args.group, entry_id)
                continue
            body = fields[b'body']
            pending = r.xpending_range(args.stream, args.group, min=entry_id, max=entry_id, count=1)
            deliveries = pending[0]['times_delivered'] if pending else 1
            log.info('processing entry id=%s offset=%s batch=%s bytes=%d delivery=%d%s', entry_id,
                     fields[b'offset'].decode(), fields[b'batch'].decode(), len(body), deliveries,
                     ' (redelivered after restart)' if cursor == '0' else '')
            started = time.monotonic()
            doc = json.loads(body)
            totals, rendered = render(doc)
            r.xadd('invoices:parsed', {'batch': doc['batch'], 'customers': len(totals), 'csv_bytes': len(rendered)},
                   maxlen=1000)
            r.xack(args.stream, args.group, entry_id)
            log.info('done entry id=%s offset=%s lines=%d customers=%d in %d ms', entry_id,
                     fields[b'offset'].decode(), len(doc['lines']), len(totals),
                     (time.monotonic() - started) * 1000)


if __name__ == '__main__':
    main()
