import type { RunClock } from '../events/clock.js';
import type { Fields, LogEvent } from '../events/event.js';
import { toIso, wallToUtcMs, zoneOffsetMs } from '../events/time.js';
import { processHintFromPath } from '../events/process-hint.js';
import { type DocumentFormat, type LineFormat, MAX_DOCUMENT_BYTES, type ParseContext, type Parsed } from '../formats/define.js';
import { PLAIN_FORMAT } from '../formats/registry.js';
import { sniffFormat } from '../formats/sniff.js';
import { LineDecoder } from './decode.js';
import { LineFramer, MAX_LINE_BYTES } from './framing.js';
import { addWarning, type InputReport } from './input-report.js';
import type { InputSource } from './source.js';

/** Bytes read before choosing a format. */
const HEAD_BYTES = 64 * 1024;
/** A record with continuation lines (a stack trace) keeps at most this much text. */
const MAX_RECORD_CHARS = 64 * 1024;
/** Raw dmesg waiting for a boot time is held in memory up to this size. */
const MAX_DEFERRED_BYTES = 64 * 1024 * 1024;

export interface ReadOptions {
  clock: RunClock;
  /** --host: the host of inputs that name none */
  defaultHost: string | null;
  onEvent(event: LogEvent): void;
  /** Set when this is the second reading of a deferred input: read it whatever the clock knows. */
  final?: boolean;
  /** Bytes of a waiting input held in memory (default MAX_DEFERRED_BYTES); beyond, it is read at once. */
  maxDeferredBytes?: number;
}

export type ReadOutcome =
  | { kind: 'done'; report: InputReport }
  /** The input needs a boot time not known yet: its bytes are kept to be read at the end. */
  | { kind: 'deferred'; chunks: Buffer[]; needsBootTime: boolean };

export async function readInput(source: InputSource, opts: ReadOptions): Promise<ReadOutcome> {
  const report: InputReport = {
    path: source.path, root: source.root, host: source.folderHost ?? opts.defaultHost,
    format: null, encoding: null, lines: 0, events: 0, skipped: 0, warnings: [],
  };
  let iterator: AsyncIterator<Buffer>;
  try {
    iterator = source.open()[Symbol.asyncIterator]();
  } catch (err) {
    addWarning(report, `cannot read: ${(err as Error).message}`);
    return { kind: 'done', report };
  }
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  let readError: Error | null = null;
  const next = async (): Promise<Buffer | null> => {
    if (ended) return null;
    try {
      const r = await iterator.next();
      if (r.done) {
        ended = true;
        return null;
      }
      return typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    } catch (err) {
      readError = err as Error;
      ended = true;
      return null;
    }
  };
  while (headBytes < HEAD_BYTES) {
    const c = await next();
    if (!c) break;
    head.push(c);
    headBytes += c.length;
  }
  const headBuf = Buffer.concat(head, headBytes);

  if (headBytes === 0) {
    report.format = 'plain';
    addWarning(report, readError ? `cannot read: ${describeReadError(readError)}` : 'empty file');
    return { kind: 'done', report };
  }
  if (looksBinary(headBuf)) {
    report.format = 'binary';
    addWarning(report, 'binary file: skipped');
    await drain(next);
    return { kind: 'done', report };
  }

  const year = yearTracker(opts.clock, source.mtimeMs, source.path, report.host);
  const headText = decodeHead(headBuf);
  const sniffed = sniffFormat(headText, source.path, year.ctx);
  const format = sniffed.format;

  const waitsForBoot = format.shape === 'lines' && format.needsBootTime === true && opts.clock.bootTime(report.host) === undefined;
  const waitsForYear = format.shape === 'lines' && format.yearless === true && opts.clock.year === null;
  if ((waitsForBoot || waitsForYear) && !opts.final) {
    const chunks = [...head];
    let total = headBytes;
    let tooLarge = false;
    for (let c = await next(); c; c = await next()) {
      total += c.length;
      chunks.push(c);
      if (total > (opts.maxDeferredBytes ?? MAX_DEFERRED_BYTES)) {
        tooLarge = true;
        break;
      }
    }
    if (!tooLarge) return { kind: 'deferred', chunks, needsBootTime: waitsForBoot };
    // too large to hold: read it now with whatever the clock knows, the held chunks then the rest
    const restOfStream = async function* () {
      for (let c = await next(); c; c = await next()) yield c;
      if (readError) throw readError;
    };
    return readInput({ ...source, open: () => replayThen(chunks, restOfStream()) }, { ...opts, final: true });
  }

  report.format = format.name;
  const pending: Buffer[] = [...head];
  const rest = async function* () {
    for (const c of pending) yield c;
    pending.length = 0;
    for (let c = await next(); c; c = await next()) yield c;
  };

  const emitter = new EventEmitterForInput(source, report, opts, year.ctx);
  if (format.shape === 'document') {
    const doc = await readWhole(rest(), MAX_DOCUMENT_BYTES);
    if (doc.complete) emitter.emitDocument(format, doc.buf);
    else {
      addWarning(report, `larger than ${MAX_DOCUMENT_BYTES >> 20} MiB: read as plain lines instead of ${format.name}`);
      report.format = 'plain';
      await emitter.emitLines(PLAIN_FORMAT, replayThen(doc.chunks, rest()));
    }
  } else {
    await emitter.emitLines(format, rest());
  }
  if (readError) addWarning(report, `read stopped early after line ${report.lines}: ${describeReadError(readError)}`);
  if (year.assumed !== null) {
    addWarning(report, `the year is not printed: assumed ${year.assumed} from ${year.basis} (use --year)`);
  }
  if (year.dateAssumed !== null) {
    addWarning(report, `the date is not printed (times of day only): assumed ${year.dateAssumed} from ${year.dateBasis}`);
  }
  return { kind: 'done', report };
}

