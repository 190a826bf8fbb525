# shellcheck shell=bash
# ZooKeeper ensembles from Debian's `zookeeper` package (3.8, log4j 1.2), one member per simulated host,
# each bound to its host's loopback address with the usual ports (2181 client, 2888 quorum, 3888 election).
# Source after lab.sh. The server log goes to <host>/logs/zookeeper/zookeeper.log in the bundle.

ZK_CLASSPATH_JARS=/usr/share/java/zookeeper.jar:/usr/share/java/slf4j-log4j12.jar:/usr/share/java/log4j-1.2.jar
ZK_TICK_MS=${ZK_TICK_MS:-2000}
ZK_INIT_LIMIT=${ZK_INIT_LIMIT:-10}
ZK_SYNC_LIMIT=${ZK_SYNC_LIMIT:-5}
# Extra zoo.cfg lines for every member (e.g. "jvm.pause.monitor=true"), one per line.
ZK_EXTRA_CFG=${ZK_EXTRA_CFG:-}
declare -gA ZK_PID=() ZK_MYID=()
ZK_HOSTS=()

zk_require() {
  [[ -f /usr/share/java/zookeeper.jar && -f /usr/share/java/slf4j-log4j12.jar ]] || lab_apt zookeeper
  command -v java >/dev/null || lab_apt default-jre-headless
}

# zk_configure HOST... : write each member's conf and data dir (myid 1..n in the given order).
zk_configure() {
  ZK_HOSTS=("$@")
  local host i=0 servers=""
  for host in "$@"; do
    i=$((i + 1)); ZK_MYID[$host]=$i
    servers+="server.$i=${HOST_IP[$host]}:2888:3888"$'\n'
  done
  for host in "$@"; do
    local conf="$LAB_RUN/zk/$host/conf" data="$LAB_RUN/zk/$host/data"
    mkdir -p "$conf" "$data" "$BUNDLE/$host/logs/zookeeper"
    echo "${ZK_MYID[$host]}" > "$data/myid"
    cat > "$conf/zoo.cfg" <<CFG
tickTime=$ZK_TICK_MS
initLimit=$ZK_INIT_LIMIT
syncLimit=$ZK_SYNC_LIMIT
dataDir=$data
clientPort=2181
clientPortAddress=${HOST_IP[$host]}
maxClientCnxns=200
admin.enableServer=false
4lw.commands.whitelist=ruok,srvr,mntr,stat
$servers
CFG
    [[ -z $ZK_EXTRA_CFG ]] || printf '%s\n' "$ZK_EXTRA_CFG" >> "$conf/zoo.cfg"
    # The package's own layout: rolling file appender, ISO8601 timestamps, thread:class@line.
    cat > "$conf/log4j.properties" <<'L4J'
log4j.rootLogger=${zookeeper.root.logger}
log4j.appender.ROLLINGFILE=org.apache.log4j.RollingFileAppender
log4j.appender.ROLLINGFILE.Threshold=INFO
log4j.appender.ROLLINGFILE.File=${zookeeper.log.dir}/zookeeper.log
log4j.appender.ROLLINGFILE.MaxFileSize=4MB
log4j.appender.ROLLINGFILE.MaxBackupIndex=2
log4j.appender.ROLLINGFILE.layout=org.apache.log4j.PatternLayout
log4j.appender.ROLLINGFILE.layout.ConversionPattern=%d{ISO8601} - %-5p [%t:%C{1}@%L] - %m%n
L4J
  done
}

# zk_start HOST [JVM_FLAGS...] : start the member on HOST (stdout -> logs/zookeeper/zookeeper.out).
zk_start() {
  local host=$1; shift
  local conf="$LAB_RUN/zk/$host/conf"
  host_start "$host" zookeeper zookeeper/zookeeper.out \
    java "-Dzookeeper.log.dir=$BUNDLE/$host/logs/zookeeper" -Dzookeeper.root.logger=INFO,ROLLINGFILE \
    "-Dlog4j.configuration=file:$conf/log4j.properties" -XX:+UseSerialGC "$@" \
    -cp "$conf:$ZK_CLASSPATH_JARS" org.apache.zookeeper.server.quorum.QuorumPeerMain "$conf/zoo.cfg"
  ZK_PID[$host]=$LAB_LAST_PID
}

# zk_4lw HOST CMD : a four-letter-word command (srvr, mntr, ruok) against HOST's member.
zk_4lw() {
  host_exec "$1" "$LAB_PY" - "${HOST_IP[$1]}" "$2" <<'PY'
import socket, sys
s = socket.create_connection((sys.argv[1], 2181), timeout=2)
s.sendall(sys.argv[2].encode())
out = b''
while True:
    chunk = s.recv(4096)
    if not chunk:
        break
    out += chunk
sys.stdout.write(out.decode(errors='replace'))
PY
}

# zk_mode HOST : leader | follower | standalone | (empty when not serving)
zk_mode() { zk_4lw "$1" srvr 2>/dev/null | awk -F': ' '/^Mode/{print $2}'; }

# zk_wait_quorum TIMEOUT_S : until every member serves and one of them leads.
zk_wait_quorum() {
  local timeout_s=$1
  _zk_quorum_ok() {
    local h m leaders=0
    for h in "${ZK_HOSTS[@]}"; do
      m=$(zk_mode "$h"); [[ -n $m ]] || return 1
      [[ $m == leader ]] && leaders=$((leaders + 1))
    done
    (( leaders == 1 ))
  }
  lab_wait_for "$timeout_s" "ZooKeeper quorum" _zk_quorum_ok
}

zk_leader() { local h; for h in "${ZK_HOSTS[@]}"; do [[ $(zk_mode "$h") == leader ]] && { echo "$h"; return 0; }; done; return 1; }
