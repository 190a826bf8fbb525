import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TemplateMiner } from './miner.js';

/**
 * A small application log written by hand (log4j-like header left on, as for a format culprit does
 * not know), with the template every line must get. Numbers, ids, paths, IPs, sizes and durations
 * are masked; the user names vary enough to become a variable; "Starting"/"Stopping" and
 * "logged in"/"logged out" stay apart.
 */
const GOLDEN: [line: string, template: string][] = [
  ['2024-03-02 11:04:05,210 INFO  [main] Server: Starting server on port 8080',
   '<*> <*> INFO [main] Server: Starting server on port <*>'],
  ['2024-03-02 11:04:05,377 INFO  [main] Pool: pool db-main created with 16 connections',
   '<*> <*> INFO [main] Pool: pool <*> created with <*> connections'],
  ['2024-03-02 11:04:05,391 INFO  [main] Pool: pool db-replica created with 8 connections',
   '<*> <*> INFO [main] Pool: pool <*> created with <*> connections'],
  ['2024-03-02 11:04:05,402 INFO  [main] Pool: pool db-cache created with 4 connections',
   '<*> <*> INFO [main] Pool: pool <*> created with <*> connections'],
  ['2024-03-02 11:04:06,002 INFO  [worker-1] Http: GET /api/v1/users/17 200 12ms',
   '<*> <*> INFO [worker-<*>] Http: GET <*> <*> <*>'],
  ['2024-03-02 11:04:06,015 INFO  [worker-2] Http: GET /api/v1/users/233 200 9ms',
   '<*> <*> INFO [worker-<*>] Http: GET <*> <*> <*>'],
  ['2024-03-02 11:04:06,120 INFO  [worker-1] Http: POST /api/v1/orders 201 48ms',
   '<*> <*> INFO [worker-<*>] Http: POST <*> <*> <*>'],
  ['2024-03-02 11:04:07,450 WARN  [worker-3] Pool: connection 0x7f3a2c10 to 10.0.0.12:5432 idle for 30s, closing',
   '<*> <*> WARN [worker-<*>] Pool: connection <*> to <*> idle for <*>, closing'],
  ['2024-03-02 11:04:07,451 WARN  [worker-1] Pool: connection 0x7f3a2d88 to 10.0.0.13:5432 idle for 31s, closing',
   '<*> <*> WARN [worker-<*>] Pool: connection <*> to <*> idle for <*>, closing'],
  ['2024-03-02 11:04:08,001 INFO  [session] Auth: user alice logged in from 192.168.1.20',
   '<*> <*> INFO [session] Auth: user <*> logged in from <*>'],
  ['2024-03-02 11:04:08,110 INFO  [session] Auth: user bob logged in from 192.168.1.21',
   '<*> <*> INFO [session] Auth: user <*> logged in from <*>'],
  ['2024-03-02 11:04:08,220 INFO  [session] Auth: user carol logged in from 192.168.1.22',
   '<*> <*> INFO [session] Auth: user <*> logged in from <*>'],
  ['2024-03-02 11:04:08,330 INFO  [session] Auth: user dave logged in from 192.168.1.23',
   '<*> <*> INFO [session] Auth: user <*> logged in from <*>'],
  ['2024-03-02 11:04:09,004 INFO  [session] Auth: user alice logged out',
   '<*> <*> INFO [session] Auth: user alice logged out'],
  ['2024-03-02 11:04:09,512 ERROR [worker-2] Store: write to /var/lib/app/data/segment-0001.log failed: No space left on device',
   '<*> <*> ERROR [worker-<*>] Store: write to <*> failed: No space left on device'],
  ['2024-03-02 11:04:09,513 ERROR [worker-2] Store: write to /var/lib/app/data/segment-0002.log failed: No space left on device',
   '<*> <*> ERROR [worker-<*>] Store: write to <*> failed: No space left on device'],
  ['2024-03-02 11:04:10,000 INFO  [gc] Jvm: GC pause 120ms, heap 1.2GiB -> 800MiB',
   '<*> <*> INFO [gc] Jvm: GC pause <*>, heap <*> -> <*>'],
  ['2024-03-02 11:04:20,000 INFO  [gc] Jvm: GC pause 95ms, heap 1.1GiB -> 790MiB',
   '<*> <*> INFO [gc] Jvm: GC pause <*>, heap <*> -> <*>'],
  ['2024-03-02 11:04:21,100 INFO  [main] Cache: cache warmed, 52311 entries, uuid 38101a0b-2096-447d-96ea-a692162415ae',
   '<*> <*> INFO [main] Cache: cache warmed, <*> entries, uuid <*>'],
  ['2024-03-02 11:04:22,300 INFO  [main] Cache: cache warmed, 1200 entries, uuid 9bc36dd9-91c5-4314-898a-47625eb93b09',
   '<*> <*> INFO [main] Cache: cache warmed, <*> entries, uuid <*>'],
  ['2024-03-02 11:04:23,000 INFO  [main] Server: Stopping server on port 8080',
   '<*> <*> INFO [main] Server: Stopping server on port <*>'],
];

test('golden sample: every line gets its template', () => {
  const miner = new TemplateMiner();
  const handles = GOLDEN.map(([line]) => miner.add(line));
  const snap = miner.snapshot();
  assert.deepEqual(handles.map((h) => snap.templateOf(h)), GOLDEN.map(([, t]) => t));
  // one id per distinct template, and the counts add up
  const idsByTemplate = new Map<string, Set<string>>();
  handles.forEach((h) => idsByTemplate.set(snap.templateOf(h), (idsByTemplate.get(snap.templateOf(h)) ?? new Set()).add(snap.idOf(h))));
  for (const ids of idsByTemplate.values()) assert.equal(ids.size, 1);
  assert.equal(snap.templates.length, idsByTemplate.size);
  assert.equal(snap.templates.reduce((n, t) => n + t.count, 0), GOLDEN.length);
});
