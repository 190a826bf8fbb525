#!/usr/bin/env bash
# lab: a ZooKeeper follower's host loses its network link (network namespaces, link down for 25 s); the member drops out, its local client's session is lost and it stops all its tasks
source "$LAB_DIR/lib/lab.sh"
source "$LAB_DIR/lib/zookeeper.sh"
lab_begin zk-link-partition 175
zk_require
"$LAB_PY" -c 'import kazoo' 2>/dev/null || lab_apt python3-kazoo
command -v ping >/dev/null || lab_apt iputils-ping
CUT_S=25

# Three hosts on one switch (a bridge in its own namespace), 10.213.7.0/24 inside our namespaces only.
# ens-r1 also runs crawl-dispatcher, a ZooKeeper client that is handed its tasks through ZooKeeper.
host_add ens-r1; host_netns ens-r1 10.213.7.11/24
host_add ens-r2; host_netns ens-r2 10.213.7.12/24
host_add ens-r3; host_netns ens-r3 10.213.7.13/24
ZK_TICK_MS=1000 ZK_INIT_LIMIT=5 ZK_SYNC_LIMIT=2
zk_configure ens-r1 ens-r2 ens-r3   # myid 1..3: ens-r3 leads a fresh ensemble

metrics_start
for h in ens-r1 ens-r2 ens-r3; do zk_start "$h" -Xms96m -Xmx96m; done
zk_wait_quorum 60
[[ $(zk_mode ens-r1) == follower ]] || lab_die "ens-r1 is not a follower ($(zk_mode ens-r1))"
zk_pid=${ZK_PID[ens-r1]}

# the shared scheduler program, under the name it runs as here
mkdir -p "$LAB_RUN/bin"
cp "$LAB_DIR/programs/fleet-scheduler" "$LAB_RUN/bin/crawl-dispatcher"
disp_log=$BUNDLE/ens-r1/logs/crawl-dispatcher.log
zk_connect=${HOST_IP[ens-r1]}:2181,${HOST_IP[ens-r2]}:2181,${HOST_IP[ens-r3]}:2181
host_start ens-r1 crawl-dispatcher - "$LAB_RUN/bin/crawl-dispatcher" --zk "$zk_connect" \
  --worker ens-r1 --tasks 32 --log "$disp_log"
lab_wait_for 30 "crawl-dispatcher tasks" grep -q 'starting task 32' "$disp_log"
lab_sleep 6

cut_iso=$(lab_now_iso)
host_link_down ens-r1
lab_log "ens-r1's link is down from $cut_iso for ${CUT_S}s"
lab_sleep 15
# What the on-call sees during the partition (from each side).
for h in ens-r1 ens-r2 ens-r3; do bundle_ss "$h"; done
host_exec ens-r1 ip -br addr > "$BUNDLE/ens-r1/cmd/ip-br-addr.txt" 2>&1 || true
host_exec ens-r1 ping -c 2 -W 1 "${HOST_IP[ens-r3]}" > "$BUNDLE/ens-r1/cmd/ping-c-2-W-1-${HOST_IP[ens-r3]}.txt" 2>&1 || true
lab_sleep $((CUT_S - 15))
host_link_up ens-r1
heal_iso=$(lab_now_iso)
lab_log "link back at $heal_iso"
# The member rejoins; the client reconnects (kazoo backs off) and learns whether its session survived.
end=$(( $(date +%s) + 40 ))
until [[ $(zk_mode ens-r1) == follower ]] && grep -q 'changed to CONNECTED' <(tail -n 20 "$disp_log") || (( $(date +%s) >= end )); do lab_sleep 1; done
lab_sleep 6
for h in ens-r1 ens-r2 ens-r3; do bundle_ps "$h"; done
bundle_snapshot
disp_log=$BUNDLE/ens-r1/logs/crawl-dispatcher.log
r1_log=$BUNDLE/ens-r1/logs/zookeeper/zookeeper.log
leader_log=$BUNDLE/ens-r3/logs/zookeeper/zookeeper.log

# Check each link in this recording before claiming it.
# who logged the network as unreachable, and how often (relative path:count)
unreach=$(cd "$BUNDLE" && grep -ciE 'no route to host|network is unreachable' ens-r*/logs/*.log ens-r*/logs/zookeeper/zookeeper.log | grep -v ':0$' | paste -sd' ' || true)
[[ -n $unreach ]] || lab_die "nobody logged the network as unreachable"
chain=network-partition
notes="ens-r1's only link (eth0) was set down at $cut_iso and up again at $heal_iso (${CUT_S} s). Lines saying 'no route to host' / 'network is unreachable', per file: $unreach."
if grep -qE 'GOODBYE' "$leader_log" && grep -qE 'Exception when following the leader|Shutting down learner|LOOKING' "$r1_log"; then
  chain+=,quorum-member-loss
  notes+=" The follower on ens-r1 (pid $zk_pid) lost its leader and the leader on ens-r3 said GOODBYE to it."
fi
if grep -qE 'connection state changed to (SUSPENDED|LOST)' "$disp_log"; then
  chain+=,coordination-session-loss
  notes+=" crawl-dispatcher's ZooKeeper connection went $(grep -oE 'changed to (SUSPENDED|LOST)' "$disp_log" | awk '{print $3}' | sort -u | paste -sd/)."
fi
stopped=$(grep -c 'stopping task' "$disp_log" || true)
if (( stopped >= 10 )); then
  chain+=,mass-task-stop
  notes+=" crawl-dispatcher then stopped $stopped tasks."
fi
lab_log "chain: $chain"
[[ $chain == *quorum-member-loss*coordination-session-loss* ]] || lab_die "the partition's effects did not all happen (chain $chain); not recording"
bundle_truth network-partition ens-r1 "" "$cut_iso" "$chain" "$notes"
bundle_finish
