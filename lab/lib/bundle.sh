# shellcheck shell=bash
# Bundle writing in the CONTRACT layout: <host>/logs/**, <host>/cmd/<command>.txt, metrics/*.json.
# The truth file is written beside the bundle, never inside it (analyze would read it as evidence):
# test/fixtures/bundles/<name>/ is the bundle, test/fixtures/bundles/<name>.truth.json its truth.

# bundle_cmd_name "dmesg -T" -> dmesg-T.txt (spaces become '-', leading dashes of options dropped).
bundle_cmd_name() {
  local words=() w
  for w in $1; do words+=("${w#-}"); done
  local IFS=-
  printf '%s.txt\n' "${words[*]//\//-}"
}

# bundle_cmd HOST "COMMAND" [FILTER_CMD...] : run COMMAND (through bash), optionally piped through
# FILTER_CMD, into HOST/cmd/<command>.txt.
bundle_cmd() {
  local host=$1 command=$2; shift 2
  local file; file="$BUNDLE/$host/cmd/$(bundle_cmd_name "$command")"
  mkdir -p "$BUNDLE/$host/cmd"
  if (( $# )); then bash -c "$command" 2>&1 | "$@" > "$file" || true
  else bash -c "$command" > "$file" 2>&1 || true
  fi
}

# bundle_ps HOST : `ps aux` as the host would show it: the header and the processes of its cgroup.
bundle_ps() {
  local host=$1 pids
  pids=$(cg_pids "${HOST_CG[$host]}" | tr '\n' ' ')
  bundle_cmd "$host" "ps aux" awk -v pids=" $pids " 'NR==1 || index(pids, " " $2 " ")'
}

# bundle_ss HOST : `ss -tanp` lines of the host: its address is the local end, or the socket belongs to
# one of its processes (clients connect from 127.0.0.1, whatever host they play). Not lines whose peer is
# the host: on loopback those are the other end's sockets, which a real host's ss never shows (the
# host would seem to own its server's address).
bundle_ss() {
  local host=$1 ip=${HOST_IP[$1]} pids
  if [[ -n ${HOST_NETNS[$host]:-} ]]; then
    # a namespace host: every socket in it is the host's
    host_exec "$host" ss -tanp > "$BUNDLE/$host/cmd/ss-tanp.txt" 2>&1 || true
    return 0
  fi
  pids=$(cg_pids "${HOST_CG[$host]}" | tr '\n' ' ')
  # Java's dual-stack sockets show as [::ffff:127.0.0.X]:PORT.
  bundle_cmd "$host" "ss -tanp" awk -v ip="$ip" -v pids=" $pids " '
    function bare(a) { sub(/^\[::ffff:/, "", a); sub(/\]:/, ":", a); return a }
    function ours(line,   rest, m) {
      rest = line
      while (match(rest, /pid=[0-9]+/)) {
        m = substr(rest, RSTART + 4, RLENGTH - 4)
        if (index(pids, " " m " ")) return 1
        rest = substr(rest, RSTART + RLENGTH)
      }
      return 0
    }
    NR==1 || index(bare($4), ip ":")==1 || ours($0)'
}

# bundle_dmesg HOST : `dmesg -T` trimmed to the lines logged since lab_begin (the ring buffer is the
# machine's: the window keeps older noise out), keeping OOM-killer reports only for HOST's cgroup.
bundle_dmesg() {
  local host=$1
  "$LAB_PY" "$LAB_DIR/lib/dmesg-window.py" --since-uptime "$LAB_T0_UPTIME" \
    --cgroup "${HOST_CG[$host]#"$CG_MEM_ROOT"}" > "$BUNDLE/$host/cmd/dmesg-T.txt"
}

# bundle_dmesg_raw_since [HOST] : raw dmesg lines since lab_begin (for the scenario's own checks); with
# HOST, OOM reports of other cgroups are left out.
bundle_dmesg_raw_since() {
  if (( $# )); then
    "$LAB_PY" "$LAB_DIR/lib/dmesg-window.py" --raw --since-uptime "$LAB_T0_UPTIME" --cgroup "${HOST_CG[$1]#"$CG_MEM_ROOT"}"
  else
    dmesg | awk -v t0="$LAB_T0_UPTIME" '{ s=$0; sub(/^\[ */, "", s); sub(/\].*/, "", s); if (s+0 >= t0) print }'
  fi
}

# bundle_trim_log FILE MAX_BYTES : keep whole lines from the end so the file fits MAX_BYTES.
bundle_trim_log() {
  local file=$1 max=$2 size
  size=$(stat -c %s "$file")
  (( size > max )) || return 0
  tail -c "$max" "$file" | tail -n +2 > "$file.trim" && mv "$file.trim" "$file"
}

# bundle_gzip_big [MIN_BYTES] : gzip every log file bigger than MIN_BYTES (default 256 KiB).
bundle_gzip_big() {
  local min=${1:-262144}
  find "$BUNDLE" -path '*/logs/*' -type f ! -name '*.gz' -size +"$((min / 1024))"k -exec gzip -9n {} +
}

# bundle_truth CATEGORY HOST PROCESS TIME_ISO CHAIN_CSV NOTES : the truth of this recording.
# HOST/PROCESS may be "" (unknown / not applicable -> null); CATEGORY "" means no incident (quiet run).
bundle_truth() {
  "$LAB_PY" - "$LAB_NAME" "$@" > "$LAB_RUN/truth.json" <<'PY'
import json, sys, datetime
name, category, host, process, time_iso, chain, notes = sys.argv[1:8]
root = None
if category:
    root = {'category': category, 'host': host or None, 'process': process or None, 'time': time_iso or None}
doc = {
    'scenario': name,
    'recordedAt': datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ'),
    'rootCause': root,
    'chain': [c for c in chain.split(',') if c],
    'notes': notes,
}
json.dump(doc, sys.stdout, indent=2)
sys.stdout.write('\n')
PY
}

# bundle_snapshot : what the on-call engineer takes away, taken while everything still runs (stopping
# the services would add shutdown noise: elections, session losses). Stops the sampler (it writes
# metrics/), copies the bundle, cuts a partial last line off each log, and points $BUNDLE at the copy:
# later bundle_* calls and the scenario's checks read the snapshot. Idempotent.
bundle_snapshot() {
  [[ -z ${LAB_SNAPSHOT_TAKEN:-} ]] || return 0
  metrics_stop
  cp -a "$BUNDLE" "$LAB_RUN/snapshot"
  BUNDLE=$LAB_RUN/snapshot
  LAB_SNAPSHOT_TAKEN=1
  local f size keep
  while IFS= read -r -d '' f; do
    size=$(stat -c %s "$f")
    (( size > 0 )) || continue
    [[ $(tail -c 1 "$f" | od -An -c | tr -d ' ') == '\n' ]] && continue
    keep=$(( size - $(tail -c 65536 "$f" | awk 'END { print length($0) }') ))
    truncate -s "$keep" "$f"
  done < <(find "$BUNDLE" -path '*/logs/*' -type f ! -name '*.gz' -print0)
  find "$BUNDLE" -path '*/logs/*' -type f -empty -delete   # e.g. a JVM stdout with nothing on it
}

# bundle_finish [OUT_DIR] : snapshot (if not yet), stop everything, gzip big logs, replace OUT_DIR
# (default test/fixtures/bundles/$LAB_NAME) with the recording and write OUT_DIR.truth.json.
bundle_finish() {
  local out=${1:-${LAB_OUT:-$LAB_REPO/test/fixtures/bundles/$LAB_NAME}}
  bundle_snapshot
  lab_stop_all
  bundle_gzip_big
  [[ -f $LAB_RUN/truth.json ]] || lab_die "scenario wrote no truth (bundle_truth)"
  rm -rf "$out"
  mkdir -p "$(dirname "$out")"
  cp -a "$BUNDLE" "$out"
  cp "$LAB_RUN/truth.json" "$out.truth.json"
  LAB_FINISHED=1
  lab_log "recorded $out ($(du -sh "$out" | cut -f1)); truth: $out.truth.json"
}
