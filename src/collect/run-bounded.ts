import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface CommandResult {
  argv: readonly string[];
  /** Not installed: nothing was started. */
  missing: boolean;
  stdout: string;
  stderr: string;
  exitCode: number | null;
  /** Ended by us after timeoutMs (partial output kept). */
  timedOut: boolean;
  /** Output beyond maxBytes was dropped (and the command ended). */
  truncated: boolean;
  elapsedMs: number;
  /** Could not start (EACCES...). */
  error?: string;
}

export interface RunOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Signal that ends the command at its timeout; strace detaches cleanly on SIGINT. */
  stopSignal?: NodeJS.Signals;
  /** Treat stderr as the output (strace writes its trace there). */
  outputOnStderr?: boolean;
}

/** Finds an executable on PATH (and the sbin folders a non-login root shell may lack). */
export function findExecutable(name: string, pathEnv = process.env.PATH ?? ''): string | null {
  const dirs = [...pathEnv.split(delimiter), '/usr/local/sbin', '/usr/sbin', '/sbin', '/usr/bin', '/bin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const full = join(dir, name);
    try {
      accessSync(full, constants.X_OK);
      return full;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * Runs one diagnostic command with a fixed, small environment (LC_ALL=C so the text is the
 * layout formats expect, no pager, no colour), a timeout and a byte cap. Our own child is ended
 * by its pid when it overruns; nothing else is ever signalled.
 */
export async function runBounded(argv: readonly string[], o: RunOptions): Promise<CommandResult> {
  const started = Date.now();
  const base: CommandResult = { argv, missing: false, stdout: '', stderr: '', exitCode: null, timedOut: false, truncated: false, elapsedMs: 0 };
  const exe = findExecutable(argv[0]!);
  if (!exe) return { ...base, missing: true };
  return new Promise<CommandResult>((resolve) => {
    const child = spawn(exe, argv.slice(1), {
      stdio: ['ignore', 'pipe', 'pipe'],
      // TZ passes through only when set: an empty TZ would make dmesg -T and ps print UTC while
      // uptime-s.txt prints the host's local time
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', ...(process.env.TZ !== undefined ? { TZ: process.env.TZ } : {}), SYSTEMD_PAGER: '', PAGER: 'cat', SYSTEMD_COLORS: '0' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let truncated = false;
    let timedOut = false;
    let startError: string | undefined;
    const stop = (signal: NodeJS.Signals) => {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(child.pid, signal);
        } catch {
          // already gone
        }
      }
    };
    const mainCap = o.maxBytes;
    const sideCap = 64 * 1024;
    child.stdout.on('data', (b: Buffer) => {
      const cap = o.outputOnStderr ? sideCap : mainCap;
      if (outBytes >= cap) return;
      out.push(b.subarray(0, cap - outBytes));
      outBytes += Math.min(b.length, cap - outBytes);
      if (outBytes >= cap && !o.outputOnStderr) {
        truncated = true;
        stop('SIGKILL');
      }
    });
    child.stderr.on('data', (b: Buffer) => {
      const cap = o.outputOnStderr ? mainCap : sideCap;
      if (errBytes >= cap) return;
      err.push(b.subarray(0, cap - errBytes));
      errBytes += Math.min(b.length, cap - errBytes);
      if (errBytes >= cap && o.outputOnStderr) {
        truncated = true;
        stop(o.stopSignal ?? 'SIGKILL');
      }
    });
    const timer = setTimeout(() => {
      timedOut = true;
      stop(o.stopSignal ?? 'SIGKILL');
      // a command that ignores the polite signal still ends
      if (o.stopSignal && o.stopSignal !== 'SIGKILL') setTimeout(() => stop('SIGKILL'), 1000).unref();
    }, o.timeoutMs);
    child.on('error', (e) => {
      startError = e.message;
    });
    let done = false;
    const finish = (code: number | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearTimeout(hardStop);
      resolve({
        ...base,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        exitCode: code,
        timedOut,
        truncated,
        elapsedMs: Date.now() - started,
        ...(startError ? { error: startError } : {}),
      });
    };
    child.on('close', (code) => finish(code));
    // a grandchild holding our pipes open must not keep us waiting past the timeout
    const hardStop = setTimeout(() => {
      timedOut = true;
      child.stdout.destroy();
      child.stderr.destroy();
      finish(child.exitCode);
    }, o.timeoutMs + 1500);
  });
}
