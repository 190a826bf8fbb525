import type { Category } from '../detect/category.js';
import type { Finding } from '../detect/finding.js';
import type { Analysis } from '../pipeline.js';
import { ADVICE } from './advice.js';
import { escapeMarkdownInline as md, markdownCodeBlock } from './escape.js';
import { t, type Messages } from './i18n/index.js';
import { chainSteps, type ChainStep, factPairs, findingsById, formatTime, impactOf, localSummary, triggerAndDefect } from './story.js';

export interface ReportOptions {
  messages: Messages;
  /** --tz: times for people in this zone; null prints UTC */
  zone: string | null;
}

/** Timeline rows in the Markdown draft at most; the JSON report has them all. */
const MAX_TIMELINE_ROWS = 200;
const MAX_EVIDENCE_PER_FINDING = 3;

/**
 * A postmortem draft in Markdown: summary, impact, root cause with its chain, trigger and defect,
 * timeline, evidence and next checks for the root cause's category. All log text is escaped.
 */
export function renderMarkdown(a: Analysis, o: ReportOptions): string {
  const m = o.messages;
  const time = (ms: number | null) => formatTime(ms, o.zone);
  const byId = findingsById(a);
  const top = a.rootCauses[0];
  const steps = top ? chainSteps(top, byId, m) : [];
  const out: string[] = [];
  out.push(`# ${t(m, 'postmortemTitle')}`, '', `> ${t(m, 'draftNote')}`, '');
  if (o.zone) out.push(t(m, 'timeNote', { zone: o.zone }), '');

  out.push(`## ${t(m, 'summary')}`, '');
  out.push(top ? md(localSummary(top, steps, m)) : t(m, 'noRootCause'), '');

  const impact = impactOf(a, steps);
  out.push(`## ${t(m, 'impact')}`, '');
  out.push(`- **${t(m, 'hostsAffected')}:** ${impact.hosts.length ? impact.hosts.map(md).join(', ') : t(m, 'none')}`);
  out.push(`- **${t(m, 'processesAffected')}:** ${impact.processes.length ? impact.processes.map(md).join(', ') : t(m, 'none')}`);
  out.push(`- **${t(m, 'window')}:** ${time(a.window.startMs)} .. ${time(a.window.endMs)}`);
  out.push(`- **${t(m, 'counts')}:** ${t(m, 'countsText', {
    findings: a.findings.length, rootCauses: a.rootCauses.length,
    events: a.inputs.reduce((n, i) => n + i.events, 0), inputs: a.inputs.length,
  })}`, '');

  if (top) {
    const root = steps.find((s) => s.role === 'root')?.finding;
    out.push(`## ${t(m, 'rootCause')}`, '');
    out.push(`- **${t(m, 'category')}:** ${m.category[top.category]} (\`${top.category}\`)`);
    out.push(`- **${t(m, 'host')}:** ${md(top.host ?? t(m, 'unknown'))}`);
    out.push(`- **${t(m, 'process')}:** ${md(top.process ?? t(m, 'unknown'))}${root?.pid != null ? ` (pid ${root.pid})` : ''}`);
    out.push(`- **${t(m, 'time')}:** ${time(top.timeMs)}`);
    out.push(`- **${t(m, 'confidence')}:** ${top.confidence.toFixed(2)}`);
    if (root) {
      const facts = factPairs(root);
      if (facts.length) out.push(`- **${t(m, 'facts')}:** ${facts.map(([k, v]) => `${md(k)} = ${md(v)}`).join('; ')}`);
    }
    out.push('');

    out.push(`### ${t(m, 'chain')}`, '');
    out.push(`| # | ${t(m, 'time')} | ${t(m, 'host')} | ${t(m, 'category')} | ${t(m, 'finding')} | ${t(m, 'why')} |`);
    out.push('|---|---|---|---|---|---|');
    steps.forEach((s, i) => {
      const f = s.finding;
      out.push(`| ${stepLabel(s, i, steps, m)} | ${time(f.timeMs)} | ${md(f.host ?? '-')} | ${m.category[f.category]} | ${md(f.title)} | ${s.why ? md(s.why) : t(m, s.role === 'trigger' ? 'trigger' : 'rootStep')} |`);
    });
    out.push('');

    const td = triggerAndDefect(steps);
    if (td) {
      out.push(`### ${t(m, 'triggerAndDefect')}`, '');
      out.push(`- **${t(m, 'trigger')}:** ${md(t(m, 'triggerText', { what: describe(td.trigger.finding, m) }))}`);
      out.push(`- **${t(m, 'defect')}:** ${md(t(m, 'defectText', { what: describe(td.defect.finding, m) }))}${td.defect.why ? ` (${md(td.defect.why)})` : ''}`);
      out.push('');
    }

    if (a.rootCauses.length > 1) {
      out.push(`### ${t(m, 'otherCandidates')}`, '');
      for (const r of a.rootCauses.slice(1)) {
        out.push(`${r.rank}. ${m.category[r.category]} (\`${r.category}\`, ${t(m, 'confidence').toLowerCase()} ${r.confidence.toFixed(2)}): ${md(localSummary(r, chainSteps(r, byId, m), m))}`);
      }
      out.push('');
    }
  }

  out.push(`## ${t(m, 'timeline')}`, '');
  const timed = timelineRows(a, steps.map((s) => s.finding), true);
  out.push(`| ${t(m, 'time')} | ${t(m, 'host')} | ${t(m, 'what')} | ${t(m, 'source')} |`, '|---|---|---|---|');
  for (const row of timed.slice(0, MAX_TIMELINE_ROWS)) {
    out.push(`| ${time(row.timeMs)} | ${md(row.host ?? '-')} | ${row.bold ? `**${md(row.what)}**` : md(row.what)} | ${md(row.source)} |`);
  }
  if (timed.length > MAX_TIMELINE_ROWS) out.push('', t(m, 'moreLeftOut', { n: timed.length - MAX_TIMELINE_ROWS }));
  out.push('');

  out.push(`## ${t(m, 'evidence')}`, '');
  const shown = steps.length ? steps.map((s) => s.finding) : a.findings;
  for (const f of shown) {
    if (f.evidence.length === 0) continue;
    out.push(`**${f.id}** ${md(f.title)} (${md(f.host ?? '-')}, ${time(f.timeMs)})`, '');
    const evs = f.evidence.slice(0, MAX_EVIDENCE_PER_FINDING);
    out.push(markdownCodeBlock(evs.map((e) => `${e.path}:${e.line}: ${e.text}`).join('\n')), '');
  }

  if (top) {
    out.push(`## ${t(m, 'nextChecks')}`, '');
    const cats = adviceCategories(steps);
    for (const c of cats) {
      out.push(`### ${m.category[c]} (\`${c}\`)`, '');
      for (const line of ADVICE[m.lang][c]) out.push(`- [ ] ${line}`);
      out.push('');
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** A step's number, and its part where the chain has a trigger before the root cause. */
export function stepLabel(s: ChainStep, i: number, steps: readonly ChainStep[], m: Messages): string {
  if (s.role === 'trigger') return `${i + 1} (${t(m, 'trigger')})`;
  if (s.role === 'root' && i > 0) return `${i + 1} (${t(m, 'rootStep')})`;
  return String(i + 1);
}

function describe(f: Finding, m: Messages): string {
  return `${f.title}${f.host ? ` (${f.host}${f.process ? `, ${f.process}` : ''})` : ''} [${m.category[f.category]}]`;
}

export interface TimelineRow {
  timeMs: number | null;
  host: string | null;
  what: string;
  source: string;
  /** a step of the top root cause's chain */
  bold: boolean;
}

/** The categories to advise on: the root cause's first, then its trigger's, then its effects'. */
export function adviceCategories(steps: readonly ChainStep[]): Category[] {
  const order = { root: 0, trigger: 1, effect: 2 } as const;
  return [...new Set([...steps].sort((x, y) => order[x.role] - order[y.role]).map((s) => s.finding.category))];
}

/**
 * Findings and the notable log lines, merged by time (lines without a time last). `eventful`
 * keeps only warnings and state changes, leaving out the first and last line of every source.
 */
export function timelineRows(a: Analysis, chain: readonly Finding[], eventful = false): TimelineRow[] {
  const inChain = new Set(chain);
  const rows: TimelineRow[] = a.findings.map((f) => ({
    timeMs: f.timeMs, host: f.host, what: `[${f.category}] ${f.title}`,
    source: f.evidence[0] ? `${f.evidence[0].path}:${f.evidence[0].line}` : '-', bold: inChain.has(f),
  }));
  for (const { event: e, repeats, reason } of a.timeline) {
    if (eventful && (reason === 'first' || reason === 'last')) continue;
    rows.push({
      timeMs: e.timeMs, host: e.host, what: `${e.severity ? `${e.severity.toUpperCase()} ` : ''}${e.message}${repeats ? ` (+${repeats})` : ''}`,
      source: `${e.path}:${e.line}`, bold: false,
    });
  }
  return rows.sort((x, y) => (x.timeMs ?? Infinity) - (y.timeMs ?? Infinity));
}
