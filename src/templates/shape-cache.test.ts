import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SHAPE_MISS, ShapeCache } from './shape-cache.js';
import { maskedLine } from './tokenize.js';

function cacheWith(lines: readonly string[]): ShapeCache {
  const c = new ShapeCache(1000, 4096);
  lines.forEach((l, i) => {
    assert.equal(c.get(l), SHAPE_MISS);
    assert.ok(c.set(i));
  });
  return c;
}

describe('ShapeCache', () => {
  test('numbers of any width share a shape; other characters do not', () => {
    const c = cacheWith(['took 12 ms on host-3', 'took ms']);
    assert.equal(c.get('took 98765 ms on host-0'), 0);
    assert.equal(c.get('took ms'), 1);
    assert.equal(c.get('took 12 ms on host-a'), SHAPE_MISS);
    assert.equal(c.get('took 12 ms  on host-3'), SHAPE_MISS);
    assert.equal(c.get('took 12ms on host-3'), SHAPE_MISS);
  });

  test('where a masking rule counts characters (UUIDs, URLs, long lines), every digit counts', () => {
    const uuid = 'req 1b4e28ba-2fa1-11d2-883f-0016d3cca427 done';
    const c = cacheWith([uuid, 'GET http://10.0.0.1:80/x', `x ${'a '.repeat(200)}7`]);
    assert.equal(c.get('req 1b4e28ba-2fa1-11d2-883f-0016d3cca428 done'), 0);
    assert.equal(c.get('req 1b4e28ba-2fa1-11d2-883f-00163cca427 done'), SHAPE_MISS);
    assert.equal(c.get('GET http://10.0.0.2:81/x'), 1);
    assert.equal(c.get('GET http://10.0.0.12:80/x'), SHAPE_MISS);
    assert.equal(c.get(`x ${'a '.repeat(200)}9`), 2);
    assert.equal(c.get(`x ${'a '.repeat(200)}99`), SHAPE_MISS);
  });

  test('lines that share a shape mask alike', () => {
    const pairs = [
      ['blk_-6952295868487656571 to /10.251.73.220:50010', 'blk_-77 to /1.2.3.4:5'],
      ['[IPC Server handler 3 on 8020] ok', '[IPC Server handler 12 on 80] ok'],
      ['a5e1-33 v1.2', 'a5e1-3 v10.22'],
    ];
    for (const [a, b] of pairs) {
      const c = cacheWith([a!]);
      assert.equal(c.get(b!), 0);
      assert.equal(maskedLine(a!, 4096, 256), maskedLine(b!, 4096, 256));
    }
  });

  test('a protocol name keeps its digits (masking keeps them), in both modes', () => {
    const long = ' x'.repeat(200);
    const c = cacheWith(['via SOCKS5 to 10.0.0.1', `IRQ0 used${long}`, 'x=TLS12 ok']);
    assert.equal(c.get('via SOCKS5 to 10.0.0.22'), 0);
    assert.equal(c.get('via SOCKS4 to 10.0.0.1'), SHAPE_MISS);
    assert.equal(c.get(`IRQ9 used${long}`), SHAPE_MISS);
    assert.equal(c.get(`IRQ0 used${long}`), 1);
    assert.equal(c.get('x=TLS13 ok'), SHAPE_MISS);
  });

  test('a device name keeps its digits (masking keeps eth0 as a word), in both modes', () => {
    const long = ' x'.repeat(200);
    const c = cacheWith(['link up on eth0 at 10.0.0.1', `link up on en0${long}`, 'dev=sda1 full']);
    assert.equal(c.get('link up on eth0 at 10.0.0.22'), 0);
    assert.equal(c.get('link up on eth1 at 10.0.0.1'), SHAPE_MISS);
    assert.equal(c.get('link up on eth12 at 10.0.0.1'), SHAPE_MISS);
    assert.equal(c.get(`link up on en1${long}`), SHAPE_MISS);
    assert.equal(c.get(`link up on en0${long}`), 1);
    assert.equal(c.get('dev=sda2 full'), SHAPE_MISS);
  });

  test('a full cache refuses new entries until cleared', () => {
    const c = new ShapeCache(2, 4096);
    for (const l of ['a', 'b']) {
      c.get(l);
      assert.ok(c.set(1));
    }
    c.get('c');
    assert.equal(c.set(1), false);
    c.clear();
    assert.equal(c.get('a'), SHAPE_MISS);
  });
});
