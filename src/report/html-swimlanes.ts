import type { Finding, FindingSeverity } from '../detect/finding.js';
import { escapeLogHtml as esc } from './escape.js';
import type { Messages } from './i18n/index.js';
import { formatTime } from './story.js';

export const SEVERITY_COLOUR: Record<FindingSeverity, string> = {
  critical: '#b91c1c', error: '#ea580c', warning: '#ca8a04', info: '#2563eb',
};

const WIDTH = 1200;
const LABEL_W = 160;
const RIGHT_PAD = 40;
const AXIS_H = 34;
const ROW_H = 20;
const MIN_ROWS = 3;
/** marks at one time stack in up to this many rows of a lane before they overlap */
const MAX_ROWS = 8;
const MIN_GAP_PX = 16;
const MAX_TICKS = 8;
/** tick spacings to choose from: round numbers of ms, seconds, minutes, hours, days */
const TICK_STEPS_MS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000,
  600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000,
];

/** Tick times at a round spacing, at most MAX_TICKS + 1 of them, inside [t0, t1]. */
export function niceTicks(t0: number, t1: number): number[] {
  const span = t1 - t0;
  const step = TICK_STEPS_MS.find((s) => span / s <= MAX_TICKS) ?? Math.ceil(span / MAX_TICKS / 86_400_000) * 86_400_000;
  const out: number[] = [];
  for (let ms = Math.ceil(t0 / step) * step; ms <= t1 && out.length <= MAX_TICKS + 1; ms += step) out.push(ms);
  return out;
}

/** A tick's label: as much of the time as the span needs (the date only beyond a day). */
function tickLabel(ms: number, spanMs: number, zone: string | null): string {
  const full = formatTime(ms, zone).replace(/(Z| [+-]\d\d:\d\d)$/, '');
  const time = full.replace(/^\d{4}-\d\d-\d\d[T ]/, '');
  if (spanMs > 86_400_000) return full.slice(0, 10) + ' ' + time.slice(0, 5);
  return ms % 1000 === 0 ? time.slice(0, 8) : time;
}

interface Mark { f: Finding; x: number; y: number; step: number | null }

/**
 * The hosts as swimlanes over the findings' time span: one lane per host, each finding a mark
 * coloured by severity (a link to its details), the chain's findings numbered and joined by arrows.
 * Plain SVG: it renders without scripts.
 */
