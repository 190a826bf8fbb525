#!/usr/bin/env bash
# Records real JDK unified GC logs (-Xlog:gc*) for test/fixtures/logs/jvm/.
# Needs a JDK >= 11 (java, javac). Run from the repo root: bash scripts/record/jvm-gc.sh
set -euo pipefail
out=${1:-test/fixtures/logs/jvm}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# Churns short-lived garbage (young pauses) while keeping a growing retained set, so that with a
# small heap the collector has to run full collections and finally gives up (OutOfMemoryError).
cat > "$work/Churn.java" <<'JAVA'
import java.util.ArrayList;
import java.util.List;

public class Churn {
  public static void main(String[] args) {
    long retainPerRound = Long.parseLong(args[0]);
    int rounds = Integer.parseInt(args[1]);
    List<byte[]> kept = new ArrayList<>();
    long sink = 0;
    try {
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < 2000; i++) sink += new byte[16 * 1024].length;
        kept.add(new byte[(int) retainPerRound]);
        if (kept.size() > 400) kept.subList(0, 200).clear();
      }
      System.gc(); // one explicit full collection: "Pause Full (System.gc())"
    } catch (OutOfMemoryError e) {
      kept.clear();
      System.out.println("out of memory after " + sink + " bytes churned");
    }
    System.out.println("done " + sink + " " + kept.size());
  }
}
JAVA
javac -d "$work" "$work/Churn.java"

decor=time,uptime,level,tags
# 1. G1 with room: young pauses, phases, safepoints, one System.gc().
java -Xms64m -Xmx256m -XX:+UseG1GC "-Xlog:gc*,safepoint:file=$work/g1.log:$decor" -cp "$work" Churn 65536 3000
# 2. G1 with a heap too small for the retained set: full GCs, then OutOfMemoryError.
java -Xmx24m -XX:+UseG1GC "-Xlog:gc*:file=$work/g1-small-heap.log:$decor" -cp "$work" Churn 262144 100000 || true
# 3. Parallel GC, uptime decoration only (no wall-clock time in the log).
java -Xmx32m -XX:+UseParallelGC "-Xlog:gc*:file=$work/parallel-uptime.log:uptime,level,tags" -cp "$work" Churn 131072 100000 || true

# Keep fixtures small, in order: the head of each log (start-up lines, first collections), up to 40
# lines of full collections and evacuation failures from the middle, and the tail (the end, OOM).
for f in g1 g1-small-heap parallel-uptime; do
  n=$(wc -l < "$work/$f.log")
  awk -v n="$n" 'NR <= 120 || NR > n - 50 || (/Pause Full|To-space|Evacuation Failure|Mark Abort/ && kept++ < 40)' "$work/$f.log" > "$out/$f.log"
done
wc -l "$out"/*.log
