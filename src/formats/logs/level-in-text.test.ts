import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { severityInText } from './level-in-text.js';

describe('severityInText', () => {
  test('level pairs, bracketed words and upper-case words', () => {
    assert.equal(severityInText('level=warn retrying'), 'warn');
    assert.equal(severityInText('lvl="error" msg=x'), 'error');
    assert.equal(severityInText('[error] disk full'), 'error');
    assert.equal(severityInText('[sidecar] WARN disk almost full'), 'warn');
    assert.equal(severityInText('FATAL: cannot bind'), 'fatal');
    assert.equal(severityInText('worker 3 (PANIC) stopped'), 'fatal');
  });
  test('no level from words that only contain one, or from lower-case prose', () => {
    assert.equal(severityInText('INFORMATION_SCHEMA queried'), null);
    assert.equal(severityInText('ERRORS=3 in batch'), null);
    assert.equal(severityInText('an error occurred while reading'), null);
    assert.equal(severityInText('connected to 127.0.0.1:2181'), null);
  });
  test('only the head of a long message is searched', () => {
    assert.equal(severityInText('x'.repeat(200) + ' ERROR late'), null);
  });
});
