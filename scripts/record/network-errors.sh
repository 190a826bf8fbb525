#!/usr/bin/env bash
# Records real socket-error lines for test/fixtures/detect/network-recorded/: a Go program (standard
# log package) and a Python one (logging) provoke refused, reset, broken-pipe, timeout and
# too-many-open-files errors against loopback listeners they start themselves (and one dead port).
# Network use: 127.0.0.1 only. Needs: golang-go, python3.
# Run from the repo root: bash scripts/record/network-errors.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)/network-errors
out=$(realpath -m "${1:-test/fixtures/detect/network-recorded}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out/app-go-1/logs" "$out/app-py-1/logs"
export GO111MODULE=off GOCACHE=$work/cache GOFLAGS=
(cd "$here" && go run main.go -dead=127.0.0.1:${NET_RECORD_DEAD_PORT:-18490}) >"$out/app-go-1/logs/inventory.log" 2>&1 || true
python3 "$here/errors.py" "${NET_RECORD_DEAD_PORT_PY:-18491}" >"$out/app-py-1/logs/sync-worker.log" 2>&1 || true
echo "recorded into $out"
