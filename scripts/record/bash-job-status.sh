#!/usr/bin/env bash
# Records bash's notes about foreground commands of a script that died on a signal ("script: line N:
# PID Killed   CMD") into test/fixtures/logs/bash/job-status.log: a child shell kills itself with
# KILL, SEGV, ABRT, BUS and FPE, then SEGV with core dumps on (into the temp dir when
# kernel.core_pattern is a plain file name). Every process started ends by its own signal.
# Run from the repo root: bash scripts/record/bash-job-status.sh [OUT_DIR]
set -euo pipefail
out=${1:-test/fixtures/logs/bash}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/run-worker.sh" <<'SH'
ulimit -S -c 0
for sig in KILL SEGV ABRT BUS FPE; do sh -c "kill -$sig \$\$"; done
# with core dumps on (core_pattern "core" writes them into the temp dir), bash adds "(core dumped)"
ulimit -S -c "$(ulimit -H -c)"
sh -c "kill -SEGV \$\$"
true
SH
(cd "$work" && bash ./run-worker.sh 2>"$work/stderr.log") || true
cp "$work/stderr.log" "$out/job-status.log"
