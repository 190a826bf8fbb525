import { signature } from '../define.js';

/**
 * The JVM ends because of an OutOfMemoryError: -XX:+ExitOnOutOfMemoryError prints "Terminating due
 * to java.lang.OutOfMemoryError: ..." and exits (status 3), -XX:+CrashOnOutOfMemoryError prints
 * "Aborting due to java.lang.OutOfMemoryError: ..." and aborts with an hs_err file, and an error that
 * reaches the top of the main thread ("Exception in thread "main" java.lang.OutOfMemoryError") ends
 * a program whose work runs there. process-crash, not oom-kill: the JVM ended itself, the kernel
 * killed nothing (jvm-out-of-memory-error reports the memory-pressure that led here).
 */
export const jvmOomExit = signature({
  name: 'jvm-oom-exit',
  category: 'process-crash',
  software: 'jvm',
  description: 'The JVM exited or aborted on an OutOfMemoryError (ExitOnOutOfMemoryError, CrashOnOutOfMemoryError, main thread)',
  formats: '*',
  prefilter: ['due to java.lang.OutOfMemoryError', 'Exception in thread "main" java.lang.OutOfMemoryError'],
  match: /(?:(Terminating|Aborting) due to|Exception in thread "main") java\.lang\.OutOfMemoryError(?:: ([^\n]{1,200}))?/,
  severity: 'critical',
  hit(m, e) {
    const how = m[1] === 'Terminating' ? 'exit-on-oom' : m[1] === 'Aborting' ? 'crash-on-oom' : 'main-thread';
    const detail = m[2]?.trim() ?? null;
    return {
      facts: { how, detail, exitStatus: how === 'exit-on-oom' ? 3 : how === 'main-thread' ? 1 : null, signal: how === 'crash-on-oom' ? 'SIGABRT' : null },
      // one JVM's log: exits in different files are different JVMs
      key: `${how}\u0000${e.path}`,
      process: e.process ?? 'java',
      title: `JVM ${how === 'crash-on-oom' ? 'aborted' : 'exited'} on OutOfMemoryError${detail ? `: ${detail.slice(0, 80)}` : ''}${how === 'main-thread' ? ' (uncaught in main)' : ''}`,
    };
  },
  samples: {
    hit: [
      'Terminating due to java.lang.OutOfMemoryError: Java heap space',
      'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space',
    ],
    miss: [
      'Exception in thread "pool-1-thread-3" java.lang.OutOfMemoryError: Java heap space',
      '2026-05-10 15:40:00,100 INFO  [main] c.e.App - JVM flags: -XX:+ExitOnOutOfMemoryError -Xmx4g',
    ],
  },
});
