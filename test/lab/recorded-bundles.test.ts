import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, test } from 'node:test';
import { repoPath } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';

/**
 * The incident lab's recordings (lab/README.md): test/fixtures/bundles/<name>/ with its truth in
 * <name>.truth.json. Every recording must be read whole now; naming the truth's root cause at rank 1 and
 * finding its chain waits for the detector (#5) and ranking (#6) issues.
 */
interface Truth {
  scenario: string;
  rootCause: { category: string; host: string | null; process: string | null; time: string | null } | null;
  chain: string[];
  /** what set the defect off, when the lab knows (category null: no category fits) */
  trigger?: { category: string | null; host: string | null; process: string | null; time: string | null };
}
interface Input { path: string; host: string | null; format: string; lines: number; events: number }
interface Finding { category: string; host?: string | null }
interface RootCause {
  rank: number; category: string; host?: string | null; process?: string | null; time?: string | null;
  trigger?: { category: string; host: string | null; process: string | null; time: string | null } | null;
}
interface Report { inputs: Input[]; findings: Finding[]; rootCauses: RootCause[] }

const BUNDLES = repoPath('test', 'fixtures', 'bundles');
/**
 * Logs the lab's own shell scripts write (a health-check watchdog, a restart loop) in an ad-hoc
 * "ISO time name[pid]: message" layout no real software uses: read as plain lines with their times.
 */
const LAB_WRITTEN = new Set(['api-node-5/logs/quote-svc-watchdog.log', 'etl-w4/logs/run-forever.log']);

/**
 * Command outputs of real software that no format claims, each with why. cgroup files are plain
 * "key value" lines that the cgroup-cpu-throttling detector reads as plain text by design; ping and
 * `ip -br addr` have no format yet (a format helper's todo, not a reason to drop the evidence).
 */
const PLAIN_COMMAND_OUTPUTS: readonly { path: RegExp; why: string }[] = [
  { path: /\/cmd\/cat-[^/]*-cpu\.(?:stat|cfs_quota_us)[^/]*\.txt$/, why: 'cgroup v1 cpu files: plain "key value" lines, read by cgroup-cpu-throttling' },
  { path: /\/cmd\/ping-[^/]*\.txt$/, why: 'TODO: no format for ping output yet' },
  { path: /\/cmd\/ip-br-addr\.txt$/, why: 'TODO: no format for `ip -br addr` yet' },
];

/**
 * Chain steps the recorded evidence cannot show, with why. The lab's truth says what really
 * happened; a step that left no trace in what an engineer could gather stays listed here, not hidden.
 * None today: zk-closed-watch-spin's ZooKeeper freeze (SIGSTOP) shows since its scenario turns on
 * ZooKeeper's JVM pause monitor, as operators do (jvm-pause-monitor-stall finds it).
 */
const UNSEEN_CHAIN_STEPS: Readonly<Record<string, { category: string; why: string }>> = {};

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

const recordings = readdirSync(BUNDLES)
  .filter((n) => n.endsWith('.truth.json'))
  .map((n) => n.slice(0, -'.truth.json'.length))
  .sort();

test('the lab has recordings, each with its bundle', () => {
  assert.ok(recordings.length >= 1, `no *.truth.json in ${BUNDLES}`);
  for (const name of recordings) assert.ok(statSync(join(BUNDLES, name)).isDirectory(), `${name}.truth.json has no bundle folder`);
});

