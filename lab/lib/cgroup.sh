# shellcheck shell=bash
# cgroup v1 memory groups, one per simulated host: /sys/fs/cgroup/memory/hosts-<run pid>/<host> (the path
# shows in the kernel's OOM reports, so it stays neutral).
CG_MEM_ROOT=/sys/fs/cgroup/memory

# cg_create NAME [LIMIT_BYTES] : create (and register) a memory cgroup under this run's group; sets CG_LAST
# to its dir. It does not print it: inside `$(...)` the registration would not reach this shell.
cg_create() {
  local name=$1 limit=${2:-}
  local run_dir="$CG_MEM_ROOT/hosts-$$"
  if [[ ! -d $run_dir ]]; then
    mkdir -p "$run_dir"
    LAB_CGROUPS+=("$run_dir")
  fi
  local dir="$run_dir/$name"
  mkdir "$dir"
  LAB_CGROUPS+=("$dir")
  # No swap on the lab machine, but make the OOM decision deterministic where there is one.
  echo 0 > "$dir/memory.swappiness" 2>/dev/null || true
  [[ -n $limit ]] && cg_set_limit "$dir" "$limit"
  CG_LAST=$dir
}

# cg_cpu_create NAME QUOTA_US [PERIOD_US] : a cgroup v1 CPU group /sys/fs/cgroup/cpu/hosts-<pid>/NAME with a
# CFS quota (QUOTA_US of CPU time per PERIOD_US, default 100 ms), registered; sets CG_LAST.
CG_CPU_ROOT=/sys/fs/cgroup/cpu
cg_cpu_create() {
  local name=$1 quota_us=$2 period_us=${3:-100000}
  [[ -f $CG_CPU_ROOT/cpu.cfs_quota_us ]] || lab_skip "no cgroup v1 cpu controller at $CG_CPU_ROOT"
  local run_dir="$CG_CPU_ROOT/hosts-$$"
  if [[ ! -d $run_dir ]]; then
    mkdir -p "$run_dir"
    LAB_CGROUPS+=("$run_dir")
  fi
  local dir="$run_dir/$name"
  mkdir "$dir"
  LAB_CGROUPS+=("$dir")
  echo "$period_us" > "$dir/cpu.cfs_period_us"
  echo "$quota_us" > "$dir/cpu.cfs_quota_us"
  CG_LAST=$dir
}

cg_set_limit() {
  local dir=$1 limit=$2
  echo "$limit" > "$dir/memory.limit_in_bytes"
  # memsw exists only with swap accounting; keep it equal so swap cannot hide the limit.
  [[ -f $dir/memory.memsw.limit_in_bytes ]] && echo "$limit" > "$dir/memory.memsw.limit_in_bytes" 2>/dev/null || true
}

cg_usage_bytes() { cat "$1/memory.usage_in_bytes"; }
cg_pids() { cat "$1/cgroup.procs" 2>/dev/null; }
# cg_oom_kills DIR : the cgroup's oom_kill counter (kernel >= 4.13).
cg_oom_kills() { awk '$1=="oom_kill"{print $2}' "$1/memory.oom_control"; }

# cg_destroy_run : remove this run's whole group (hosts-<pid>/*), wherever its members
# were created (cg_create also runs inside $(...), where LAB_CGROUPS does not reach the caller).
cg_destroy_run() {
  local root run_dir d
  for root in "$CG_MEM_ROOT" "$CG_CPU_ROOT"; do
    run_dir="$root/hosts-$$"
    [[ -d $run_dir ]] || continue
    for d in "$run_dir"/*/; do [[ -d $d ]] && cg_destroy_dir "${d%/}"; done
    cg_destroy_dir "$run_dir"
  done
  return 0
}

# cg_destroy_dir DIR : kill what is still inside (only processes in our own group), then remove it.
cg_destroy_dir() {
  local dir=$1 pid i
  [[ -d $dir ]] || return 0
  for pid in $(cg_pids "$dir"); do kill -KILL "$pid" 2>/dev/null; done
  for (( i=0; i<30; i++ )); do
    [[ -z $(cg_pids "$dir") ]] && break
    sleep 0.1
  done
  rmdir "$dir" 2>/dev/null || lab_log "could not remove cgroup $dir"
}

# cg_allow_swap DIR MEM_PLUS_SWAP_BYTES [SWAPPINESS] : let the group swap (needs lab_swap_on and swap
# accounting); memory pressure then shows as swapping stalls before the OOM killer acts.
cg_allow_swap() {
  local dir=$1 memsw=$2 swappiness=${3:-60}
  [[ -f $dir/memory.memsw.limit_in_bytes ]] || lab_skip "no swap accounting (memory.memsw.*) in cgroup v1"
  echo "$memsw" > "$dir/memory.memsw.limit_in_bytes"
  echo "$swappiness" > "$dir/memory.swappiness"
}

# lab_swap_on MIB : a swap file for this run (the lab machine has none), removed on exit.
lab_swap_on() {
  local file=/var/tmp/swap.$$
  dd if=/dev/zero of="$file" bs=1M count="$1" status=none
  chmod 600 "$file"
  mkswap "$file" >/dev/null
  # swapoff has to bring the pages back; retry once (it can fail while the machine is short of memory).
  lab_on_exit "{ swapoff '$file' || { sleep 2; swapoff '$file'; }; } && rm -f '$file'"
  swapon "$file" || lab_skip "swapon not permitted here"
  lab_log "swap on: $file ($1 MiB)"
}
