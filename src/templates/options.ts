/**
 * The miner's knobs, with their defaults. Every default is documented here and nowhere else.
 */
export interface MinerOptions {
  /** A message is cut to this many characters before it is tokenized (log content is untrusted). */
  readonly maxMessageChars: number;
  /** Tokens past this many are dropped and stand as one trailing `<*>`. */
  readonly maxTokens: number;
  /**
   * At most this many clusters (and so templates before splitting) are kept. Past the cap, a line
   * that no existing template covers goes to the overflow template `other`, printed as `<*>`;
   * existing templates keep matching and counting. Nothing is evicted, so an id never changes
   * meaning during a run.
   */
  readonly maxTemplates: number;
  /**
   * Distinct word combinations remembered per cluster (see cluster.ts, Variant). Past it, new
   * combinations share one variant and every merged position of that cluster counts as a variable.
   */
  readonly maxVariantsPerTemplate: number;
  /**
   * A new shape merges into a cluster of its length when they differ in at most this share of its
   * constant tokens (at least 1), and in at most `maxDiffTokens` tokens.
   */
  readonly maxDiffRatio: number;
  readonly maxDiffTokens: number;
  /**
   * At the end, a merged position holding at most this many distinct words (and never a number)
   * is read as a constant that tells events apart ("Link ok" / "Link error"): the template splits.
   */
  readonly maxConstantValues: number;
  /**
   * ... unless each of its words is used in at least this many lines on average: then they are the
   * wordings of one-word events ("suspendAutohide", "cancelAutohide") and the template splits too.
   */
  readonly minLinesPerWord: number;
  /**
   * A word found at the same position in at least this many templates is header-like (a weekday,
   * a level, a host): a position holding such words does not split a template.
   */
  readonly sharedWordTemplates: number;
  /** Distinct masked lines remembered for the fast path; the cache is cleared when full. */
  readonly maxShapeCache: number;
}

export const DEFAULT_MINER_OPTIONS: MinerOptions = {
  maxMessageChars: 4096,
  maxTokens: 256,
  maxTemplates: 20_000,
  maxVariantsPerTemplate: 64,
  maxDiffRatio: 0.4,
  maxDiffTokens: 3,
  maxConstantValues: 8,
  minLinesPerWord: 4,
  sharedWordTemplates: 3,
  maxShapeCache: 100_000,
};
