import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import * as tarStream from 'tar-stream';
import { tempDir } from '../../test/support/paths.js';
import { analyze, type Analysis } from '../pipeline.js';

const GOOD = '2024-03-02 11:04:05,210 [myid:1] - WARN  [main:Follower@1] - still here\n';

async function tarOf(entries: { name: string; body: string }[]): Promise<Buffer> {
  const pack = tarStream.pack();
  for (const e of entries) pack.entry({ name: e.name }, e.body);
  pack.finalize();
  const parts: Buffer[] = [];
  for await (const c of pack) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

function input(a: Analysis, path: string) {
  const i = a.inputs.find((x) => x.path === path);
  assert.ok(i, `no input ${path} in ${a.inputs.map((x) => x.path).join(', ')}`);
  return i;
}

describe('bad input never stops the run', () => {
  const tmp = tempDir();
  let a: Analysis;

  before(async () => {
    const d = tmp.dir;
    writeFileSync(join(d, 'good.log'), GOOD);
    writeFileSync(join(d, 'empty.log'), '');
    writeFileSync(join(d, 'core.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0, 0]));
    const gz = gzipSync(Buffer.from(GOOD.repeat(2000)));
    writeFileSync(join(d, 'cut.log.gz'), gz.subarray(0, Math.floor(gz.length / 2)));
    writeFileSync(join(d, 'huge-line.log'), Buffer.concat([Buffer.alloc(100 * 1024 * 1024, 0x61), Buffer.from('\nafter the long line\n')]));
    writeFileSync(join(d, 'invalid.log'), Buffer.from([0x6f, 0x6b, 0x20, 0xff, 0xfe, 0x80, 0x81, 0x0a, 0x6e, 0x65, 0x78, 0x74, 0x0a]));
    writeFileSync(join(d, 'crlf.log'), GOOD.replace('\n', '\r\n').repeat(3));
    writeFileSync(join(d, 'evil.tar'), await tarOf([
      { name: '../../etc/escaped.log', body: GOOD },
      { name: '/abs/path.log', body: GOOD },
      { name: 'host-x/logs/ok.log', body: GOOD },
    ]));
    mkdirSync(join(d, 'loop'));
    symlinkSync('..', join(d, 'loop', 'up'));
    symlinkSync('self', join(d, 'self'));
    a = await analyze({ paths: [d], zone: 'UTC' });
  });
  after(() => tmp.remove());

  test('the good file is read in full', () => {
    const i = input(a, 'good.log');
    assert.equal(i.format, 'log4j');
    assert.equal(i.events, 1);
    assert.deepEqual(i.warnings, []);
  });

  test('an empty file says so', () => {
    assert.deepEqual(input(a, 'empty.log').warnings, ['empty file']);
  });

  test('a binary file is skipped as binary', () => {
    const i = input(a, 'core.bin');
    assert.equal(i.format, 'binary');
    assert.equal(i.events, 0);
    assert.match(i.warnings[0]!, /binary/);
  });

  test('a truncated gzip keeps what was read and says it is truncated', () => {
    const i = input(a, 'cut.log.gz');
    assert.ok(i.events > 0 && i.events < 2000, `events ${i.events}`);
    assert.ok(i.warnings.some((w) => /truncated/.test(w)), i.warnings.join('; '));
  });

  test('a 100 MB line is cut to the bound, counted, and the next line still read', () => {
    const i = input(a, 'huge-line.log');
    assert.equal(i.lines, 2);
    assert.equal(i.events, 2);
    assert.ok(i.warnings.some((w) => /1 line\(s\) longer than 64 KiB were cut/.test(w)), i.warnings.join('; '));
  });

  test('invalid text becomes replacement characters with a warning', () => {
    const i = input(a, 'invalid.log');
    assert.equal(i.events, 2);
    assert.ok(i.warnings.some((w) => /invalid text/.test(w)), i.warnings.join('; '));
  });

  test('CRLF lines parse like LF lines', () => {
    const i = input(a, 'crlf.log');
    assert.equal(i.format, 'log4j');
    assert.equal(i.events, 3);
  });

  test('tar entries climbing out or absolute are refused; the others are read', () => {
    const refused = a.inputs.filter((x) => x.path.startsWith('evil.tar/') && x.format === null);
    assert.deepEqual(refused.map((x) => x.path).sort(), ['evil.tar/../../etc/escaped.log', 'evil.tar//abs/path.log']);
    for (const r of refused) assert.match(r.warnings[0]!, /refused/);
    const ok = a.inputs.find((x) => x.path === 'evil.tar/host-x/logs/ok.log');
    assert.equal(ok?.host, 'host-x');
    assert.equal(ok?.events, 1);
  });

  test('symlink loops are reported once, not followed forever', () => {
    assert.ok(a.inputs.some((x) => x.path === 'loop/up' && /symlink loop/.test(x.warnings[0]!)));
    assert.ok(a.inputs.some((x) => x.path === 'self' && /symlink loop/.test(x.warnings[0]!)));
  });
});

describe('encodings', () => {
  test('GB18030 text is decoded, not replaced', async () => {
    const tmp = tempDir();
    try {
      // "你好 ... 错误" in GB18030
      writeFileSync(join(tmp.dir, 'gb.log'), Buffer.concat([
        Buffer.from('2024-03-02 11:04:05,210 [main] ERROR app.Main - '),
        Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0x20, 0xb4, 0xed, 0xce, 0xf3]),
        Buffer.from('\n'),
      ]));
      const a = await analyze({ paths: [tmp.dir], zone: 'UTC' });
      const i = input(a, 'gb.log');
      assert.equal(i.encoding, 'gb18030');
      assert.equal(a.timeline[0]?.event.message, '你好 错误');
    } finally {
      tmp.remove();
    }
  });
});
