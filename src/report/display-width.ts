/**
 * Columns a string takes in a terminal: East Asian wide and fullwidth characters take two, so
 * tables with Chinese headings or host names still line up.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return w;
}

/** Pads to `width` columns (at the end, or at the start with `alignRight`). */
export function padToWidth(s: string, width: number, alignRight = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return alignRight ? fill + s : s + fill;
}

// Wide ranges of Unicode's East Asian Width property (W and F), coarsely: Hangul Jamo, CJK
// radicals to Yi, Hangul syllables, CJK compatibility, vertical and small forms, fullwidth forms,
// and the supplementary ideographic planes.
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff],
  [0xa000, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60],
  [0xffe0, 0xffe6], [0x20000, 0x3fffd],
];

function isWide(cp: number): boolean {
  if (cp < 0x1100) return false;
  for (const [lo, hi] of WIDE) if (cp >= lo && cp <= hi) return true;
  return false;
}
