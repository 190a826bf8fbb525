import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoPath, tempDir } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';

const BUNDLE = repoPath('examples', 'zk-oom-bundle');
const analyze = (...args: string[]) => runCli(['analyze', BUNDLE, '--tz', 'Asia/Shanghai', ...args]);

test('analyze writes every report format, to stdout and with --out', () => {
  const tmp = tempDir();
  try {
    for (const format of ['text', 'json', 'md', 'html']) {
      const r = analyze('--format', format);
      assert.equal(r.status, 0, `${format}: ${r.stderr}`);
      assert.ok(r.stdout.length > 500, `${format}: output too short`);
      const out = join(tmp.dir, `report.${format}`);
      const w = analyze('--format', format, '--out', out);
      assert.equal(w.status, 0, w.stderr);
      assert.equal(w.stdout, '', `${format}: --out also wrote to stdout`);
      assert.equal(readFileSync(out, 'utf8'), r.stdout, `${format}: --out differs from stdout`);
    }
  } finally {
    tmp.remove();
  }
});

test('each format tells the example\'s story: the OOM kill on zk-2 to the stopped tasks on ingest-1', () => {
  const text = analyze('--format', 'text').stdout;
  assert.match(text, /1\. \[oom-kill\] kernel OOM killer killed batch-sim/);
  assert.match(text, /→ \S+ ingest-1 \[mass-task-stop\] 312 units of work stopped/);
  const md = analyze('--format', 'md').stdout;
  assert.match(md, /^# Postmortem draft\n/);
  assert.match(md, /- \*\*Host:\*\* zk-2\n- \*\*Process:\*\* batch-sim \(pid 38581\)\n- \*\*Time:\*\* 2026-05-10 15:45:37\.000 \+08:00/);
  assert.match(md, /\| ingest-1 \| mass task stop \| 312 units of work stopped/);
  assert.match(md, /- \[ \] Put a memory limit/);
  assert.match(md, /- \[ \] The client must not drop its work on a session loss/);
  const html = analyze('--format', 'html').stdout;
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<svg class="swimlanes"/);
  assert.ok(!/\b(?:src|href)="(?!#)/.test(html), 'a reference out of the file');
});

test('--lang zh: Chinese prose in text, md and html; JSON stays the same', () => {
  const md = analyze('--format', 'md', '--lang', 'zh').stdout;
  assert.match(md, /^# 故障复盘草稿\n/);
  assert.match(md, /## 后续排查与修复/);
  assert.match(md, /2\.9 秒后，zk-2 上：ZooKeeper follower lost its leader/);
  assert.match(analyze('--format', 'html', '--lang', 'zh').stdout, /<html lang="zh-CN">/);
  assert.match(analyze('--lang', 'zh').stdout, /\n根因候选\n/);
  assert.equal(analyze('--format', 'json', '--lang', 'zh').stdout, analyze('--format', 'json').stdout);
});

test('an unknown --format or --lang is bad usage', () => {
  for (const args of [['--format', 'pdf'], ['--lang', 'fr']]) {
    const r = analyze(...args);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, new RegExp(args[0]!));
    assert.equal(r.stdout, '');
  }
});
