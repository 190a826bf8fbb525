import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shapeOf } from './mass-task-stop.js';

test('shapeOf masks id words exactly as the hex-id regex would', () => {
  // the reference: what the detector used to run on every candidate line
  const reference = (m: string) => m.replace(/\b(?:0x)?[0-9a-f]*\d[0-9a-f]*\b/gi, '#');
  const pieces = ['0', '1', '9', 'a', 'f', 'A', 'F', 'x', 'X', 'g', 'z', '_', ' ', '-', '.', '/', '0x', '\u00e9', ':'];
  let seed = 3;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let masked = 0;
  for (let i = 0; i < 50_000; i++) {
    const s = Array.from({ length: Math.floor(rnd() * 14) }, () => pieces[Math.floor(rnd() * pieces.length)]).join('');
    assert.equal(shapeOf(s), reference(s), JSON.stringify(s));
    if (reference(s) !== s) masked++;
  }
  assert.ok(masked > 10_000);
  assert.equal(shapeOf('job j-7012 cancelled (lease 0x1F3a)'), 'job j-# cancelled (lease #)');
  const plain = 'heartbeat stopped, retrying';
  assert.equal(shapeOf(plain), plain);
});
