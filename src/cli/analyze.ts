import { Option } from 'commander';
import { createWriteStream } from 'node:fs';
import type { RegisterCommand } from './command.js';
import { machineZone } from '../events/time.js';
import { countInputs } from '../ingest/walk.js';
import { analyze } from '../pipeline.js';
import { renderHtml } from '../report/html.js';
import { LANGS, messages, type Lang } from '../report/i18n/index.js';
import { jsonChunks } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { terminalStyle } from '../report/style.js';
import { renderText } from '../report/text.js';
import { EXIT_OK, EXIT_USAGE, UsageError } from './exit.js';
import { parseTimeOption, parseYearOption, parseZoneOption } from './options.js';
import { stderrProgress } from './progress.js';

export interface AnalyzeCliOptions {
  format: string;
  lang?: string;
  out?: string;
  since?: string;
  until?: string;
  host?: string;
  tz?: string;
  year?: string;
}

export const REPORT_FORMATS = ['text', 'json', 'md', 'html'] as const;

export async function runAnalyze(paths: string[], o: AnalyzeCliOptions): Promise<number> {
  if (!(REPORT_FORMATS as readonly string[]).includes(o.format)) {
    throw new UsageError(`--format '${o.format}': expected one of ${REPORT_FORMATS.join(', ')}`);
  }
  const lang = o.lang ?? 'en';
  if (!(LANGS as readonly string[]).includes(lang)) {
    throw new UsageError(`--lang '${lang}': expected one of ${LANGS.join(', ')}`);
  }
  const zone = o.tz !== undefined ? parseZoneOption(o.tz) : undefined;
  const readZone = zone ?? machineZone();
  const progress = stderrProgress();
  if (process.stderr.isTTY) progress.start(await countInputs(paths));
  const analysis = await analyze({
    paths,
    zone,
    year: o.year !== undefined ? parseYearOption(o.year) : undefined,
    host: o.host,
    sinceMs: o.since !== undefined ? parseTimeOption('--since', o.since, readZone) : undefined,
    untilMs: o.until !== undefined ? parseTimeOption('--until', o.until, readZone) : undefined,
    onInput: (r) => {
      for (const w of r.warnings) progress.warn(`culprit: ${r.root === r.path ? r.path : `${r.root}: ${r.path}`}: ${w}`);
      progress.input(r.path, r.lines);
    },
  });
  progress.stop();
  if (analysis.inputs.length > 0 && analysis.inputs.every((i) => i.events === 0 && i.lines === 0)) {
    process.stderr.write(`culprit: nothing could be read from ${paths.join(' ')}\n`);
    return EXIT_USAGE;
  }
  if (analysis.inputs.length === 0) {
    process.stderr.write(`culprit: no files found in ${paths.join(' ')}\n`);
    return EXIT_USAGE;
  }
  const outStream = o.out ? createWriteStream(o.out) : process.stdout;
  const m = messages(lang as Lang);
  const reportOpts = { messages: m, zone: zone ?? null };
  // JSON is for programs: the same whatever --lang says; written piece by piece (a big report is
  // never one string)
  const pieces: Iterable<string> = o.format === 'json' ? jsonChunks(analysis)
    : [o.format === 'md' ? renderMarkdown(analysis, reportOpts)
      : o.format === 'html' ? renderHtml(analysis, reportOpts)
      : renderText(analysis, terminalStyle(o.out ? {} : process.stdout), m)];
  for (const piece of pieces) {
    if (!outStream.write(piece)) await new Promise<void>((resolve) => outStream.once('drain', () => resolve()));
  }
  if (o.out) await new Promise<void>((resolve) => (outStream as ReturnType<typeof createWriteStream>).end(resolve));
  return EXIT_OK;
}

export const analyzeCommand: RegisterCommand = (program) => {
  program
    .command('analyze')
    .description('read every input, recognise formats, and report findings, root causes and the merged timeline')
    .argument('<paths...>', 'files, folders, .gz files, .tar/.tar.gz/.tgz bundles, or - for stdin')
    .addOption(new Option('--format <format>', 'report format').choices([...REPORT_FORMATS]).default('text'))
    .addOption(new Option('--lang <lang>', 'language of the report prose (text, md, html; JSON stays as it is)').choices([...LANGS]).default('en'))
    .option('--out <file>', 'write the report to a file instead of stdout')
    .option('--since <time>', 'ignore events before this time (ISO-8601 or "YYYY-MM-DD HH:MM[:SS]" in --tz)')
    .option('--until <time>', 'ignore events after this time')
    .option('--host <name>', 'the host of inputs that name none, and the only host analysed')
    .option('--tz <zone>', "zone of times printed without one (default: the machine's)")
    .option('--year <yyyy>', 'year for formats that print none (classic syslog)')
    .action(async (paths: string[], opts: AnalyzeCliOptions) => {
      process.exitCode = await runAnalyze(paths, opts);
    });
};
