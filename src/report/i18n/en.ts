import type { Category } from '../../detect/category.js';
import type { FindingSeverity } from '../../detect/finding.js';
import { linkKey } from '../../correlate/explain.js';
import { LINKS } from '../../correlate/links.js';

/** Report prose in English. Templates fill `{name}` placeholders (i18n/index.ts fill). */
export const EN_UI = {
  docTitle: 'culprit: incident report',
  postmortemTitle: 'Postmortem draft',
  draftNote: 'Drafted by culprit from the logs; check every claim against the evidence before publishing.',
  summary: 'Summary',
  impact: 'Impact',
  rootCause: 'Root cause',
  rootCauses: 'Root causes',
  otherCandidates: 'Other candidates',
  chain: 'How it spread',
  triggerAndDefect: 'Trigger and defect',
  trigger: 'Trigger',
  defect: 'Defect',
  triggerText: 'what set it off: {what}',
  defectText: 'what turned it into an outage: {what}',
  timeline: 'Timeline',
  swimlanes: 'Hosts over time',
  evidence: 'Evidence',
  nextChecks: 'Next checks and fixes',
  findings: 'Findings',
  inputs: 'Inputs',
  warnings: 'Warnings',
  window: 'Window',
  category: 'Category',
  host: 'Host',
  process: 'Process',
  time: 'Time',
  confidence: 'Confidence',
  facts: 'Facts',
  step: 'Step',
  why: 'Why',
  what: 'What',
  source: 'Evidence (path:line)',
  path: 'Path',
  format: 'Format',
  lines: 'Lines',
  events: 'Events',
  skipped: 'Skipped',
  severity: 'Severity',
  rank: 'Rank',
  finding: 'Finding',
  noRootCause: 'No root cause found: no finding explains others with enough confidence.',
  noFindings: 'No findings.',
  hostsAffected: 'Hosts affected',
  processesAffected: 'Processes affected',
  counts: 'Counts',
  countsText: 'findings: {findings}; root-cause candidates: {rootCauses}; events: {events} from {inputs} inputs',
  unknown: 'unknown',
  none: 'none',
  rootStep: 'root cause',
  stepOf: 'step {n}',
  moreLeftOut: '{n} more left out',
  repeats: '+{n} like it',
  timeNote: 'Times are in {zone}.',
  chainLegend: 'Arrows follow the chain of the top root cause; colour shows severity.',
  noTimedFindings: 'No finding has a time to place it on the timeline.',
  checks: 'Checks',
  // the summary's connecting words
  sumOnHost: '{title} on {host}',
  sumTriggered: '{root}, triggered by {trigger}',
  sumTriggerText: '{title} on {host} {lag} before',
  sumLater: '{lag} later',
  sumBefore: '{lag} before',
  sumThen: 'then',
  sumStep: '{when} on {host}: {title}',
  sumStepNoHost: '{when}: {title}',
  sumJoin: '; ',
  sumEnd: '.',
  unitMs: '{n} ms',
  unitS: '{n} s',
  unitMin: '{n} min',
} as const;

export type UiKey = keyof typeof EN_UI;

export const EN_CATEGORY: Record<Category, string> = {
  'oom-kill': 'OOM kill', 'memory-leak': 'memory leak', 'memory-pressure': 'memory pressure', 'gc-pause': 'GC pause',
  'process-crash': 'process crash', 'crash-loop': 'crash loop', 'process-stall': 'process stall', 'hot-loop': 'hot loop',
  'log-flood': 'log flood', 'fd-exhaustion': 'file descriptor exhaustion', 'close-wait-buildup': 'CLOSE_WAIT build-up',
  'conn-pool-exhaustion': 'connection pool exhaustion', 'thread-pool-exhaustion': 'thread pool exhaustion',
  'disk-full': 'disk full', 'cpu-saturation': 'CPU saturation', 'poison-message': 'poison message',
  'consumer-lag': 'consumer lag', 'coordination-session-loss': 'coordination session loss',
  'quorum-member-loss': 'quorum member loss', 'network-partition': 'network partition',
  'connection-refused': 'connection refused', 'connection-reset': 'connection reset', 'timeout': 'timeout',
  'mass-task-stop': 'mass task stop', 'config-error': 'configuration error', 'clock-skew': 'clock skew',
};

export const EN_SEVERITY: Record<FindingSeverity, string> = { critical: 'critical', error: 'error', warning: 'warning', info: 'info' };

/** The knowledge's own sentences (links.ts), keyed by linkKey. */
export const EN_LINK_WHY: Record<string, string> = Object.fromEntries(LINKS.map((l) => [linkKey(l.cause, l.effect), l.why]));
