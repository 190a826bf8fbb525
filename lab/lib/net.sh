# shellcheck shell=bash
# Loopback addresses (the whole 127.0.0.0/8 routes to lo on Linux, so no `ip addr add` is needed) and
# network namespaces. Leases live in $LAB_STATE/ip-leases so concurrent lab runs never share an address.

# net_alloc : print a free 127.0.0.X (X in 10..250) and hold it until exit.
net_alloc() {
  local leases="$LAB_STATE/ip-leases" x ip got=
  mkdir -p "$LAB_STATE"; touch "$leases"
  exec {lockfd}>"$LAB_STATE/ip-leases.lock"
  flock "$lockfd"
  # Drop leases whose holder is gone (a run killed with -9 cannot clean up).
  awk '{ if (system("kill -0 " $2 " 2>/dev/null") == 0) print }' "$leases" > "$leases.tmp" && mv "$leases.tmp" "$leases"
  for (( x=10; x<=250; x++ )); do
    ip="127.0.0.$x"
    grep -q "^$ip " "$leases" && continue
    # Any socket on it (a listener, or TIME-WAIT left by an earlier run) would leak into this run's ss.
    ss -Htan "( src $ip or dst $ip )" 2>/dev/null | grep -q . && continue
    ss -Htan 2>/dev/null | grep -qF "ffff:$ip]" && continue
    echo "$ip $$" >> "$leases"; got=$ip; break
  done
  flock -u "$lockfd"; exec {lockfd}>&-
  [[ -n $got ]] || lab_die "no free loopback address"
  LAB_IP_LEASES+=("$got")
  printf '%s\n' "$got"
}

net_release_all() {
  local leases="$LAB_STATE/ip-leases"
  [[ -f $leases ]] || return 0
  exec {lockfd}>"$LAB_STATE/ip-leases.lock"
  flock "$lockfd"
  awk -v me="$$" '$2 != me' "$leases" > "$leases.tmp" && mv "$leases.tmp" "$leases"
  flock -u "$lockfd"; exec {lockfd}>&-
}

# net_ns_create NAME : a network namespace NAME-<pid> (with lo up), deleted on exit; sets NS_LAST to its
# name (not printed: inside `$(...)` the registration would not reach this shell).
net_ns_create() {
  local ns="$1-$$"
  ip netns add "$ns"
  LAB_NETNS+=("$ns")
  ip -n "$ns" link set lo up
  NS_LAST=$ns
}

# net_fabric_create : a namespace holding one bridge (a switch) that host namespaces attach to
# (host_netns). Sets NET_FABRIC.
net_fabric_create() {
  net_ns_create fabric
  NET_FABRIC=$NS_LAST
  ip -n "$NET_FABRIC" link add br0 type bridge
  ip -n "$NET_FABRIC" link set br0 up
  NET_FABRIC_PORTS=0
}

# net_ns_attach NS ADDR/PREFIX : give NS an eth0 with ADDR, plugged into the fabric's bridge.
# Addresses live only inside our namespaces (use a private range).
net_ns_attach() {
  local ns=$1 addr=$2 port
  [[ -n ${NET_FABRIC:-} ]] || net_fabric_create
  NET_FABRIC_PORTS=$((NET_FABRIC_PORTS + 1))
  port=port$NET_FABRIC_PORTS
  ip -n "$NET_FABRIC" link add "$port" type veth peer name eth0 netns "$ns"
  ip -n "$NET_FABRIC" link set "$port" master br0 up
  ip -n "$ns" addr add "$addr" dev eth0
  ip -n "$ns" link set eth0 up
}

# net_port_open IP PORT : 0 when something listens there.
net_port_open() { ss -Htln "src $1:$2" | grep -q .; }
