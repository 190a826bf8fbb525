import type { Finding } from '../detect/finding.js';
import type { Analysis } from '../pipeline.js';
import { ADVICE } from './advice.js';
import { escapeLogHtml as esc } from './escape.js';
import { swimlanesSvg, SEVERITY_COLOUR } from './html-swimlanes.js';
import { t, type Messages } from './i18n/index.js';
import type { ReportOptions } from './markdown.js';
import { adviceCategories, stepLabel, timelineRows } from './markdown.js';
import { chainSteps, factPairs, findingsById, formatTime, impactOf, localSummary, triggerAndDefect } from './story.js';

const MAX_TIMELINE_ROWS = 1000;
const MAX_EVIDENCE_PER_FINDING = 5;

/** No fetches of any kind; inline styles only. Scripts are not needed, so none may run. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const CSS = `
:root { color-scheme: light; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 0; color: #111827; background: #fff; }
main { max-width: 1240px; margin: 0 auto; padding: 16px 20px 48px; }
h1 { font-size: 22px; margin: 8px 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #e5e7eb; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
.note { color: #6b7280; }
.summary { font-size: 16px; background: #fef2f2; border-left: 4px solid #b91c1c; padding: 10px 14px; margin: 8px 0; }
dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
dl.kv dt { color: #6b7280; }
dl.kv dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 6px 0; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid #e5e7eb; }
th { background: #f9fafb; font-weight: 600; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
code, pre, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; font-size: 12.5px; }
pre { background: #f8fafc; border: 1px solid #e5e7eb; padding: 8px 10px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; margin: 6px 0; }
.sev { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; font-size: 12px; }
.cat { display: inline-block; padding: 0 6px; border-radius: 3px; background: #e5e7eb; font-size: 12px; }
ol.chain { padding-left: 22px; }
ol.chain li { margin: 6px 0; }
ol.chain .why { color: #374151; font-style: italic; }
.finding { border: 1px solid #e5e7eb; border-left-width: 4px; border-radius: 4px; padding: 6px 12px; margin: 10px 0; }
.finding.in-chain { box-shadow: 0 0 0 1px #111827 inset; }
.finding:target { background: #fffbeb; }
svg.swimlanes { border: 1px solid #e5e7eb; background: #fff; }
svg .lane { font: 600 13px system-ui, sans-serif; fill: #111827; }
svg .tick { font: 11px ui-monospace, monospace; fill: #4b5563; }
svg .step { font: 600 11px system-ui, sans-serif; fill: #111827; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.legend span { margin-right: 14px; }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 4px; vertical-align: middle; }
tr.warn td { background: #fffbeb; }
.rc td:not(:last-child) { white-space: nowrap; }
details > summary { cursor: pointer; font-weight: 600; }
ul.advice li { margin: 3px 0; }
.facts { display: flex; flex-wrap: wrap; gap: 4px 8px; margin: 6px 0; align-items: baseline; }
.fact { background: #f3f4f6; border-radius: 3px; padding: 1px 6px; }
.fact .k { color: #4b5563; }
`;

/**
 * The whole report as one self-contained HTML file: no external references, no scripts, all log
 * text escaped (escape.ts), swimlanes as inline SVG.
 */
