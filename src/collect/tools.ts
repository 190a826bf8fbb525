import type { CollectOptions } from './capture.js';
import { TOOL_COMMANDS, type ToolCommand } from './commands.js';
import type { Deadline } from './deadline.js';
import { filterDmesgTSince } from './kernel-log.js';
import { CollectNotes } from './notes.js';
import { redactText } from './redact.js';
import { runBounded, type CommandResult } from './run-bounded.js';

/**
 * Runs the installed diagnostic commands side by side within the deadline; those that only
 * stand in for another (journalctl -k for dmesg) run afterwards when needed. Notes what was
 * missing, slow, cut or failed.
 */
export function runTools(o: CollectOptions, deadline: Deadline, notes: CollectNotes): Promise<Map<string, CommandResult>> {
  const results = new Map<string, CommandResult>();
  const run = async (c: ToolCommand) => {
    const r = await runBounded(c.argv({ sinceSec: o.sinceSec }), { timeoutMs: deadline.cap(c.timeoutMs, 200), maxBytes: c.maxBytes });
    results.set(c.file, r);
  };
  const first = TOOL_COMMANDS.filter((c) => !c.onlyIfMissing);
  return (async () => {
    await Promise.all(first.map(run));
    const second = TOOL_COMMANDS.filter((c) => c.onlyIfMissing && usableOutput(c, results.get(c.onlyIfMissing) ?? null, o.sinceSec, new CollectNotes()) === null);
    await Promise.all(second.map(run));
    for (const [file, r] of results) {
      if (r.missing) notes.add('command-missing', r.argv[0]!);
      else if (r.timedOut) notes.add('command-timeout', `${r.argv.join(' ')} (${file}): stopped after ${r.elapsedMs} ms, partial output kept`);
      else if (r.truncated) notes.add('command-truncated', `${r.argv.join(' ')}: output past its byte cap dropped`);
      else if (r.exitCode !== 0) notes.add('command-failed', `${r.argv.join(' ')}: exit ${r.exitCode}: ${r.stderr.trim().split('\n')[0]?.slice(0, 200) ?? ''}`);
    }
    return results;
  })();
}

/** The command's text to keep (redacted), or null when it gave nothing usable. */
export function usableOutput(c: ToolCommand, r: CommandResult | null, sinceSec: number, notes: CollectNotes): string | null {
  if (!r || r.missing || r.error) return null;
  let text = r.stdout;
  if (r.exitCode !== 0 && !r.timedOut && !r.truncated) return null;
  if (c.since === 'dmesg-t') text = filterDmesgTSince(text, Date.now() - sinceSec * 1000);
  if (text.trim() === '' || /^-- No entries --\s*$/.test(text)) {
    // an empty kernel log window is an answer, not a failure
    if (c.since === 'dmesg-t' && r.stdout.trim() !== '') return '';
    return null;
  }
  if (r.timedOut) notes.add('partial-output', c.file);
  return redactText(text);
}
