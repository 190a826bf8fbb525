#!/usr/bin/env bash
# lab: neighbour leak fills a ZooKeeper follower's host (cgroup v1); the kernel OOM-kills the follower's JVM; client stops all tasks
source "$LAB_DIR/lib/lab.sh"
source "$LAB_DIR/lib/zookeeper.sh"
lab_begin zk-oom-neighbour 175
lab_require_cgroup_v1_memory
zk_require
"$LAB_PY" -c 'import kazoo' 2>/dev/null || lab_apt python3-kazoo

# meta-02 is a small host (512 MiB, no swap): ZooKeeper follower (256 MiB heap, pre-touched), fleet-scheduler
# and report-renderer. The renderer leaks; when the host is full the OOM killer takes the largest process,
# which is the ZooKeeper JVM, not the leaker.
host_add meta-01
host_add meta-02 $((512 << 20))
host_add meta-03
ZK_TICK_MS=1000 ZK_INIT_LIMIT=5 ZK_SYNC_LIMIT=2
zk_configure meta-01 meta-02 meta-03   # myid 1..3: the highest id (meta-03) leads a fresh ensemble

metrics_start
zk_start meta-01 -Xms160m -Xmx160m
zk_start meta-02 -Xms256m -Xmx256m -XX:+AlwaysPreTouch
zk_start meta-03 -Xms160m -Xmx160m
zk_wait_quorum 60
[[ $(zk_mode meta-02) == follower ]] || lab_die "meta-02 is not a follower ($(zk_mode meta-02))"
zk_pid=${ZK_PID[meta-02]}

host_start meta-02 fleet-scheduler - "$(lab_program fleet-scheduler)" --zk "${HOST_IP[meta-02]}:2181" \
  --worker meta-02 --tasks 48 --log "$BUNDLE/meta-02/logs/fleet-scheduler.log"
lab_wait_for 30 "fleet-scheduler tasks" grep -q 'starting task 48' "$BUNDLE/meta-02/logs/fleet-scheduler.log"
lab_sleep 8

renderer_iso=$(lab_now_iso)
host_start meta-02 report-renderer - "$(lab_program report-renderer)" --mib-per-s 10 \
  --log "$BUNDLE/meta-02/logs/report-renderer.log"
renderer_pid=$LAB_LAST_PID
proc_wait_exit "$zk_pid" 90 || lab_die "the ZooKeeper follower on meta-02 was not OOM-killed within 90 s"
oom_line=$(bundle_dmesg_raw_since | grep -E "Killed process $zk_pid " | head -n 1)
[[ -n $oom_line ]] || lab_die "ZooKeeper on meta-02 died but the kernel logged no OOM kill for pid $zk_pid"
oom_iso=$(lab_uptime_to_iso "$(sed -E 's/^\[ *([0-9.]+)\].*/\1/' <<<"$oom_line")")
lab_log "OOM kill at $oom_iso: $oom_line"

# A supervisor restarts ZooKeeper 10 s later (like Restart=on-failure, RestartSec=10): longer than the
# scheduler's 6 s session timeout, so its session expires; the renderer keeps leaking.
lab_sleep 10
zk_start meta-02 -Xms256m -Xmx256m -XX:+AlwaysPreTouch
proc_wait_exit "$renderer_pid" 40 || true
# kazoo backs off between reconnects (up to tens of seconds): wait until the scheduler learns its session
# is gone (it then stops its tasks), then a little longer.
sched_live=$BUNDLE/meta-02/logs/fleet-scheduler.log
end=$(( $(date +%s) + 75 ))
while ! grep -q 'stopping task' "$sched_live" && (( $(date +%s) < end )); do lab_sleep 1; done
lab_sleep 5
for h in meta-01 meta-02 meta-03; do bundle_ps "$h"; bundle_ss "$h"; bundle_cmd "$h" "free -m"; done
bundle_dmesg meta-02
bundle_snapshot   # what the on-call takes away; the checks below read it
leader_log=$BUNDLE/meta-03/logs/zookeeper/zookeeper.log
sched_log=$BUNDLE/meta-02/logs/fleet-scheduler.log

# Check each link of the chain in this recording before claiming it.
chain=memory-leak,oom-kill
notes="report-renderer (pid $renderer_pid) on meta-02 leaked ~10 MiB/s from $renderer_iso; at the 512 MiB cgroup limit the kernel OOM-killed the largest process, the ZooKeeper follower's JVM (pid $zk_pid), at $oom_iso."
# Every OOM kill of the run, as the kernel reported it (victim and the task whose allocation invoked it).
while read -r line; do
  notes+=" Kernel: $line."
done < <(bundle_dmesg_raw_since meta-02 | grep -E 'invoked oom-killer|Killed process' \
  | sed -E 's/^\[ *[0-9.]+\] //; s/ invoked oom-killer.*/ invoked the OOM killer/; s/^Memory cgroup out of memory: //; s/ total-vm.*//')
if grep -qE 'GOODBYE|Unexpected exception causing shutdown|Shutting down learner' "$leader_log"; then
  chain+=,quorum-member-loss
  notes+=" The leader on meta-03 dropped the follower from the quorum."
fi
if grep -qE 'connection state changed to (SUSPENDED|LOST)' "$sched_log"; then
  chain+=,coordination-session-loss
  notes+=" fleet-scheduler's ZooKeeper connection went $(grep -oE 'changed to (SUSPENDED|LOST)' "$sched_log" | awk '{print $3}' | sort -u | paste -sd/)."
fi
stopped=$(grep -c 'stopping task' "$sched_log" || true)
if (( stopped >= 10 )); then
  chain+=,mass-task-stop
  notes+=" fleet-scheduler then stopped $stopped tasks."
fi
lab_log "chain: $chain"
[[ $chain == *quorum-member-loss*coordination-session-loss*mass-task-stop* ]] \
  || lab_die "the follower/client effects did not all happen this time (chain $chain); not recording"
bundle_truth memory-leak meta-02 report-renderer "$renderer_iso" "$chain" "$notes"
bundle_finish
