import { toIso } from '../events/time.js';
import type { Analysis } from '../pipeline.js';

export const SCHEMA_VERSION = 1;
export const TOOL = { name: 'culprit', version: '0.1.0' } as const;

/** The report as CONTRACT.md's schemaVersion 1 (plus `timeline` and `templates`, extensions). */
export function toJsonReport(a: Analysis) {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: TOOL,
    window: { start: toIso(a.window.startMs), end: toIso(a.window.endMs) },
    inputs: a.inputs.map((i) => ({
      path: i.path, host: i.host, format: i.format, lines: i.lines, events: i.events, skipped: i.skipped,
      warnings: i.warnings, encoding: i.encoding,
    })),
    findings: a.findings.map((f) => ({
      id: f.id, category: f.category, severity: f.severity, title: f.title,
      time: toIso(f.timeMs), end: toIso(f.endMs), host: f.host, process: f.process, pid: f.pid,
      detector: f.detector, facts: f.facts, evidence: f.evidence,
    })),
    rootCauses: a.rootCauses.map((r) => ({
      rank: r.rank, category: r.category, host: r.host, process: r.process, time: toIso(r.timeMs),
      confidence: r.confidence, summary: r.summary, chain: r.chain, evidence: r.evidence,
      trigger: r.trigger === null ? null : {
        category: r.trigger.category, host: r.trigger.host, process: r.trigger.process, time: toIso(r.trigger.timeMs),
        summary: r.trigger.summary, chain: r.trigger.chain,
      },
    })),
    timeline: a.timeline.map(({ event: e, reason, repeats, lastEvent }) => ({
      time: toIso(e.timeMs), host: e.host, path: e.path, line: e.line, format: e.format,
      severity: e.severity, process: e.process, message: e.message, reason,
      repeats, lastTime: lastEvent ? toIso(lastEvent.timeMs) : null,
    })),
    timelineOmitted: a.timelineOmitted,
    // extension: the most used log templates within 5 min of the top root cause (all lines without one)
    templates: (a.templates ?? []).map((x) => ({
      id: x.id, template: x.template, count: x.count, first: toIso(x.firstMs), last: toIso(x.lastMs), hosts: x.hosts, path: x.path,
    })),
  };
}

export function renderJson(a: Analysis): string {
  return [...jsonChunks(a)].join('');
}

/**
 * The report's text piece by piece: the same text as JSON.stringify(report, null, 2), but a long
 * array (findings, timeline) is written one element at a time, so a big report never has to exist as
 * one string beside its objects.
 */
export function* jsonChunks(a: Analysis): Generator<string> {
  const report = toJsonReport(a) as Record<string, unknown>;
  const keys = Object.keys(report).filter((k) => report[k] !== undefined);
  yield '{\n';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = report[key];
    const comma = i < keys.length - 1 ? ',' : '';
    if (Array.isArray(value) && value.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (let j = 0; j < value.length; j++) {
        yield `    ${indent(JSON.stringify(value[j], null, 2), '    ')}${j < value.length - 1 ? ',' : ''}\n`;
      }
      yield `  ]${comma}\n`;
    } else {
      yield `  ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2), '  ')}${comma}\n`;
    }
  }
  yield '}\n';
}

function indent(text: string, pad: string): string {
  return text.replace(/\n/g, `\n${pad}`);
}
