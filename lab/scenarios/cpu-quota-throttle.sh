#!/usr/bin/env bash
# lab: a pricing service in a small CFS CPU quota (cgroup v1) meets a load burst; it is throttled, answers too late, storefront calls time out
source "$LAB_DIR/lib/lab.sh"
lab_begin cpu-quota-throttle 150
HERE=$LAB_DIR/scenarios/cpu-quota-throttle
mkdir -p "$LAB_RUN/bin"
cp "$HERE/rate-engine" "$HERE/price-checker" "$LAB_RUN/bin/"
# the batch client is the same program under the name it runs as on its host
cp "$HERE/price-checker" "$LAB_RUN/bin/catalog-sync"
QUOTA_US=25000 PERIOD_US=100000   # a quarter of one CPU

host_add pricing-b7
host_cpu_quota pricing-b7 "$QUOTA_US" "$PERIOD_US" rate-engine.service
host_add web-fe-3
host_add catalog-job-1
pricing_ip=${HOST_IP[pricing-b7]}
cpu_cg=${HOST_CPU_CG[pricing-b7]}

metrics_start
engine_log=$BUNDLE/pricing-b7/logs/rate-engine.log
host_start pricing-b7 rate-engine - "$LAB_RUN/bin/rate-engine" --listen "$pricing_ip:8080" --work 40000 --log "$engine_log"
engine_pid=$LAB_LAST_PID
lab_wait_for 15 "rate-engine listening" net_port_open "$pricing_ip" 8080

checker_log=$BUNDLE/web-fe-3/logs/price-checker.log
host_start web-fe-3 price-checker - "$LAB_RUN/bin/price-checker" --target "$pricing_ip:8080" --bind "${HOST_IP[web-fe-3]}" \
  --workers 4 --pause 0.5 --timeout 1.0 --log "$checker_log"
lab_sleep 15
base_periods=$(awk '$1=="nr_periods"{print $2}' "$cpu_cg/cpu.stat")
base_throttled=$(awk '$1=="nr_throttled"{print $2}' "$cpu_cg/cpu.stat")
lab_log "baseline cpu.stat: $(tr '\n' ' ' < "$cpu_cg/cpu.stat")"

# The burst: a catalog sync re-prices everything with 16 workers (generous 10 s timeout).
burst_iso=$(lab_now_iso)
host_start catalog-job-1 catalog-sync - "$LAB_RUN/bin/catalog-sync" --target "$pricing_ip:8080" --bind "${HOST_IP[catalog-job-1]}" \
  --workers 16 --pause 0.05 --timeout 10 --log "$BUNDLE/catalog-job-1/logs/catalog-sync.log"
lab_wait_for 40 "price-checker timeouts" grep -q "TimeoutError" "$checker_log"
lab_sleep 20
bundle_cmd pricing-b7 "top -b -n1 -w 200" awk -v pids=" $(cg_pids "${HOST_CG[pricing-b7]}" | tr '\n' ' ') " \
  'hdr { if (index(pids, " " $1 " ")) print; next } { print } /^ *PID /{ hdr=1 }'
# The unit's CPU group, read as an engineer would (the path names the unit).
bundle_cmd pricing-b7 "cat $cpu_cg/cpu.stat"
bundle_cmd pricing-b7 "cat $cpu_cg/cpu.cfs_quota_us $cpu_cg/cpu.cfs_period_us"
stat_file=$(bundle_cmd_name "cat $cpu_cg/cpu.stat")
for h in pricing-b7 web-fe-3 catalog-job-1; do bundle_ps "$h"; bundle_ss "$h"; done
bundle_snapshot
checker_log=$BUNDLE/web-fe-3/logs/price-checker.log
engine_log=$BUNDLE/pricing-b7/logs/rate-engine.log

# Check each link in this recording before claiming it.
stat=$BUNDLE/pricing-b7/cmd/$stat_file
periods=$(awk '$1=="nr_periods"{print $2}' "$stat")
throttled=$(awk '$1=="nr_throttled"{print $2}' "$stat")
throttled_ns=$(awk '$1=="throttled_time"{print $2}' "$stat")
(( throttled - base_throttled >= 20 )) || lab_die "rate-engine's group was hardly throttled after the burst ($base_throttled -> $throttled)"
timeouts=$(grep -c "TimeoutError" "$checker_log" || true)
slow=$(grep -c ' slow: ' "$checker_log" || true)
(( timeouts >= 3 )) || lab_die "price-checker saw only $timeouts timeouts"
first_to=$(grep -m1 "TimeoutError" "$checker_log" | cut -c1-23)
first_to_iso=$("$LAB_PY" -c 'import sys,datetime;d=datetime.datetime.strptime(sys.argv[1],"%Y-%m-%d %H:%M:%S,%f");print(d.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3]+"Z")' "$first_to")
lab_log "cpu.stat: periods=$periods throttled=$throttled (baseline $base_throttled of $base_periods) throttled_time=${throttled_ns}ns; price-checker timeouts=$timeouts slow=$slow"
chain=cpu-saturation,timeout
notes="rate-engine (pid $engine_pid) on pricing-b7 runs in a CPU cgroup with a CFS quota of ${QUOTA_US} us per ${PERIOD_US} us (a quarter of a CPU); each quote costs ~20 ms of CPU. Before the burst the group was throttled in $base_throttled of $base_periods periods. At $burst_iso catalog-sync on catalog-job-1 started 16 workers against it; at capture cpu.stat showed $throttled of $periods periods throttled, $((throttled_ns / 1000000)) ms throttled in all. price-checker on web-fe-3 (1 s timeout) logged $timeouts timeouts (first at $first_to_iso) and $slow slow quotes."
bundle_truth cpu-saturation pricing-b7 rate-engine "$burst_iso" "$chain" "$notes"
bundle_finish
