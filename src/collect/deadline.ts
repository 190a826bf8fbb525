/** A wall-clock budget shared by every step of one capture. */
export class Deadline {
  private readonly endMs: number;

  constructor(budgetMs: number, private readonly now: () => number = Date.now) {
    this.endMs = now() + budgetMs;
  }

  get remainingMs(): number {
    return Math.max(0, this.endMs - this.now());
  }

  get passed(): boolean {
    return this.now() >= this.endMs;
  }

  /** A step's own timeout, never past the deadline (at least `floorMs` so a step can start). */
  cap(stepMs: number, floorMs = 50): number {
    return Math.max(floorMs, Math.min(stepMs, this.remainingMs));
  }
}

/** Resolves to `fallback` when `work` takes longer than `timeoutMs` (the work itself is abandoned). */
export async function withTimeout<T>(work: Promise<T>, timeoutMs: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), timeoutMs);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
