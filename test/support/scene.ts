import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { createReadStream } from 'node:fs';
import * as tarStream from 'tar-stream';

/**
 * Test support for the collect integration tests: real processes in the conditions collect must
 * capture (fds leaking toward RLIMIT_NOFILE, sockets in CLOSE_WAIT, a memory cgroup near its
 * limit), each ended by its own pid, and helpers to run the CLI and read a bundle back.
 */

/** A child driven by lines on stdin, answering with lines on stdout. */
export class SceneProcess {
  private buffered = '';
  private readonly waiters: { re: RegExp; resolve: (m: RegExpExecArray) => void; reject: (e: Error) => void }[] = [];

  constructor(readonly child: ChildProcessByStdio<Writable, Readable, null>) {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (s: string) => {
      this.buffered += s;
      this.flush();
    });
    child.on('exit', (code, signal) => {
      this.exited = `exited (code ${code}, signal ${signal})`;
      this.flush();
    });
  }

  private exited: string | null = null;

  get pid(): number {
    return this.child.pid!;
  }

  private flush(): void {
    for (let i = 0; i < this.waiters.length; i++) {
      const w = this.waiters[i]!;
      const m = w.re.exec(this.buffered);
      if (m) {
        this.buffered = this.buffered.slice(m.index + m[0].length);
        this.waiters.splice(i--, 1);
        w.resolve(m);
      } else if (this.exited) {
        this.waiters.splice(i--, 1);
        w.reject(new Error(`pid ${this.pid} ${this.exited} before printing ${w.re}`));
      }
    }
  }

  /** Waits for a line matching `re` (bounded by `timeoutMs`). */
  waitFor(re: RegExp, timeoutMs = 10_000): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`pid ${this.pid}: no ${re} within ${timeoutMs} ms; stderr may say why`)), timeoutMs);
      this.waiters.push({
        re,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.flush();
    });
  }

  send(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  /** Ends the child by its own pid and waits for it. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    process.kill(this.pid, 'SIGKILL');
    await gone;
  }
}

function startNode(script: string, opts: { nofile?: number; args?: string[]; env?: Record<string, string> } = {}): SceneProcess {
  const node = process.execPath;
  // sh sets the limit and execs node, so the pid we hold is node's own
  const argv = opts.nofile
    ? ['/bin/sh', ['-c', `ulimit -n ${opts.nofile} && exec "$0" "$@"`, node, '-e', script, '--', ...(opts.args ?? [])]]
    : [node, ['-e', script, '--', ...(opts.args ?? [])]];
  const child = spawn(argv[0] as string, argv[1] as string[], { stdio: ['pipe', 'pipe', 'inherit'], env: { PATH: process.env.PATH ?? '', ...(opts.env ?? {}) } });
  return new SceneProcess(child);
}

/**
 * Opens /dev/null and never closes it: one fd every `dripMs` up to `dripTo` open fds, plus
 * `leak N` on demand. Answers `fds N` (its open fd count).
 */
export function startFdLeaker(nofile: number, dripTo: number, dripMs = 100, args: string[] = [], env: Record<string, string> = {}): SceneProcess {
  const script = `
const fs = require('fs');
const held = [];
const count = () => fs.readdirSync('/proc/self/fd').length;
const leak = (n) => { for (let i = 0; i < n; i++) { try { held.push(fs.openSync('/dev/null', 'r')); } catch (e) { console.log('error ' + e.code); return; } } };
setInterval(() => { if (count() < ${dripTo}) leak(1); }, ${dripMs});
require('readline').createInterface({ input: process.stdin }).on('line', (l) => {
  const m = /^leak (\\d+)$/.exec(l);
  if (m) leak(Number(m[1]));
  console.log('fds ' + count());
});
console.log('fds ' + count());`;
  return startNode(script, { nofile, args, env });
}

/**
 * A loopback TCP server that never closes what its peers closed: every accepted socket whose
 * peer ends stays in CLOSE_WAIT. Prints `port N`; `count` answers `conns N`.
 */
export function startCloseWaitServer(): SceneProcess {
  const script = `
const net = require('net');
const held = [];
const server = net.createServer({ allowHalfOpen: true }, (s) => { held.push(s); s.on('end', () => {}); s.resume(); });
server.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));
require('readline').createInterface({ input: process.stdin }).on('line', () => console.log('conns ' + held.length));`;
  return startNode(script);
}

/**
 * In a network namespace of its own (unshare --net, loopback up): a server that holds `n`
 * connections its peers (in the same process) closed, so they sit in CLOSE_WAIT where the
 * collector's /proc/net/tcp does not show them. Prints `ready`.
 */
export function startCloseWaitInNetns(n: number): SceneProcess {
  const script = `
const net = require('net');
const held = [];
const server = net.createServer({ allowHalfOpen: true }, (s) => { held.push(s); s.resume(); });
server.listen(0, '127.0.0.1', async () => {
  for (let i = 0; i < ${n}; i++) {
    const c = net.connect(server.address().port, '127.0.0.1');
    held.push(c);
    await new Promise((r) => c.once('connect', r));
    c.end();
  }
  setTimeout(() => console.log('ready'), 200);
});`;
  // unshare and sh exec in turn, so the pid we hold ends up being node's
  const child = spawn('unshare', ['--net', '/bin/sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, '-e', script], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { PATH: process.env.PATH ?? '' },
  });
  return new SceneProcess(child);
}

/** Allocates and touches `anonMiB`, then pushes `cacheMiB` of page cache through a file. */
export function startMemoryHog(anonMiB: number, cacheFile: string, cacheMiB: number): SceneProcess {
  const script = `
const fs = require('fs');
require('readline').createInterface({ input: process.stdin }).on('line', (l) => {
  if (l !== 'go') return;
  const hold = [];
  for (let i = 0; i < ${anonMiB}; i++) hold.push(Buffer.alloc(1 << 20, i & 255));
  globalThis.hold = hold;
  const fd = fs.openSync(${JSON.stringify(cacheFile)}, 'w');
  const chunk = Buffer.alloc(1 << 20, 7);
  for (let i = 0; i < ${cacheMiB}; i++) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  console.log('ready');
});
console.log('started');`;
  return startNode(script);
}

/** A v1 memory cgroup made for a test, removed by `remove()` once its processes have ended. */
export class MemoryCgroupV1 {
  readonly dir: string;
  constructor(
    readonly name: string,
    limitBytes: number,
    root = '/sys/fs/cgroup/memory',
  ) {
    this.dir = `${root}/${name}`;
    mkdirSync(this.dir);
    writeFileSync(`${this.dir}/memory.limit_in_bytes`, String(limitBytes));
  }

  static available(root = '/sys/fs/cgroup/memory'): boolean {
    return existsSync(`${root}/memory.limit_in_bytes`) && process.getuid?.() === 0;
  }

  add(pid: number): void {
    writeFileSync(`${this.dir}/cgroup.procs`, String(pid));
  }

  read(file: string): string {
    return readFileSync(`${this.dir}/${file}`, 'utf8');
  }

  /** rmdir of a v1 group moves its remaining page-cache charge to the parent. */
  remove(): void {
    for (let i = 0; i < 50; i++) {
      try {
        rmdirSync(this.dir);
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
        spawnSync('sleep', ['0.1']);
      }
    }
  }
}

/** How to run the culprit CLI from here: the built file under dist, or the source through tsx. */
export function cliArgv(): string[] {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return [process.execPath, '--import', 'tsx', fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))];
  return [process.execPath, fileURLToPath(new URL('../../src/cli/main.js', import.meta.url))];
}

/** Every file of a .tar.gz bundle, as text. */
export async function readBundle(path: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const extract = tarStream.extract();
  createReadStream(path).pipe(createGunzip()).pipe(extract);
  for await (const entry of extract) {
    const chunks: Buffer[] = [];
    for await (const c of entry) chunks.push(c as Buffer);
    files.set(entry.header.name, Buffer.concat(chunks).toString('utf8'));
  }
  return files;
}