export function renderHtml(a: Analysis, o: ReportOptions): string {
  const m = o.messages;
  const time = (ms: number | null) => esc(formatTime(ms, o.zone));
  const byId = findingsById(a);
  const top = a.rootCauses[0];
  const steps = top ? chainSteps(top, byId, m) : [];
  const chain = steps.map((s) => s.finding);
  const inChain = new Set(chain);
  const out: string[] = [];
  out.push('<!DOCTYPE html>', `<html lang="${m.lang === 'zh' ? 'zh-CN' : 'en'}">`, '<head>', '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">', '<meta name="referrer" content="no-referrer">',
    `<title>${esc(t(m, 'docTitle'))}</title>`, `<style>${CSS}</style>`, '</head>', '<body>', '<main>');

  out.push(`<h1>${esc(t(m, 'docTitle'))}</h1>`);
  out.push(`<p class="note">${esc(t(m, 'window'))}: ${time(a.window.startMs)} .. ${time(a.window.endMs)} · ${esc(t(m, 'countsText', {
    findings: a.findings.length, rootCauses: a.rootCauses.length, events: a.inputs.reduce((n, i) => n + i.events, 0), inputs: a.inputs.length,
  }))}${o.zone ? ` · ${esc(t(m, 'timeNote', { zone: o.zone }))}` : ''}</p>`);

  out.push(`<h2>${esc(t(m, 'summary'))}</h2>`);
  if (top) {
    out.push(`<p class="summary">${esc(localSummary(top, steps, m))}</p>`);
    const root = steps.find((s) => s.role === 'root')?.finding;
    const impact = impactOf(a, steps);
    out.push('<dl class="kv">',
      kv(t(m, 'category'), `${esc(m.category[top.category])} <code>${esc(top.category)}</code>`),
      kv(t(m, 'host'), esc(top.host ?? t(m, 'unknown'))),
      kv(t(m, 'process'), esc(top.process ?? t(m, 'unknown')) + (root?.pid != null ? ` (pid ${root.pid})` : '')),
      kv(t(m, 'time'), time(top.timeMs)),
      kv(t(m, 'confidence'), top.confidence.toFixed(2)),
      kv(t(m, 'hostsAffected'), esc(impact.hosts.join(', ') || t(m, 'none'))),
      kv(t(m, 'processesAffected'), esc(impact.processes.join(', ') || t(m, 'none'))),
      '</dl>');
    const td = triggerAndDefect(steps);
    if (td) {
      out.push('<dl class="kv">',
        kv(t(m, 'trigger'), esc(t(m, 'triggerText', { what: `${td.trigger.finding.title} (${td.trigger.finding.host ?? '-'})` }))),
        kv(t(m, 'defect'), esc(t(m, 'defectText', { what: `${td.defect.finding.title} (${td.defect.finding.host ?? '-'})` }))),
        '</dl>');
    }
  } else {
    out.push(`<p>${esc(t(m, 'noRootCause'))}</p>`);
  }

  out.push(`<h2>${esc(t(m, 'swimlanes'))}</h2>`);
  const hosts = [...new Set(a.inputs.map((i) => i.host).filter((h): h is string => h !== null))];
  out.push(swimlanesSvg(hosts, a.findings, chain, m, o.zone));
  out.push(`<p class="legend note">${(['critical', 'error', 'warning', 'info'] as const)
    .map((s) => `<span><i style="background:${SEVERITY_COLOUR[s]}"></i>${esc(m.severity[s])}</span>`).join('')} ${esc(t(m, 'chainLegend'))}</p>`);

  if (top) {
    out.push(`<h2>${esc(t(m, 'chain'))}</h2>`, '<ol class="chain">');
    for (const [i, s] of steps.entries()) {
      const f = s.finding;
      const part = stepLabel(s, i, steps, m).replace(/^\d+ ?/, '');
      out.push(`<li>${part ? `<b>${esc(part)}</b> ` : ''}<span class="mono">${time(f.timeMs)}</span> <b>${esc(f.host ?? '-')}</b> ${catBadge(f, m)} ` +
        `<a href="#finding-${esc(f.id)}">${esc(f.title)}</a>` +
        `<br><span class="why">${esc(s.why ?? t(m, s.role === 'trigger' ? 'trigger' : 'rootStep'))}</span></li>`);
    }
    out.push('</ol>');
  }

  out.push(`<h2>${esc(t(m, 'rootCauses'))}</h2>`);
  if (a.rootCauses.length === 0) out.push(`<p>${esc(t(m, 'noRootCause'))}</p>`);
  else {
    out.push('<table class="rc">', `<tr><th>${esc(t(m, 'rank'))}</th><th>${esc(t(m, 'category'))}</th><th>${esc(t(m, 'host'))}</th><th>${esc(t(m, 'process'))}</th><th>${esc(t(m, 'time'))}</th><th>${esc(t(m, 'confidence'))}</th><th>${esc(t(m, 'summary'))}</th></tr>`);
    for (const r of a.rootCauses) {
      const chainLinks = r.chain.map((id) => `<a href="#finding-${esc(id)}">${esc(id)}</a>`).join(' → ');
      out.push(`<tr><td class="num">${r.rank}</td><td>${esc(m.category[r.category])}</td><td>${esc(r.host ?? '-')}</td><td>${esc(r.process ?? '-')}</td>` +
        `<td class="mono">${time(r.timeMs)}</td><td class="num">${r.confidence.toFixed(2)}</td>` +
        `<td>${esc(localSummary(r, chainSteps(r, byId, m), m))}<br><span class="note mono">${chainLinks}</span></td></tr>`);
    }
    out.push('</table>');
  }

  if (top) {
    out.push(`<h2>${esc(t(m, 'nextChecks'))}</h2>`);
    for (const c of adviceCategories(steps)) {
      out.push(`<h3>${esc(m.category[c])} <code>${esc(c)}</code></h3>`, '<ul class="advice">');
      for (const line of ADVICE[m.lang][c]) out.push(`<li>${esc(line)}</li>`);
      out.push('</ul>');
    }
  }

  out.push(`<h2>${esc(t(m, 'findings'))}</h2>`);
  if (a.findings.length === 0) out.push(`<p>${esc(t(m, 'noFindings'))}</p>`);
  for (const f of a.findings) out.push(findingHtml(f, inChain.has(f), m, time));

  out.push(`<h2>${esc(t(m, 'timeline'))}</h2>`);
  const rows = timelineRows(a, chain);
  out.push(`<details><summary>${esc(t(m, 'timeline'))} (${rows.length})</summary>`, '<table>',
    `<tr><th>${esc(t(m, 'time'))}</th><th>${esc(t(m, 'host'))}</th><th>${esc(t(m, 'what'))}</th><th>${esc(t(m, 'source'))}</th></tr>`);
  for (const row of rows.slice(0, MAX_TIMELINE_ROWS)) {
    out.push(`<tr><td class="mono">${time(row.timeMs)}</td><td>${esc(row.host ?? '-')}</td><td class="mono">${row.bold ? `<b>${esc(row.what)}</b>` : esc(row.what)}</td><td class="mono">${esc(row.source)}</td></tr>`);
  }
  out.push('</table>');
  if (rows.length > MAX_TIMELINE_ROWS) out.push(`<p class="note">${esc(t(m, 'moreLeftOut', { n: rows.length - MAX_TIMELINE_ROWS }))}</p>`);
  out.push('</details>');

  out.push(`<h2>${esc(t(m, 'inputs'))}</h2>`, '<table>',
    `<tr><th>${esc(t(m, 'path'))}</th><th>${esc(t(m, 'host'))}</th><th>${esc(t(m, 'format'))}</th><th>${esc(t(m, 'lines'))}</th><th>${esc(t(m, 'events'))}</th><th>${esc(t(m, 'skipped'))}</th><th>${esc(t(m, 'warnings'))}</th></tr>`);
  for (const i of a.inputs) {
    out.push(`<tr${i.warnings.length ? ' class="warn"' : ''}><td class="mono">${esc(i.path)}</td><td>${esc(i.host ?? '-')}</td><td>${esc(i.format ?? '-')}</td>` +
      `<td class="num">${i.lines}</td><td class="num">${i.events}</td><td class="num">${i.skipped}</td><td>${i.warnings.map(esc).join('<br>')}</td></tr>`);
  }
  out.push('</table>', `<p class="note">${esc(t(m, 'draftNote'))}</p>`, '</main>', '</body>', '</html>');
  return out.join('\n') + '\n';
}

