import { Option } from 'commander';
import type { InputReport } from '../ingest/input-report.js';
import { analyze } from '../pipeline.js';
import { TemplateMiner } from '../templates/miner.js';
import type { TemplateSnapshot } from '../templates/split.js';
import type { RegisterCommand } from './command.js';
import { EXIT_OK, EXIT_USAGE, UsageError } from './exit.js';
import { LineAssignments, NO_EVENT_ID } from './line-assignments.js';

export interface TemplatesCliOptions {
  format: string;
  assignments?: boolean;
}

export const TEMPLATES_FORMATS = ['text', 'json'] as const;

/** Output is written in pieces of about this size, waiting for stdout to drain between them. */
const WRITE_CHUNK_CHARS = 1 << 16;

/**
 * `culprit templates PATH...`: the log templates of all inputs (read as `analyze` reads them),
 * most frequent first; with `--assignments`, the template of every input line instead.
 */
export async function runTemplates(paths: string[], o: TemplatesCliOptions): Promise<number> {
  if (!(TEMPLATES_FORMATS as readonly string[]).includes(o.format)) {
    throw new UsageError(`--format '${o.format}': expected one of ${TEMPLATES_FORMATS.join(', ')}`);
  }
  const miner = new TemplateMiner();
  const sink = new LineAssignments(miner, o.assignments === true);
  const analysis = await analyze(
    {
      paths,
      onInput: (r) => {
        sink.onInput(r);
        for (const w of r.warnings) process.stderr.write(`culprit: ${r.root === r.path ? r.path : `${r.root}: ${r.path}`}: ${w}\n`);
      },
    },
    [sink],
  );
  if (analysis.inputs.length === 0) {
    process.stderr.write(`culprit: no files found in ${paths.join(' ')}\n`);
    return EXIT_USAGE;
  }
  if (analysis.inputs.every((i) => i.events === 0 && i.lines === 0)) {
    process.stderr.write(`culprit: nothing could be read from ${paths.join(' ')}\n`);
    return EXIT_USAGE;
  }
  const snap = miner.snapshot();
  const out = new ChunkedWriter();
  if (o.format === 'json') await writeJson(out, snap, o.assignments ? analysis.inputs : null, sink);
  else if (o.assignments) await writeAssignmentsText(out, snap, analysis.inputs, sink);
  else for (const t of snap.templates) await out.write(`${t.id}\t${t.count}\t${t.template}\n`);
  await out.end();
  return EXIT_OK;
}

async function writeAssignmentsText(out: ChunkedWriter, snap: TemplateSnapshot, inputs: readonly InputReport[], sink: LineAssignments): Promise<void> {
  for (const input of inputs) {
    for (const h of sink.lines(input)) {
      await out.write(h === null ? `${NO_EVENT_ID}\t\n` : `${snap.idOf(h)}\t${snap.templateOf(h)}\n`);
    }
  }
}

async function writeJson(out: ChunkedWriter, snap: TemplateSnapshot, inputs: readonly InputReport[] | null, sink: LineAssignments): Promise<void> {
  await out.write(`{"schemaVersion":1,"templates":[`);
  for (let i = 0; i < snap.templates.length; i++) {
    await out.write(`${i ? ',' : ''}\n  ${JSON.stringify(snap.templates[i])}`);
  }
  await out.write('\n]');
  if (inputs) {
    await out.write(',"assignments":[');
    for (let i = 0; i < inputs.length; i++) {
      const input = inputs[i]!;
      await out.write(`${i ? ',' : ''}\n  {"path":${JSON.stringify(input.path)},"root":${JSON.stringify(input.root)},"templateIds":[`);
      let first = true;
      for (const h of sink.lines(input)) {
        await out.write(`${first ? '' : ','}${JSON.stringify(h === null ? NO_EVENT_ID : snap.idOf(h))}`);
        first = false;
      }
      await out.write(']}');
    }
    await out.write('\n]');
  }
  await out.write('}\n');
}

/** Buffers small writes to stdout and respects backpressure, so huge outputs stay in bounded memory. */
class ChunkedWriter {
  private buf = '';

  async write(s: string): Promise<void> {
    this.buf += s;
    if (this.buf.length >= WRITE_CHUNK_CHARS) await this.flush();
  }

  async end(): Promise<void> {
    await this.flush();
  }

  private async flush(): Promise<void> {
    const s = this.buf;
    this.buf = '';
    if (s.length === 0) return;
    if (!process.stdout.write(s)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }
}

export const templatesCommand: RegisterCommand = (program) => {
  program
    .command('templates')
    .description('mine the log templates of the inputs: id<TAB>count<TAB>template, most frequent first')
    .argument('<paths...>', 'files, folders, .gz files, .tar/.tar.gz/.tgz bundles, or - for stdin')
    .addOption(new Option('--format <format>', 'output format').choices([...TEMPLATES_FORMATS]).default('text'))
    .option('--assignments', 'print the template of every input line instead: id<TAB>template, one row per line, in input order')
    .action(async (paths: string[], opts: TemplatesCliOptions) => {
      process.exitCode = await runTemplates(paths, opts);
    });
};
