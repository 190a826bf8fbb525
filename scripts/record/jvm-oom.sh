#!/usr/bin/env bash
# Records real OpenJDK output for the JVM detectors (test/fixtures/logs/jvm/oom/):
#  - OutOfMemoryError of each kind (Java heap space uncaught in main, -XX:+ExitOnOutOfMemoryError,
#    Metaspace, direct buffer memory) with tiny limits, stderr as the JVM prints it;
#  - the GC log of the heap run (full collections in a row that free nothing);
#  - long stop-the-world pauses: Serial GC full collections of a large live set of small objects.
# Needs a JDK >= 11 (java, javac). Run from the repo root: bash scripts/record/jvm-oom.sh
set -euo pipefail
out=${1:-test/fixtures/logs/jvm/oom}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

cat > "$work/Hog.java" <<'JAVA'
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

public class Hog {
  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "heap": {
        List<long[]> kept = new ArrayList<>();
        while (true) kept.add(new long[16 * 1024]);
      }
      case "direct": {
        List<ByteBuffer> kept = new ArrayList<>();
        while (true) kept.add(ByteBuffer.allocateDirect(512 * 1024));
      }
      case "metaspace": {
        // the same class bytes defined again and again by fresh loaders: each copy takes metaspace
        byte[] bytes = Hog.class.getResourceAsStream("Hog$Small.class").readAllBytes();
        List<ClassLoader> kept = new ArrayList<>();
        while (true) {
          ClassLoader l = new ClassLoader(null) {
            { defineClass("Hog$Small", bytes, 0, bytes.length); }
          };
          kept.add(l);
        }
      }
      case "pauses": {
        // a large live set of small linked objects: a Serial full GC must trace all of them
        Object[] roots = new Object[Integer.parseInt(args[1])];
        for (int i = 0; i < roots.length; i++) roots[i] = new Object[] { new int[2], new Object[1] };
        for (int i = 0; i < 4; i++) System.gc();
        System.out.println("kept " + roots.length);
        return;
      }
      default: throw new IllegalArgumentException(args[0]);
    }
  }
  static class Small { int a; }
}
JAVA
javac -d "$work" "$work/Hog.java"

run() { # name, then java options and mode; stderr and stdout as the JVM prints them
  local name=$1; shift
  (cd "$work" && java "$@" > "$work/$name.out" 2>&1) || true
  # stack frames past the first few are noise in a fixture
  awk '/^\tat / && ++n > 4 { next } { print }' "$work/$name.out" > "$out/$name.stderr.log"
}
run heap-main -Xmx16m -XX:+UseSerialGC "-Xlog:gc:file=$work/heap-gc.log:time,uptime,level,tags" -cp . Hog heap
run exit-on-oom -Xmx16m -XX:+ExitOnOutOfMemoryError -cp . Hog heap
run direct -Xmx64m -XX:MaxDirectMemorySize=2m -cp . Hog direct
run metaspace -XX:MaxMetaspaceSize=16m -cp . Hog metaspace
# keep the heap run's full collections (the log ends with them) and its start
awk 'NR <= 5 || /Pause Full/' "$work/heap-gc.log" | tail -n 40 > "$out/heap-gc.log"
# long pauses: 3 GiB heap, Serial collector, 25 M live objects
java -Xms3g -Xmx3g -XX:+UseSerialGC "-Xlog:gc,safepoint:file=$work/pauses-gc.log:time,uptime,level,tags" -cp "$work" Hog pauses 25000000
grep -E 'Using|Pause|Safepoint' "$work/pauses-gc.log" | tail -n 30 > "$out/serial-long-pauses-gc.log" || true
wc -l "$out"/*
