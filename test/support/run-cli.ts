import { spawnSync } from 'node:child_process';
import { CLI } from './paths.js';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built culprit CLI as a user would, without a TTY. */
export function runCli(args: readonly string[], opts: { input?: string | Buffer; env?: NodeJS.ProcessEnv; prefix?: readonly string[] } = {}): CliResult {
  const [cmd, ...pre] = opts.prefix ?? [process.execPath];
  const r = spawnSync(cmd!, [...pre, ...(opts.prefix ? [process.execPath] : []), CLI, ...args], {
    input: opts.input ?? '',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
