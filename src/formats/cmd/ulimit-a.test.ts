import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFixture } from '../../../test/support/document-fixture.js';
import { ulimitA } from './ulimit-a.js';

test('ulimit -a recorded with bash 5.2: every limit, unlimited as null', () => {
  const { records } = parseFixture(ulimitA, 'cmd', 'ulimit-a.txt');
  assert.equal(records.length, 17);
  const nofile = records.find((r) => r.fields!.resource === 'nofile')!;
  assert.equal(nofile.fields!.softLimit, 1024);
  assert.equal(nofile.fields!.limit, 'open files');
  assert.equal(nofile.fields!.flag, '-n');
  const pipe = records.find((r) => r.fields!.flag === '-p')!;
  assert.equal(pipe.fields!.unit, '512 bytes');
  assert.equal(pipe.fields!.softLimit, 8);
  const rt = records.find((r) => r.fields!.flag === '-R')!;
  assert.equal(rt.fields!.limit, 'real-time non-blocking time');
  assert.equal(rt.fields!.softLimit, null);
  assert.equal(rt.line, 1);
});

test('ulimit -a: other text is not taken for it', () => {
  assert.equal(ulimitA.recognize('open files (-n) 1024\n', 'x'), 0);
  assert.equal(ulimitA.recognize('Mar  2 11:04:05 web-3 sshd[1]: x\nfoo (-n) 1\nbar (-u) 2\nbaz\nqux\n', 'x'), 0);
});
