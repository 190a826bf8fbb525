/** One readable input: a file, a .gz, a tar entry, or stdin. */
export interface InputSource {
  /** Relative to the PATH argument that contained it ('-' for stdin). */
  readonly path: string;
  /** The PATH argument itself, for messages. */
  readonly root: string;
  /** Host named by the bundle's folder layout, if any. */
  readonly folderHost: string | null;
  readonly mtimeMs: number | null;
  /** Decompressed bytes. For tar entries it can be opened once, and only while the walk waits. */
  open(): AsyncIterable<Buffer>;
}

/** An input that could not be opened at all (unreadable file, symlink loop, refused tar entry). */
export interface InputProblem {
  readonly path: string;
  readonly root: string;
  readonly reason: string;
}

export type WalkItem = { kind: 'source'; source: InputSource } | { kind: 'problem'; problem: InputProblem };