export function swimlanesSvg(hostsIn: readonly string[], findings: readonly Finding[], chain: readonly Finding[], m: Messages, zone: string | null): string {
  const timed = findings.filter((f) => f.timeMs !== null);
  if (timed.length === 0) return `<p class="note">${esc(m.ui.noTimedFindings)}</p>`;
  const hosts = [...hostsIn];
  for (const f of timed) if (!hosts.includes(f.host ?? '?')) hosts.push(f.host ?? '?');
  let t0 = Math.min(...timed.map((f) => f.timeMs!));
  let t1 = Math.max(...timed.map((f) => Math.max(f.timeMs!, f.endMs ?? -Infinity)));
  if (t1 - t0 < 1000) { t0 -= 500; t1 += 500; }
  const pad = (t1 - t0) * 0.04;
  t0 -= pad; t1 += pad;
  const plotW = WIDTH - LABEL_W - RIGHT_PAD;
  const xOf = (ms: number) => LABEL_W + ((ms - t0) / (t1 - t0)) * plotW;
  const stepOf = new Map(chain.map((f, i) => [f, i + 1]));
  // place each lane's marks in rows first: the lanes' heights follow from how many rows they need
  const lanes = hosts.map((host) => {
    const inLane = timed.filter((f) => (f.host ?? '?') === host).sort((a, b) => a.timeMs! - b.timeMs!);
    const lastX: number[] = [];
    const placed = inLane.map((f) => {
      const x = xOf(f.timeMs!);
      // the first row with room, else a new row, else the row whose last mark is farthest left
      let row = lastX.findIndex((lx) => x - lx >= MIN_GAP_PX);
      if (row < 0) row = lastX.length < MAX_ROWS ? lastX.length : lastX.indexOf(Math.min(...lastX));
      // a finding that lasts keeps its row busy until its end, so its bar stays clear
      lastX[row] = f.endMs !== null && f.endMs > f.timeMs! ? Math.max(x, xOf(f.endMs)) : x;
      return { f, x, row };
    });
    return { host, placed, height: ROW_H * Math.max(MIN_ROWS, lastX.length) + 16 };
  });
  const laneTop: number[] = [];
  let y = AXIS_H;
  for (const lane of lanes) { laneTop.push(y); y += lane.height; }
  const height = y + 8;
  const marks: Mark[] = lanes.flatMap((lane, i) => lane.placed.map(({ f, x, row }) => ({
    f, x, y: laneTop[i]! + 8 + ROW_H * row + ROW_H / 2, step: stepOf.get(f) ?? null,
  })));

  const out: string[] = [];
  out.push(`<svg class="swimlanes" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${esc(m.ui.swimlanes)}">`);
  out.push('<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#111827"/></marker></defs>');
  lanes.forEach((lane, i) => {
    const top = laneTop[i]!;
    out.push(`<rect x="0" y="${top}" width="${WIDTH}" height="${lane.height}" fill="${i % 2 ? '#f9fafb' : '#f1f5f9'}"/>`);
    out.push(`<text class="lane" x="10" y="${top + lane.height / 2 + 5}">${esc(lane.host)}</text>`);
  });
  for (const ms of niceTicks(t0, t1)) {
    const x = xOf(ms);
    out.push(`<line x1="${x.toFixed(1)}" y1="${AXIS_H - 6}" x2="${x.toFixed(1)}" y2="${height - 8}" stroke="#d1d5db" stroke-dasharray="3 3"/>`);
    out.push(`<text class="tick" x="${x.toFixed(1)}" y="${AXIS_H - 12}" text-anchor="middle">${esc(tickLabel(ms, t1 - t0, zone))}</text>`);
  }
  const chainMarks = marks.filter((k) => k.step !== null).sort((a, b) => a.step! - b.step!);
  for (let i = 1; i < chainMarks.length; i++) {
    const a = chainMarks[i - 1]!;
    const b = chainMarks[i]!;
    // a gentle curve, so arrows between marks at one time stay visible
    const mx = (a.x + b.x) / 2 + (Math.abs(b.x - a.x) < 30 ? 40 : 0);
    const my = (a.y + b.y) / 2 - (Math.abs(b.y - a.y) < 10 ? 24 : 0);
    const shorten = 10;
    const dx = b.x - mx, dy = b.y - my;
    const len = Math.hypot(dx, dy) || 1;
    const ex = b.x - (dx / len) * shorten, ey = b.y - (dy / len) * shorten;
    out.push(`<path class="arrow" d="M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}" fill="none" stroke="#111827" stroke-width="1.6" marker-end="url(#arrow)"/>`);
  }
  // a finding that lasts (a leak's growth, a pause, a flood) also gets a bar over its span
  for (const k of marks) {
    const f = k.f;
    if (f.endMs === null || f.endMs <= f.timeMs!) continue;
    const w = Math.max(2, xOf(f.endMs) - k.x);
    out.push(`<rect class="span" x="${k.x.toFixed(1)}" y="${(k.y - 4).toFixed(1)}" width="${w.toFixed(1)}" height="8" rx="4" fill="${SEVERITY_COLOUR[f.severity]}" fill-opacity="0.3"/>`);
  }
  for (const k of marks) {
    const f = k.f;
    const tip = `${f.id} ${formatTime(f.timeMs, zone)} ${f.host ?? '-'} [${f.category}] ${f.title}`;
    const r = k.step !== null ? 8 : 6;
    out.push(`<a href="#finding-${esc(f.id)}"><g class="mark" data-category="${esc(f.category)}">` +
      `<title>${esc(tip)}</title>` +
      `<circle cx="${k.x.toFixed(1)}" cy="${k.y.toFixed(1)}" r="${r}" fill="${SEVERITY_COLOUR[f.severity]}"${k.step !== null ? ' stroke="#111827" stroke-width="2"' : ' stroke="#fff" stroke-width="1"'}/>` +
      (k.step !== null ? `<text class="step" x="${(k.x + (k.x > WIDTH - RIGHT_PAD - 20 ? -11 : 11)).toFixed(1)}" y="${(k.y - 7).toFixed(1)}"${k.x > WIDTH - RIGHT_PAD - 20 ? ' text-anchor="end"' : ''}>${k.step}</text>` : '') +
      '</g></a>');
  }
  out.push('</svg>');
  return out.join('\n');
}
