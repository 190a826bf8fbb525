#!/usr/bin/env bash
# Records redis-server's own log and `redis-cli INFO` output into test/fixtures/logs/redis/: a server on
# 127.0.0.1 (a free port), a stream with a consumer group and an unacknowledged entry, then SHUTDOWN.
# The server is stopped by its pid if SHUTDOWN did not end it.
# Run from the repo root: bash scripts/record/redis.sh [OUT_DIR]
set -euo pipefail
out=${1:-test/fixtures/logs/redis}
mkdir -p "$out"
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

redis-server --bind 127.0.0.1 --port "$port" --dir "$work" --logfile "$work/redis-server.log" --save '' --daemonize no &
pid=$!
for _ in $(seq 50); do redis-cli -p "$port" PING >/dev/null 2>&1 && break; sleep 0.1; done
cli() { redis-cli -p "$port" "$@"; }
cli XGROUP CREATE invoices parsers '$' MKSTREAM >/dev/null
cli XADD invoices '*' body hello >/dev/null
cli XREADGROUP GROUP parsers w1 COUNT 1 STREAMS invoices '>' >/dev/null
cli INFO >"$out/redis-cli-INFO.txt"
cli INFO memory >"$out/redis-cli-INFO-memory.txt"
cli XINFO GROUPS invoices >"$out/redis-cli-XINFO-GROUPS.txt"
cli XPENDING invoices parsers - + 10 >"$out/redis-cli-XPENDING.txt"
cli SHUTDOWN NOSAVE >/dev/null 2>&1 || true
wait "$pid" 2>/dev/null || true
pid=
cp "$work/redis-server.log" "$out/redis-server.log"
