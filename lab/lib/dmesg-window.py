#!/usr/bin/env python3
"""Prints `dmesg -T` lines logged since --since-uptime, keeping OOM-killer reports only when they concern
--cgroup (the simulated host's memory cgroup): the kernel ring buffer is shared by every run on the
machine, while a real host's dmesg shows only its own OOM kills.
A report spans 'X invoked oom-killer' .. 'Killed process PID (...)', plus 'oom_reaper: reaped process PID'."""
import argparse, re, subprocess

ap = argparse.ArgumentParser()
ap.add_argument('--since-uptime', type=float, required=True)
ap.add_argument('--cgroup', required=True, help='path below the memory controller root, e.g. /culprit-lab/x-1/host')
ap.add_argument('--raw', action='store_true', help='print raw [uptime] lines instead of -T ones')
args = ap.parse_args()

raw = subprocess.run(['dmesg'], capture_output=True, text=True, errors='replace').stdout.splitlines()
human = subprocess.run(['dmesg', '-T'], capture_output=True, text=True, errors='replace').stdout.splitlines()
if len(raw) != len(human):  # a record arrived between the two reads: drop the newest extras
    n = min(len(raw), len(human))
    raw, human = raw[:n], human[:n]
stamp = re.compile(r'^\[\s*(\d+\.\d+)\]')
killed = re.compile(r'Killed process (\d+) ')
reaped = re.compile(r'oom_reaper: reaped process (\d+) ')
mine_markers = (f'oom_memcg={args.cgroup},', f'oom_memcg={args.cgroup}\n', f'Memory cgroup stats for {args.cgroup}:')

out = []
block = None  # list of indexes of the current OOM report
foreign_pids = set()
for i, line in enumerate(raw):
    m = stamp.match(line)
    if not m or float(m.group(1)) < args.since_uptime:
        continue
    if 'invoked oom-killer' in line:
        block = [i]
        continue
    if block is not None:
        block.append(i)
        k = killed.search(line)
        if k:
            text = '\n'.join(raw[j] for j in block) + '\n'
            if any(marker in text for marker in mine_markers):
                out.extend(block)
            else:
                foreign_pids.add(k.group(1))
            block = None
        continue
    r = reaped.search(line)
    if r and r.group(1) in foreign_pids:
        continue
    out.append(i)
src = raw if args.raw else human
for i in out:
    print(src[i])
