# shellcheck shell=bash
# Incident lab core: source this from a scenario (lab/scenarios/<name>.sh). It loads the other helpers.
# Conventions: lab/README.md. Everything a scenario starts is registered here and ended by pid on exit.

set -o errexit -o nounset -o pipefail

LAB_DIR=${LAB_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
LAB_REPO=$(cd "$LAB_DIR/.." && pwd)
# Debian's python3 (python3-kazoo lives in its dist-packages, not in a pyenv one).
LAB_PY=${LAB_PY:-/usr/bin/python3}
LAB_STATE=/run/culprit-lab        # leases shared by concurrent lab runs (loopback addresses)

LAB_PIDS=()        # processes we started, ended by pid on exit
LAB_CGROUPS=()     # cgroup directories we created, removed on exit (children first)
LAB_NETNS=()       # network namespaces we created
LAB_IP_LEASES=()   # loopback leases we hold
LAB_CLEANUP_HOOKS=()  # extra commands (strings) run first on exit
LAB_FINISHED=0

lab_log() { printf '[lab %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
lab_die() { lab_log "FAILED: $*"; exit 1; }

# Skip reasons print one clear line and exit 77 (the conventional "skipped" status).
lab_skip() { printf 'lab: SKIP %s\n' "$*" >&2; exit 77; }

lab_require_root() { [[ $(id -u) -eq 0 ]] || lab_skip "needs root (cgroups, dmesg, loopback leases)"; }
lab_require_cgroup_v1_memory() {
  [[ -w /sys/fs/cgroup/memory/cgroup.procs || -d /sys/fs/cgroup/memory/tasks || -f /sys/fs/cgroup/memory/tasks ]] \
    || lab_skip "no cgroup v1 memory controller at /sys/fs/cgroup/memory"
}

# lab_apt PKG... : install Debian packages only when a command or file they provide is missing
# (callers decide that); apt-get update runs once per lab run.
lab_apt() {
  if [[ -z ${LAB_APT_UPDATED:-} ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || lab_skip "apt-get update failed (no Debian mirror?)"
    LAB_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2 || lab_skip "apt-get install $* failed"
}

# lab_begin NAME DEADLINE_S : sets up the run folder, the bundle folder, traps and the hard time bound.
# After it: $LAB_NAME, $LAB_RUN (scratch), $BUNDLE (bundle being recorded), $LAB_T0 (epoch s),
# $LAB_T0_UPTIME (kernel monotonic s at start, for dmesg trimming).
lab_begin() {
  LAB_NAME=$1
  local deadline_s=${2:-170}
  lab_require_root
  mkdir -p "$LAB_STATE"
  # Neutral paths: they show in the recording (ps command lines, JVM flags), which should read like any
  # host's, not like a lab's.
  LAB_RUN=$(mktemp -d "/tmp/run.XXXXXX")
  BUNDLE=$LAB_RUN/hosts
  mkdir -p "$BUNDLE/metrics"
  LAB_T0=$(date +%s)
  LAB_T0_UPTIME=$(cut -d' ' -f1 /proc/uptime)
  # errexit stops on the first failing command: say which one (errtrace: inside functions too).
  set -o errtrace
  trap 'lab_log "error: exit $? at ${BASH_SOURCE[0]##*/}:$LINENO: $BASH_COMMAND"' ERR
  trap 'lab_cleanup' EXIT
  trap 'lab_log "interrupted"; exit 130' INT
  trap 'lab_log "terminated (time bound or signal)"; exit 143' TERM
  # Hard bound: the watchdog TERMs this script; the EXIT trap then ends everything we started.
  # Its output goes nowhere: a sleep holding the caller's stdout would keep `lab/run X | tail` waiting
  # for the whole bound after the run ended (killing the subshell does not end its sleep).
  ( sleep "$deadline_s" & wait $!; kill -TERM $$ 2>/dev/null ) </dev/null >/dev/null 2>&1 &
  LAB_WATCHDOG=$!
  lab_log "run $LAB_NAME in $LAB_RUN (bounded to ${deadline_s}s)"
}

# lab_program NAME : path of lab/programs/NAME copied into the run (its command line then shows no lab path).
lab_program() {
  mkdir -p "$LAB_RUN/bin"
  [[ -x $LAB_RUN/bin/$1 ]] || cp "$LAB_DIR/programs/$1" "$LAB_RUN/bin/$1"
  printf '%s\n' "$LAB_RUN/bin/$1"
}

# lab_sleep SECONDS : a sleep that lets traps (time bound, Ctrl-C) run at once. The sleep writes nothing,
# so it holds no pipe open if a trap ends the run meanwhile.
lab_sleep() { sleep "$1" </dev/null >/dev/null 2>&1 & wait $! || true; }

# lab_scratch_dir VAR : make a root-owned scratch folder beside the run (for data dirs a service owns,
# e.g. a PostgreSQL cluster) and store its path in VAR; removed on exit. Not `$(...)`: the exit hook has
# to be registered in this shell. Its path may show in the recording, so it is neutral (/tmp/data.*).
lab_scratch_dir() {
  local d; d=$(mktemp -d /tmp/data.XXXXXX)
  lab_on_exit "rm -rf '$d'"
  printf -v "$1" '%s' "$d"
}

# lab_wait_for TIMEOUT_S DESCRIPTION CMD... : poll CMD every 0.5 s until it succeeds; dies on timeout.
lab_wait_for() {
  local timeout_s=$1 what=$2; shift 2
  local end=$(( $(date +%s) + timeout_s ))
  until "$@" >/dev/null 2>&1; do
    (( $(date +%s) < end )) || lab_die "timed out after ${timeout_s}s waiting for $what"
    sleep 0.5 </dev/null >/dev/null 2>&1 & wait $! || true
  done
}

lab_on_exit() { LAB_CLEANUP_HOOKS+=("$1"); }

# lab_stop_all : stop every registered process (newest first), e.g. before the bundle is finished.
lab_stop_all() {
  local i
  for (( i=${#LAB_PIDS[@]}-1; i>=0; i-- )); do proc_stop "${LAB_PIDS[i]}" 5; done
}

lab_cleanup() {
  local rc=$?
  trap - EXIT INT TERM ERR
  set +o errexit
  local hook i
  # Newest first: a step may depend on a later one having been undone (unmount before removing the dir).
  for (( i=${#LAB_CLEANUP_HOOKS[@]}-1; i>=0; i-- )); do
    hook=${LAB_CLEANUP_HOOKS[i]}
    eval "$hook" >/dev/null 2>&1 || lab_log "cleanup step failed: $hook"
  done
  [[ -n ${LAB_SAMPLER_PID:-} ]] && proc_stop "$LAB_SAMPLER_PID" 3
  lab_stop_all
  for (( i=${#LAB_CGROUPS[@]}-1; i>=0; i-- )); do cg_destroy_dir "${LAB_CGROUPS[i]}"; done
  cg_destroy_run
  for (( i=${#LAB_NETNS[@]}-1; i>=0; i-- )); do ip netns delete "${LAB_NETNS[i]}" 2>/dev/null; done
  net_release_all
  [[ -n ${LAB_WATCHDOG:-} ]] && kill "$LAB_WATCHDOG" 2>/dev/null
  if [[ $LAB_FINISHED -eq 1 && -z ${LAB_KEEP:-} ]]; then
    rm -rf "$LAB_RUN"
  elif [[ -n ${LAB_RUN:-} ]]; then
    lab_log "scratch ($LAB_NAME) kept for inspection: $LAB_RUN"
  fi
  lab_log "cleaned up (exit $rc)"
  exit "$rc"
}

# Timestamps
lab_now_iso() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ; }
# lab_uptime_to_iso SECONDS : kernel monotonic (dmesg raw) time to ISO UTC, as dmesg -T computes it.
lab_uptime_to_iso() {
  local btime; btime=$(awk '/^btime/{print $2}' /proc/stat)
  "$LAB_PY" -c 'import sys,datetime;t=float(sys.argv[1])+float(sys.argv[2]);print(datetime.datetime.fromtimestamp(t,datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3]+"Z")' "$btime" "$1"
}

source "$LAB_DIR/lib/proc.sh"
source "$LAB_DIR/lib/cgroup.sh"
source "$LAB_DIR/lib/net.sh"
source "$LAB_DIR/lib/hosts.sh"
source "$LAB_DIR/lib/metrics.sh"
source "$LAB_DIR/lib/bundle.sh"
