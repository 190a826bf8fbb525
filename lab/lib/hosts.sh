# shellcheck shell=bash
# Simulated hosts: each is a memory cgroup + a loopback address + a folder in the bundle.
declare -gA HOST_IP=() HOST_CG=()
LAB_HOSTS=()

# host_add NAME [MEMORY_LIMIT_BYTES] : sets HOST_IP[NAME], HOST_CG[NAME]; creates NAME/{logs,cmd} in the bundle.
host_add() {
  local name=$1 limit=${2:-}
  HOST_CG[$name]=$(cg_create "$name" "$limit")
  HOST_IP[$name]=$(net_alloc)
  LAB_HOSTS+=("$name")
  mkdir -p "$BUNDLE/$name/logs" "$BUNDLE/$name/cmd"
  metrics_target_cgroup "$name" "${HOST_CG[$name]}"
  lab_log "host $name at ${HOST_IP[$name]}${limit:+ (memory limit $limit bytes)}"
}

# host_start HOST SERVICE OUT CMD... : run CMD on HOST as SERVICE (the metrics' process label).
# OUT is a path under HOST/logs/ for stdout+stderr, or - to discard it (when the program writes its own
# log files). Sets LAB_LAST_PID; the process is sampled by the metrics sampler.
host_start() {
  local host=$1 service=$2 out=$3; shift 3
  if [[ $out != - ]]; then
    out="$BUNDLE/$host/logs/$out"
    mkdir -p "$(dirname "$out")"
  fi
  proc_start "${HOST_CG[$host]}" "$out" "$@"
  metrics_target "$host" "$service" "$LAB_LAST_PID"
  lab_log "started $service on $host (pid $LAB_LAST_PID)"
}
