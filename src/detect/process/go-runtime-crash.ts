import type { LogEvent } from '../../events/event.js';
import { evidenceOf, stream } from '../define.js';
import type { Finding } from '../finding.js';

const GOROUTINE = /^goroutine \d+ \[/;
/** The runtime's own fatal errors (runtime.throw/fatal), as opposed to other programs' "fatal error:" */
const RUNTIME_FATAL = /^fatal error: (?:runtime: |out of memory|concurrent map |all goroutines are asleep|stack overflow|unexpected signal|fault$|found bad pointer|sync: )/;
/** Go's out-of-memory deaths: "fatal error: runtime: out of memory", "... out of memory allocating heap arena metadata" */
const OUT_OF_MEMORY = /out of memory/;
/** Crashes reported per file at most: a restarting program's log holds one per run. */
const MAX_PER_PATH = 100;

/**
 * A Go program died: an unrecovered "panic: ..." or a runtime "fatal error: ..." ("runtime: out of
 * memory", "out of memory allocating heap arena metadata" (Go 1.19 under ulimit -v, recorded),
 * "concurrent map writes", "all goroutines are asleep - deadlock!"), followed by the goroutine
 * dump. Go formats join the dump to the log record before it and set fields panic/fatalError/signal/
 * exitStatus; in line-per-event logs (journald, plain) the "panic: " line counts when a "goroutine N ["
 * line follows it. Exit status 2 is the runtime's.
 */
export const goRuntimeCrash = stream({
  name: 'go-runtime-crash',
  category: 'process-crash',
  software: 'go-runtime',
  description: 'A Go program died on an unrecovered panic or a runtime fatal error (out of memory, deadlock, concurrent map writes)',
  formats: '*',
  create() {
    const out: Omit<Finding, 'id'>[] = [];
    const perPath = new Map<string, number>();
    const pending = new Map<string, LogEvent>();
    const report = (e: LogEvent, why: string, fatal: boolean, signal: string | null, exitStatus: number | null, at: LogEvent = e) => {
      const n = perPath.get(e.path) ?? 0;
      if (n >= MAX_PER_PATH) return;
      perPath.set(e.path, n + 1);
      const outOfMemory = fatal && OUT_OF_MEMORY.test(why);
      out.push({
        category: 'process-crash', severity: 'critical', detector: 'go-runtime-crash',
        title: `Go program${e.process ? ` ${e.process}` : ''} died: ${fatal ? 'fatal error' : 'panic'}: ${why.slice(0, 120)}`,
        timeMs: e.timeMs ?? at.timeMs, endMs: null, host: e.host, process: e.process, pid: e.pid,
        facts: { kind: fatal ? 'fatal-error' : 'panic', reason: why.slice(0, 256), outOfMemory, signal, exitStatus: exitStatus ?? 2 },
        evidence: [evidenceOf(at)],
      });
    };
    return {
      accept(e: LogEvent) {
        const f = e.fields;
        if (f && (typeof f.panic === 'string' || typeof f.fatalError === 'string')) {
          const fatal = typeof f.fatalError === 'string';
          report(e, (fatal ? f.fatalError : f.panic) as string, fatal, typeof f.signal === 'string' ? f.signal : null, typeof f.exitStatus === 'number' ? f.exitStatus : null);
          return;
        }
        const msg = e.message;
        const c = msg.charCodeAt(0);
        if (pending.size > 0) {
          const p = pending.get(e.path);
          if (p) {
            pending.delete(e.path);
            if (c === 103 /* g */ && GOROUTINE.test(msg)) report(p, p.message.slice(7), false, null, null);
          }
        }
        if (c === 102 /* f */ && RUNTIME_FATAL.test(msg)) {
          report(e, msg.slice(13), true, null, null);
        } else if (c === 112 /* p */ && msg.startsWith('panic: ') && pending.size < 1024) {
          pending.set(e.path, e);
        }
      },
      finish() {
        pending.clear();
        perPath.clear();
        return out;
      },
    };
  },
  samples: {
    hit: [{
      // recorded by scripts/record/go.sh (std log, runtime panic)
      'host-a/logs/worker.log': [
        '2026/11/22 04:15:57 multi-line message',
        'panic: runtime error: index out of range [5] with length 3',
        '',
        'goroutine 18 [running]:',
        'main.worker({0xc0000347b8?, 0x0?, 0x0?}, 0x0?)',
        '\t/src/worker/main.go:14 +0x4a',
        'exit status 2',
      ].join('\n') + '\n',
    }, {
      'host-a/logs/journal.txt': [
        'Nov 22 04:30:27 app-1 ingest[4242]: fatal error: runtime: out of memory',
        'Nov 22 04:30:27 app-1 ingest[4242]: runtime stack:',
      ].join('\n') + '\n',
    }],
    miss: [{
      'host-a/logs/journal.txt': [
        'Nov 22 04:30:27 app-1 ingest[4242]: panic: recovered in handler, request dropped',
        'Nov 22 04:30:27 app-1 ingest[4242]: serving next request',
      ].join('\n') + '\n',
    }],
  },
});
