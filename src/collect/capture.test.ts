import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, constants, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { collect } from './capture.js';
import { readBundle } from '../../test/support/scene.js';
import type { ProcessesDocument } from './snapshot.js';

/**
 * A capture against a made-up /proc whose cmdline read blocks (a FIFO with no writer stands for a
 * process stuck holding its mm lock) and a `dmesg` that never returns: collect must finish in its
 * budget with what it has and say what it left out.
 */
test('a hanging read and a hanging command are abandoned with partial results and notes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'culprit-fakeproc-'));
  const proc = join(dir, 'proc');
  const bin = join(dir, 'bin');
  const savedPath = process.env.PATH;
  const fifo = join(proc, '4242', 'cmdline');
  try {
    mkdirSync(join(proc, '4242', 'fd'), { recursive: true });
    mkdirSync(join(proc, 'net'));
    mkdirSync(bin);
    writeFileSync(join(proc, '4242', 'stat'), '4242 (stuck) D 1 4242 4242 0 -1 0 0 0 0 0 10 5 0 0 20 0 3 0 100 1000000 250 0\n');
    writeFileSync(join(proc, '4242', 'status'), 'Name:\tstuck\nUid:\t0\t0\t0\t0\nVmRSS:\t1000 kB\nThreads:\t3\n');
    writeFileSync(join(proc, '4242', 'limits'), 'Limit                     Soft Limit           Hard Limit           Units     \nMax open files            64                   64                   files     \n');
    writeFileSync(join(proc, '4242', 'cgroup'), '0::/\n');
    symlinkSync('/dev/null', join(proc, '4242', 'fd', '0'));
    symlinkSync('socket:[777]', join(proc, '4242', 'fd', '1'));
    execFileSync('mkfifo', [fifo]);
    writeFileSync(join(proc, 'stat'), 'cpu 1 2 3\nbtime 1700000000\n');
    writeFileSync(join(proc, 'uptime'), '100.00 50.00\n');
    writeFileSync(join(proc, 'meminfo'), 'MemTotal:       1024000 kB\nMemFree:         512000 kB\nMemAvailable:    600000 kB\n');
    writeFileSync(join(proc, 'net', 'tcp'), '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n   0: 0100007F:1F90 0100007F:D431 08 00000000:00000000 00:00000000 00000000     0        0 777 1 0 20 4 30 10 -1\n');
    writeFileSync(join(bin, 'dmesg'), '#!/bin/sh\necho "[Sun Nov 22 03:49:44 2026] early line"\nexec sleep 30\n');
    chmodSync(join(bin, 'dmesg'), 0o755);
    process.env.PATH = `${bin}:${savedPath}`;

    const started = Date.now();
    const r = await collect({ host: 'h1', pids: null, sinceSec: 3600, withEnv: false, useTools: true, budgetMs: 1500, procRoot: proc, logRoot: null });
    const took = Date.now() - started;
    assert.ok(took < 3500, `took ${took} ms`);
    const notes = r.notes.toJSON();
    const kinds = notes.map((n) => n.kind);
    assert.ok(kinds.includes('read-timeout'), JSON.stringify(notes));
    assert.ok(kinds.includes('command-timeout'), JSON.stringify(notes));
    assert.equal(r.hungReads, 1);

    const files = new Map<string, string>();
    const gz = await r.bundle.toGzip();
    const out = join(dir, 'b.tar.gz');
    writeFileSync(out, gz);
    for (const [k, v] of await readBundle(out)) files.set(k, v);
    const doc = JSON.parse(files.get('h1/cmd/processes.json')!) as ProcessesDocument;
    assert.equal(doc.processes.length, 1);
    const p = doc.processes[0]!;
    assert.equal(p.cmdline, null);
    assert.equal(p.state, 'D');
    assert.equal(p.fdSoftLimit, 64);
    assert.deepEqual(p.fds, { total: 2, socket: 1, file: 1, pipe: 0, anon: 0, other: 0 });
    assert.deepEqual(p.sockets, { 'CLOSE-WAIT': 1 });
    assert.match(files.get('h1/cmd/culprit-collect.json')!, /"read-timeout"/);
    assert.equal(files.get('h1/cmd/uptime-s.txt')?.length, 20);
  } finally {
    process.env.PATH = savedPath;
    // give the abandoned read its writer so the thread pool gets its thread back
    try {
      const w = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
      closeSync(w);
    } catch {
      // nothing waits on it
    }
    rmSync(dir, { recursive: true, force: true });
  }
});
