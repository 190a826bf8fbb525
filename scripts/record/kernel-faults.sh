#!/usr/bin/env bash
# Provokes real kernel fault reports on THIS machine, safely, and records them for
# test/fixtures/logs/kernel/faults/:
#   - a NULL dereference in a small C program        -> "segfault at 0 ip ... error 6 in ..."
#   - two processes in a v1 memory cgroup of 48 MiB  -> a memory-cgroup OOM report with a task table
#   - writes to a loop device whose backing file sits on a 4 MiB tmpfs -> block-layer I/O errors,
#     "Buffer I/O error" and ext4's write errors (the backing file cannot grow: ENOSPC underneath)
#   - dd filling a 4 MiB tmpfs                        -> "No space left on device", `df -h` at 100%
# Everything it starts is ended by pid; the cgroup, mounts and loop device are removed on exit.
# Needs root, gcc, cgroup v1 memory controller at /sys/fs/cgroup/memory, losetup, mkfs.ext4.
# Run from the repo root: bash scripts/record/kernel-faults.sh [OUT_DIR]
set -euo pipefail
out=${1:-test/fixtures/logs/kernel/faults}
mkdir -p "$out"
work=$(mktemp -d)
cg=/sys/fs/cgroup/memory/culprit-record-$$
loopdev=
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  mountpoint -q "$work/ext4" && umount "$work/ext4" || true
  [ -n "$loopdev" ] && losetup -d "$loopdev" 2>/dev/null || true
  mountpoint -q "$work/backing" && umount "$work/backing" || true
  mountpoint -q "$work/tiny" && umount "$work/tiny" || true
  [ -d "$cg" ] && rmdir "$cg" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

cat > "$work/segv-demo.c" <<'C'
#include <stdio.h>
int main(void) { volatile int *p = NULL; puts("about to write through a NULL pointer"); fflush(stdout); *p = 42; return 0; }
C
# Touches N MiB one page at a time, then sleeps: a leak the memory cgroup's limit stops.
cat > "$work/mem-hog.c" <<'C'
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
int main(int argc, char **argv) {
  long mib = argc > 1 ? atol(argv[1]) : 64;
  for (long i = 0; i < mib; i++) { char *p = malloc(1 << 20); if (!p) return 3; memset(p, 7, 1 << 20); usleep(2000); }
  sleep(30);
  return 0;
}
C
gcc -O0 -o "$work/segv-demo" "$work/segv-demo.c"
gcc -O0 -o "$work/mem-hog" "$work/mem-hog.c"
cp "$work/mem-hog" "$work/cache-warmer"

mark() { echo "culprit-record: $1" > /dev/kmsg; }
mark "start $$"

# 1. segfault
"$work/segv-demo" > "$work/segv-demo.out" 2>&1 || echo "segv-demo exit status $?" >> "$work/segv-demo.out"

# 2. memory cgroup OOM: a steady 20 MiB neighbour and a hog that grows past the 48 MiB limit
mkdir "$cg"
echo $((48 << 20)) > "$cg/memory.limit_in_bytes"
[ -e "$cg/memory.memsw.limit_in_bytes" ] && echo $((48 << 20)) > "$cg/memory.memsw.limit_in_bytes"
( echo "$BASHPID" > "$cg/cgroup.procs"; exec "$work/cache-warmer" 20 ) & pids+=($!)
sleep 0.5
( echo "$BASHPID" > "$cg/cgroup.procs"; exec "$work/mem-hog" 200 ) & hog=$!
set +e; wait "$hog"; echo "mem-hog exit status $?" > "$work/mem-hog.out"; set -e
kill -TERM "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true; pids=()
rmdir "$cg"

# 3. I/O errors: a 64 MiB sparse file on a 4 MiB tmpfs behind a loop device with ext4 on it
mkdir -p "$work/backing" "$work/ext4" "$work/tiny"
mount -t tmpfs -o size=4m tmpfs "$work/backing"
truncate -s 64M "$work/backing/disk.img"
loopdev=$(losetup -f --show "$work/backing/disk.img")
mkfs.ext4 -q -F -E lazy_itable_init=1,lazy_journal_init=1,nodiscard -O ^has_journal "$loopdev"
mount -t ext4 "$loopdev" "$work/ext4"
set +e
dd if=/dev/urandom of="$work/ext4/payload.bin" bs=1M count=16 conv=fsync 2> "$work/dd-ext4.err"
sync
set -e
umount "$work/ext4" || true
losetup -d "$loopdev"; loopdev=
umount "$work/backing"

# 4. ENOSPC on a tiny tmpfs, and df while it is full
mount -t tmpfs -o size=4m tmpfs "$work/tiny"
set +e; dd if=/dev/zero of="$work/tiny/fill.bin" bs=1M count=8 2> "$work/dd-enospc.err"; set -e
LC_ALL=C df -h "$work/tiny" / | sed "s#$work/tiny#/var/spool/app#" > "$out/df-h.txt"
umount "$work/tiny"

mark "end $$"
sleep 0.2
# the records between the two marks; other activity on the machine (a lab scenario) is dropped
LC_ALL=C dmesg -T | awk -v s="culprit-record: start $$" -v e="culprit-record: end $$" 'index($0, s) { on = 1 } on && !/culprit-lab/ { print } index($0, e) { on = 0 }' \
  | sed "s#$work#/tmp/rec#g" > "$out/dmesg-T.txt"
sed "s#$work#/tmp/rec#g" "$work/segv-demo.out" > "$out/segv-demo.out.txt"
cat "$work/mem-hog.out" >> "$out/segv-demo.out.txt"
sed "s#$work#/tmp/rec#g; s#/tmp/rec/tiny#/var/spool/app#" "$work/dd-enospc.err" > "$out/dd-enospc.txt"
sed "s#$work#/tmp/rec#g" "$work/dd-ext4.err" >> "$out/dd-enospc.txt"
wc -l "$out"/*
