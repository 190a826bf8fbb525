#!/usr/bin/env bash
# lab: PostgreSQL lock stalls a Go service's small DB pool; CLOSE_WAIT sockets pile up to its fd limit, accept fails (EMFILE), clients time out and are reset
source "$LAB_DIR/lib/lab.sh"
lab_begin pg-pool-fd-exhaustion 170
set -o errtrace
trap 'lab_log "failed at line $LINENO: $BASH_COMMAND"' ERR   # errexit alone ends a run silently
lab_on_exit 'trap - ERR'

HERE=$LAB_DIR/scenarios/pg-pool-fd-exhaustion
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -x $PGBIN/pg_ctl ]] || { lab_apt postgresql; PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1); }
command -v go >/dev/null || lab_apt golang-go
[[ -d /usr/share/gocode/src/github.com/lib/pq ]] || lab_apt golang-github-lib-pq-dev
command -v curl >/dev/null || lab_apt curl
command -v lsof >/dev/null || lab_apt lsof
PG_PORT=5544
FD_LIMIT=256
LOCK_HOLD_S=32

# Offline GOPATH builds against Debian's /usr/share/gocode.
gopath=$LAB_RUN/gopath
mkdir -p "$gopath/src"
for prog in quote-svc quote-probe; do
  ln -s "$HERE/$prog" "$gopath/src/$prog"
  GO111MODULE=off GOPATH="$gopath:/usr/share/gocode" GOCACHE=${GOCACHE:-/var/cache/culprit-lab/go-build} \
    go build -o "$LAB_RUN/$prog" "$prog" || lab_die "$prog did not build"
done

host_add pg-ledger-1
host_add api-node-5
host_add shop-web-3
pg_ip=${HOST_IP[pg-ledger-1]} api_ip=${HOST_IP[api-node-5]} web_ip=${HOST_IP[shop-web-3]}

