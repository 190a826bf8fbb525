#!/usr/bin/env bash
# lab: Go ZooKeeper client (go-zookeeper) spins at 100% CPU on a closed watch channel after its session expires during a ZooKeeper stall
source "$LAB_DIR/lib/lab.sh"
source "$LAB_DIR/lib/zookeeper.sh"
lab_begin zk-closed-watch-spin 170
set -o errtrace
trap 'lab_log "failed at line $LINENO: $BASH_COMMAND"' ERR   # errexit alone ends a run silently
lab_on_exit 'trap - ERR'

HERE=$LAB_DIR/scenarios/zk-closed-watch-spin
GOZK_SRC=/usr/share/gocode/src/github.com/samuel/go-zookeeper/zk
zk_require
command -v go >/dev/null || lab_apt golang-go
[[ -d $GOZK_SRC ]] || lab_apt golang-github-samuel-go-zookeeper-dev

# Offline GOPATH build against Debian's /usr/share/gocode (no module proxy).
gopath=$LAB_RUN/gopath
mkdir -p "$gopath/src"
ln -s "$HERE/route-announcer" "$gopath/src/route-announcer"
GO111MODULE=off GOPATH="$gopath:/usr/share/gocode" GOCACHE=${GOCACHE:-/var/cache/culprit-lab/go-build} \
  go build -o "$LAB_RUN/route-announcer" route-announcer || lab_die "route-announcer did not build"

ZK_TICK_MS=1000   # sessions may be as short as 2 ticks
host_add coord-b2
host_add edge-gw-12
# host_add creates the cgroups inside a command substitution, so lab/lib's own registration does not
# reach this shell: register them here so that they are removed on exit.
LAB_CGROUPS+=("${HOST_CG[coord-b2]%/*}" "${HOST_CG[@]}")
# ZooKeeper's JVM pause monitor (3.6+, off by default; operators turn it on to see GC and host stalls):
# it sleeps 500 ms in a loop and logs any oversleep of 1 s or more, with the GCs seen meanwhile.
ZK_EXTRA_CFG="jvm.pause.monitor=true"
zk_configure coord-b2          # one server: ZooKeeper runs standalone
metrics_start
zk_start coord-b2 -Xms64m -Xmx128m
zk_pid=${ZK_PID[coord-b2]}
lab_on_exit "kill -CONT $zk_pid"   # never leave a stopped JVM behind
_zk_up() { [[ $(zk_mode coord-b2) == standalone ]]; }
lab_wait_for 40 "ZooKeeper on coord-b2" _zk_up

log=$BUNDLE/edge-gw-12/logs/route-announcer.log
host_start edge-gw-12 route-announcer route-announcer.log "$LAB_RUN/route-announcer" \
  -zk "${HOST_IP[coord-b2]}:2181" -service checkout-gw -member edge-gw-12 -addr "${HOST_IP[edge-gw-12]}:8443" \
  -bind "${HOST_IP[edge-gw-12]}" -session-timeout 3s
ann_pid=$LAB_LAST_PID
lab_wait_for 30 "route-announcer watching its member node" grep -q 'watching member' "$log"
lab_sleep 6

# The outage: ZooKeeper stops answering (SIGSTOP) for longer than the 3 s session. When it resumes, its
# session tracker expires the session and the client's reconnect is told so. A client whose reconnect
# request the server handles before the tracker runs keeps its session (a real race in ZooKeeper), so
# the stall is repeated up to three times.
expired=0
for round in 1 2 3; do
  lab_log "stall $round: SIGSTOP zookeeper (pid $zk_pid) for 9 s"
  kill -STOP "$zk_pid"
  stall_iso[$round]=$(lab_now_iso)
  lab_sleep 9
  kill -CONT "$zk_pid"
  lab_log "zookeeper resumed"
  for _ in $(seq 1 20); do
    grep -q 'session has been expired' "$log" && { expired=1; break; }
    lab_sleep 0.5
  done
  (( expired )) && break
  lab_sleep 4
done
(( expired )) || lab_die "the session survived three ZooKeeper stalls; no closed watch channel to spin on"
stall_round=$round

