import { readFileSync, writeFileSync } from 'node:fs';
import { repoPath } from '../test/support/paths.js';
import { renderReadme } from './readme-sections.js';

const path = repoPath('README.md');
writeFileSync(path, renderReadme(readFileSync(path, 'utf8')));
console.log('README.md: generated sections written');
