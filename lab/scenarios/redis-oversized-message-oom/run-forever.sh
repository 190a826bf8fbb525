#!/usr/bin/env bash
# run-forever NAME LOG CMD... : keeps CMD running; whenever it exits it is started again after 2 s.
# Logs each start and exit (with the signal that ended it) to LOG.
name=$1 log=$2; shift 2
child=
say() { printf '%s run-forever[%d]: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)" $$ "$*" >> "$log"; }
trap 'say "stopping $name (pid $child)"; [[ -n $child ]] && kill -TERM "$child" 2>/dev/null; wait "$child"; exit 0' TERM INT
restarts=0
while :; do
  started=$(date +%s%N)
  "$@" &
  child=$!
  say "started $name (pid $child)"
  wait "$child"; rc=$?
  ran_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  if (( rc > 128 )); then how="killed by signal $((rc - 128)) (SIG$(kill -l $((rc - 128))))"; else how="exited with status $rc"; fi
  restarts=$((restarts + 1))
  say "$name (pid $child) $how after ${ran_ms} ms; restarting in 2s (restart #$restarts)"
  sleep 2 & wait $!
done
