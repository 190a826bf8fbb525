# shellcheck shell=bash
# Metrics sampler: lab/lib/sampler.py reads $LAB_RUN/metric-targets.tsv every second (targets may be
# added while it runs) and, when stopped, writes Prometheus query_range JSON into $BUNDLE/metrics/.

metrics_target() { printf 'proc\t%s\t%s\t%s\n' "$1" "$2" "$3" >> "$LAB_RUN/metric-targets.tsv"; }
metrics_target_cgroup() { printf 'cgroup\t%s\t\t%s\n' "$1" "$2" >> "$LAB_RUN/metric-targets.tsv"; }

metrics_start() {
  touch "$LAB_RUN/metric-targets.tsv"
  proc_start - "$LAB_RUN/sampler.err" "$LAB_PY" "$LAB_DIR/lib/sampler.py" \
    --targets "$LAB_RUN/metric-targets.tsv" --out "$BUNDLE/metrics" --interval "${1:-1}"
  LAB_SAMPLER_PID=$LAB_LAST_PID
}

# metrics_stop : the sampler writes its files on TERM.
metrics_stop() {
  [[ -n ${LAB_SAMPLER_PID:-} ]] || return 0
  proc_stop "$LAB_SAMPLER_PID" 10
  LAB_SAMPLER_PID=
  [[ -s $LAB_RUN/sampler.err ]] && { lab_log "sampler stderr:"; cat "$LAB_RUN/sampler.err" >&2; }
  return 0
}
