#!/usr/bin/env bash
# Records real `strace -f` output for test/fixtures/logs/strace/: an allocation refused with ENOMEM
# under `ulimit -v`, and a child killed by SIGKILL. Needs strace and a C compiler.
# Run from the repo root: bash scripts/record/strace.sh
set -euo pipefail
# a short PATH keeps the shells' command lookups (and so the traces) small
out=${1:-test/fixtures/logs/strace}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# Maps 1 GiB (refused under a 256 MiB address-space limit), reports it and exits 1, like a service
# that cannot get its heap.
cat > "$work/bigmap.c" <<'C'
#include <stdio.h>
#include <sys/mman.h>
int main(void) {
  void *p = mmap(NULL, 1UL << 30, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) { perror("mmap 1 GiB"); return 1; }
  return 0;
}
C
cc -O0 -o "$work/bigmap" "$work/bigmap.c"

# 1. -f -tt -T to stderr: several processes, so strace prefixes "[pid N]".
(ulimit -v 262144; PATH=/usr/bin:/bin strace -f -tt -T sh -c "$work/bigmap; echo exit=\$?" 2> "$work/enomem-tt.txt" >/dev/null) || true
# 2. -f -ttt -T into a file (-o): the pid comes first without brackets; a sleeping child is
#    killed with SIGKILL while its parent waits (unfinished/resumed calls).
PATH=/usr/bin:/bin strace -f -ttt -T -o "$work/sigkill-ttt.txt" bash -c 'sleep 30 & child=$!; sleep 0.2; kill -KILL $child; wait $child; exit 1' || true

cp "$work/enomem-tt.txt" "$out/enomem-f-tt-T.txt"
cp "$work/sigkill-ttt.txt" "$out/sigkill-f-ttt-T.txt"
wc -l "$out"/*.txt
