#!/usr/bin/env python3
"""invoice-export: publishes invoice batches to a Redis stream at a steady rate. Batches are usually
about --lines line items; one month-end batch (--big-offset) carries --big-factor times as many."""
import argparse
import json
import logging
import random
import signal
import sys
import time

import bound_redis


def batch(offset, n_lines, rng):
    lines = [{
        'sku': 'SKU-%05d' % rng.randrange(20000),
        'customer': 'C-%06d' % rng.randrange(3000),
        'qty': rng.randrange(1, 12),
        'unit_cents': rng.randrange(99, 25000),
        'discount_cents': rng.choice((0, 0, 0, 50, 100)),
        'currency': 'EUR',
        'tax_code': rng.choice(('VAT-STD', 'VAT-RED', 'VAT-ZERO')),
        'warehouse': rng.choice(('FRA-2', 'AMS-1', 'WAW-3')),
    } for _ in range(n_lines)]
    return {'batch': 'IB-2611-%05d' % offset, 'offset': offset, 'lines': lines}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--redis', default='127.0.0.1:6379')
    ap.add_argument('--bind', default=None)
    ap.add_argument('--stream', default='invoices')
    ap.add_argument('--interval', type=float, default=0.5)
    ap.add_argument('--lines', type=int, default=10000)
    ap.add_argument('--start-offset', type=int, default=41200)
    ap.add_argument('--big-offset', type=int, default=41230)
    ap.add_argument('--big-factor', type=int, default=10)
    ap.add_argument('--count', type=int, default=200)
    ap.add_argument('--log', required=True)
    args = ap.parse_args()
    logging.basicConfig(filename=args.log, level=logging.INFO,
                        format='%(asctime)s %(levelname)s %(process)d [%(name)s] %(message)s')
    log = logging.getLogger('invoice_export.publisher')
    signal.signal(signal.SIGTERM, lambda *_: (log.info('received SIGTERM, exiting'), sys.exit(0)))
    r = bound_redis.client(args.redis, args.bind)
    rng = random.Random(7)
    log.info('publishing to stream %s every %.1fs', args.stream, args.interval)
    for offset in range(args.start_offset, args.start_offset + args.count):
        n = args.lines * (args.big_factor if offset == args.big_offset else 1)
        doc = batch(offset, n, rng)
        body = json.dumps(doc, separators=(',', ':'))
        entry_id = r.xadd(args.stream, {'offset': offset, 'batch': doc['batch'], 'body': body}).decode()
        log.info('published batch=%s offset=%d id=%s lines=%d bytes=%d', doc['batch'], offset, entry_id, n, len(body))
        time.sleep(args.interval)
    log.info('done')


if __name__ == '__main__':
    main()