# A throwaway cluster owned by postgres (the scratch dir is root-only, so it lives beside it).
lab_scratch_dir pgdir   # a neutral path: it shows in PostgreSQL's log
chown postgres: "$pgdir"
pglog=$pgdir/postgresql-main.log
pgctl() { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$pgdir/data" "$@"; }
lab_on_exit "runuser -u postgres -- '$PGBIN/pg_ctl' -D '$pgdir/data' -m immediate stop; rm -rf '$pgdir'"
runuser -u postgres -- "$PGBIN/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 -N \
  > "$LAB_RUN/initdb.txt" 2>&1 || { cat "$LAB_RUN/initdb.txt" >&2; lab_die "initdb failed"; }
cat >> "$pgdir/data/postgresql.conf" <<CONF
listen_addresses = '$pg_ip'
port = $PG_PORT
unix_socket_directories = '$pgdir'
max_connections = 40
shared_buffers = 32MB
log_timezone = 'UTC'
log_line_prefix = '%m [%p] %q%u@%d '
log_connections = on
log_disconnections = on
log_lock_waits = on
deadlock_timeout = 1s
log_min_duration_statement = 2000
CONF
echo "host all all 127.0.0.0/8 trust" >> "$pgdir/data/pg_hba.conf"

metrics_start
tcp_targets=$LAB_RUN/tcp-targets.tsv
: > "$tcp_targets"
proc_start - "$LAB_RUN/tcp-sampler.err" "$LAB_PY" "$HERE/tcp-state-sampler.py" --targets "$tcp_targets" --out "$BUNDLE/metrics"
tcp_sampler_pid=$LAB_LAST_PID

# pg_ctl daemonizes the postmaster; starting it from inside the host's cgroup keeps it (and every
# backend) there.
( echo "$BASHPID" > "${HOST_CG[pg-ledger-1]}/cgroup.procs" && exec runuser -u postgres -- "$PGBIN/pg_ctl" \
    -D "$pgdir/data" -l "$pglog" -w -t 30 start ) > "$LAB_RUN/pg_ctl.txt" 2>&1 || lab_die "PostgreSQL did not start"
pg_pid=$(head -n 1 "$pgdir/data/postmaster.pid")
LAB_PIDS+=("$pg_pid")
metrics_target pg-ledger-1 postgres "$pg_pid"
lab_log "PostgreSQL on $pg_ip:$PG_PORT (postmaster pid $pg_pid)"
psql_pricing() { runuser -u postgres -- psql -X -q -h "$pgdir" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }
psql_pricing -d postgres -c "CREATE DATABASE pricing" >/dev/null
psql_pricing -d pricing >/dev/null <<'SQL'
CREATE TABLE price_book (sku text PRIMARY KEY, price_cents integer NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
INSERT INTO price_book (sku, price_cents) SELECT format('SKU-%s', lpad(i::text, 5, '0')), 199 + (i * 37) % 9000 FROM generate_series(0, 499) AS i;
SQL

svc_log=$BUNDLE/api-node-5/logs/quote-svc.log
start_svc() {
  # The service inherits a 256 open-file limit (soft and hard, so Go cannot raise it).
  host_start api-node-5 quote-svc quote-svc.log bash -c "ulimit -n $FD_LIMIT && exec \"\$0\" \"\$@\"" \
    "$LAB_RUN/quote-svc" -listen "$api_ip:8080" -bind "$api_ip" -db-max-open 4 \
    -dsn "host=$pg_ip port=$PG_PORT user=postgres dbname=pricing sslmode=disable application_name=quote-svc"
  svc_pid=$LAB_LAST_PID
  printf 'api-node-5\tquote-svc\t%s\n' "$svc_pid" >> "$tcp_targets"
}
start_svc
first_svc_pid=$svc_pid
lab_wait_for 15 "quote-svc listening" curl -sf --max-time 1 "http://$api_ip:8080/healthz"

probe_log=$BUNDLE/shop-web-3/logs/quote-probe.log
host_start shop-web-3 quote-probe quote-probe.log "$LAB_RUN/quote-probe" -target "http://$api_ip:8080" \
  -bind "$web_ip" -workers 40 -timeout 2s -pause 200ms
probe_pid=$LAB_LAST_PID
lab_sleep 8

# The trigger: a repricing job on the database host takes an ACCESS EXCLUSIVE lock on price_book and
# keeps its transaction open (pg_sleep stands in for a slow recomputation).
host_start pg-ledger-1 repricer - runuser -u postgres -- psql -X -q -h "$pg_ip" -p "$PG_PORT" -U postgres \
  -d pricing -v ON_ERROR_STOP=1 -c "SET application_name = 'repricer'" -c "BEGIN" \
  -c "ALTER TABLE price_book ADD COLUMN IF NOT EXISTS list_price_cents integer" \
  -c "UPDATE price_book SET list_price_cents = price_cents" -c "SELECT pg_sleep($LOCK_HOLD_S)" -c "COMMIT"
lock_iso=$(lab_now_iso)
lab_log "repricer holds the lock from $lock_iso for ${LOCK_HOLD_S}s"

# quote-svc's watchdog: GET /healthz every 3 s (2 s timeout); after 3 failures in a row it restarts the
# service. Diagnostics are gathered first, once accept has started failing.
wd_log=$BUNDLE/api-node-5/logs/quote-svc-watchdog.log
wd() { printf '%s quote-svc-watchdog[%d]: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)" $$ "$*" >> "$wd_log"; }
wd "watching quote-svc pid $svc_pid (GET http://$api_ip:8080/healthz every 3s, timeout 2s, restart after 3 failures)"
captured=0 restarted=0 fails=0 emfile_iso=
deadline=$(( $(date +%s) + LOCK_HOLD_S + 25 ))
while (( $(date +%s) < deadline )); do
  if (( ! captured )) && grep -q 'too many open files' "$svc_log"; then
    [[ -n $emfile_iso ]] || { emfile_iso=$(lab_now_iso); lab_log "quote-svc hit its fd limit"; lab_sleep 3; }
    lab_log "gathering diagnostics on api-node-5 (quote-svc pid $svc_pid)"
    bundle_ss api-node-5
    bundle_cmd api-node-5 "lsof -p $svc_pid"
    cp "/proc/$svc_pid/limits" "$BUNDLE/api-node-5/cmd/proc-$svc_pid-limits.txt"
    # `ulimit -a` in the service's environment (the shell it is started from sets the fd limit).
    bash -c "ulimit -n $FD_LIMIT; ulimit -a" > "$BUNDLE/api-node-5/cmd/ulimit-a.txt" 2>&1
    bundle_ps api-node-5
    bundle_cmd api-node-5 "ss -s"
    captured=1
  fi
  if out=$(curl -sS --max-time 2 -o /dev/null -w '%{http_code}' "http://$api_ip:8080/healthz" 2>&1) && [[ $out == 200 ]]; then
    (( fails > 0 )) && wd "health check ok again"
    fails=0
  else
    fails=$((fails + 1))
    wd "health check failed ($fails in a row): ${out//$'\n'/ }"
    if (( fails >= 3 && captured && ! restarted )); then
      wd "restarting quote-svc: sending SIGTERM to pid $svc_pid"
      restart_iso=$(lab_now_iso)
      proc_stop "$svc_pid" 5 || true
      start_svc
      wd "quote-svc restarted as pid $svc_pid"
      restarted=1 fails=0
    fi
  fi
  lab_sleep 3
done
lab_sleep 3
(( captured )) || lab_die "quote-svc never hit its fd limit"
bundle_ps shop-web-3
bundle_ps pg-ledger-1
bundle_ss pg-ledger-1
proc_stop "$probe_pid" 3 || true
proc_stop "$svc_pid" 3 || true
proc_stop "$tcp_sampler_pid" 10 || true
pgctl -m fast stop >/dev/null 2>&1 || true
mkdir -p "$BUNDLE/pg-ledger-1/logs/postgresql"
cp "$pglog" "$BUNDLE/pg-ledger-1/logs/postgresql/postgresql-main.log"

# Check each link in this recording before claiming it.
pg_copy=$BUNDLE/pg-ledger-1/logs/postgresql/postgresql-main.log
pool_line=$(grep -m1 'WARN db pool: max_open=4 open=4 in_use=4' "$svc_log" || true)
[[ -n $pool_line ]] || lab_die "quote-svc's pool never showed saturation"
grep -q 'still waiting for AccessShareLock' "$pg_copy" || lab_die "PostgreSQL logged no lock waits"
timeouts=$(grep -c 'Client.Timeout exceeded' "$probe_log" || true)
accept_errs=$(grep -c 'Accept error: .*too many open files' "$svc_log" || true)
close_wait=$(grep -c '^CLOSE-WAIT' "$BUNDLE/api-node-5/cmd/ss-tanp.txt" || true)
open_fds=$(grep -c . "$BUNDLE/api-node-5/cmd/lsof-p-$first_svc_pid.txt" || true)
resets=$(grep -c 'connection reset by peer' "$probe_log" || true)
lab_log "timeouts=$timeouts accept_errors=$accept_errs close_wait=$close_wait lsof_lines=$open_fds resets=$resets"
(( timeouts > 0 && close_wait > 100 && accept_errs > 0 )) || lab_die "the CLOSE_WAIT / fd exhaustion chain did not happen"
chain=conn-pool-exhaustion,timeout,close-wait-buildup,fd-exhaustion
notes="repricer on pg-ledger-1 held an ACCESS EXCLUSIVE lock on price_book from $lock_iso for ${LOCK_HOLD_S}s. quote-svc on api-node-5 (pid $first_svc_pid, pool max_open=4, queries without a deadline) had all 4 connections waiting on the lock; other requests queued for the pool. quote-probe on shop-web-3 timed out after 2 s ($timeouts times) and closed its connections, which stayed in CLOSE_WAIT in quote-svc ($close_wait in ss at capture) until quote-svc reached its 256 open-file limit and net/http logged $accept_errs accept errors (too many open files)."
if (( resets > 0 && restarted )); then
  chain+=,connection-reset
  notes+=" Connections the kernel had queued but quote-svc could not accept were reset when its watchdog restarted it at $restart_iso (3 failed health checks): quote-probe logged $resets 'connection reset by peer'."
fi
pool_time=$(cut -c1-26 <<<"$pool_line")
pool_iso=$("$LAB_PY" -c 'import sys,datetime;d=datetime.datetime.strptime(sys.argv[1],"%Y/%m/%d %H:%M:%S.%f");print(d.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3]+"Z")' "$pool_time")
notes+=" Root-cause time is quote-svc's first pool report showing 4/4 in use with waiters."
bundle_truth conn-pool-exhaustion api-node-5 quote-svc "$pool_iso" "$chain" "$notes"
"$LAB_PY" - "$LAB_RUN/truth.json" "$lock_iso" <<'PY'
import json, sys
path, t = sys.argv[1:3]
doc = json.load(open(path))
# The trigger has no category of its own in the contract (a long-held table lock).
doc['trigger'] = {'category': None, 'host': 'pg-ledger-1', 'process': 'postgres', 'time': t,
                  'what': 'a batch transaction held an ACCESS EXCLUSIVE lock on the table every quote reads'}
json.dump(doc, open(path, 'w'), indent=2)
open(path, 'a').write('\n')
PY
bundle_finish
