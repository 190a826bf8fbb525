#!/usr/bin/env bash
# lab: Redis stream consumer OOM-killed (cgroup v1) on one 10x batch again and again under a restart loop; strace of one crash, lag grows
source "$LAB_DIR/lib/lab.sh"
lab_begin redis-oversized-message-oom 170
set -o errtrace
trap 'lab_log "failed at line $LINENO: $BASH_COMMAND"' ERR   # errexit alone ends a run silently
lab_on_exit 'trap - ERR'
lab_require_cgroup_v1_memory

HERE=$LAB_DIR/scenarios/redis-oversized-message-oom
# The programs run from a copy in the run (their paths show in ps and strace; no lab path there).
APP=$LAB_RUN/app
mkdir -p "$APP" && cp "$HERE"/*.py "$HERE"/run-forever.sh "$APP/"
command -v redis-server >/dev/null || lab_apt redis-server
"$LAB_PY" -c 'import redis' 2>/dev/null || lab_apt python3-redis
command -v strace >/dev/null || lab_apt strace
BIG_OFFSET=41215

host_add queue-r1
host_add billing-core-1
host_add etl-w4 $((120 << 20))   # the consumer's host: 120 MiB
# host_add creates the cgroups inside a command substitution, so lab/lib's own registration does not
# reach this shell: register them here so that they are removed on exit.
LAB_CGROUPS+=("${HOST_CG[queue-r1]%/*}" "${HOST_CG[@]}")
redis_ip=${HOST_IP[queue-r1]}
metrics_start

mkdir -p "$LAB_RUN/redis" "$BUNDLE/queue-r1/logs/redis"
host_start queue-r1 redis-server - redis-server --bind "$redis_ip" --port 6379 --save "" --appendonly no --protected-mode no \
  --dir "$LAB_RUN/redis" --logfile "$BUNDLE/queue-r1/logs/redis/redis-server.log"
redis_pid=$LAB_LAST_PID
rcli() { redis-cli -h "$redis_ip" -p 6379 "$@"; }
lab_wait_for 20 "redis-server on $redis_ip" bash -c "[[ \$(redis-cli -h $redis_ip PING) == PONG ]]"
proc_start - "$LAB_RUN/lag-sampler.err" "$LAB_PY" -B "$HERE/stream-lag-sampler.py" --redis "$redis_ip:6379" \
  --stream invoices --host-label queue-r1 --out "$BUNDLE/metrics"
lag_sampler_pid=$LAB_LAST_PID

# The consumer runs under a restart loop on etl-w4; its group reads pending entries first after a restart.
keeper_log=$BUNDLE/etl-w4/logs/run-forever.log
parser_log=$BUNDLE/etl-w4/logs/invoice-parser.log
host_start etl-w4 run-forever invoice-parser.stderr.log bash "$APP/run-forever.sh" invoice-parser "$keeper_log" \
  "$LAB_PY" -B "$APP/invoice-parser.py" --redis "$redis_ip:6379" --bind "${HOST_IP[etl-w4]}" \
  --consumer etl-w4 --log "$parser_log"
keeper_pid=$LAB_LAST_PID
lab_wait_for 20 "invoice-parser reading" grep -q 'reading new entries' "$parser_log"

host_start billing-core-1 invoice-export - "$LAB_PY" -B "$APP/invoice-export.py" --redis "$redis_ip:6379" \
  --bind "${HOST_IP[billing-core-1]}" --interval 0.5 --lines 10000 --start-offset 41200 \
  --big-offset "$BIG_OFFSET" --big-factor 10 --count 200 --log "$BUNDLE/billing-core-1/logs/invoice-export.log"
export_pid=$LAB_LAST_PID

# Follow the restarts: sample each new consumer pid, and strace one crash (the second start) the way an
# engineer attaches to a running process.
declare -A seen=()
consumer_pids=() strace_pid= strace_target=
end=$(( $(date +%s) + 80 ))
while (( $(date +%s) < end )); do
  while read -r pid; do
    [[ -n ${seen[$pid]:-} ]] && continue
    seen[$pid]=1
    consumer_pids+=("$pid")
    metrics_target etl-w4 invoice-parser "$pid"
    if (( ${#consumer_pids[@]} == 2 )); then
      strace_target=$pid
      proc_start - "$LAB_RUN/strace.err" strace -f -tt -p "$pid" -o "$BUNDLE/etl-w4/cmd/strace-f-tt-p-$pid.txt"
      strace_pid=$LAB_LAST_PID
      lab_log "strace attached to invoice-parser pid $pid"
    fi
  done < <(sed -nE 's/.*started invoice-parser \(pid ([0-9]+)\)$/\1/p' "$keeper_log")
  kills=$(grep -c 'killed by signal 9' "$keeper_log" || true)
  (( kills >= 1 )) && [[ -z ${first_kill_s:-} ]] && first_kill_s=$(date +%s)
  # six kills, and the on-call arrives half a minute into the crash loop (the backlog has built by then)
  (( kills >= 6 && $(date +%s) >= ${first_kill_s:-0} + 30 )) && break
  sleep 0.2
done
lab_log "invoice-parser was killed $kills times; $((${#consumer_pids[@]})) starts"
lab_sleep 2

# What an on-call engineer gathers.
bundle_ps etl-w4; bundle_ps queue-r1; bundle_ps billing-core-1
rcli XINFO GROUPS invoices > "$BUNDLE/queue-r1/cmd/redis-cli-XINFO-GROUPS-invoices.txt" 2>&1
rcli XPENDING invoices invoice-parsers - + 10 > "$BUNDLE/queue-r1/cmd/redis-cli-XPENDING-invoices-invoice-parsers.txt" 2>&1
rcli INFO memory > "$BUNDLE/queue-r1/cmd/redis-cli-INFO-memory.txt" 2>&1
proc_stop "$export_pid" 3 || true
proc_stop "$keeper_pid" 5 || true
[[ -n $strace_pid ]] && proc_stop "$strace_pid" 3 || true
proc_stop "$lag_sampler_pid" 10 || true
proc_stop "$redis_pid" 5 || true

[[ -s $BUNDLE/etl-w4/logs/invoice-parser.stderr.log ]] || rm -f "$BUNDLE/etl-w4/logs/invoice-parser.stderr.log"

# The kernel's log as etl-w4 would show it (other runs' OOM reports left out).
bundle_dmesg etl-w4

# Check each link in this recording before claiming it.
oom_lines=$(grep -c 'Memory cgroup out of memory: Killed process' "$BUNDLE/etl-w4/cmd/dmesg-T.txt" || true)
big_starts=$(grep -c "processing entry id=.* offset=$BIG_OFFSET " "$parser_log" || true)
big_done=$(grep -c "done entry id=.* offset=$BIG_OFFSET " "$parser_log" || true)
strace_file=$BUNDLE/etl-w4/cmd/strace-f-tt-p-$strace_target.txt
strace_killed=$(grep -c 'killed by SIGKILL' "$strace_file" 2>/dev/null || true)
lab_log "oom kills in dmesg: $oom_lines; offset $BIG_OFFSET started $big_starts times, done $big_done; strace SIGKILL lines: $strace_killed"
(( oom_lines >= 2 && big_starts >= 2 && big_done == 0 )) || lab_die "the poison batch did not OOM-kill the consumer repeatedly"
(( strace_killed >= 1 )) || lab_die "strace did not capture the kill"

first_big=$(grep -m1 "processing entry id=.* offset=$BIG_OFFSET " "$parser_log" | cut -c1-23)
first_big_iso=$("$LAB_PY" -c 'import sys,datetime;d=datetime.datetime.strptime(sys.argv[1],"%Y-%m-%d %H:%M:%S,%f");print(d.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3]+"Z")' "$first_big")
first_oom=$(grep -m1 'Memory cgroup out of memory: Killed process' "$BUNDLE/etl-w4/cmd/dmesg-T.txt" | cut -c2-25)
last_pid=$(sed -nE 's/.*started invoice-parser \(pid ([0-9]+)\)$/\1/p' "$keeper_log" | tail -n 1)
if grep -q "Killed process $last_pid " "$BUNDLE/etl-w4/cmd/dmesg-T.txt"; then
  last_fate="the last one, pid $last_pid, was OOM-killed too while the recording was stopping"
else
  last_fate="the last one, pid $last_pid, was stopped when the recording ended"
fi
chain=poison-message,oom-kill,crash-loop
lag_max=$("$LAB_PY" -c '
import json,sys
d=json.load(open(sys.argv[1]))
print(max(int(v[1]) for r in d["data"]["result"] for v in r["values"]))' "$BUNDLE/metrics/redis_stream_group_lag.json" 2>/dev/null || echo 0)
(( lag_max >= 20 )) && chain+=,consumer-lag
big_bytes=$(grep -m1 "offset=$BIG_OFFSET " "$BUNDLE/billing-core-1/logs/invoice-export.log" | sed -nE 's/.* bytes=([0-9]+).*/\1/p')
notes="invoice-export on billing-core-1 published batch offset $BIG_OFFSET with 10x the usual line items ($big_bytes bytes). invoice-parser on etl-w4 (memory cgroup limit 120 MiB) began processing it at $first_big_iso; parsing and rendering it needs more than the limit, and the kernel OOM-killed the consumer ($oom_lines kills in dmesg, first at $first_oom local dmesg time). run-forever restarted it each time; the entry was still pending for its consumer, so every restart began with it again ($big_starts starts on it, none finished; $last_fate). strace -f -tt was attached to pid $strace_target and shows its end (killed by SIGKILL). The consumer group's lag reached $lag_max entries."
bundle_truth poison-message etl-w4 invoice-parser "$first_big_iso" "$chain" "$notes"
bundle_finish