/** Turns parsed lines/records of one input into events, joining continuation lines. */
class EventEmitterForInput {
  private pending: LogEvent | null = null;
  private unparsed = 0;
  /** zoneFor's memory: the last host, its zone, whether that zone was assumed, the clock's zone version */
  private zoneHost: string | null | undefined = undefined;
  private zone = '';
  private zoneAssumed = false;
  private zoneVersion = -1;
  private assumedZone = false;
  private relativeTimes = 0;
  /** the line format's hook for records that took continuation lines */
  private finishRecord: LineFormat['finishRecord'];
  /** whether the pending record took continuation lines */
  private pendingJoined = false;

  /** the service a logs/ file is named after, for records that name no process */
  private readonly processHint: string | null;

  constructor(
    private readonly source: InputSource,
    private readonly report: InputReport,
    private readonly opts: ReadOptions,
    private readonly ctx: ParseContext,
  ) {
    this.processHint = processHintFromPath(source.path);
  }

  async emitLines(format: LineFormat, chunks: AsyncIterable<Buffer>): Promise<void> {
    const cont = format.continuation;
    this.finishRecord = format.finishRecord;
    const isPlain = format === PLAIN_FORMAT;
    const framer = new LineFramer((line) => {
      if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === '')) {
        this.report.skipped++;
        return;
      }
      let p: Parsed | undefined;
      try {
        p = format.parse(line, this.ctx);
      } catch {
        p = undefined; // a format bug must not stop the run: the line is kept as plain text
      }
      if (p) {
        this.flush();
        this.pending = this.toEvent(p, line, framer.lineNo, format.name);
        return;
      }
      if (this.pending && cont && (cont === 'unparsed' || cont.test(line))) {
        const room = MAX_RECORD_CHARS - this.pending.text.length;
        if (room > 0) this.pending.text += '\n' + (line.length <= room ? line : line.slice(0, room));
        this.pendingJoined = true;
        return;
      }
      this.flush();
      if (!isPlain) this.unparsed++;
      this.pending = this.toEvent(PLAIN_FORMAT.parse(line)!, line, framer.lineNo, isPlain ? format.name : 'plain');
    });
    for await (const chunk of chunks) framer.push(chunk);
    framer.end();
    this.flush();
    this.report.lines = framer.lineNo;
    this.report.encoding = framer.decoder.encoding;
    if (framer.cutLines) addWarning(this.report, `${framer.cutLines} line(s) longer than ${MAX_LINE_BYTES >> 10} KiB were cut`);
    this.noteDecoding(framer.decoder);
    if (this.unparsed) addWarning(this.report, `${this.unparsed} line(s) did not match ${format.name} and were kept as plain text`);
    this.noteTimes();
  }

  emitDocument(format: DocumentFormat, buf: Buffer): void {
    const decoder = new LineDecoder();
    decoder.checkRegion(buf);
    const text = decoder.decode(buf, 0, buf.length);
    this.report.encoding = decoder.encoding;
    this.report.lines = countLines(text);
    this.noteDecoding(decoder);
    let result;
    try {
      result = format.parse(text, this.ctx);
    } catch (err) {
      addWarning(this.report, `${format.name} could not be read (${(err as Error).message}): skipped`);
      this.report.skipped = this.report.lines;
      return;
    }
    let taken: number | null = null;
    let fromMtime = false;
    if (result.takenAt) taken = this.opts.clock.resolve({ ...result.takenAt, message: '' }, this.report.host).ms;
    // the file's mtime stands in only for records that carry no time of their own
    const untimed = result.records.some((r) => r.wallMs === undefined && r.uptimeSec === undefined);
    if (taken === null && untimed && this.source.mtimeMs !== null) {
      taken = this.source.mtimeMs;
      fromMtime = true;
      addWarning(this.report, `snapshot time taken from the file's modification time (${toIso(taken)})`);
    }
    const used = new Set<number>();
    for (const rec of result.records) {
      const e = this.toEvent(rec, rec.text, rec.line, format.name);
      if (e.timeMs === null && taken !== null) {
        e.timeMs = taken;
        e.timeText ??= result.takenAt?.text ?? null;
        // a copied or checked-out file's mtime says little about the incident: mark it
        if (fromMtime) e.fields = { ...e.fields, timeSource: 'mtime' };
      }
      this.pending = e;
      this.flush();
      for (let i = 0, n = countLines(rec.text); i < n; i++) used.add(rec.line + i);
    }
    this.report.skipped = Math.max(0, this.report.lines - used.size);
    for (const w of result.warnings ?? []) addWarning(this.report, w);
    this.noteTimes();
  }

  private toEvent(p: Parsed, text: string, line: number, formatName: string): LogEvent {
    const host = p.host ?? this.source.folderHost ?? this.opts.defaultHost;
    let ms: number | null = null;
    const wallMs = p.wallMs;
    if (wallMs !== undefined) {
      const offsetMin = p.offsetMin;
      ms = offsetMin !== undefined ? wallMs - offsetMin * 60_000 : wallToUtcMs(wallMs, this.zoneFor(host));
    } else if (p.uptimeSec !== undefined) {
      const t = this.opts.clock.resolve(p, host);
      if (t.relative) this.relativeTimes++;
      ms = t.ms;
    }
    const fields = p.fields ?? null;
    if (fields !== null) this.noteClockFields(fields, p, host, ms);
    return {
      timeMs: ms,
      timeText: p.timeText ?? null,
      host,
      path: this.source.path,
      line,
      format: formatName,
      severity: p.severity ?? null,
      process: p.process ?? this.processHint,
      pid: p.pid ?? null,
      thread: p.thread ?? null,
      logger: p.logger ?? null,
      message: p.message,
      text,
      fields,
    };
  }

  /**
   * The zone a host's zone-less times are read in (RunClock.resolve's rule), remembered for the
   * last host until the clock learns another host zone. Notes when the zone had to be assumed.
   */
  private zoneFor(host: string | null): string {
    const clock = this.opts.clock;
    if (host !== this.zoneHost || clock.zoneVersion !== this.zoneVersion) {
      const stated = clock.statedZone(host);
      this.zoneHost = host;
      this.zoneVersion = clock.zoneVersion;
      this.zone = stated ?? clock.zone;
      this.zoneAssumed = stated === undefined;
    }
    if (this.zoneAssumed) this.assumedZone = true;
    return this.zone;
  }

  /** Fields some records carry to place other records on the clock (boot times, a host's zone). */
  private noteClockFields(fields: Fields, p: Parsed, host: string | null, ms: number | null): void {
    const clock = this.opts.clock;
    const bootFromSyslog = fields.uptimeSec;
    if (typeof bootFromSyslog === 'number' && ms !== null && p.uptimeSec === undefined) {
      clock.setBootTime(host, ms - bootFromSyslog * 1000);
    }
    // culprit collect's manifest states the zone the host printed its local times in
    const hostTimeZone = fields.hostTimeZone;
    if (typeof hostTimeZone === 'string') {
      // by the folder too: the other files of a renamed host folder go by the folder's name
      clock.setHostZone(host, hostTimeZone);
      if (this.source.folderHost) clock.setHostZone(this.source.folderHost, hostTimeZone);
    }
    const bootTimeMs = fields.bootTimeMs;
    if (typeof bootTimeMs === 'number') clock.setBootTime(host, bootTimeMs);
    // uptime -s prints the boot time as local wall time: read it in the clock's zone
    const bootWallMs = fields.bootWallMs;
    if (typeof bootWallMs === 'number') {
      const boot = clock.resolve({ wallMs: bootWallMs, message: '' }, host).ms;
      if (boot !== null) clock.setBootTime(host, boot);
    }
  }

  private flush(): void {
    const e = this.pending;
    if (!e) return;
    this.pending = null;
    if (this.pendingJoined) {
      this.pendingJoined = false;
      if (this.finishRecord) {
        try {
          const done = this.finishRecord(e.text, { severity: e.severity, fields: e.fields });
          e.severity = done.severity;
          e.fields = done.fields;
        } catch {
          // a format bug: keep what the first line gave
        }
      }
    }
    this.report.events++;
    if (this.report.host === null && e.host !== null) this.report.host = e.host;
    this.opts.onEvent(e);
  }

  private noteDecoding(decoder: LineDecoder): void {
    if (decoder.encoding === 'gb18030') addWarning(this.report, 'not valid UTF-8: decoded as GB18030');
    if (decoder.invalidRegions) addWarning(this.report, `${decoder.invalidRegions} region(s) of invalid text: replacement characters used`);
  }

  private noteTimes(): void {
    if (this.assumedZone && !this.opts.clock.zoneGiven) {
      addWarning(this.report, `times carry no zone: read in ${this.opts.clock.zone}, the machine's zone (use --tz)`);
    }
    if (this.relativeTimes) {
      addWarning(this.report, `${this.relativeTimes} kernel time(s) are seconds since boot and no boot time was found for this host (uptime -s, /proc/stat btime or syslog kernel lines): left without a time`);
    }
  }
}

