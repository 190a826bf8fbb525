/**
 * Finds which of many literal patterns occur in a text in one pass (Aho-Corasick), ASCII
 * case-insensitively. Used to gate detectors: one scan of a message tells which detectors' words it
 * contains, instead of one regex (or one `includes`) per detector. bench/detect.bench.ts measures it.
 */
export class LiteralMatcher {
  /**
   * The complete automaton: for each state, 128 ASCII transitions with both cases of a letter
   * leading to the same state (non-ASCII characters reset to the root). States are numbered so
   * that those where some pattern ends come last: the hot loop tests one comparison per character.
   */
  private readonly next: Uint16Array | Uint32Array;
  /** per state, the pattern ids ending there (its own and via failure links) */
  private readonly outputs: (readonly number[])[];
  /** the first state where a pattern ends */
  private readonly firstTerminal: number;
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
    const next = new Int32Array(n * 128);
    const fail = new Int32Array(n);
    // breadth-first: complete the goto function with failure transitions, merge outputs
    const queue: number[] = [];
    for (let c = 0; c < 128; c++) {
      const t = trie[0]![c]!;
      next[c] = t === -1 ? 0 : t;
      if (t !== -1) queue.push(t);
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      out[s] = [...out[s]!, ...out[fail[s]!]!];
      for (let c = 0; c < 128; c++) {
        const t = trie[s]![c]!;
        if (t === -1) next[s * 128 + c] = next[fail[s]! * 128 + c]!;
        else {
          fail[t] = next[fail[s]! * 128 + c]!;
          next[s * 128 + c] = t;
          queue.push(t);
        }
      }
    }
    // renumber: states without output first (the root stays 0), then the terminal ones
    const order: number[] = [];
    for (let s = 0; s < n; s++) if (out[s]!.length === 0) order.push(s);
    this.firstTerminal = order.length;
    for (let s = 0; s < n; s++) if (out[s]!.length > 0) order.push(s);
    const rank = new Int32Array(n);
    order.forEach((s, r) => (rank[s] = r));
    const table = n <= 0x10000 ? new Uint16Array(n * 128) : new Uint32Array(n * 128);
    for (let r = 0; r < n; r++) {
      const s = order[r]!;
      for (let c = 0; c < 128; c++) {
        const lower = c >= 65 && c <= 90 ? c + 32 : c;
        table[r * 128 + c] = rank[next[s * 128 + lower]!]!;
      }
    }
    this.next = table;
    this.outputs = order.map((s) => out[s]!);
  }

  /**
   * Calls `onMatch(patternId)` for each occurrence in `text` between `from` and `to` (default: the
   * first `maxChars` characters).
   */
  scan(text: string, onMatch: (id: number) => void, maxChars = text.length, from = 0): void {
    const next = this.next;
    const firstTerminal = this.firstTerminal;
    const end = Math.min(text.length, from + maxChars);
    let s = 0;
    for (let i = from; i < end; i++) {
      const c = text.charCodeAt(i);
      s = c < 128 ? next[(s << 7) | c]! : 0;
      if (s >= firstTerminal) {
        const o = this.outputs[s]!;
        for (let k = 0; k < o.length; k++) onMatch(o[k]!);
      }
    }
  }
}
