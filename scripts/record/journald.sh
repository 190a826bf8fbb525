#!/usr/bin/env bash
# Records real journalctl output (short, short-iso, short-precise, json, -k) for
# test/fixtures/logs/journal/. Starts a private systemd-journald (volatile storage under /run) that
# also reads this machine's kernel ring buffer, feeds it a few service lines through syslog (logger)
# and stdout (systemd-cat), prints the journal with journalctl --file, then stops it and removes what
# it created. Needs root, systemd (journalctl, systemd-journald, systemd-cat) and util-linux logger.
# Refuses to run when a journald is already running. Run from the repo root:
#   bash scripts/record/journald.sh [OUT_DIR]
set -euo pipefail
out=${1:-test/fixtures/logs/journal}
mkdir -p "$out"
journald=/lib/systemd/systemd-journald
[ -x "$journald" ] || { echo "no $journald (apt-get install systemd)" >&2; exit 1; }
if pgrep -x systemd-journal >/dev/null || [ -e /run/systemd/journal ]; then
  echo "a journald is already running (or left /run/systemd/journal): not touching it" >&2
  exit 1
fi

dropin=/run/systemd/journald.conf.d
jpid=
cleanup() {
  [ -n "$jpid" ] && kill "$jpid" 2>/dev/null && wait "$jpid" 2>/dev/null || true
  rm -f "$dropin/culprit-record.conf"
  rmdir "$dropin" 2>/dev/null || true
  rm -rf /run/systemd/journal /run/log/journal
}
trap cleanup EXIT
mkdir -p "$dropin"
printf '[Journal]\nStorage=volatile\nRuntimeMaxUse=16M\nForwardToSyslog=no\nForwardToWall=no\n' >"$dropin/culprit-record.conf"

"$journald" >/dev/null 2>&1 &
jpid=$!
for _ in $(seq 50); do [ -S /run/systemd/journal/dev-log ] && break; sleep 0.1; done
[ -S /run/systemd/journal/dev-log ] || { echo "journald did not start" >&2; exit 1; }

log() { logger -u /run/systemd/journal/dev-log "$@"; }
log -t sshd -i -p auth.info 'Accepted publickey for deploy from 127.0.0.1 port 52144 ssh2'
log -t cron -i -p cron.err 'error: job failed'
log -t app -i -p daemon.warning 'disk usage above 90% on /data'
# bytes that are not UTF-8: journalctl -o json prints such a MESSAGE as an array of numbers
printf 'payload \xff\xfe not utf-8' | log -t app -i -p daemon.notice
echo 'worker pool exhausted, queueing requests' | systemd-cat -t myservice -p err
sleep 0.5

file=$(ls /run/log/journal/*/system.journal)
jc() { TZ=Asia/Shanghai LC_ALL=C journalctl --file "$file" --no-pager "$@"; }
# excerpt of the kernel ring buffer (journald read /dev/kmsg): its first lines and the service lines
excerpt() { awk -v n="$(wc -l <"$1")" 'NR <= 6 || NR > n - 12' "$1"; }
work=$(mktemp -d)
jc -o short >"$work/short"; excerpt "$work/short" >"$out/journalctl.txt"
jc -o short-iso >"$work/iso"; excerpt "$work/iso" >"$out/journalctl-o-short-iso.txt"
jc -o short-precise >"$work/precise"; excerpt "$work/precise" >"$out/journalctl-o-short-precise.txt"
jc -o short-iso-precise >"$work/isop"; excerpt "$work/isop" >"$out/journalctl-o-short-iso-precise.txt"
jc -o json >"$work/json"; excerpt "$work/json" >"$out/journalctl-o-json.txt"
jc -k -n 8 >"$out/journalctl-k.txt"
jc -u no-such-unit.service >"$out/journalctl-no-entries.txt"
rm -rf "$work"
wc -l "$out"/*.txt
