import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../detect/finding.js';
import { linkBetween, linkKey } from './explain.js';
import { LINKS } from './links.js';

const finding = (category: Finding['category']): Finding => ({
  id: 'f1', category, severity: 'error', title: 't', timeMs: 0, endMs: null, host: 'h', process: null, pid: null,
  detector: 'd', facts: {}, evidence: [],
});

test('linkBetween finds the knowledge behind a step, and nothing for a pair it does not hold', () => {
  const link = linkBetween(finding('oom-kill'), finding('quorum-member-loss'));
  assert.equal(link?.cause, 'oom-kill');
  assert.equal(link?.effect, 'quorum-member-loss');
  assert.match(link!.why, /\w/);
  assert.equal(linkBetween(finding('mass-task-stop'), finding('oom-kill')), null);
});

test('each cause/effect pair appears once in the knowledge, so a step has one why', () => {
  const keys = LINKS.map((l) => linkKey(l.cause, l.effect));
  assert.equal(new Set(keys).size, keys.length);
});
