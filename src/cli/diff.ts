import { Option } from 'commander';
import type { RegisterCommand } from './command.js';
import { diffCaptures } from '../collect/diff-captures.js';
import { loadCapture } from '../collect/load-capture.js';
import { renderDiffText } from '../collect/render-diff.js';
import { EXIT_OK, UsageError } from './exit.js';

export const DIFF_FORMATS = ['text', 'json'] as const;

export async function runDiff(a: string, b: string, o: { format: string }): Promise<number> {
  const load = async (path: string) => {
    try {
      return await loadCapture(path);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  };
  const d = diffCaptures(await load(a), await load(b));
  process.stdout.write(o.format === 'json' ? `${JSON.stringify(d, null, 1)}\n` : renderDiffText(d));
  return EXIT_OK;
}

export const diffCommand: RegisterCommand = (program) => {
  program
    .command('diff')
    .description('what changed per process between two captures of culprit collect (RSS, fds, threads, sockets), largest growth first')
    .argument('<a>', 'the earlier capture (.tar.gz or folder)')
    .argument('<b>', 'the later capture')
    .addOption(new Option('--format <format>', 'output format').choices([...DIFF_FORMATS]).default('text'))
    .action(async (a: string, b: string, opts: { format: string }) => {
      process.exitCode = await runDiff(a, b, opts);
    });
};