for (const name of recordings) {
  describe(`recorded bundle ${name}`, () => {
    const dir = join(BUNDLES, name);
    const truth = JSON.parse(readFileSync(join(BUNDLES, `${name}.truth.json`), 'utf8')) as Truth;
    // The lab machine runs in UTC; --tz keeps the zone-less logs on that clock wherever the test runs.
    const run = runCli(['analyze', dir, '--format', 'json', '--tz', 'UTC']);
    let report: Report | undefined;
    try { report = JSON.parse(run.stdout) as Report; } catch { report = undefined; }
    const files = filesUnder(dir).map((f) => relative(dir, f).split(sep).join('/')).sort();
    const hostFolders = readdirSync(dir).filter((n) => n !== 'metrics' && n !== 'k8s' && statSync(join(dir, n)).isDirectory()).sort();

    test('analyze exits 0 with a JSON report', () => {
      assert.equal(run.status, 0, run.stderr);
      assert.ok(report, 'stdout is not JSON');
    });

    test('every file of the bundle is an input, and none is left unread', () => {
      assert.ok(report);
      assert.deepEqual(report.inputs.map((i) => i.path).sort(), files);
      for (const input of report.inputs) {
        assert.notEqual(input.format, 'binary', `${input.path} skipped as binary`);
        // A command output holding only its header (ss with no socket on that host) has nothing to say.
        const headerOnly = input.path.includes('/cmd/') && input.lines === 1;
        if (input.lines > 0 && !headerOnly) assert.ok(input.events > 0, `${input.path}: ${input.lines} lines but no event (format ${input.format})`);
      }
    });

    test('hosts are the bundle folders, and the truth host is one of them', () => {
      assert.ok(report);
      for (const input of report.inputs) {
        const folder = input.path.split('/')[0]!;
        if (hostFolders.includes(folder)) assert.equal(input.host, folder, input.path);
      }
      const metricHosts = new Set(report.inputs.filter((i) => i.path.startsWith('metrics/')).map((i) => i.host));
      for (const h of metricHosts) assert.ok(h === null || hostFolders.includes(h), `metrics host ${h} is no bundle host`);
      if (truth.rootCause?.host) assert.ok(hostFolders.includes(truth.rootCause.host), `truth host ${truth.rootCause.host}`);
    });

    test('every input written by real software is in a recognised format', () => {
      assert.ok(report);
      const plain = report.inputs.filter((i) => i.format === 'plain' && i.lines > 0).map((i) => i.path);
      assert.deepEqual(plain.filter((p) => !LAB_WRITTEN.has(p) && !PLAIN_COMMAND_OUTPUTS.some((k) => k.path.test(p))), []);
    });

    if (truth.rootCause) {
      const rc = truth.rootCause;
      test(`rank 1 names the truth: ${rc.category} on ${rc.host ?? '?'} (${rc.process ?? '?'})`, () => {
        assert.ok(report);
        const top = report.rootCauses.find((r) => r.rank === 1);
        assert.ok(top, 'no root cause at rank 1');
        assert.equal(top.category, rc.category);
        if (rc.host) assert.equal(top.host, rc.host);
        if (rc.process) assert.equal(top.process, rc.process);
      });
      test(`findings cover the chain ${truth.chain.join(' -> ')}`, () => {
        assert.ok(report);
        const found = new Set(report.findings.map((f) => f.category));
        const unseen = UNSEEN_CHAIN_STEPS[name];
        const missing = truth.chain.filter((c) => !found.has(c) && c !== unseen?.category);
        assert.deepEqual(missing, []);
      });
      const trig = truth.trigger;
      if (trig?.category) {
        test(`rank 1's trigger is the truth's: ${trig.category} on ${trig.host ?? '?'} (${trig.process ?? '?'}), before the defect`, () => {
          const top = report?.rootCauses.find((r) => r.rank === 1);
          assert.ok(top?.trigger, 'rank 1 names no trigger');
          assert.equal(top.trigger.category, trig.category);
          if (trig.host) assert.equal(top.trigger.host, trig.host);
          if (trig.process) assert.equal(top.trigger.process, trig.process);
          assert.ok(top.trigger.time && top.time && Date.parse(top.trigger.time) < Date.parse(top.time), `trigger ${top.trigger.time} not before ${top.time}`);
          // the evidence dates it close to when the lab set it off (a monitor's sleep, a log's flush)
          if (trig.time) assert.ok(Math.abs(Date.parse(top.trigger.time) - Date.parse(trig.time)) <= 2_000, `trigger at ${top.trigger.time}, truth ${trig.time}`);
        });
      }
      const unseen = UNSEEN_CHAIN_STEPS[name];
      if (unseen) {
        test(`the chain's ${unseen.category} step is found`, { todo: unseen.why }, () => {
          assert.ok(report?.findings.some((f) => f.category === unseen.category));
        });
      }
    } else {
      test('a quiet recording yields no root cause', () => {
        assert.ok(report);
        assert.deepEqual(report.rootCauses, []);
      });
    }
  });
}
