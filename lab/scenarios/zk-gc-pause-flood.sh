#!/usr/bin/env bash
# lab: error-path flood makes a co-located proxy leak; the host swaps; a ZooKeeper follower's JVM GC pauses drop it from quorum
source "$LAB_DIR/lib/lab.sh"
source "$LAB_DIR/lib/zookeeper.sh"
lab_begin zk-gc-pause-flood 175
lab_require_cgroup_v1_memory
zk_require
"$LAB_PY" -c 'import kazoo' 2>/dev/null || lab_apt python3-kazoo

# lockd-b: ZooKeeper follower (small heap, GC log) + route-proxy, 320 MiB of RAM, 1.5 GiB with swap.
lab_swap_on 1536
host_add lockd-a
host_add lockd-b $((256 << 20))
cg_allow_swap "${HOST_CG[lockd-b]}" $((1536 << 20)) 100
host_add lockd-c
host_add batch-07
ZK_TICK_MS=1000 ZK_INIT_LIMIT=5 ZK_SYNC_LIMIT=2
# The members run ZooKeeper's JVM pause monitor as operators turn it on: it tells the same pauses as the
# GC log, from inside ZooKeeper's own log (with the collections it saw, or "No GCs detected").
ZK_EXTRA_CFG="jvm.pause.monitor=true"
zk_configure lockd-a lockd-b lockd-c

metrics_start
gc_log=$BUNDLE/lockd-b/logs/zookeeper/gc.log
zk_start lockd-a -Xmx256m
zk_start lockd-b -Xms160m -Xmx160m "-Xlog:gc*,safepoint:file=$gc_log:time,uptime,level,tags:filecount=2,filesize=3m"
zk_start lockd-c -Xmx256m
zk_wait_quorum 60
[[ $(zk_mode lockd-b) == follower ]] || lab_die "lockd-b is not a follower ($(zk_mode lockd-b))"
zk_pid=${ZK_PID[lockd-b]}

host_start lockd-c config-pusher - "$(lab_program config-pusher)" --zk "${HOST_IP[lockd-c]}:2181" \
  --tenants 4000 --doc-bytes 8000 --log "$BUNDLE/lockd-c/logs/config-pusher.log"
host_start lockd-b route-proxy - "$(lab_program route-proxy)" --listen "${HOST_IP[lockd-b]}:7300" \
  --log "$BUNDLE/lockd-b/logs/route-proxy.log"
proxy_pid=$LAB_LAST_PID
lab_wait_for 20 "route-proxy" net_port_open "${HOST_IP[lockd-b]}" 7300
lab_sleep 10

flood_iso=$(lab_now_iso)
host_start batch-07 inventory-sync - "$(lab_program inventory-sync)" --proxy "${HOST_IP[lockd-b]}:7300" \
  --cluster prod-eats --log "$BUNDLE/batch-07/logs/inventory-sync.log"

# Wait for the follower to leave the quorum (or the time to run out).
zk_log=$BUNDLE/lockd-b/logs/zookeeper/zookeeper.log
left_quorum() { grep -qE 'Exception when following the leader|Closing connection to leader' "$zk_log"; }
end=$(( $(date +%s) + 100 ))
while ! left_quorum && (( $(date +%s) < end )) && proc_alive "$proxy_pid"; do lab_sleep 1; done
lab_sleep 10
for h in lockd-a lockd-b lockd-c batch-07; do bundle_ps "$h"; bundle_ss "$h"; done
bundle_cmd lockd-b "free -m"
bundle_cmd lockd-b "vmstat 1 3"
bundle_dmesg lockd-b
swap_peak_mib=$(awk '{print int($1 / 1048576)}' "${HOST_CG[lockd-b]}/memory.memsw.max_usage_in_bytes")
ram_limit_mib=$(( $(cat "${HOST_CG[lockd-b]}/memory.limit_in_bytes") >> 20 ))
bundle_snapshot   # what the on-call takes away; the checks below read it
gc_log=$BUNDLE/lockd-b/logs/zookeeper/gc.log zk_log=$BUNDLE/lockd-b/logs/zookeeper/zookeeper.log

# Check each link of the chain in this recording before claiming it.
proxy_logs=("$BUNDLE"/lockd-b/logs/route-proxy.log*)
# Rotated files: .1 is the older one.
read -r errors first last < <(grep -h 'unknown cluster' $(ls -r "${proxy_logs[@]}") \
  | awk 'NR==1 { f=substr($0,1,19) } { l=substr($0,1,19) } END { print NR+0, f, l }')
