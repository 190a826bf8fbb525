import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LineFramer } from './framing.js';

/** Frames `bytes` pushed in chunks cut at `cuts`; returns the lines and the framer. */
function frame(bytes: Buffer, cuts: number[], maxLineBytes?: number) {
  const lines: string[] = [];
  const numbers: number[] = [];
  const framer = new LineFramer((line, n) => {
    lines.push(line);
    numbers.push(n);
  }, maxLineBytes);
  let from = 0;
  for (const c of [...cuts, bytes.length]) {
    // a copy, as a stream hands out fresh buffers
    framer.push(Buffer.from(bytes.subarray(from, c)));
    from = c;
  }
  framer.end();
  return { lines, numbers, framer };
}

/** What framing must give: split on LF, CR before LF dropped, each line cut to `max` bytes, decoded. */
function reference(bytes: Buffer, max: number): { lines: string[]; cut: number } {
  const out: string[] = [];
  let cut = 0;
  const decoder = new TextDecoder('utf-8');
  let start = 0;
  while (start < bytes.length) {
    let nl = bytes.indexOf(10, start);
    if (nl < 0) nl = bytes.length;
    let end = nl;
    if (end > start && bytes[end - 1] === 13) end--;
    if (end - start > max) {
      cut++;
      end = start + max;
    }
    out.push(decoder.decode(bytes.subarray(start, end)));
    start = nl + 1;
  }
  return { lines: out, cut };
}

/** A deterministic pseudo-random sequence (xorshift), so a failure can be replayed. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const WORDS = ['INFO', 'connection', 'from', '10.0.0.7:5432', 'é', '数据库', '超时', '🚀', '\r', '', 'x'.repeat(300)];
const ASCII_WORDS = ['INFO', 'connection', 'from', '10.0.0.7:5432', '\r', '', 'x'.repeat(300), '\t'];

function randomText(r: () => number, lines: number, longEvery: number, words = WORDS, long = '长'.repeat(5000) + 'a'.repeat(9000)): Buffer {
  const parts: string[] = [];
  for (let i = 0; i < lines; i++) {
    let line = '';
    const n = Math.floor(r() * 12);
    for (let w = 0; w < n; w++) line += words[Math.floor(r() * words.length)] + ' ';
    if (longEvery > 0 && i % longEvery === longEvery - 1) line += long;
    if (r() < 0.2) line += '\r';
    parts.push(line);
  }
  return Buffer.from(parts.join('\n') + (r() < 0.5 ? '\n' : ''));
}

describe('LineFramer', () => {
  test('lines, CRLF, empty lines and a last line without a newline', () => {
    const { lines, numbers } = frame(Buffer.from('a\r\n\r\nb\n\nc'), []);
    assert.deepEqual(lines, ['a', '', 'b', '', 'c']);
    assert.deepEqual(numbers, [1, 2, 3, 4, 5]);
  });

  test('any chunking of valid UTF-8 gives the same lines, cut at the byte bound like the reference', () => {
    const max = 16 * 1024;
    for (let seed = 1; seed <= 12; seed++) {
      const r = rng(seed);
      const bytes = randomText(r, 3000, 400);
      const cuts: number[] = [];
      for (let c = Math.floor(r() * 70_000); c < bytes.length; c += 1 + Math.floor(r() * 70_000)) cuts.push(c);
      const want = reference(bytes, max);
      const got = frame(bytes, cuts, max);
      assert.equal(got.lines.length, want.lines.length, `seed ${seed}: line count`);
      assert.deepEqual(got.lines, want.lines, `seed ${seed}`);
      assert.equal(got.framer.cutLines, want.cut, `seed ${seed}: cut lines`);
      assert.ok(want.cut > 0, 'the sample has lines over the bound');
    }
  });

  test('any chunking of ASCII text gives the same lines, cut at the byte bound', () => {
    const max = 16 * 1024;
    for (let seed = 21; seed <= 26; seed++) {
      const r = rng(seed);
      const bytes = randomText(r, 3000, 300, ASCII_WORDS, 'a'.repeat(20_000));
      const cuts: number[] = [];
      for (let c = Math.floor(r() * 70_000); c < bytes.length; c += 1 + Math.floor(r() * 70_000)) cuts.push(c);
      const want = reference(bytes, max);
      const got = frame(bytes, cuts, max);
      assert.deepEqual(got.lines, want.lines, `seed ${seed}`);
      assert.equal(got.framer.cutLines, want.cut, `seed ${seed}: cut lines`);
      assert.ok(want.cut > 0, 'the sample has lines over the bound');
    }
  });

  test('a line cut inside a multi-byte character ends with a replacement character, like the byte-wise path', () => {
    const line = 'ab' + '数'.repeat(10); // 2 + 30 bytes
    const { lines, framer } = frame(Buffer.from(`${line}\nnext\n`), [], 7);
    assert.deepEqual(lines, ['ab数\uFFFD', 'next']);
    assert.equal(framer.cutLines, 1);
  });

  test('invalid UTF-8 is decoded with replacement characters, line by line', () => {
    const bytes = Buffer.from([0x6f, 0x6b, 0x20, 0xff, 0xfe, 0x0a, 0x6e, 0x65, 0x78, 0x74, 0x0a]);
    const { lines, framer } = frame(bytes, [4]);
    assert.deepEqual(lines, ['ok \uFFFD\uFFFD', 'next']);
    assert.equal(framer.decoder.invalidRegions > 0, true);
  });

  test('GB18030 text is read as GB18030', () => {
    // "数据库超时" in GB18030, then an ASCII line
    const gb = Buffer.from([0xca, 0xfd, 0xbe, 0xdd, 0xbf, 0xe2, 0xb3, 0xac, 0xca, 0xb1]);
    const { lines, framer } = frame(Buffer.concat([gb, Buffer.from('\nplain ascii\n')]), []);
    assert.deepEqual(lines, ['数据库超时', 'plain ascii']);
    assert.equal(framer.decoder.encoding, 'gb18030');
  });

  test('many short lines in one big chunk keep their numbers', () => {
    const text = Array.from({ length: 50_000 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const { lines, numbers } = frame(Buffer.from(text), []);
    assert.equal(lines.length, 50_000);
    assert.equal(lines[49_999], 'line 49999');
    assert.equal(numbers[49_999], 50_000);
  });
});
