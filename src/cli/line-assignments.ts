import type { LogEvent } from '../events/event.js';
import type { InputReport } from '../ingest/input-report.js';
import type { EventSink } from '../pipeline.js';
import type { TemplateMiner } from '../templates/miner.js';

/** Id printed for an input line that belongs to no event: a blank line, a table header, a skipped line. */
export const NO_EVENT_ID = '-';

/** One event's place in its input: first line, lines it covers, and the miner's handle. */
interface Placed {
  line: number;
  span: number;
  handle: number;
}

/**
 * Feeds every event's message to the miner and remembers, per input, which lines each event
 * covers, so `--assignments` can print one row per input line. Events arrive input by input and
 * `onInput` closes each input (the pipeline calls it after the input's last event).
 */
export class LineAssignments implements EventSink {
  private current: Placed[] = [];
  private readonly byInput = new Map<InputReport, Placed[]>();

  constructor(private readonly miner: TemplateMiner, private readonly keepLines: boolean) {}

  accept(e: LogEvent): void {
    const handle = this.miner.add(e.message, e.path);
    if (this.keepLines) this.current.push({ line: e.line, span: countLines(e.text), handle });
  }

  onInput(report: InputReport): void {
    if (this.keepLines) this.byInput.set(report, this.current);
    this.current = [];
  }

  /**
   * The handle for each line 1..report.lines, or null for a line no event covers. A record with
   * continuation lines (a stack trace joined to its event) gives its template to all its lines.
   */
  *lines(report: InputReport): Generator<number | null> {
    const placed = (this.byInput.get(report) ?? []).slice().sort((a, b) => a.line - b.line);
    let k = 0;
    for (let line = 1; line <= report.lines; line++) {
      while (k < placed.length && placed[k]!.line + placed[k]!.span <= line) k++;
      const p = placed[k];
      yield p && p.line <= line ? p.handle : null;
    }
  }
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
