#!/usr/bin/env python3
"""Counts each target process's TCP sockets by state every second; on SIGTERM writes Prometheus
query_range responses (resultType matrix) process_tcp_close_wait_sockets.json and
process_tcp_established_sockets.json into --out. Targets file lines (tab-separated):
  host<TAB>process<TAB>pid      (read again every interval: targets may be added while it runs)
"""
import argparse, json, os, signal, time

STATES = {'01': 'established', '08': 'close_wait'}


def socket_inodes(pid):
    inodes = set()
    try:
        for fd in os.listdir(f'/proc/{pid}/fd'):
            try:
                link = os.readlink(f'/proc/{pid}/fd/{fd}')
            except OSError:
                continue
            if link.startswith('socket:['):
                inodes.add(link[8:-1])
    except OSError:
        return None
    return inodes


def tcp_states(pid):
    """inode -> state name for the sockets in pid's network namespace."""
    out = {}
    for name in ('tcp', 'tcp6'):
        try:
            with open(f'/proc/{pid}/net/{name}') as f:
                next(f)
                for line in f:
                    cols = line.split()
                    state = STATES.get(cols[3])
                    if state:
                        out[cols[9]] = state
        except (OSError, StopIteration):
            pass
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--targets', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--interval', type=float, default=1.0)
    args = ap.parse_args()
    series = {}
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    next_t = time.time()
    while not stop:
        t = round(time.time(), 3)
        try:
            with open(args.targets) as f:
                targets = [l.rstrip('\n').split('\t') for l in f if l.count('\t') == 2]
        except OSError:
            targets = []
        for host, process, pid in targets:
            inodes = socket_inodes(pid)
            if inodes is None:
                continue  # gone: its series stops
            counts = dict.fromkeys(STATES.values(), 0)
            for inode, state in tcp_states(pid).items():
                if inode in inodes:
                    counts[state] += 1
            for state, n in counts.items():
                key = (f'process_tcp_{state}_sockets', host, process, pid)
                series.setdefault(key, []).append([t, str(n)])
        next_t += args.interval
        delay = next_t - time.time()
        if delay > 0:
            time.sleep(delay)
    by_metric = {}
    for (metric, host, process, pid), values in series.items():
        by_metric.setdefault(metric, []).append(
            {'metric': {'__name__': metric, 'host': host, 'process': process, 'pid': pid}, 'values': values})
    os.makedirs(args.out, exist_ok=True)
    for metric, result in sorted(by_metric.items()):
        with open(os.path.join(args.out, metric + '.json'), 'w') as f:
            json.dump({'status': 'success', 'data': {'resultType': 'matrix', 'result': result}}, f, separators=(',', ':'))
            f.write('\n')


if __name__ == '__main__':
    main()