const DAY_MS = 86_400_000;
/** How far past the reference time a time-of-day may be and still be the reference's day. */
const DATE_SLACK_MS = 3_600_000;

/**
 * Year inference for formats that print none: --year, else the newest time the run's other inputs
 * printed (year-less inputs are read last for this), else the file's mtime, else today.
 */
function yearTracker(clock: RunClock, mtimeMs: number | null, path: string, host: string | null) {
  const state = { assumed: null as number | null, basis: '', dateAssumed: null as string | null, dateBasis: '' };
  const fromRun = clock.latestMs !== null;
  const refMs = clock.latestMs ?? mtimeMs;
  const ref = refMs !== null ? new Date(refMs) : null;
  // read once: yearFor runs for many lines of a year-less log
  const refYear = ref ? ref.getUTCFullYear() : null;
  const refMonth = ref ? ref.getUTCMonth() : 0;
  let refWall: number | null = null;
  let refWallVersion = -1;
  const ctx: ParseContext = {
    path,
    yearFor(month) {
      if (clock.year !== null) return clock.year;
      if (refYear !== null) {
        // a line cannot be newer than the file that holds it: a later month is last year's
        const y = month > refMonth ? refYear - 1 : refYear;
        if (state.assumed === null) {
          state.assumed = y;
          state.basis = fromRun ? 'the times in the other inputs' : "the file's modification time";
        }
        return y;
      }
      const y = new Date().getUTCFullYear();
      if (state.assumed === null) {
        state.assumed = y;
        state.basis = "today's date";
      }
      return y;
    },
    dateFor(msOfDay) {
      // the reference's wall time, looked up again only when the clock learns a host zone
      if (refWall === null || refWallVersion !== clock.zoneVersion) {
        const at = refMs ?? Date.now();
        refWall = at + zoneOffsetMs(clock.zoneOf(host), at);
        refWallVersion = clock.zoneVersion;
      }
      const wall = refWall;
      let dayStart = wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
      // a time well past the reference's time of day was written the day before (over midnight)
      if (msOfDay > wall - dayStart + DATE_SLACK_MS) dayStart -= DAY_MS;
      if (state.dateAssumed === null) {
        state.dateAssumed = new Date(dayStart).toISOString().slice(0, 10);
        state.dateBasis = refMs === null ? "today's date" : fromRun ? 'the times in the other inputs' : "the file's modification time";
      }
      return dayStart + msOfDay;
    },
  };
  return Object.assign(state, { ctx });
}

