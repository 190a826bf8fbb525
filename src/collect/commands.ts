/**
 * The diagnostic commands a capture runs when they are installed, as data. Each writes
 * <host>/cmd/<file> in the command's own text (named after the command, spaces as '-'), so the
 * matching format in src/formats/cmd/ reads it and a person recognises it. When a command is
 * missing or fails, `fallback` names what the capture writes instead from /proc and /sys.
 */
export interface ToolCommand {
  /** File under <host>/cmd/. */
  readonly file: string;
  readonly argv: (ctx: { sinceSec: number }) => string[];
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly fallback?: 'kmsg' | 'ss-from-proc' | 'free-from-meminfo' | 'df-from-statfs';
  /** Run only when this other command produced nothing (the journal's kernel log repeats dmesg). */
  readonly onlyIfMissing?: string;
  /** Post-processing of the text: keep the lines of the --since window. */
  readonly since?: 'dmesg-t';
  /** Why it is captured. */
  readonly purpose: string;
}

const MiB = 1024 * 1024;

export const TOOL_COMMANDS: readonly ToolCommand[] = [
  {
    file: 'dmesg-T.txt',
    argv: () => ['dmesg', '-T'],
    timeoutMs: 1500,
    maxBytes: 8 * MiB,
    fallback: 'kmsg',
    since: 'dmesg-t',
    purpose: 'kernel log: OOM kills, hung tasks, segfaults, file-max, TCP drops',
  },
  {
    file: 'journalctl-k.txt',
    argv: ({ sinceSec }) => ['journalctl', '-k', '--no-pager', '-q', `--since=-${sinceSec}s`],
    timeoutMs: 2000,
    maxBytes: 8 * MiB,
    onlyIfMissing: 'dmesg-T.txt',
    purpose: 'kernel log kept by the journal, when the ring buffer cannot be read',
  },
  {
    file: 'journalctl-p-warning.txt',
    // kernel messages come from dmesg; these matches (OR-ed) leave them out of the journal's copy
    argv: ({ sinceSec }) => ['journalctl', '-p', 'warning', '--no-pager', '-q', `--since=-${sinceSec}s`, '-n', '20000', '_TRANSPORT=journal', '_TRANSPORT=syslog', '_TRANSPORT=stdout'],
    timeoutMs: 2000,
    maxBytes: 8 * MiB,
    purpose: "services' warnings and errors from the journal",
  },
  { file: 'ss-tanp.txt', argv: () => ['ss', '-tanp'], timeoutMs: 1500, maxBytes: 16 * MiB, fallback: 'ss-from-proc', purpose: 'TCP sockets by state, queues and owning process' },
  { file: 'ps-aux.txt', argv: () => ['ps', 'aux'], timeoutMs: 1500, maxBytes: 8 * MiB, purpose: 'every process with CPU, RSS, state and command line' },
  { file: 'top-b-n1.txt', argv: () => ['top', '-b', '-n', '1', '-w', '512'], timeoutMs: 2000, maxBytes: 4 * MiB, purpose: 'load, CPU split and the busiest processes' },
  { file: 'free-m.txt', argv: () => ['free', '-m'], timeoutMs: 1000, maxBytes: 64 * 1024, fallback: 'free-from-meminfo', purpose: 'memory and swap in MiB' },
  { file: 'df-h.txt', argv: () => ['df', '-h'], timeoutMs: 1500, maxBytes: 1 * MiB, fallback: 'df-from-statfs', purpose: 'filesystem usage' },
];
