/**
 * What a capture could not do (unreadable, timed out, truncated, skipped), kept as data and
 * written into the bundle so a reader knows what is missing and why. Bounded: repeated notes of
 * one kind are counted, not listed.
 */
export class CollectNotes {
  private readonly byKind = new Map<string, { count: number; examples: string[] }>();
  private static readonly EXAMPLES_PER_KIND = 5;

  add(kind: string, detail: string): void {
    let entry = this.byKind.get(kind);
    if (!entry) {
      entry = { count: 0, examples: [] };
      this.byKind.set(kind, entry);
    }
    entry.count++;
    if (entry.examples.length < CollectNotes.EXAMPLES_PER_KIND) entry.examples.push(detail);
  }

  has(kind: string): boolean {
    return this.byKind.has(kind);
  }

  get size(): number {
    return this.byKind.size;
  }

  /** One line per kind: `kind (count): example; example ...`. */
  lines(): string[] {
    return [...this.byKind].map(([kind, e]) => `${kind} (${e.count}): ${e.examples.join('; ')}${e.count > e.examples.length ? '; ...' : ''}`);
  }

  toJSON(): { kind: string; count: number; examples: string[] }[] {
    return [...this.byKind].map(([kind, e]) => ({ kind, count: e.count, examples: e.examples }));
  }
}
