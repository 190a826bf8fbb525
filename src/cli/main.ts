#!/usr/bin/env -S node --max-old-space-size=256
// The old-space ceiling keeps peak RSS under 300 MB on any input (live state is ~100 MiB on a 1 GiB
// bundle; without it V8 lets garbage grow the heap): measured in bench/ingest.bench.ts, README.
import { Command, CommanderError } from 'commander';
import { analyzeCommand } from './analyze.js';
import { collectCommand } from './collect.js';
import type { RegisterCommand } from './command.js';
import { EXIT_INTERNAL, EXIT_USAGE, UsageError } from './exit.js';
import { detectorsCommand } from './detectors.js';
import { diffCommand } from './diff.js';
import { formatsCommand } from './formats.js';
import { templatesCommand } from './templates.js';

/** The commands, in the order `culprit --help` lists them. */
const COMMANDS: readonly RegisterCommand[] = [analyzeCommand, templatesCommand, formatsCommand, detectorsCommand, collectCommand, diffCommand];

const program = new Command()
  .name('culprit')
  .description('Finds the root cause of a production incident from logs, command output and metrics of several hosts.')
  .version('0.1.0')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

for (const register of COMMANDS) register(program);

async function main(): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version are not errors
      process.exitCode = err.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`culprit: ${err.message}\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    const e = err as Error;
    process.stderr.write(`culprit: internal error: ${e?.message ?? String(err)}\n`);
    if (process.env.CULPRIT_DEBUG) process.stderr.write(`${e?.stack ?? ''}\n`);
    process.exitCode = EXIT_INTERNAL;
  }
}

await main();
