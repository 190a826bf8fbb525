import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFdLimit, parseStat, parseStatus } from './proc-process.js';

test('parseStat reads a name that holds spaces and parentheses', () => {
  const line = '4242 (my (odd) name) S 1 4242 4242 0 -1 4194560 500 0 0 0 250 50 0 0 20 0 12 0 9000 123456789 3000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0';
  const s = parseStat(line)!;
  assert.equal(s.name, 'my (odd) name');
  assert.equal(s.state, 'S');
  assert.equal(s.ppid, 1);
  assert.equal(s.utimeTicks, 250);
  assert.equal(s.stimeTicks, 50);
  assert.equal(s.threads, 12);
  assert.equal(s.startTicks, 9000);
  assert.equal(s.rssPages, 3000);
  assert.equal(parseStat('not a stat line'), null);
});

test('parseStatus and parseFdLimit read the fields the capture needs', () => {
  const status = 'Name:\tjava\nState:\tS (sleeping)\nUid:\t1000\t1000\t1000\t1000\nVmSize:\t 9000000 kB\nVmRSS:\t  123456 kB\nThreads:\t87\n';
  assert.deepEqual(parseStatus(status), { name: 'java', uid: 1000, rssKb: 123456, vmKb: 9000000, threads: 87 });
  const limits = 'Limit                     Soft Limit           Hard Limit           Units     \nMax open files            1024                 524288               files     \n';
  assert.deepEqual(parseFdLimit(limits), { soft: 1024, hard: 524288 });
  assert.deepEqual(parseFdLimit('Max open files            unlimited            unlimited            files\n'), { soft: null, hard: null });
  assert.equal(parseFdLimit('nothing'), null);
});
