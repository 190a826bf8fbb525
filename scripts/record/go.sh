#!/usr/bin/env bash
# Records real Go program logs for test/fixtures/logs/go/ from the small programs in scripts/record/go/:
# the standard `log` package (flag variants, a runtime panic and a log.Panicf, run through `go run`
# so its "exit status 2" is kept), the go-zookeeper client retrying a port where nothing listens,
# zap (console and JSON encoders), glog (klog's line layout, ending in a Fatal goroutine dump) and
# go-kit log (logfmt and JSON). Network use: connects to 127.0.0.1 only.
# Needs: apt-get install golang-go golang-github-samuel-go-zookeeper-dev golang-go.uber-zap-dev
#        golang-glog-dev golang-github-go-kit-log-dev   (libraries are built in GOPATH mode)
# Run from the repo root: bash scripts/record/go.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)/go
out=$(realpath -m "${1:-test/fixtures/logs/go}")
dead_port=${GO_RECORD_DEAD_PORT:-18485}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
export GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE=$work/cache GOFLAGS=
# program output goes to a file; a non-zero exit is what some of these runs are for
run() { # $1 = program dir, $2 = output file, rest = args
  local prog=$1 file=$2
  shift 2
  (cd "$here/$prog" && go run . "$@") >"$out/$file" 2>&1 || true
}
run std-log std-log-runtime-panic.log -mode=runtime
run std-log std-log-panicf.log -mode=logpanic
run zk-client go-zookeeper-refused.log -addr="127.0.0.1:$dead_port" -for=3s
run zap zap-console-dev.log -enc=dev
run zap zap-console-prod.log -enc=prod-console
run zap zap-json.log -enc=json
run glog glog-fatal.log -logtostderr
run gokit gokit-logfmt.log -enc=logfmt
run gokit gokit-json.log -enc=json
echo "recorded into $out"
