#!/usr/bin/env bash
# Records a real supervisord log for test/fixtures/logs/supervisord/: programs that exit non-zero and
# are restarted again and again (a crash loop), die on SIGKILL and SIGSEGV, give up after too many
# quick start failures, and one that exits 0 as expected. Uses the installed supervisord, else the
# Debian package unpacked into a temp dir (apt-get download supervisor; no install, no service).
# Runs for about 15 s; supervisord is stopped by its pid and stops its children.
# Run from the repo root: bash scripts/record/supervisord.sh [OUT_DIR]
set -euo pipefail
out=${1:-test/fixtures/logs/supervisord}
mkdir -p "$out"
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

if command -v supervisord >/dev/null; then
  run=(supervisord)
else
  (cd "$work" && apt-get download supervisor >/dev/null 2>&1 && dpkg -x supervisor_*.deb pkg)
  run=(env PYTHONPATH="$work/pkg/usr/lib/python3/dist-packages" python3 -c 'from supervisor.supervisord import main; main()')
fi

cat > "$work/supervisord.conf" <<CONF
[supervisord]
logfile=$work/supervisord.log
loglevel=info
pidfile=$work/supervisord.pid
nodaemon=true

[program:billing-worker]
command=bash -c 'sleep 1.5; echo "cannot reach ledger" >&2; exit 3'
startsecs=1
startretries=100
autorestart=true

[program:thumbnailer]
command=bash -c 'sleep 1.5; kill -KILL \$\$'
startsecs=1
autorestart=true

[program:indexer]
command=bash -c 'sleep 1.5; kill -SEGV \$\$'
startsecs=1
autorestart=true

[program:migrator]
command=bash -c 'exit 1'
startsecs=1
startretries=2
autorestart=true

[program:report-once]
command=bash -c 'sleep 1.2; exit 0'
startsecs=1
autorestart=unexpected
exitcodes=0
CONF

"${run[@]}" -c "$work/supervisord.conf" >/dev/null 2>&1 &
pid=$!
sleep 15
kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=
cp "$work/supervisord.log" "$out/supervisord.log"
wc -l "$out/supervisord.log"
