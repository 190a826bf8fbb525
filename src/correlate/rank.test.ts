import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Category } from '../detect/category.js';
import type { Finding, FindingSeverity } from '../detect/finding.js';
import { buildGraph } from './graph.js';
import { rankRootCauses } from './rank.js';

let n = 0;
function finding(category: Category, host: string, timeS: number, opts: { severity?: FindingSeverity; detector?: string; process?: string } = {}): Finding {
  n++;
  return {
    id: `f${n}`, category, severity: opts.severity ?? 'error', title: `${category} #${n}`, timeMs: Date.UTC(2026, 0, 1, 0, 0, timeS), endMs: null,
    host, process: opts.process ?? null, pid: null, detector: opts.detector ?? 'test', facts: {},
    evidence: [{ path: `${host}/logs/x.log`, line: n, text: `${category} on ${host}` }],
  };
}

describe('causal graph', () => {
  test('a resource link needs the same host', () => {
    const oom = finding('oom-kill', 'a', 0, { severity: 'critical' });
    const sameHost = finding('quorum-member-loss', 'a', 3);
    const otherHost = finding('quorum-member-loss', 'b', 3);
    const g = buildGraph([oom, sameHost, otherHost]);
    assert.deepEqual(g.edges.filter((e) => e.cause === oom).map((e) => e.effect.id), [sameHost.id]);
  });

  test('an effect long after its cause, or well before it, is not linked', () => {
    const oom = finding('oom-kill', 'a', 600, { severity: 'critical' });
    const tooLate = finding('quorum-member-loss', 'a', 600 + 3600);
    const tooEarly = finding('quorum-member-loss', 'a', 500);
    const g = buildGraph([oom, tooLate, tooEarly]);
    assert.deepEqual(g.edges, []);
  });

  test('across hosts only along a dependency: one service family, or the cause host named', () => {
    const member = finding('quorum-member-loss', 'zk-9', 0, { detector: 'zookeeper-follower-lost-leader' });
    const client = finding('coordination-session-loss', 'app-9', 2, { detector: 'zookeeper-client-session-loss' });
    const unrelated = finding('coordination-session-loss', 'app-8', 2, { detector: 'etcd-lease-lost' });
    const g = buildGraph([member, client, unrelated]);
    assert.deepEqual(g.edges.map((e) => `${e.cause.id}>${e.effect.id}`), [`${member.id}>${client.id}`]);
  });
});

describe('root-cause ranking', () => {
  test('the lowest cause that explains the chain ranks first, with its chain in order', () => {
    const oom = finding('oom-kill', 'zk-b', 0, { severity: 'critical', process: 'leaky' });
    const quorum = finding('quorum-member-loss', 'zk-b', 2, { detector: 'zookeeper-follower-lost-leader' });
    const session = finding('coordination-session-loss', 'svc-1', 4, { detector: 'zookeeper-client-session-loss' });
    const stop = finding('mass-task-stop', 'svc-1', 5, { detector: 'generic-mass-task-stop' });
    const noise = finding('connection-reset', 'web-1', 100, { severity: 'warning' });
    const ranked = rankRootCauses([oom, quorum, session, stop, noise]);
    assert.equal(ranked[0]?.category, 'oom-kill');
    assert.equal(ranked[0]?.host, 'zk-b');
    assert.equal(ranked[0]?.process, 'leaky');
    assert.deepEqual(ranked[0]?.chain, [oom.id, quorum.id, session.id, stop.id]);
    assert.ok(ranked[0]!.confidence > 0.8);
    assert.ok(!ranked.some((r) => r.category === 'connection-reset'), 'a lone warning is no root cause');
    assert.ok(ranked[0]!.summary.includes('zk-b') && ranked[0]!.summary.includes('later on svc-1'));
  });

  test('an OOM report header and its verdict about the same process are one event: the kill ranks', () => {
    const header = finding('memory-pressure', 'db-3', 10, { severity: 'error', process: 'loader' });
    const kill = finding('oom-kill', 'db-3', 10, { severity: 'critical', process: 'loader' });
    const ranked = rankRootCauses([header, kill]);
    assert.equal(ranked.length, 1);
    assert.equal(ranked[0]?.category, 'oom-kill');
    assert.deepEqual(ranked[0]?.evidence.map((e) => e.line), [kill.evidence[0]!.line, header.evidence[0]!.line]);
  });

  test('when the kill hit a bystander, the memory-pressure naming the consumer stays the cause', () => {
    const header = finding('memory-pressure', 'db-4', 10, { severity: 'error', process: 'hog' });
    const kill = finding('oom-kill', 'db-4', 10, { severity: 'critical', process: 'bystander' });
    const ranked = rankRootCauses([header, kill]);
    assert.equal(ranked[0]?.category, 'memory-pressure');
    assert.equal(ranked[0]?.process, 'hog');
    assert.deepEqual(ranked[0]?.chain, [header.id, kill.id]);
  });

  test('a full mount in df folds into the earliest write that failed under it, which names the process', () => {
    const df = finding('disk-full', 'st-1', 30, { detector: 'df-full' });
    df.facts = { mount: '/srv/vol' };
    const writer = finding('disk-full', 'st-1', 10, { process: 'filler' });
    writer.facts = { file: '/srv/vol/out/b-1' };
    const later = finding('disk-full', 'st-1', 20, { process: 'other' });
    later.facts = { file: '/srv/vol/x' };
    const ranked = rankRootCauses([df, later, writer]);
    assert.equal(ranked[0]?.process, 'filler');
    assert.ok(ranked[0]?.evidence.some((e) => e.line === df.evidence[0]!.line), 'the df line is evidence of the writer');
    assert.equal(ranked.some((r) => r.chain.includes(df.id)), false, 'df is no root cause of its own');
  });

  test('df does not fold into a failed write on another mount whose name merely starts alike', () => {
    const df = finding('disk-full', 'st-2', 30, { detector: 'df-full' });
    df.facts = { mount: '/srv/vol' };
    const logger = finding('disk-full', 'st-2', 5, { process: 'logger' });
    logger.facts = { file: '/srv/volume2/log' };
    const ranked = rankRootCauses([df, logger]);
    assert.equal(ranked[0]?.process, 'logger');
    assert.equal(ranked[0]?.evidence.some((e) => e.line === df.evidence[0]!.line), false);
  });

  test('no findings, no root causes', () => {
    assert.deepEqual(rankRootCauses([]), []);
  });
});
