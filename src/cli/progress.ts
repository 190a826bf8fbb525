import cliProgress from 'cli-progress';
import { escapeTerminal } from '../report/escape.js';

/** Progress and warnings on stderr: a bar only when stderr is a TTY, plain lines otherwise. */
export interface Progress {
  start(total: number): void;
  input(path: string, lines: number): void;
  warn(line: string): void;
  stop(): void;
}

export function stderrProgress(): Progress {
  if (!process.stderr.isTTY) {
    return { start() {}, input() {}, warn: (line) => process.stderr.write(line + '\n'), stop() {} };
  }
  const multi = new cliProgress.MultiBar({
    stream: process.stderr,
    format: 'reading {bar} {value}/{total} inputs | {lines} lines | {path}',
    clearOnComplete: true,
    hideCursor: true,
    barsize: 24,
  }, cliProgress.Presets.shades_classic);
  let bar: cliProgress.SingleBar | null = null;
  let lines = 0;
  // cli-progress prints log() lines only at its next redraw, which a fast run never reaches:
  // warnings wait until the bar is gone
  const warnings: string[] = [];
  return {
    start(total) {
      bar = multi.create(Math.max(1, total), 0, { lines: 0, path: '' });
    },
    input(path, n) {
      lines += n;
      // tar entries are inputs too, beyond the stat count: grow the total rather than overflow
      if (bar && bar.getProgress() >= 1) bar.setTotal(bar.getTotal() + 1);
      bar?.increment(1, { lines: lines.toLocaleString('en-US'), path: escapeTerminal(path).slice(-60) });
    },
    warn(line) {
      if (warnings.length < 1000) warnings.push(escapeTerminal(line));
    },
    stop() {
      multi.stop();
      for (const w of warnings) process.stderr.write(w + '\n');
    },
  };
}
