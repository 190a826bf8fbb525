import type { LogEvent } from '../../events/event.js';
import { evidenceOf, stream } from '../define.js';
import type { Finding } from '../finding.js';

/** The wordings of OutOfMemoryError (HotSpot 8-21) and what each says is exhausted. */
const KINDS: readonly { re: RegExp; kind: string; what: string }[] = [
  { re: /^Java heap space/, kind: 'heap', what: 'Java heap' },
  { re: /^GC overhead limit exceeded/, kind: 'gc-overhead', what: 'heap (GC overhead limit: >98% of time collecting)' },
  { re: /^(?:Metaspace|Compressed class space)/, kind: 'metaspace', what: 'metaspace' },
  { re: /^PermGen space/, kind: 'permgen', what: 'permanent generation' },
  { re: /^unable to create (?:new )?native thread/, kind: 'native-thread', what: 'native threads (memory or process/thread limits)' },
  // JDK 8-11: "Direct buffer memory"; JDK 17: "Cannot reserve 2097152 bytes of direct buffer memory (allocated: 0, limit: 1048576)"
  { re: /^(?:Direct buffer memory|Cannot reserve \d+ bytes of direct buffer memory)/, kind: 'direct-buffer', what: 'direct buffer memory' },
  { re: /^Requested array size exceeds VM limit/, kind: 'array-size', what: 'array size limit' },
];
const OOME = /java\.lang\.OutOfMemoryError(?:: ([^\n]{0,300}))?/;
const THREAD = /Exception in thread "([^"]{1,128})" java\.lang\.OutOfMemoryError/;
const DIRECT_LIMIT = /allocated: (\d{1,20}), limit: (\d{1,20})/;
const MERGE_GAP_MS = 60_000;
const MAX_OPEN = 4096;
/** Of a record's text, only this much is searched: a stack trace's tail cannot hold the error's first line. */
const MAX_SCAN_CHARS = 4000;

/**
 * A JVM reporting java.lang.OutOfMemoryError, in any log (application log with a stack trace,
 * stderr's "Exception in thread ..."). Category memory-pressure: an OutOfMemoryError is the JVM short
 * of one of its own memory areas, not the kernel killing it (oom-kill) nor necessarily a death —
 * the JVM often lives on with failing threads. When the JVM does exit on it, jvm-oom-exit reports the
 * process-crash. Facts: kind (heap, gc-overhead, metaspace, native-thread, direct-buffer...), the thread.
 */
export const jvmOutOfMemoryError = stream({
  name: 'jvm-out-of-memory-error',
  category: 'memory-pressure',
  software: 'jvm',
  description: 'java.lang.OutOfMemoryError (Java heap space, GC overhead, Metaspace, native thread, direct buffer memory)',
  formats: '*',
  create() {
    const open = new Map<string, { f: Omit<Finding, 'id'>; lastMs: number | null; count: number; last: LogEvent | null }>();
    const out: Omit<Finding, 'id'>[] = [];
    const close = (g: { f: Omit<Finding, 'id'>; count: number; last: LogEvent | null }) => {
      if (g.count > 1) {
        g.f.facts.count = g.count;
        g.f.title += ` (${g.count} times)`;
        if (g.last) g.f.evidence.push(evidenceOf(g.last));
      }
      out.push(g.f);
    };
    return {
      accept(e: LogEvent) {
        const text = e.text.length > MAX_SCAN_CHARS ? e.text.slice(0, MAX_SCAN_CHARS) : e.text;
        if (!text.includes('OutOfMemoryError')) return;
        const m = OOME.exec(text);
        if (!m) return;
        const detail = (m[1] ?? '').trim();
        const k = KINDS.find((x) => x.re.test(detail));
        // "Terminating due to java.lang.OutOfMemoryError: ..." repeats the error at exit: jvm-oom-exit's
        if (/(?:Terminating|Aborting) due to java\.lang\.OutOfMemoryError/.test(text)) return;
        const kind = k?.kind ?? (detail ? 'other' : 'unspecified');
        const thread = THREAD.exec(text)?.[1] ?? e.thread ?? null;
        const key = `${e.host ?? ''}\u0000${e.path}\u0000${kind}`;
        const g = open.get(key);
        if (g && (e.timeMs === null || g.lastMs === null || e.timeMs - g.lastMs <= MERGE_GAP_MS)) {
          g.count++;
          g.last = e;
          if (e.timeMs !== null) {
            g.lastMs = e.timeMs;
            g.f.endMs = e.timeMs;
          }
          return;
        }
        if (g) {
          close(g);
          open.delete(key);
        }
        if (open.size >= MAX_OPEN) return;
        const direct = kind === 'direct-buffer' ? DIRECT_LIMIT.exec(detail) : null;
        open.set(key, {
          f: {
            category: 'memory-pressure', severity: 'error', detector: 'jvm-out-of-memory-error',
            title: `JVM${e.host ? ` on ${e.host}` : ''} ran out of ${k?.what ?? 'memory'}: OutOfMemoryError${detail ? `: ${detail.slice(0, 100)}` : ''}${thread ? ` in thread "${thread}"` : ''}`,
            timeMs: e.timeMs, endMs: null, host: e.host, process: e.process ?? 'java', pid: e.pid,
            facts: {
              kind, detail: detail.slice(0, 200) || null, thread,
              directAllocatedBytes: direct ? Number(direct[1]) : null, directLimitBytes: direct ? Number(direct[2]) : null,
            },
            evidence: [evidenceOf(e)],
          },
          lastMs: e.timeMs, count: 1, last: null,
        });
      },
      finish() {
        for (const g of open.values()) close(g);
        open.clear();
        return out;
      },
    };
  },
  samples: {
    hit: [{
      'host-a/logs/app.log': '2026-05-10 15:45:40,100 ERROR [http-nio-8080-exec-7] o.a.c.c.C.[.[.[/].[dispatcherServlet] - Servlet.service() threw exception\njava.lang.OutOfMemoryError: Java heap space\n\tat java.base/java.util.Arrays.copyOf(Arrays.java:3537)\n',
    }, {
      'host-a/logs/stderr.log': 'Exception in thread "pool-1-thread-3" java.lang.OutOfMemoryError: unable to create native thread: possibly out of memory or process/resource limits reached\n',
    }],
    miss: [{
      // configuration that mentions the error is not the error
      'host-a/logs/app.log': '2026-05-10 15:40:00,100 INFO  [main] c.e.App - JVM flags: -XX:+HeapDumpOnOutOfMemoryError -Xmx4g\n',
    }],
  },
});
