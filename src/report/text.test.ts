import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hostileAnalysis } from '../../test/support/report-fixture.js';
import { displayWidth } from './display-width.js';
import { messages } from './i18n/index.js';
import { terminalStyle } from './style.js';
import { renderText } from './text.js';

test('text report: each root cause with its chain, one line per step (time, host, category, title)', () => {
  const text = renderText(hostileAnalysis(), terminalStyle({}));
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith('  1. [oom-kill] '));
  assert.ok(at > 0, text);
  assert.deepEqual(lines.slice(at + 1, at + 5).map((l) => /^ {5}[ →] (\S+) (\S+) \[([a-z-]+)\] /.exec(l)?.slice(1)), [
    ['2026-05-10T07:45:37.000Z', 'db-1', 'oom-kill'],
    ['2026-05-10T07:45:39.900Z', 'db-1', 'quorum-member-loss'],
    ['2026-05-10T07:45:40.000Z', 'app-1', 'coordination-session-loss'],
    ['2026-05-10T07:45:41.000Z', 'app-1', 'mass-task-stop'],
  ]);
  assert.ok(!text.includes('\u202E'), 'bidi control reached the terminal');
  assert.ok(!text.includes('\x1b['), 'colours without a TTY');
});

test('text report in Chinese: headings and the summary\'s words', () => {
  const text = renderText(hostileAnalysis(), terminalStyle({}), messages('zh'));
  assert.match(text, /^输入文件\n/);
  assert.match(text, /\n根因候选\n  1\. \[oom-kill\] db-1 上：/);
  assert.match(text, /\(置信度 0\.90\)/);
  const head = text.split('\n')[1]!;
  assert.match(head, /^  路径 +主机 +格式 +行数  事件数  跳过  警告$/);
  // the first data row's second column starts at the column of its (double-width) heading
  const row = text.split('\n')[2]!;
  const secondCell = /^ {2}\S+ +/.exec(row)![0].length;
  assert.equal(displayWidth(head.slice(0, head.indexOf('主机'))), secondCell);
  assert.match(text, /\n时间线  \(警告及以上级别/);
});
