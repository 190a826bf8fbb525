/**
 * Writes the README's generated sections from the registries (formats, detectors), between
 * `<!-- NAME:start -->` and `<!-- NAME:end -->` markers. `npm run docs` (scripts/write-docs.ts)
 * rewrites them; test/docs.test.ts fails when they are stale.
 */
import { DETECTORS } from '../src/detect/registry.js';
import { listFormats } from '../src/formats/registry.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function generatedSections(): Record<string, string> {
  return {
    formats: [
      '| format | recognises |',
      '|---|---|',
      ...listFormats().map((f) => `| \`${f.name}\` | ${cell(f.description)} |`),
    ].join('\n'),
    detectors: [
      '| detector | category | finds |',
      '|---|---|---|',
      ...DETECTORS.map((d) => `| \`${d.name}\` | ${d.category} | ${cell(d.description)} |`),
    ].join('\n'),
  };
}

export function renderReadme(readme: string): string {
  let out = readme;
  for (const [name, body] of Object.entries(generatedSections())) {
    const re = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!re.test(out)) throw new Error(`README.md has no <!-- ${name}:start --> ... <!-- ${name}:end --> section`);
    out = out.replace(re, `$1${body}\n$2`);
  }
  return out;
}

