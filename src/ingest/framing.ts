import { isAscii } from 'node:buffer';
import { LineDecoder } from './decode.js';

/** Lines longer than this are cut (and counted); the rest of the line is read past, not stored. */
export const MAX_LINE_BYTES = 64 * 1024;

const NL = 10;
const CR = 13;
// Pure ASCII (most logs) is copied into one-byte strings with no UTF-8 decoding: Buffer#latin1Slice,
// called directly (Buffer#toString's argument checks cost as much as a short line). Each line gets
// a string of its own: a line sliced out of a larger decoded text would keep all of that text alive
// for as long as anything cut from the line (an event kept for the timeline or as evidence) lives.
const latin1Slice = (Buffer.prototype as unknown as { latin1Slice?: (start: number, end: number) => string }).latin1Slice;

/**
 * Splits a byte stream into lines: LF or CRLF, lines bounded to `maxLineBytes` (a 100 MB line
 * costs at most that much memory), decoded by a LineDecoder.
 */
export class LineFramer {
  lineNo = 0;
  cutLines = 0;
  readonly decoder = new LineDecoder();
  private carry: Buffer[] = [];
  private carryBytes = 0;
  private carryCut = false;

  constructor(
    private readonly onLine: (line: string, lineNo: number) => void,
    private readonly maxLineBytes = MAX_LINE_BYTES,
  ) {}

  push(chunk: Buffer): void {
    let pos = 0;
    if (this.carryBytes > 0 || this.carryCut) {
      const nl = chunk.indexOf(NL);
      if (nl < 0) {
        this.keep(chunk, 0, chunk.length);
        return;
      }
      this.keep(chunk, 0, nl);
      this.flushCarry();
      pos = nl + 1;
    }
    const last = chunk.lastIndexOf(NL);
    if (last >= pos) {
      this.decoder.checkRegion(chunk.subarray(pos, last + 1));
      if (latin1Slice && this.decoder.regionIsUtf8 && isAscii(chunk.subarray(pos, last + 1))) {
        while (pos <= last) {
          const nl = chunk.indexOf(NL, pos);
          this.emitAscii(chunk, pos, nl);
          pos = nl + 1;
        }
      } else {
        while (pos <= last) {
          const nl = chunk.indexOf(NL, pos);
          this.emit(chunk, pos, nl);
          pos = nl + 1;
        }
      }
    }
    if (pos < chunk.length) this.keep(chunk, pos, chunk.length);
  }

  end(): void {
    if (this.carryBytes > 0 || this.carryCut) this.flushCarry();
  }

  private emit(buf: Buffer, start: number, end: number): void {
    this.lineNo++;
    if (end > start && buf[end - 1] === CR) end--;
    if (end - start > this.maxLineBytes) {
      this.cutLines++;
      end = start + this.maxLineBytes;
    }
    this.onLine(this.decoder.decode(buf, start, end), this.lineNo);
  }

  /** A line of a region known to be ASCII. */
  private emitAscii(buf: Buffer, start: number, end: number): void {
    this.lineNo++;
    if (end > start && buf[end - 1] === CR) end--;
    if (end - start > this.maxLineBytes) {
      this.cutLines++;
      end = start + this.maxLineBytes;
    }
    this.onLine(latin1Slice!.call(buf, start, end), this.lineNo);
  }

  /** Holds the start of a line that continues in the next chunk, up to the bound. */
  private keep(buf: Buffer, start: number, end: number): void {
    const room = this.maxLineBytes - this.carryBytes;
    if (end - start > room) {
      this.carryCut = true;
      end = start + Math.max(0, room);
    }
    if (end > start) {
      // copy: the chunk's memory may be reused by the stream
      this.carry.push(Buffer.from(buf.subarray(start, end)));
      this.carryBytes += end - start;
    }
  }

  private flushCarry(): void {
    const line = this.carry.length === 1 ? this.carry[0]! : Buffer.concat(this.carry, this.carryBytes);
    const cut = this.carryCut;
    this.carry = [];
    this.carryBytes = 0;
    this.carryCut = false;
    this.decoder.checkRegion(line);
    this.lineNo++;
    if (cut) this.cutLines++;
    let end = line.length;
    if (end > 0 && line[end - 1] === CR) end--;
    this.onLine(this.decoder.decode(line, 0, end), this.lineNo);
  }
}
