#!/usr/bin/env bash
# Records real RFC 5424 syslog messages as util-linux `logger --rfc5424` sends them, for
# test/fixtures/logs/syslog/rfc5424.log: a small Python receiver binds a private Unix datagram socket
# (no network), logger writes to it, the receiver prints one message a line.
# Needs util-linux logger and python3. Run from the repo root: bash scripts/record/logger-rfc5424.sh [OUT_FILE]
set -euo pipefail
out=${1:-test/fixtures/logs/syslog/rfc5424.log}
mkdir -p "$(dirname "$out")"
work=$(mktemp -d)
sock="$work/syslog.sock"
cat >"$work/receive.py" <<'PY'
import os, socket, sys
path, count = sys.argv[1], int(sys.argv[2])
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(path)
s.settimeout(5)
open(path + '.ready', 'w').close()
for _ in range(count):
    try:
        data = s.recv(65536)
    except socket.timeout:
        break
    sys.stdout.write(data.decode('utf-8', 'replace').rstrip('\n') + '\n')
PY
n=6
python3 "$work/receive.py" "$sock" "$n" >"$work/out" &
rpid=$!
trap 'kill "$rpid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do [ -e "$sock.ready" ] && break; sleep 0.1; done

send() { logger --rfc5424 -u "$sock" "$@"; }
send -t app -i -p local4.notice --msgid ID47 --sd-id 'exampleSDID@32473' --sd-param 'iut="3"' --sd-param 'eventSource="Application"' 'An application event log entry'
send -t app -i -p local4.err 'payment failed: connection refused'
# a structured-data value holding "]" and a quote, which logger escapes
send -t app -p daemon.warning --sd-id 'origin@32473' --sd-param 'note="a \] b \" c"' 'value with escapes'
# without the time-quality element, hostname or time
logger --rfc5424=notq,nohost -u "$sock" -t cron -p cron.info 'job started'
logger --rfc5424=notime,notq -u "$sock" -t sshd -p auth.crit 'no time here'
send -t kernel -p kern.err 'Out of memory: Killed process 38581 (java)'
wait "$rpid" || true
cp "$work/out" "$out"
wc -l "$out"
