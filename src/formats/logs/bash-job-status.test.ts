import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { sniffFormat } from '../sniff.js';
import { bashJobStatus } from './bash-job-status.js';

const ctx = { yearFor: () => 2026 };
const SIGNAL_WORDS: [string, string][] = [['Killed', 'SIGKILL'], ['Segmentation fault', 'SIGSEGV'], ['Aborted', 'SIGABRT'], ['Bus error', 'SIGBUS'], ['Floating point exception', 'SIGFPE']];

for (const path of [['logs', 'bash', 'job-status.log'], ['bundles', 'redis-oversized-message-oom', 'etl-w4', 'logs', 'invoice-parser.stderr.log']]) {
  test(`${path.join('/')}: every line is a death by signal with its pid`, () => {
    // the first recorded by scripts/record/bash-job-status.sh, the second in the lab's incident bundle
    const text = readFileSync(repoPath('test', 'fixtures', ...path), 'utf8');
    assert.equal(sniffFormat(text, 'unnamed.txt', ctx).format.name, 'bash-job-status');
    for (const line of text.trimEnd().split('\n')) {
      const p = bashJobStatus.parse(line, ctx);
      assert.ok(p, line);
      assert.equal(p.pid, Number(/: line \d+: +(\d+) /.exec(line)![1]));
      const word = SIGNAL_WORDS.find(([w]) => line.includes(` ${w}`))!;
      assert.equal(p.fields!.signal, word[1], line);
      assert.equal(p.fields!.coreDumped, line.includes('(core dumped)'), line);
      assert.ok(!String(p.fields!.command).startsWith('(core'), line);
    }
  });
}

test("bash's other errors on the same shape are not job status", () => {
  assert.equal(bashJobStatus.parse('./run.sh: line 4: ulimit: core file size: cannot modify limit: Operation not permitted', ctx), undefined);
  assert.equal(bashJobStatus.parse('./run.sh: line 7: foo: command not found', ctx), undefined);
});
