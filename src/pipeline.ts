import { HostDirectory } from './correlate/host-directory.js';
import { rankRootCauses } from './correlate/rank.js';
import type { Finding, RootCause } from './detect/finding.js';
import type { DetectorDef } from './detect/define.js';
import { DETECTORS } from './detect/registry.js';
import { DetectorRunner } from './detect/run.js';
import { TemplateStage, type TopTemplate } from './detect/patterns/template-stage.js';
import { RunClock } from './events/clock.js';
import type { LogEvent } from './events/event.js';
import { STATE_CHANGE_WORDS, TimelineSelector, type TimelineEntry } from './events/timeline.js';
import { machineZone } from './events/time.js';
import type { InputReport } from './ingest/input-report.js';
import { readInput, replayChunks } from './ingest/read-input.js';
import type { InputSource } from './ingest/source.js';
import { walkInputs } from './ingest/walk.js';

export interface AnalyzeOptions {
  paths: readonly string[];
  /** --tz: zone for times printed without one (default: the machine's) */
  zone?: string | undefined;
  /** --year: year for formats that print none */
  year?: number | undefined;
  /** --host: the host of inputs that name none, and the only host analysed */
  host?: string | undefined;
  sinceMs?: number | undefined;
  untilMs?: number | undefined;
  /** the detectors to run (default: all of the registry) */
  detectors?: readonly DetectorDef[] | undefined;
  /** called after each input is read */
  onInput?: (report: InputReport) => void;
}

/** Templates listed in the report: those with most lines within 5 min of the top root cause. */
const TOP_TEMPLATES = 10;

/** Anything that wants every event of the run (timeline, templates, detectors). */
export interface EventSink {
  accept(event: LogEvent): void;
}

export interface Analysis {
  inputs: InputReport[];
  window: { startMs: number | null; endMs: number | null };
  timeline: TimelineEntry[];
  timelineOmitted: number;
  findings: Finding[];
  rootCauses: RootCause[];
  /** events read (before --since/--until/--host) */
  totalEvents: number;
  /** the most used log templates around the incident (an extension of the report) */
  templates?: TopTemplate[];
}

/**
 * The one place that wires the stages: walk inputs → read (sniff, frame, parse) → filter →
 * sinks. Inputs are read one after another; each sink sees every event of the window.
 */
export async function analyze(opts: AnalyzeOptions, extraSinks: readonly EventSink[] = []): Promise<Analysis> {
  const clock = new RunClock(opts.zone ?? machineZone(), opts.zone !== undefined, opts.year ?? null);
  const timeline = new TimelineSelector();
  // the detectors' one scan of each message also looks for the timeline's state-change words
  const detectors = new DetectorRunner(opts.detectors ?? DETECTORS, [STATE_CHANGE_WORDS]);
  const hosts = new HostDirectory();
  // the templates stage goes first: pattern detectors read what it mined for the same event
  const templates = new TemplateStage();
  const inputs: InputReport[] = [];
  let startMs: number | null = null;
  let endMs: number | null = null;
  let totalEvents = 0;
  const onEvent = (e: LogEvent) => {
    totalEvents++;
    if (opts.host !== undefined && e.host !== null && e.host !== opts.host) return;
    const t = e.timeMs;
    if (t !== null && (clock.latestMs === null || t > clock.latestMs)) clock.latestMs = t;
    if (t !== null) {
      if (opts.sinceMs !== undefined && t < opts.sinceMs) return;
      if (opts.untilMs !== undefined && t > opts.untilMs) return;
      // the window is what the inputs say happened; a snapshot timed by its file's mtime does not set it
      // (the fields are looked at only when the time would widen the window)
      if ((startMs === null || t < startMs || endMs === null || t > endMs) && e.fields?.timeSource !== 'mtime') {
        if (startMs === null || t < startMs) startMs = t;
        if (endMs === null || t > endMs) endMs = t;
      }
    }
    // the stages called directly (one call site each, which the JIT can inline), then any extra sinks
    templates.accept(e);
    detectors.accept(e);
    timeline.accept(e, detectors.watched(0));
    hosts.accept(e);
    for (let i = 0; i < extraSinks.length; i++) extraSinks[i]!.accept(e);
  };
  const readOpts = { clock, defaultHost: opts.host ?? null, onEvent };
  const deferred: { source: InputSource; chunks: Buffer[]; needsBootTime: boolean; slot: number }[] = [];
  // the inputs table keeps walk order, also for inputs read at the end
  const slots: (InputReport | null)[] = [];
  const done = (report: InputReport, slot = slots.length) => {
    slots[slot] = report;
    opts.onInput?.(report);
  };

  for await (const item of walkInputs(opts.paths)) {
    if (item.kind === 'problem') {
      const p = item.problem;
      done({ path: p.path, root: p.root, host: null, format: null, encoding: null, lines: 0, events: 0, skipped: 0, warnings: [p.reason] });
      continue;
    }
    const outcome = await readInput(item.source, readOpts);
    if (outcome.kind === 'done') done(outcome.report);
    else {
      deferred.push({ source: item.source, chunks: outcome.chunks, needsBootTime: outcome.needsBootTime, slot: slots.length });
      slots.push(null);
    }
  }
  // year-less logs wait for the years the other inputs printed; raw kernel logs, last, for the boot
  // times all the others revealed (syslog kernel lines among them)
  deferred.sort((a, b) => Number(a.needsBootTime) - Number(b.needsBootTime));
  for (const d of deferred) {
    const outcome = await readInput({ ...d.source, open: () => replayChunks(d.chunks) }, { ...readOpts, final: true });
    if (outcome.kind === 'done') done(outcome.report, d.slot);
  }
  for (const r of slots) if (r) inputs.push(r);
  const { entries, omitted } = timeline.entries();
  const findings = detectors.finish();
  for (const entry of entries) hosts.noteMentions(entry.event);
  const rootCauses = rankRootCauses(findings, hosts);
  const topTemplates = templates.topTemplates(TOP_TEMPLATES, rootCauses[0]?.timeMs ?? null);
  return { inputs, window: { startMs, endMs }, timeline: entries, timelineOmitted: omitted, findings, rootCauses, totalEvents, templates: topTemplates };
}
