import { listFormats } from '../formats/registry.js';
import type { RegisterCommand } from './command.js';

/** `culprit formats`: name<TAB>description, one a line. */
export function runFormats(): number {
  for (const f of listFormats()) process.stdout.write(`${f.name}\t${f.description}\n`);
  return 0;
}

export const formatsCommand: RegisterCommand = (program) => {
  program
    .command('formats')
    .description('list the formats culprit recognises: name<TAB>description')
    .action(() => {
      process.exitCode = runFormats();
    });
};
