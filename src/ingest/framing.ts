import { LineDecoder, utf8Slice } from './decode.js';

/** Lines longer than this are cut (and counted); the rest of the line is read past, not stored. */
export const MAX_LINE_BYTES = 64 * 1024;

const NL = 10;
const CR = 13;
/**
 * Valid UTF-8 is decoded a piece of about this many bytes at a time and lines are sliced out of the
 * piece's text: one native call per piece instead of one per line. A line's string then shares the
 * piece's memory while it lives, so pieces are kept small: an event held to the end of the run
 * (timeline, evidence) keeps at most this much alive.
 */
const TEXT_PIECE_BYTES = 8 * 1024;

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
      if (this.decoder.regionIsUtf8) {
        this.emitText(chunk, pos, last + 1);
        pos = last + 1;
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

  /** Lines of a valid UTF-8 region [start, end) that ends with a newline, decoded piece by piece. */
  private emitText(buf: Buffer, start: number, end: number): void {
    let pos = start;
    while (pos < end) {
      let stop = end;
      if (end - pos > TEXT_PIECE_BYTES) {
        const nl = buf.lastIndexOf(NL, pos + TEXT_PIECE_BYTES - 1);
        stop = (nl >= pos ? nl : buf.indexOf(NL, pos + TEXT_PIECE_BYTES)) + 1;
      }
      this.emitPiece(utf8Slice(buf, pos, stop));
      pos = stop;
    }
  }

  /** `text` holds whole lines, each ended by a newline. */
  private emitPiece(text: string): void {
    const max = this.maxLineBytes;
    let p = 0;
    while (p < text.length) {
      const nl = text.indexOf('\n', p);
      let e = nl;
      if (e > p && text.charCodeAt(e - 1) === CR) e--;
      this.lineNo++;
      let line = text.slice(p, e);
      // a UTF-16 unit is at most 3 UTF-8 bytes: only a line this long can be over the bound
      if ((e - p) * 3 > max) line = this.cutText(line);
      this.onLine(line, this.lineNo);
      p = nl + 1;
    }
  }

  /** The line cut to `maxLineBytes` bytes, as the byte-wise path cuts it. */
  private cutText(line: string): string {
    if (Buffer.byteLength(line, 'utf8') <= this.maxLineBytes) return line;
    this.cutLines++;
    return utf8Slice(Buffer.from(line, 'utf8'), 0, this.maxLineBytes);
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
