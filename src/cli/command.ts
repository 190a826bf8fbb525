import type { Command } from 'commander';

/** Each command file exports one of these; main.ts lists them. */
export type RegisterCommand = (program: Command) => void;
