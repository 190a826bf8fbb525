#!/usr/bin/env bash
# lab: a spooler fills a small filesystem it shares with Redis's AOF; writes fail with ENOSPC, Redis refuses writes (MISCONF), its client's saves fail
source "$LAB_DIR/lib/lab.sh"
lab_begin disk-full-spool 150
command -v redis-server >/dev/null || lab_apt redis-server
HERE=$LAB_DIR/scenarios/disk-full-spool
mkdir -p "$LAB_RUN/bin"
cp "$HERE/event-spooler" "$HERE/cart-writer" "$LAB_RUN/bin/"

# relay-n4 has a small data volume (a 48 MiB tmpfs mounted for this run, unmounted on exit) holding both
# event-spooler's outbox and Redis's append-only file. checkout-2 keeps its cart sessions in that Redis.
host_add relay-n4
host_add checkout-2
relay_ip=${HOST_IP[relay-n4]}
lab_scratch_dir data
vol=$data/vol
mkdir -p "$vol"
mount -t tmpfs -o size=48m,mode=0755 tmpfs "$vol"
lab_on_exit "umount -l '$vol'"
mkdir -p "$vol/redis" "$vol/outbox"

metrics_start
redis_log=$BUNDLE/relay-n4/logs/redis/redis-server.log
mkdir -p "$(dirname "$redis_log")"
host_start relay-n4 redis-server - redis-server --bind "$relay_ip" --port 6379 --protected-mode no \
  --dir "$vol/redis" --appendonly yes --appendfsync everysec --save '' --logfile "$redis_log" --daemonize no
redis_pid=$LAB_LAST_PID
lab_wait_for 15 "redis listening" net_port_open "$relay_ip" 6379

cart_log=$BUNDLE/checkout-2/logs/cart-writer.log
host_start checkout-2 cart-writer - "$LAB_RUN/bin/cart-writer" --redis "$relay_ip:6379" \
  --bind "${HOST_IP[checkout-2]}" --rate 40 --log "$cart_log"
lab_sleep 8

spool_iso=$(lab_now_iso)
spool_log=$BUNDLE/relay-n4/logs/event-spooler.log
host_start relay-n4 event-spooler - "$LAB_RUN/bin/event-spooler" --dir "$vol/outbox" --kib-per-s 3072 --log "$spool_log"
spooler_pid=$LAB_LAST_PID
lab_wait_for 60 "the volume to fill (ENOSPC in the spooler)" grep -q 'No space left on device' "$spool_log"
full_iso=$(lab_now_iso)
lab_log "volume full at $full_iso"
# Redis notices at its next AOF write; cart-writer at its next SET after that.
end=$(( $(date +%s) + 30 ))
while ! grep -q 'MISCONF' "$cart_log" && (( $(date +%s) < end )); do lab_sleep 1; done
lab_sleep 10
# The machine's other mounts are not relay-n4's: keep the header, / and the data volume.
bundle_cmd relay-n4 "df -h" awk -v vol="$vol" 'NR==1 || $6=="/" || $6==vol'
for h in relay-n4 checkout-2; do bundle_ps "$h"; bundle_ss "$h"; done
# Named as run on relay-n4 itself (the address would change the file name from run to run).
redis-cli -h "$relay_ip" -p 6379 info persistence > "$BUNDLE/relay-n4/cmd/redis-cli-info-persistence.txt" 2>&1 || true
bundle_snapshot
spool_log=$BUNDLE/relay-n4/logs/event-spooler.log
redis_log=$BUNDLE/relay-n4/logs/redis/redis-server.log
cart_log=$BUNDLE/checkout-2/logs/cart-writer.log

# Check each link in this recording before claiming it.
df_line=$(grep -F " $vol" "$BUNDLE/relay-n4/cmd/df-h.txt" || true)
[[ $df_line == *' 100% '* ]] || lab_die "df does not show the volume at 100% ($df_line)"
first_enospc=$(grep -m1 'No space left on device' "$spool_log")
[[ -n $first_enospc ]] || lab_die "event-spooler logged no ENOSPC"
first_iso=$("$LAB_PY" -c 'import sys,datetime;d=datetime.datetime.strptime(sys.argv[1],"%Y-%m-%d %H:%M:%S,%f");print(d.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3]+"Z")' "$(cut -c1-23 <<<"$first_enospc")")
spool_errs=$(grep -c 'No space left on device' "$spool_log" || true)
redis_errs=$(grep -cE 'Short write while writing to the AOF file|Error writing to the AOF file|No space left on device' "$redis_log" || true)
misconf=$(grep -c 'MISCONF' "$cart_log" || true)
lab_log "spooler ENOSPC=$spool_errs redis ENOSPC lines=$redis_errs cart MISCONF=$misconf"
(( redis_errs > 0 )) || lab_die "Redis did not fail to write its AOF"
chain=disk-full
notes="event-spooler (pid $spooler_pid) on relay-n4 started at $spool_iso writing ~3 MiB/s of batch files to a 48 MiB volume it shares with Redis's append-only file; df shows it at 100% ($df_line). event-spooler's first failed write (ENOSPC) at $first_iso; it logged $spool_errs. redis-server (pid $redis_pid) logged $redis_errs AOF write errors (short writes / ENOSPC) and stopped accepting writes."
if (( misconf > 0 )); then
  # No contract category for "a store refuses writes"; the effect stays in the notes.
  notes+=" Redis then refused writes: cart-writer on checkout-2 logged $misconf MISCONF rejections of its SETs."
fi
lab_log "chain: $chain"
bundle_truth disk-full relay-n4 event-spooler "$first_iso" "$chain" "$notes"
bundle_finish