# Let it spin, then gather what an on-call engineer would while it still does.
lab_sleep 6
proc_alive "$ann_pid" || lab_die "route-announcer exited"
top_file=$BUNDLE/edge-gw-12/cmd/top-b-n1.txt
top -b -n1 -w 200 > "$LAB_RUN/top.txt"
ann_pids=" $(cg_pids "${HOST_CG[edge-gw-12]}" | tr '\n' ' ') "
# The host's view: top's summary and column header, then the host's processes.
awk -v pids="$ann_pids" 'hdr { if (index(pids, " " $1 " ")) print; next } { print } /^ *PID /{ hdr=1 }' \
  "$LAB_RUN/top.txt" > "$top_file"
for h in coord-b2 edge-gw-12; do bundle_ps "$h"; bundle_ss "$h"; done
bundle_cmd edge-gw-12 "uptime"
lab_sleep 2
proc_stop "$ann_pid" 3 || true

# Measure the spin before trimming the log.
spin_re='unexpected zk event Unknown state=StateDisconnected'
spin_lines=$(grep -c "$spin_re" "$log" || true)
first_spin=$(awk -v re="$spin_re" 'index($0, re) { print substr($0, 1, 26); exit }' "$log")
last_spin=$(grep "$spin_re" "$log" | tail -n 1 | cut -c1-26)
log_bytes=$(stat -c %s "$log")
cpu_top=$(awk -v p="$ann_pid" '$1==p {print $9}' "$top_file")
lab_log "spin: $spin_lines lines from $first_spin to $last_spin ($log_bytes bytes); top %CPU $cpu_top"
(( spin_lines > 10000 )) || lab_die "route-announcer did not spin ($spin_lines lines)"

# Keep the log to its first 150000 spin lines (the whole run is hundreds of MB); analyze reads .gz.
keep=$(awk -v re="$spin_re" 'index($0, re) && ++n == 150000 { print NR; exit }' "$log")
if [[ -n $keep ]]; then head -n "$keep" "$log" > "$log.head" && mv "$log.head" "$log"; fi
first_iso=$("$LAB_PY" -c 'import sys,datetime;d=datetime.datetime.strptime(sys.argv[1],"%Y/%m/%d %H:%M:%S.%f");print(d.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3]+"Z")' "$first_spin")

zk_log=$BUNDLE/coord-b2/logs/zookeeper/zookeeper.log
chain=process-stall,coordination-session-loss,hot-loop,log-flood
grep -q 'Expiring session' "$zk_log" || lab_die "ZooKeeper logged no session expiry"
# The freeze as ZooKeeper itself saw it once resumed: the pause monitor's oversleep, with no GC in it.
pause_line=$(grep -m1 -A1 'Detected pause in JVM or host machine' "$zk_log" | tr '\n' ' ' || true)
[[ $pause_line == *'No GCs detected'* ]] || lab_die "ZooKeeper's pause monitor logged no GC-free pause: '$pause_line'"
pause_ms=$(sed -n 's/.*pause of approximately \([0-9]*\) ms.*/\1/p' <<<"$pause_line")
(( pause_ms >= 5000 )) || lab_die "the pause monitor saw only $pause_ms ms"
notes="ZooKeeper on coord-b2 (pid $zk_pid) was stopped (SIGSTOP) for 9 s at ${stall_iso[$stall_round]} (stall $stall_round of up to 3), longer than route-announcer's 3 s session; ZooKeeper's JVM pause monitor (jvm.pause.monitor=true in zoo.cfg, off by default but commonly enabled by operators) logged the freeze on resume as a pause of approximately $pause_ms ms with no GC detected; on resume ZooKeeper expired the session and route-announcer's reconnect was told so. go-zookeeper closed the member watch channel; route-announcer's watch loop does not check for a closed channel and logged the zero event ('Unknown state=StateDisconnected') $spin_lines times from $first_spin to $last_spin (log time) until it was stopped, top showing ${cpu_top}% CPU. The log is cut after its first 150000 spin lines ($log_bytes bytes in all)."
bundle_truth hot-loop edge-gw-12 route-announcer "$first_iso" "$chain" "$notes"
# The trigger (not the root cause): the ZooKeeper stall.
"$LAB_PY" - "$LAB_RUN/truth.json" "${stall_iso[$stall_round]}" <<'PY'
import json, sys
path, t = sys.argv[1:3]
doc = json.load(open(path))
doc['trigger'] = {'category': 'process-stall', 'host': 'coord-b2', 'process': 'zookeeper', 'time': t}
json.dump(doc, open(path, 'w'), indent=2)
open(path, 'a').write('\n')
PY
bundle_finish