span_s=$(( $(date -u -d "$last" +%s) - $(date -u -d "$first" +%s) + 1 ))
flood_rate=$(( errors / span_s ))
max_pause=$(grep -hE '\[gc +\] GC\([0-9]+\) Pause' "$gc_log"* | sed -E 's/.* ([0-9.]+)ms$/\1/' | sort -g | tail -n 1 || true)
max_pause=${max_pause:-0}
pause_line=$(grep -hE "\[gc +\] GC\([0-9]+\) Pause.* ${max_pause}ms$" "$gc_log"* | awk 'NR==1')
pause_gc=$(grep -oE 'GC\([0-9]+\)' <<<"$pause_line")
pause_cpu=$(grep -hF "[gc,cpu" "$gc_log"* | grep -F "$pause_gc " | sed -E 's/.*(User=.*)/\1/' | awk 'NR==1')
proxy_rss_mib=$("$LAB_PY" -c '
import json,sys
d=json.load(open(sys.argv[1]))
print(max((int(v[1])>>20 for r in d["data"]["result"] if r["metric"].get("process")=="route-proxy" for v in r["values"]), default=0))' \
  "$BUNDLE/metrics/process_resident_memory_bytes.json")
lab_log "flood: $errors errors in ${span_s}s (~${flood_rate}/s, what the rotated logs kept); proxy peak RSS ${proxy_rss_mib} MiB; lockd-b RAM+swap peak ${swap_peak_mib} MiB (RAM limit ${ram_limit_mib} MiB); longest GC pause ${max_pause} ms ($pause_cpu)"

chain=""
notes="inventory-sync on batch-07 resolves billing in cluster \"prod-eats\" (a typo) via route-proxy on lockd-b and retries at once on every error."
if (( flood_rate >= 500 )); then
  chain+=log-flood,
  notes+=" route-proxy logged ~${flood_rate} 'unknown cluster' errors a second ($errors in the ${span_s}s its rotated logs kept)."
fi
if (( proxy_rss_mib >= ram_limit_mib / 2 )); then
  chain+=memory-leak,
  notes+=" It leaks a request context on that error path: its RSS reached ${proxy_rss_mib} MiB."
else
  lab_die "route-proxy did not grow (peak RSS ${proxy_rss_mib} MiB)"
fi
if (( swap_peak_mib > ram_limit_mib )); then
  chain+=memory-pressure,
  notes+=" lockd-b (RAM limit ${ram_limit_mib} MiB) swapped: RAM+swap use peaked at ${swap_peak_mib} MiB."
  oom=$(bundle_dmesg_raw_since lockd-b | { grep -E 'Killed process' || true; } \
    | sed -E 's/^\[ *[0-9.]+\] Memory cgroup out of memory: //; s/ total-vm.*//' | paste -sd';')
  if [[ -n $oom ]]; then notes+=" Kernel: $oom."; fi
fi
# The pause that matters is the one that ended just before the follower dropped out (the leader waits
# syncLimit x tickTime = 2 s for an ack).
loss_at=$(grep -hE 'Exception when following the leader|Closing connection to leader' "$zk_log" | awk 'NR==1 { print $1 "T" substr($2,1,8) "." substr($2,10,3) }')
[[ -n $loss_at ]] || lab_die "the follower on lockd-b never left the quorum"
loss_epoch=$(date -u -d "$loss_at" +%s.%N)
trigger=$(grep -hE '\[gc +\] GC\([0-9]+\) Pause' "$gc_log"* | awk -v loss="$loss_epoch" '{
    ts=substr($1,2,23); gsub(/T/," ",ts); cmd="date -u -d \"" ts "\" +%s.%N"; cmd | getline end; close(cmd)
    ms=$NF; sub(/ms$/,"",ms)
    if (ms+0 >= 1000 && end <= loss + 1 && end >= loss - 3) print ms, substr($1,2,23), $0
  }' | sort -g | tail -n 1)
if [[ -n $trigger ]]; then
  read -r trig_ms trig_at _ <<<"$trigger"
  trig_gc=$(grep -oE 'GC\([0-9]+\)' <<<"$trigger" | head -n 1)
  trig_cpu=$(grep -hF "[gc,cpu" "$gc_log"* | grep -F "$trig_gc " | sed -E 's/.*(User=.*)/\1/' | awk 'NR==1')
  chain+=gc-pause,quorum-member-loss
  notes+=" The ZooKeeper follower's JVM on lockd-b (160 MiB heap) stopped the world for ${trig_ms} ms in $trig_gc ending at $trig_at ($trig_cpu: waiting on swapped-out heap pages, not computing); the follower lost the leader at $loss_at (syncLimit 2 x tickTime 1 s) and re-joined after an election. Longest pause of the run: ${max_pause} ms."
else
  chain+=quorum-member-loss
  notes+=" The follower lost the leader at $loss_at, but no GC pause of 1 s or more ended just before it (longest of the run: ${max_pause} ms): its threads stalled on swap outside GC."
fi
# What the pause monitor in ZooKeeper's own log said about the same moment (its record closest to the
# loss, within 3 s: it logs once the pause is over).
monitor=$("$LAB_PY" - "$zk_log" "$loss_at" <<'PY'
import datetime, re, sys
path, loss = sys.argv[1:3]
loss_t = datetime.datetime.fromisoformat(loss)
best, rec = None, None
for line in open(path, errors='replace'):
    m = re.match(r'(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),(\d{3}) .*pause of approximately (\d+) ms', line)
    if m:
        t = datetime.datetime.fromisoformat(m[1] + '.' + m[2])
        d = abs((t - loss_t).total_seconds())
        rec = [d, m[3] + ' ms logged at ' + m[1] + '.' + m[2], []] if d <= 3 else None
        if rec and (best is None or d < best[0]):
            best = rec
    elif rec is not None and (line.startswith('No GCs detected') or line.startswith('GC pool ')):
        rec[2].append(line.strip())
if best:
    print(best[1] + (' (' + '; '.join(best[2]) + ')' if best[2] else ''))
PY
)
if [[ -n $monitor ]]; then notes+=" ZooKeeper's JVM pause monitor (jvm.pause.monitor=true) on lockd-b reported a pause of approximately $monitor."; fi
chain=${chain%,}
lab_log "chain: $chain"
[[ $chain == *memory-leak*gc-pause*quorum-member-loss* || -n ${LAB_ACCEPT_ANY:-} ]] \
  || lab_die "no GC pause right before the quorum loss this time (chain $chain); not recording (LAB_ACCEPT_ANY=1 records anyway)"
bundle_truth memory-leak lockd-b route-proxy "$flood_iso" "$chain" "$notes"
bundle_finish
