import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hostileAnalysis } from '../../test/support/report-fixture.js';
import { messages } from './i18n/index.js';
import { chainSteps, findingsById, formatTime, impactOf, localSummary, triggerAndDefect } from './story.js';

test('chain steps carry the why of the link that joins each to the step before', () => {
  const a = hostileAnalysis();
  const steps = chainSteps(a.rootCauses[0]!, findingsById(a), messages('en'));
  assert.deepEqual(steps.map((s) => s.finding.id), ['f1', 'f2', 'f3', 'f4']);
  assert.equal(steps[0]!.why, null);
  assert.equal(steps[1]!.link?.cause, 'oom-kill');
  assert.equal(steps[3]!.why, 'the client mishandles the session loss and drops the work it was assigned');
  const zh = chainSteps(a.rootCauses[0]!, findingsById(a), messages('zh'));
  assert.equal(zh[3]!.why, '客户端错误处理了会话丢失，丢弃了分配给它的工作');
});

test('trigger and defect: the root sets it off, a later mishandling on another process is the defect', () => {
  const a = hostileAnalysis();
  const steps = chainSteps(a.rootCauses[0]!, findingsById(a), messages('en'));
  const td = triggerAndDefect(steps);
  assert.equal(td?.trigger.finding.id, 'f1');
  assert.equal(td?.defect.finding.id, 'f4');
  assert.equal(triggerAndDefect(steps.slice(0, 3)), null, 'no defect category in the chain');
});

test('the summary keeps the ranking\'s English sentence, and says it with Chinese connecting words in Chinese', () => {
  const a = hostileAnalysis();
  const r = a.rootCauses[0]!;
  assert.equal(localSummary(r, chainSteps(r, findingsById(a), messages('en')), messages('en')), r.summary);
  const zh = localSummary(r, chainSteps(r, findingsById(a), messages('zh')), messages('zh'));
  assert.ok(zh.startsWith('db-1 上：kernel killed <script>'), zh);
  assert.match(zh, /；2\.9 秒后，db-1 上：member lost/);
  assert.match(zh, /；4\.0 秒后，app-1 上：312 tasks stopped/);
  assert.ok(zh.endsWith('。'));
});

test('times for people: in the given zone with its offset, else UTC', () => {
  const ms = Date.UTC(2026, 4, 10, 7, 45, 37, 5);
  assert.equal(formatTime(ms, 'Asia/Shanghai'), '2026-05-10 15:45:37.005 +08:00');
  assert.equal(formatTime(ms, 'America/St_Johns'), '2026-05-10 05:15:37.005 -02:30');
  assert.equal(formatTime(ms, null), '2026-05-10T07:45:37.005Z');
  assert.equal(formatTime(null, 'UTC'), '?');
});

test('impact lists the chain\'s hosts and processes', () => {
  const a = hostileAnalysis();
  const impact = impactOf(a, chainSteps(a.rootCauses[0]!, findingsById(a), messages('en')));
  assert.deepEqual(impact.hosts, ['db-1', 'app-1']);
  assert.deepEqual(impact.processes, ['batch<b> (db-1)']);
});

test('a root cause with the ranking\'s trigger: the trigger leads the chain, the root cause is the defect', () => {
  const base = hostileAnalysis();
  const t0 = Date.UTC(2026, 4, 10, 8, 0, 0);
  const mk = (id: string, category: 'coordination-session-loss' | 'hot-loop' | 'cpu-saturation', dt: number, title: string) => ({
    id, category, severity: 'error' as const, title, timeMs: t0 + dt, endMs: null, host: 'gw-1', process: 'announcer', pid: 7,
    detector: 'test', facts: {}, evidence: [],
  });
  const findings = [mk('s1', 'coordination-session-loss', 0, 'session expired'), mk('h1', 'hot-loop', 2_000, 'same line 90000 times'), mk('c1', 'cpu-saturation', 3_000, 'CPU 99%')];
  const r = {
    ...base.rootCauses[0]!, category: 'hot-loop' as const, chain: ['h1', 'c1'], summary: 'same line 90000 times on gw-1, triggered by session expired',
    trigger: { category: 'coordination-session-loss' as const, host: 'gw-1', process: 'announcer', timeMs: t0, summary: 'session expired', chain: ['s1'] },
  };
  const a = { ...base, findings, rootCauses: [r] };
  const zhSteps = chainSteps(r, findingsById(a), messages('zh'));
  assert.deepEqual(zhSteps.map((s) => [s.finding.id, s.role]), [['s1', 'trigger'], ['h1', 'root'], ['c1', 'effect']]);
  assert.equal(zhSteps[1]!.why, '客户端在已被关闭的连接或通道上空转');
  const td = triggerAndDefect(zhSteps);
  assert.deepEqual([td?.trigger.finding.id, td?.defect.finding.id], ['s1', 'h1']);
  assert.equal(localSummary(r, zhSteps, messages('zh')), 'gw-1 上：same line 90000 times（触发因素：2.0 秒前 gw-1 上的 session expired）；1.0 秒后，gw-1 上：CPU 99%。');
  assert.equal(localSummary(r, chainSteps(r, findingsById(a), messages('en')), messages('en')), r.summary);
  // a chain that already runs from the trigger reads the same
  const whole = { ...r, chain: ['s1', 'h1', 'c1'] };
  assert.deepEqual(chainSteps(whole, findingsById(a), messages('zh')).map((s) => [s.finding.id, s.role]), [['s1', 'trigger'], ['h1', 'root'], ['c1', 'effect']]);
});
