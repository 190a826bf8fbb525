#!/usr/bin/env bash
# Records real PostgreSQL server logs for test/fixtures/logs/postgresql/: a throwaway cluster in a temp
# dir, listening on 127.0.0.1 only, on a non-default port. It provokes "too many clients", a statement
# timeout, a lock wait (log_lock_waits), a deadlock and a syntax error, once with the Debian default
# log_line_prefix '%m [%p] ' and once with '%m [%p] %q%u@%d ' in a non-UTC log_timezone.
# Needs PostgreSQL server binaries (apt-get install postgresql) and root (runs the server as postgres).
# Run from the repo root: bash scripts/record/postgresql.sh
set -euo pipefail
out=$(realpath -m "${1:-test/fixtures/logs/postgresql}")
port=${PGPORT_RECORD:-54329}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
work=$(mktemp -d)
chown postgres: "$work"
data=$work/data
pid_of_server() { head -n 1 "$data/postmaster.pid" 2>/dev/null || true; }
cleanup() {
  local pid
  pid=$(pid_of_server)
  if [ -n "$pid" ]; then kill -INT "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$out"
as_pg() { runuser -u postgres -- "$@"; }
q() { "$bin/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres "$@"; }

as_pg "$bin/initdb" -D "$data" -A trust -U postgres --no-sync --locale=C.UTF-8 >/dev/null
cat >> "$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$work'
max_connections = 4
superuser_reserved_connections = 0
log_lock_waits = on
deadlock_timeout = 200ms
lc_messages = 'C'
CONF

start() { # $1 = log file, $2 = log_line_prefix, $3 = log_timezone
  as_pg "$bin/pg_ctl" -D "$data" -l "$1" -w -o "-c log_line_prefix='$2' -c log_timezone=$3" start >/dev/null
}
stop() { # by the pid file, fast shutdown, bounded wait
  local pid
  pid=$(pid_of_server)
  kill -INT "$pid"
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  echo "server $pid did not stop" >&2
  return 1
}

provoke() {
  q -c "create table if not exists accounts(id int primary key, balance int); insert into accounts values (1, 100), (2, 100) on conflict do nothing"
  # too many clients: 4 sessions hold every slot, a fifth is refused
  local holders=()
  for _ in 1 2 3 4; do q -c "select pg_sleep(2)" >/dev/null & holders+=($!); done
  sleep 0.7
  q -c "select 1" >/dev/null 2>&1 || true
  wait "${holders[@]}"
  # statement timeout
  q -c "set statement_timeout = 100; select pg_sleep(1)" >/dev/null 2>&1 || true
  # lock wait: one session holds a row lock while another waits longer than deadlock_timeout
  q -c "begin; update accounts set balance = balance - 1 where id = 1; select pg_sleep(1); commit" >/dev/null & local a=$!
  sleep 0.3
  q -c "update accounts set balance = balance + 1 where id = 1" >/dev/null
  wait "$a"
  # deadlock: two sessions take the same two rows in opposite order
  q -c "begin; update accounts set balance = 0 where id = 1; select pg_sleep(0.5); update accounts set balance = 0 where id = 2; commit" >/dev/null 2>&1 & a=$!
  q -c "begin; update accounts set balance = 1 where id = 2; select pg_sleep(0.5); update accounts set balance = 1 where id = 1; commit" >/dev/null 2>&1 || true
  wait "$a" || true
  # a client error with its statement
  q -c "selec 1" >/dev/null 2>&1 || true
}

start "$work/default-prefix.log" '%m [%p] ' UTC
provoke
stop
start "$work/user-db-prefix.log" '%m [%p] %q%u@%d ' Asia/Shanghai
provoke
stop

cp "$work/default-prefix.log" "$out/debian-default-prefix.log"
cp "$work/user-db-prefix.log" "$out/user-db-prefix-cst.log"
wc -l "$out"/*.log
