# shellcheck shell=bash
# Processes: started in a given cgroup (optional), registered for cleanup, ended by their own pid.

# proc_start CGROUP_DIRS_OR_- OUTFILE CMD... : start CMD in the background with stdout+stderr to OUTFILE
# (- for /dev/null), inside CGROUP_DIR when given (it joins before exec, so every child is in it too).
# Sets LAB_LAST_PID. The pid is registered and ended on exit.
proc_start() {
  local cg=$1 out=$2; shift 2
  [[ $out == - ]] && out=/dev/null
  if [[ $cg == - ]]; then
    ( exec "$@" ) >>"$out" 2>&1 </dev/null &
  else
    # CGROUP_DIR may list several groups (memory:cpu), separated by ':'.
    ( for d in ${cg//:/ }; do echo "$BASHPID" > "$d/cgroup.procs" || exit 1; done; exec "$@" ) >>"$out" 2>&1 </dev/null &
  fi
  LAB_LAST_PID=$!
  LAB_PIDS+=("$LAB_LAST_PID")
}

proc_alive() { kill -0 "$1" 2>/dev/null && [[ $(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) != Z ]]; }

# proc_stop PID [GRACE_S] : TERM, wait up to GRACE_S, then KILL. Only the given pid.
proc_stop() {
  local pid=$1 grace_s=${2:-5} i
  proc_alive "$pid" || { wait "$pid" 2>/dev/null || true; return 0; }
  # The process may exit between the check and the signal (or already be a zombie): under errexit a
  # failed kill must not end the scenario.
  kill -TERM "$pid" 2>/dev/null || true
  for (( i=0; i<grace_s*10; i++ )); do
    proc_alive "$pid" || break
    sleep 0.1
  done
  if proc_alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
  wait "$pid" 2>/dev/null || true
  return 0
}

# proc_wait_exit PID TIMEOUT_S : 0 when PID exited within TIMEOUT_S.
proc_wait_exit() {
  local pid=$1 timeout_s=$2 i
  for (( i=0; i<timeout_s*10; i++ )); do
    proc_alive "$pid" || return 0
    sleep 0.1
  done
  return 1
}
