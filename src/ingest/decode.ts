import { isUtf8 } from 'node:buffer';

export type Encoding = 'utf-8' | 'gb18030';

// Buffer#toString's argument checks cost as much as decoding a short line; the native slice it calls
// is used directly where it exists (it does in every Node release this supports).
const nativeUtf8Slice = (Buffer.prototype as unknown as { utf8Slice?: (start: number, end: number) => string }).utf8Slice;
function utf8Slice(buf: Buffer, start: number, end: number): string {
  return nativeUtf8Slice ? nativeUtf8Slice.call(buf, start, end) : buf.toString('utf8', start, end);
}

/**
 * Decides per file how bytes become text: UTF-8 while it is valid; text that is not valid UTF-8
 * but is valid GB18030 (Chinese servers) is read as GB18030; anything else as UTF-8 with
 * replacement characters, counted. Validity is checked on whole-line regions, so a multi-byte
 * character is never split.
 */
export class LineDecoder {
  encoding: Encoding = 'utf-8';
  /** regions that were neither valid UTF-8 nor GB18030 */
  invalidRegions = 0;
  private gb: InstanceType<typeof TextDecoder> | null = null;
  private regionValid = true;

  /** Call once for each region of complete lines before decoding lines inside it. */
  checkRegion(region: Buffer): void {
    if (this.encoding === 'utf-8') {
      if (isUtf8(region)) {
        this.regionValid = true;
        return;
      }
      if (this.fitsGb18030(region)) {
        this.encoding = 'gb18030';
        this.regionValid = true;
        return;
      }
      this.regionValid = false;
      this.invalidRegions++;
      return;
    }
    if (!this.fitsGb18030(region)) this.invalidRegions++;
  }

  /** Whether the last region checked is valid UTF-8 (an ASCII region can then be copied as it is). */
  get regionIsUtf8(): boolean {
    return this.encoding === 'utf-8' && this.regionValid;
  }

  decode(buf: Buffer, start: number, end: number): string {
    if (this.encoding === 'utf-8' || (this.regionValid && isAscii(buf, start, end))) return utf8Slice(buf, start, end);
    this.gb ??= new TextDecoder('gb18030');
    return this.gb.decode(buf.subarray(start, end));
  }

  private fitsGb18030(region: Buffer): boolean {
    try {
      new TextDecoder('gb18030', { fatal: true }).decode(region);
      return true;
    } catch {
      return false;
    }
  }
}

function isAscii(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i]! > 0x7f) return false;
  return true;
}
