import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { renderReadme } from '../scripts/readme-sections.js';
import { repoPath } from './support/paths.js';

test('the README lists every format and detector of the registries (npm run docs)', () => {
  const readme = readFileSync(repoPath('README.md'), 'utf8');
  assert.equal(readme, renderReadme(readme), 'README.md is stale: run `npm run docs`');
});
