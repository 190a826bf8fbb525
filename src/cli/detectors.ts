import { DETECTORS } from '../detect/registry.js';
import type { RegisterCommand } from './command.js';

/** `culprit detectors`: name<TAB>category<TAB>description, one a line. */
export function runDetectors(): number {
  for (const d of DETECTORS) process.stdout.write(`${d.name}\t${d.category}\t${d.description}\n`);
  return 0;
}

export const detectorsCommand: RegisterCommand = (program) => {
  program
    .command('detectors')
    .description('list the detectors: name<TAB>category<TAB>description')
    .action(() => {
      process.exitCode = runDetectors();
    });
};
