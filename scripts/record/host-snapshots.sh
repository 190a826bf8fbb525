#!/usr/bin/env bash
# Records what `culprit collect` captures of a host (its /proc copies and its JSON files in cmd/), plus
# `ss -s`, `uptime` and `vmstat 1 3` (iproute2, procps), into test/fixtures/logs/host/. collect runs
# with --pid of a sleep it starts (so processes.json holds one process) and --no-logs; the sleep is
# ended by its pid. Needs the built CLI (npx tsc -p tsconfig.json).
# Run from the repo root: bash scripts/record/host-snapshots.sh [OUT_DIR]
set -euo pipefail
out=${1:-test/fixtures/logs/host}
mkdir -p "$out"
work=$(mktemp -d)
sleep 60 & pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

node dist/src/cli/main.js collect --pid "$pid" --no-logs --out "$work/bundle.tar.gz" >/dev/null
tar xzf "$work/bundle.tar.gz" -C "$work"
cmd=$(echo "$work"/*/cmd)
for f in proc-meminfo.txt proc-loadavg.txt proc-vmstat.txt proc-uptime.txt proc-pressure-cpu.txt \
  proc-pressure-memory.txt proc-pressure-io.txt proc-sys-fs-file-nr.txt proc-net-netstat.txt proc-net-snmp.txt \
  processes.json sockets.json cgroup-memory.json culprit-collect.json; do
  [ -f "$cmd/$f" ] && cp "$cmd/$f" "$out/$f"
done
ss -s >"$out/ss-s.txt"
uptime >"$out/uptime.txt"
vmstat 1 3 >"$out/vmstat-1-3.txt"
