/**
 * Finds which of many literal patterns occur in a text in one pass (Aho-Corasick), ASCII
 * case-insensitively. Used to gate detectors: one scan of a message tells which detectors' words it
 * contains, instead of one regex (or one `includes`) per detector. bench/detect.bench.ts measures it.
 */
/** ASCII code → the same code lower-cased */
const LOWER = new Uint8Array(128);
for (let c = 0; c < 128; c++) LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c;

export class LiteralMatcher {
  /** goto function: for each state, 128 ASCII transitions (non-ASCII characters reset to the root) */
  private readonly next: Int32Array;
  private readonly fail: Int32Array;
  /** per state, the pattern ids ending there (its own and via failure links) */
  private readonly outputs: number[][];
  /** per state, 1 when some pattern ends there: the hot loop reads this, not `outputs` */
  private readonly terminal: Uint8Array;
  readonly size: number;

  constructor(patterns: readonly string[]) {
    const trie: number[][] = [new Array<number>(128).fill(-1)];
    const out: number[][] = [[]];
    patterns.forEach((raw, id) => {
      const p = raw.toLowerCase();
      if (p.length === 0) throw new Error('LiteralMatcher: empty pattern');
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        if (c >= 128) throw new Error(`LiteralMatcher: pattern \`${raw}\` is not ASCII`);
        if (trie[s]![c] === -1) {
          trie.push(new Array<number>(128).fill(-1));
          out.push([]);
          trie[s]![c] = trie.length - 1;
        }
        s = trie[s]![c]!;
      }
      out[s]!.push(id);
    });
    const n = trie.length;
    this.size = n;
    this.next = new Int32Array(n * 128);
    this.fail = new Int32Array(n);
    // breadth-first: complete the goto function with failure transitions, merge outputs
    const queue: number[] = [];
    for (let c = 0; c < 128; c++) {
      const t = trie[0]![c]!;
      this.next[c] = t === -1 ? 0 : t;
      if (t !== -1) {
        this.fail[t] = 0;
        queue.push(t);
      }
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      out[s] = [...out[s]!, ...out[this.fail[s]!]!];
      for (let c = 0; c < 128; c++) {
        const t = trie[s]![c]!;
        if (t === -1) this.next[s * 128 + c] = this.next[this.fail[s]! * 128 + c]!;
        else {
          this.fail[t] = this.next[this.fail[s]! * 128 + c]!;
          this.next[s * 128 + c] = t;
          queue.push(t);
        }
      }
    }
    this.outputs = out;
    this.terminal = new Uint8Array(n);
    for (let i = 0; i < n; i++) if (out[i]!.length > 0) this.terminal[i] = 1;
  }

  /** Calls `onMatch(patternId)` for each occurrence in the first `maxChars` of `text`. */
  scan(text: string, onMatch: (id: number) => void, maxChars = text.length): void {
    const next = this.next;
    const terminal = this.terminal;
    const end = Math.min(text.length, maxChars);
    let s = 0;
    for (let i = 0; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) {
        s = 0;
        continue;
      }
      s = next[(s << 7) | LOWER[c]!]!;
      if (terminal[s] === 1) {
        const o = this.outputs[s]!;
        for (let k = 0; k < o.length; k++) onMatch(o[k]!);
      }
    }
  }
}
