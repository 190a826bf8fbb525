#!/usr/bin/env bash
# lab: healthy ZooKeeper ensemble with steady client traffic and no incident (the "no root cause" recording)
source "$LAB_DIR/lib/lab.sh"
source "$LAB_DIR/lib/zookeeper.sh"
lab_begin zk-quiet 150
lab_require_cgroup_v1_memory
zk_require
"$LAB_PY" -c 'import kazoo' 2>/dev/null || lab_apt python3-kazoo

host_add quorum-n1 $((1024 << 20))
host_add quorum-n2 $((1024 << 20))
host_add quorum-n3 $((1024 << 20))
host_add web-11 $((512 << 20))
zk_configure quorum-n1 quorum-n2 quorum-n3

metrics_start
for h in quorum-n1 quorum-n2 quorum-n3; do zk_start "$h" -Xmx192m; done
zk_wait_quorum 60
host_start web-11 config-pusher - "$(lab_program config-pusher)" --zk "${HOST_IP[quorum-n1]}:2181,${HOST_IP[quorum-n2]}:2181" \
  --tenants 300 --doc-bytes 2000 --writes-per-s 20 --log "$BUNDLE/web-11/logs/config-pusher.log"
host_start web-11 fleet-scheduler - "$(lab_program fleet-scheduler)" --zk "${HOST_IP[quorum-n3]}:2181" \
  --worker web-11 --tasks 24 --log "$BUNDLE/web-11/logs/fleet-scheduler.log"
lab_sleep 45
for h in quorum-n1 quorum-n2 quorum-n3 web-11; do bundle_ps "$h"; bundle_ss "$h"; bundle_dmesg "$h"; done
bundle_cmd web-11 "free -m"
bundle_snapshot   # what the on-call takes away; the checks below read it

# Quiet means: no OOM report for our hosts, no member left the quorum, the client never lost its session.
for h in quorum-n1 quorum-n2 quorum-n3 web-11; do
  ! grep -q 'Killed process' "$BUNDLE/$h/cmd/dmesg-T.txt" || lab_die "an OOM kill on $h"
done
for h in quorum-n1 quorum-n2 quorum-n3; do
  ! grep -qE 'Exception when following the leader|Closing connection to leader|GOODBYE' "$BUNDLE/$h/logs/zookeeper/zookeeper.log" \
    || lab_die "a member of the ensemble dropped out on $h"
done
! grep -qE 'changed to (SUSPENDED|LOST)|stopping task' "$BUNDLE/web-11/logs/fleet-scheduler.log" || lab_die "fleet-scheduler lost its session"
bundle_truth "" "" "" "" "" "A healthy 3-member ensemble (leader elected at start-up), config-pusher writing ~20 updates/s and fleet-scheduler running 24 tasks for 45 s: no incident."
bundle_finish
