#!/usr/bin/env python3
"""Samples /proc and cgroup counters every interval; on SIGTERM writes one Prometheus query_range
response (resultType matrix) per metric into --out. Targets file lines (tab-separated):
  proc<TAB>host<TAB>process<TAB>pid        cgroup<TAB>host<TAB><TAB>cgroup-dir
"""
import argparse, json, os, signal, time

CLK_TCK = os.sysconf('SC_CLK_TCK')


def read(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return None


def proc_sample(pid):
    status = read(f'/proc/{pid}/status')
    stat = read(f'/proc/{pid}/stat')
    if status is None or stat is None:
        return None
    fields = {}
    for line in status.splitlines():
        key, _, value = line.partition(':')
        fields[key] = value.split()
    if fields.get('State', ['Z'])[0] in ('Z', 'X'):
        return None
    # comm may contain spaces: fields after the last ')'
    after = stat.rsplit(')', 1)[1].split()
    out = {
        'process_resident_memory_bytes': int(fields.get('VmRSS', ['0'])[0]) * 1024,
        'process_virtual_memory_bytes': int(fields.get('VmSize', ['0'])[0]) * 1024,
        'process_threads': int(fields.get('Threads', ['0'])[0]),
        'process_cpu_seconds_total': (int(after[11]) + int(after[12])) / CLK_TCK,
    }
    try:
        out['process_open_fds'] = len(os.listdir(f'/proc/{pid}/fd'))
    except OSError:
        pass
    limits = read(f'/proc/{pid}/limits') or ''
    for line in limits.splitlines():
        if line.startswith('Max open files'):
            soft = line.split()[3]
            if soft.isdigit():
                out['process_max_fds'] = int(soft)
    return out


def cgroup_sample(path):
    out = {}
    usage = read(os.path.join(path, 'memory.usage_in_bytes'))
    limit = read(os.path.join(path, 'memory.limit_in_bytes'))
    failcnt = read(os.path.join(path, 'memory.failcnt'))
    if usage is None:
        return None
    out['host_memory_used_bytes'] = int(usage)
    if limit is not None and int(limit) < 1 << 60:
        out['host_memory_limit_bytes'] = int(limit)
    if failcnt is not None:
        out['host_memory_limit_hits_total'] = int(failcnt)
    stat = read(os.path.join(path, 'memory.stat')) or ''
    for line in stat.splitlines():
        key, _, value = line.partition(' ')
        if key == 'total_rss':
            out['host_memory_rss_bytes'] = int(value)
        elif key == 'total_swap':
            out['host_memory_swap_bytes'] = int(value)
    oom = read(os.path.join(path, 'memory.oom_control')) or ''
    for line in oom.splitlines():
        key, _, value = line.partition(' ')
        if key == 'oom_kill':
            out['host_oom_kills_total'] = int(value)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--targets', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--interval', type=float, default=1.0)
    args = ap.parse_args()
    series = {}  # (metric, labels tuple) -> list of [t, value]
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    next_t = time.time()
    while not stop:
        t = round(time.time(), 3)
        for line in (read(args.targets) or '').splitlines():
            parts = line.split('\t')
            if len(parts) != 4:
                continue
            kind, host, process, ref = parts
            if kind == 'proc':
                sample = proc_sample(ref)
                labels = (('host', host), ('process', process), ('pid', ref))
            else:
                sample = cgroup_sample(ref)
                labels = (('host', host),)
            for metric, value in (sample or {}).items():
                series.setdefault((metric, labels), []).append([t, repr(value) if isinstance(value, float) else str(value)])
        next_t += args.interval
        delay = next_t - time.time()
        if delay > 0:
            time.sleep(delay)
    by_metric = {}
    for (metric, labels), values in series.items():
        by_metric.setdefault(metric, []).append({'metric': {'__name__': metric, **dict(labels)}, 'values': values})
    os.makedirs(args.out, exist_ok=True)
    for metric, result in sorted(by_metric.items()):
        doc = {'status': 'success', 'data': {'resultType': 'matrix', 'result': result}}
        with open(os.path.join(args.out, metric + '.json'), 'w') as f:
            json.dump(doc, f, separators=(',', ':'))
            f.write('\n')


if __name__ == '__main__':
    main()