/** NUL bytes or many control characters in the head: not text. */
function looksBinary(head: Buffer): boolean {
  const n = Math.min(head.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return control > n * 0.1;
}

function decodeHead(buf: Buffer): string {
  const d = new LineDecoder();
  const end = buf.lastIndexOf(10) > 0 ? buf.lastIndexOf(10) + 1 : buf.length;
  d.checkRegion(buf.subarray(0, end));
  return d.decode(buf, 0, end);
}

async function drain(next: () => Promise<Buffer | null>): Promise<void> {
  while (await next());
}

async function readWhole(chunks: AsyncIterable<Buffer>, max: number): Promise<{ complete: boolean; buf: Buffer; chunks: Buffer[] }> {
  const held: Buffer[] = [];
  let total = 0;
  for await (const c of chunks) {
    held.push(c);
    total += c.length;
    if (total > max) return { complete: false, buf: Buffer.alloc(0), chunks: held };
  }
  return { complete: true, buf: Buffer.concat(held, total), chunks: held };
}

async function* replay(chunks: readonly Buffer[]): AsyncGenerator<Buffer> {
  for (const c of chunks) yield c;
}

async function* replayThen(chunks: readonly Buffer[], rest: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield* chunks;
  yield* rest;
}

export { replay as replayChunks };

function countLines(text: string): number {
  if (text.length === 0) return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function describeReadError(err: Error): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(err.message)) return 'the gzip stream is truncated (unexpected end of file)';
  if (code === 'Z_DATA_ERROR') return `not valid gzip data (${err.message})`;
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return err.message;
}
