#!/usr/bin/env bash
# Records a real Go runtime death for test/fixtures/logs/go/runtime-oom.log: a program that logs with
# the standard library, then keeps allocating under a 1 GiB address-space limit (ulimit -v) until the
# runtime's mmap fails: "fatal error: runtime: out of memory" with its goroutine dump, exit status 2.
# Needs the go toolchain. Run from the repo root: bash scripts/record/go-runtime-oom.sh [OUT_DIR]
set -euo pipefail
out=${1:-test/fixtures/logs/go}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/main.go" <<'GO'
package main

import "log"

var keep [][]byte

func main() {
	log.Printf("loading catalogue into memory")
	for i := 0; ; i++ {
		b := make([]byte, 64<<20)
		for j := range b {
			b[j] = byte(j)
		}
		keep = append(keep, b)
		log.Printf("cached chunk %d (%d MiB)", i, (i+1)*64)
	}
}
GO
(cd "$work" && GOCACHE="$work/cache" GOFLAGS=-mod=mod go build -o catalogue main.go)
set +e
(ulimit -v 1048576; "$work/catalogue") > "$work/out.log" 2>&1
echo "exit status $?" >> "$work/out.log"
set -e
# the dump's frames name the temp build folder: keep the first 40 lines, paths made stable
head -n 40 "$work/out.log" | sed "s#$work#/src/catalogue#g" > "$out/runtime-oom.log"
wc -l "$out/runtime-oom.log"
