import type { Finding } from '../../src/detect/finding.js';
import type { LogEvent } from '../../src/events/event.js';
import type { Analysis } from '../../src/pipeline.js';

/** Log text an attacker could write: markup, a closing fence, table pipes, a URL scheme, bidi controls. */
export const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  '</textarea></pre><iframe src="https://evil.example/">',
  '<a href="javascript:alert(3)">click</a>',
  'admin\u202Egnp.exe | col | ``` fence ```` ` tick',
  '[link](http://evil.example/x) ![img](https://evil.example/y.png) <style>@import url(https://evil.example/a.css)</style>',
] as const;

function finding(over: Partial<Finding> & Pick<Finding, 'id' | 'category' | 'timeMs' | 'host'>): Finding {
  return {
    severity: 'error', title: `${over.category} seen`, endMs: null, process: null, pid: null, detector: 'test',
    facts: {}, evidence: [], ...over,
  };
}

function event(timeMs: number, host: string, line: number, message: string): LogEvent {
  return {
    timeMs, timeText: null, host, path: `${host}/logs/app.log`, line, format: 'plain', severity: 'error', process: 'app',
    pid: null, thread: null, logger: null, message, text: message, fields: null,
  };
}

/**
 * A small analysis made by hand: an OOM kill on db-1 that takes the ensemble member down, the
 * client on app-1 loses its session and stops its tasks; every title, evidence line and timeline
 * message carries hostile text.
 */
export function hostileAnalysis(): Analysis {
  const t0 = Date.UTC(2026, 4, 10, 7, 45, 37);
  // each finding's evidence starts further along the list, so the first lines of the chain show them all
  const evidence = (host: string, i: number) => [...HOSTILE.slice(i), ...HOSTILE.slice(0, i)].map((text, k) => ({ path: `${host}/logs/app.log`, line: 10 * i + k + 1, text }));
  const findings: Finding[] = [
    finding({ id: 'f1', category: 'oom-kill', severity: 'critical', timeMs: t0, host: 'db-1', process: 'batch<b>', pid: 42,
      title: `kernel killed ${HOSTILE[0]}`, facts: { anonRssBytes: 47_350_419_456, note: HOSTILE[1] }, evidence: evidence('db-1', 0) }),
    finding({ id: 'f2', category: 'quorum-member-loss', timeMs: t0 + 2_900, host: 'db-1', title: `member lost ${HOSTILE[4]}`, evidence: evidence('db-1', 1) }),
    finding({ id: 'f3', category: 'coordination-session-loss', severity: 'warning', timeMs: t0 + 3_000, host: 'app-1', title: `session lost ${HOSTILE[2]}`, evidence: evidence('app-1', 2) }),
    finding({ id: 'f4', category: 'mass-task-stop', timeMs: t0 + 4_000, host: 'app-1', title: `312 tasks stopped ${HOSTILE[3]}`, evidence: evidence('app-1', 3) }),
    finding({ id: 'f5', category: 'log-flood', severity: 'info', timeMs: null, host: 'app-1', title: HOSTILE[5], evidence: evidence('app-1', 4) }),
  ];
  return {
    inputs: [
      { path: 'db-1/logs/app.log', root: '/b', host: 'db-1', format: 'plain', encoding: 'utf-8', lines: 60, events: 60, skipped: 0, warnings: [HOSTILE[0]] },
      { path: 'app-1/logs/app.log', root: '/b', host: 'app-1', format: 'plain', encoding: 'utf-8', lines: 60, events: 60, skipped: 0, warnings: [] },
    ],
    window: { startMs: t0 - 60_000, endMs: t0 + 60_000 },
    timeline: HOSTILE.map((text, k) => ({ event: event(t0 + k * 500, k % 2 ? 'db-1' : 'app-1', k + 1, text), reason: 'severity' as const, repeats: k, lastEvent: null })),
    timelineOmitted: 0,
    findings,
    rootCauses: [{
      rank: 1, trigger: null, category: 'oom-kill', host: 'db-1', process: 'batch<b>', timeMs: t0, confidence: 0.9,
      summary: `kernel killed ${HOSTILE[0]} on db-1; 2.9 s later: member lost.`, chain: ['f1', 'f2', 'f3', 'f4'], evidence: findings[0]!.evidence,
    }],
    totalEvents: 120,
  };
}
