#!/usr/bin/env bash
# Records real outputs of the diagnostic commands culprit reads (ps, top, ss, netstat, lsof, ulimit,
# /proc/PID/limits, df, free) into test/fixtures/cmd/.
#
# Runs inside fresh pid, mount and network namespaces so the tables hold only what this script starts:
# a small TCP server that never closes the sockets it accepts, and a client that opens connections on
# loopback, keeps one and closes the others, which leaves the server's ends in CLOSE_WAIT.
# Needs root, node, and the Debian packages procps iproute2 net-tools lsof util-linux.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$repo/test/fixtures/cmd}
mkdir -p "$out"
out=$(cd "$out" && pwd)

if [[ "${CULPRIT_RECORD_INNER:-}" != 1 ]]; then
  for c in ps top ss netstat lsof df free ip unshare node; do
    command -v "$c" >/dev/null || { echo "missing $c: apt-get install procps iproute2 net-tools lsof util-linux" >&2; exit 2; }
  done
  # the inner run's own output goes to a file, so the tables show no descriptor of the caller's
  log=$(mktemp)
  rc=0
  CULPRIT_RECORD_INNER=1 unshare --pid --fork --mount-proc --net --mount -- bash "$0" "$out" </dev/null >"$log" 2>&1 || rc=$?
  cat "$log"
  rm -f "$log"
  exit "$rc"
fi

ip link set lo up
work=$(mktemp -d)
mounted=
server_pid=
client_pid=
cleanup() {
  [[ -n "$client_pid" ]] && kill "$client_pid" 2>/dev/null || true
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  [[ -n "$mounted" ]] && umount "$mounted" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

port=8080
# dual-stack listener: IPv4 peers show as [::ffff:127.0.0.1] on the server side
cat >"$work/server.cjs" <<'JS'
const net = require('node:net');
const held = [];
const server = net.createServer((s) => { held.push(s); s.on('error', () => {}); });
server.listen(+process.argv[2], '::', () => console.log('listening'));
// a unix socket too, so netstat has a unix section to count
net.createServer(() => {}).listen(process.argv[3]);
setTimeout(() => process.exit(0), 120000).unref(); // never outlive the recording
setInterval(() => {}, 1000);
JS
cat >"$work/client.cjs" <<'JS'
const net = require('node:net');
const port = +process.argv[2];
const closing = +process.argv[3];
let opened = 0;
const kept = net.connect(port, '127.0.0.1', () => { kept.write('hello\n'); });
kept.on('error', () => {});
for (let i = 0; i < closing; i++) {
  const s = net.connect(port, '127.0.0.1', () => { s.write('bye\n'); s.end(); if (++opened === closing) console.log('done'); });
  s.on('error', () => {});
}
setTimeout(() => process.exit(0), 120000).unref();
setInterval(() => {}, 1000);
JS

# a soft open-files limit below the hard one, as on many servers
ulimit -Sn 1024
node "$work/server.cjs" "$port" "$work/ctl.sock" </dev/null >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 50); do grep -q listening "$work/server.out" 2>/dev/null && break; sleep 0.1; done
node "$work/client.cjs" "$port" 6 </dev/null >"$work/client.out" 2>"$work/client.err" &
client_pid=$!
for _ in $(seq 50); do grep -q done "$work/client.out" 2>/dev/null && break; sleep 0.1; done
sleep 0.5

# a small filesystem nearly full, beside the root filesystem
mkdir -p "$work/data"
mount -t tmpfs -o size=16m tmpfs "$work/data"
mounted="$work/data"
head -c $((14 * 1024 * 1024)) /dev/zero >"$work/data/fill"

raw=$(mktemp -d)
ps aux >"$raw/ps-aux.txt"
top -b -n1 >"$raw/top-b-n1.txt"
ss -tan >"$out/ss-tan.txt"
ss -tanp >"$out/ss-tanp.txt"
netstat -an >"$raw/netstat-an.txt"
netstat -anp >"$raw/netstat-anp.txt"
lsof -n -P -p "$server_pid" >"$raw/lsof-p.txt"
lsof -n -P >"$raw/lsof.txt"
bash -c 'ulimit -a' >"$out/ulimit-a.txt"
cat "/proc/$server_pid/limits" >"$out/proc-limits.txt"
df -h / /dev/shm "$work/data" | sed "s#$work/data#/data#" >"$out/df-h.txt"
df -k / /dev/shm "$work/data" | sed "s#$work/data#/data#" >"$out/df-k.txt"
df -P / /dev/shm "$work/data" | sed "s#$work/data#/data#" >"$out/df-P.txt"
free -m >"$out/free-m.txt"
free -h >"$out/free-h.txt"
free -b >"$out/free-b.txt"
for f in "$raw"/*.txt; do sed "s#$work/#/tmp/rec/#g; s#$raw/#/tmp/rec/#g" "$f" >"$out/$(basename "$f")"; done
rm -rf "$raw"
echo "recorded into $out (server pid $server_pid in its namespace)"