function kv(label: string, valueHtml: string): string {
  return `<dt>${esc(label)}</dt><dd>${valueHtml}</dd>`;
}

function catBadge(f: Finding, m: Messages): string {
  return `<span class="cat" title="${esc(f.category)}">${esc(m.category[f.category])}</span>`;
}

function findingHtml(f: Finding, inChain: boolean, m: Messages, time: (ms: number | null) => string): string {
  const out: string[] = [];
  out.push(`<article class="finding${inChain ? ' in-chain' : ''}" id="finding-${esc(f.id)}" style="border-left-color:${SEVERITY_COLOUR[f.severity]}">`);
  out.push(`<h3>${esc(f.id)} <span class="sev" style="background:${SEVERITY_COLOUR[f.severity]}">${esc(m.severity[f.severity])}</span> ${catBadge(f, m)} ${esc(f.title)}</h3>`);
  out.push(`<p class="note"><span class="mono">${time(f.timeMs)}${f.endMs !== null ? ` .. ${time(f.endMs)}` : ''}</span> · ${esc(t(m, 'host'))}: ${esc(f.host ?? '-')} · ${esc(t(m, 'process'))}: ${esc(f.process ?? '-')}${f.pid !== null ? ` (pid ${f.pid})` : ''} · ${esc(f.detector)}</p>`);
  const facts = factPairs(f);
  if (facts.length) {
    out.push(`<div class="facts"><span class="note">${esc(t(m, 'facts'))}:</span>${facts.map(([k, v]) => `<span class="fact"><span class="k">${esc(k)}</span> <span class="mono">${esc(v)}</span></span>`).join('')}</div>`);
  }
  if (f.evidence.length) {
    const lines = f.evidence.slice(0, MAX_EVIDENCE_PER_FINDING).map((e) => `<span class="note">${esc(e.path)}:${e.line}</span>  ${esc(e.text)}`);
    out.push(`<pre>${lines.join('\n')}</pre>`);
    if (f.evidence.length > MAX_EVIDENCE_PER_FINDING) out.push(`<p class="note">${esc(t(m, 'moreLeftOut', { n: f.evidence.length - MAX_EVIDENCE_PER_FINDING }))}</p>`);
  }
  out.push('</article>');
  return out.join('\n');
}
