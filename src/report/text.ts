import { isAtLeast } from '../events/severity.js';
import { toIso } from '../events/time.js';
import type { Analysis } from '../pipeline.js';
import { displayWidth, padToWidth } from './display-width.js';
import { escapeTerminal } from './escape.js';
import { messages, t, type Messages } from './i18n/index.js';
import { chainSteps, findingsById, localSummary } from './story.js';
import type { Style } from './style.js';

const MAX_MESSAGE_CHARS = 300;

/**
 * The terminal report: inputs table, root causes (each with its chain, one line per step),
 * findings, then the merged timeline.
 */
export function renderText(a: Analysis, style: Style, m: Messages = messages('en')): string {
  const out: string[] = [];
  out.push(style.bold(t(m, 'inputs')));
  out.push(table(
    (['path', 'host', 'format', 'lines', 'events', 'skipped', 'warnings'] as const).map((k) => t(m, k).toLowerCase()),
    a.inputs.map((i) => [i.path, i.host ?? '-', i.format ?? '-', String(i.lines), String(i.events), String(i.skipped), String(i.warnings.length)]),
  ));
  const warned = a.inputs.filter((i) => i.warnings.length > 0);
  if (warned.length > 0) {
    out.push('', style.bold(t(m, 'warnings')));
    for (const i of warned) for (const w of i.warnings) out.push(`  ${escapeTerminal(i.path)}: ${escapeTerminal(w)}`);
  }
  out.push('', style.bold(t(m, 'window')) + `  ${toIso(a.window.startMs) ?? '?'} .. ${toIso(a.window.endMs) ?? '?'}`);
  if (a.rootCauses.length > 0) {
    out.push('', style.bold(t(m, 'rootCauses')));
    const byId = findingsById(a);
    for (const r of a.rootCauses) {
      const steps = chainSteps(r, byId, m);
      out.push(`  ${r.rank}. [${r.category}] ${escapeTerminal(localSummary(r, steps, m))} (${t(m, 'confidence').toLowerCase()} ${r.confidence.toFixed(2)})`);
      if (steps.length < 2) continue;
      steps.forEach(({ finding: f }, i) => {
        out.push(style.dim(`     ${i === 0 ? ' ' : '→'} ${toIso(f.timeMs) ?? '?'} ${escapeTerminal(f.host ?? '-')} [${f.category}] `) + escapeTerminal(f.title));
      });
    }
  }
  if (a.findings.length > 0) {
    out.push('', style.bold(t(m, 'findings')));
    for (const f of a.findings) {
      out.push(`  ${f.id} ${toIso(f.timeMs) ?? '?'} ${f.host ?? '-'} [${f.category}] ${escapeTerminal(f.title)}`);
    }
  }
  if (a.templates && a.templates.length > 0) {
    out.push('', style.bold(t(m, 'topTemplates')) + style.dim(`  (${t(m, 'topTemplatesNote')})`));
    for (const x of a.templates) {
      const tpl = x.template.length > MAX_MESSAGE_CHARS ? x.template.slice(0, MAX_MESSAGE_CHARS) + '…' : x.template;
      out.push(`  ${x.id} ${String(x.count).padStart(8)}  ${escapeTerminal(x.hosts.join(',') || '-')}  ${escapeTerminal(tpl)}`);
    }
  }
  const omitted = a.timelineOmitted ? `; ${t(m, 'moreLeftOut', { n: a.timelineOmitted })}` : '';
  out.push('', style.bold(t(m, 'timeline')) + style.dim(`  (${t(m, 'timelineNote')}${omitted})`));
  for (const { event: e, repeats, lastEvent } of a.timeline) {
    const sev = (e.severity ?? '-').toUpperCase().padEnd(5);
    const coloured = isAtLeast(e.severity, 'error') ? style.red(sev) : isAtLeast(e.severity, 'warn') ? style.yellow(sev) : style.dim(sev);
    const msg = e.message.length > MAX_MESSAGE_CHARS ? e.message.slice(0, MAX_MESSAGE_CHARS) + '…' : e.message;
    const until = lastEvent?.timeMs != null ? toIso(lastEvent.timeMs) : null;
    const folded = repeats > 0 ? style.dim(` (${until ? t(m, 'repeatsUntil', { n: repeats, time: until }) : t(m, 'repeats', { n: repeats })})`) : '';
    out.push(`${toIso(e.timeMs) ?? padToWidth(t(m, 'noTime'), 24)} ${padToWidth(escapeTerminal(e.host ?? '-'), 10)} ${coloured} ${style.dim(`${escapeTerminal(e.path)}:${e.line}`)} ${escapeTerminal(msg)}${folded}`);
  }
  return out.join('\n') + '\n';
}

function table(head: string[], rows: string[][]): string {
  const cells = [head, ...rows].map((r) => r.map(escapeTerminal));
  const widths = head.map((_, c) => Math.max(...cells.map((r) => displayWidth(r[c]!))));
  return cells.map((r) => '  ' + r.map((v, c) => padToWidth(v, widths[c]!, c >= 3)).join('  ')).join('\n');
}
