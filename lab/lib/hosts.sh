# shellcheck shell=bash
# Simulated hosts: each is a memory cgroup + a loopback address + a folder in the bundle.
declare -gA HOST_IP=() HOST_CG=() HOST_CPU_CG=() HOST_NETNS=()
LAB_HOSTS=()

# host_add NAME [MEMORY_LIMIT_BYTES] : sets HOST_IP[NAME], HOST_CG[NAME]; creates NAME/{logs,cmd} in the bundle.
host_add() {
  local name=$1 limit=${2:-}
  cg_create "$name" "$limit"
  HOST_CG[$name]=$CG_LAST
  HOST_IP[$name]=$(net_alloc)
  LAB_HOSTS+=("$name")
  mkdir -p "$BUNDLE/$name/logs" "$BUNDLE/$name/cmd"
  metrics_target_cgroup "$name" "${HOST_CG[$name]}"
  lab_log "host $name at ${HOST_IP[$name]}${limit:+ (memory limit $limit bytes)}"
}

# host_cpu_quota HOST QUOTA_US [PERIOD_US] [UNIT] : cap CPU with a CFS quota (a cgroup v1 cpu group,
# HOST_CPU_CG[HOST]); processes started on HOST afterwards join it, with their children. With UNIT
# (rate-engine.service) the quota is the unit's, in HOST/system.slice/UNIT as systemd lays it out.
host_cpu_quota() {
  local host=$1 quota_us=$2 period_us=${3:-100000} unit=${4:-}
  if [[ -n $unit ]]; then
    cg_cpu_create "$host" -1 "$period_us"
    cg_cpu_create "$host/system.slice" -1 "$period_us"
    cg_cpu_create "$host/system.slice/$unit" "$quota_us" "$period_us"
  else
    cg_cpu_create "$host" "$quota_us" "$period_us"
  fi
  HOST_CPU_CG[$host]=$CG_LAST
  lab_log "host $host: CPU quota $quota_us us per $period_us us${unit:+ for $unit}"
}

# host_netns HOST ADDR/PREFIX : move HOST onto a network of its own: a namespace with eth0 at ADDR on the
# fabric bridge (net_ns_attach). HOST_IP[HOST] becomes ADDR; processes started on HOST run in the
# namespace; host_link_down/up pull and plug its cable.
host_netns() {
  net_ns_create "$1"
  HOST_NETNS[$1]=$NS_LAST
  net_ns_attach "$NS_LAST" "$2"
  HOST_IP[$1]=${2%/*}
  lab_log "host $1 at ${HOST_IP[$1]} in namespace $NS_LAST"
}
host_link_down() { ip -n "${HOST_NETNS[$1]}" link set eth0 down; }
host_link_up() { ip -n "${HOST_NETNS[$1]}" link set eth0 up; }
# host_exec HOST CMD... : run CMD in HOST's network namespace (or here when it has none).
host_exec() {
  local host=$1; shift
  if [[ -n ${HOST_NETNS[$host]:-} ]]; then ip netns exec "${HOST_NETNS[$host]}" "$@"; else "$@"; fi
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
  # `ip netns exec` execs the command (no fork): the pid stays the service's.
  [[ -n ${HOST_NETNS[$host]:-} ]] && set -- ip netns exec "${HOST_NETNS[$host]}" "$@"
  proc_start "${HOST_CG[$host]}${HOST_CPU_CG[$host]:+:${HOST_CPU_CG[$host]}}" "$out" "$@"
  metrics_target "$host" "$service" "$LAB_LAST_PID"
  lab_log "started $service on $host (pid $LAB_LAST_PID)"
}
