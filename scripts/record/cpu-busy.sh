#!/usr/bin/env bash
# Records real CPU-pressure snapshots for test/fixtures/cmd/cpu/:
#   - cpu.stat of a v1 CPU cgroup with a 20 ms / 100 ms CFS quota while a busy loop runs in it for 3 s
#     (throttled in most periods), and cpu.stat of an idle one (never throttled)
#   - `top -b -n 2 -d 1` while two busy python3 loops run outside any quota (on an otherwise idle host
#     each takes a core; on a shared one they compete with the rest: the recorded run had no idle
#     CPU and a load of 9 on 2 cores). The second iteration has the real per-interval figures.
# Every process it starts is ended by its pid; the cgroups are removed on exit.
# Needs root, cgroup v1 cpu controller at /sys/fs/cgroup/cpu, procps top.
# Run from the repo root: bash scripts/record/cpu-busy.sh [OUT_DIR]
set -euo pipefail
out=${1:-test/fixtures/cmd/cpu}
mkdir -p "$out"
cg=/sys/fs/cgroup/cpu/culprit-record-$$
idle=/sys/fs/cgroup/cpu/culprit-record-idle-$$
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  for d in "$cg" "$idle"; do [ -d "$d" ] && rmdir "$d" 2>/dev/null || true; done
}
trap cleanup EXIT

busy() { exec python3 -c 'while True: pass'; }

mkdir "$cg" "$idle"
echo 100000 > "$cg/cpu.cfs_period_us"
echo 20000 > "$cg/cpu.cfs_quota_us"
( echo "$BASHPID" > "$cg/cgroup.procs"; busy quota-spinner ) & pids+=($!)
( echo "$BASHPID" > "$idle/cgroup.procs"; exec sleep 3 ) & pids+=($!)
sleep 3
cat "$cg/cpu.stat" > "$out/cpu.stat-throttled.txt"
cat "$idle/cpu.stat" > "$out/cpu.stat-idle.txt"
for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
pids=()

( busy hash-worker ) & pids+=($!)
( busy hash-worker ) & pids+=($!)
sleep 1
LC_ALL=C COLUMNS=120 top -b -n 2 -d 1 -w 120 | head -n 200 > "$out/top-b-n2-busy.txt"
wc -l "$out"/*
