import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readEvents, sniffedFormatOf } from '../../../test/support/read-events.js';
import type { ParseContext } from '../define.js';
import { FORMATS } from '../registry.js';
import { sniffFormat } from '../sniff.js';
import { pythonLogging } from './python-logging.js';

const ctx: ParseContext = { yearFor: () => 2024 };
const parse = (line: string) => pythonLogging.parse(line);

describe('python-logging', () => {
  test('the five level names only; custom or Java level words are not Python defaults', () => {
    assert.equal(parse('CRITICAL:__main__:down')!.severity, 'critical');
    assert.equal(parse('WARN:root:x'), undefined);
    assert.equal(parse('2024-03-02 11:04:05,123 - app - FATAL - x'), undefined);
    assert.equal(parse('2024-03-02 11:04:05,123 TRACE app: x'), undefined);
  });

  test('asctime is "YYYY-MM-DD HH:MM:SS,mmm", local time', () => {
    const p = parse('2024-03-02 11:04:05,123 - myapp.db - ERROR - boom')!;
    assert.equal(p.wallMs, Date.UTC(2024, 2, 2, 11, 4, 5, 123));
    assert.equal(p.offsetMin, undefined);
    assert.equal(p.timeText, '2024-03-02 11:04:05,123');
    assert.equal(parse('2024-03-02 11:04:05.123 - myapp.db - ERROR - boom'), undefined);
  });

  test('Hadoop-style log4j ("%d %p %c: %m") stays log4j: Java class-named loggers are not Python modules', () => {
    const hadoop = [
      '2015-10-17 15:37:56,547 INFO org.apache.hadoop.hdfs.server.datanode.DataNode: STARTUP_MSG: starting DataNode',
      '2015-10-17 15:37:57,001 INFO org.apache.hadoop.http.HttpServer2: Jetty bound to port 50075',
      '2015-10-17 15:38:01,210 ERROR org.apache.hadoop.hdfs.server.datanode.DataNode: RECEIVED SIGNAL 15: SIGTERM',
    ];
    for (const line of hadoop) assert.equal(parse(line), undefined, line);
    assert.equal(sniffFormat(hadoop.join('\n') + '\n', 'x.log', ctx, FORMATS).format.name, 'log4j');
    assert.equal(parse('2024-03-02 11:04:05,123 INFO Foo$Bar: x'), undefined);
  });

  test('tracebacks join the record; the last exception goes to fields', () => {
    const done = pythonLogging.finishRecord!(
      [
        '2024-03-02 11:04:05,123 - shop.db - ERROR - query failed',
        'Traceback (most recent call last):',
        '  File "/srv/shop/db.py", line 10, in run',
        '    cur.execute(sql)',
        'psycopg2.errors.QueryCanceled: canceling statement due to statement timeout',
      ].join('\n'),
      { severity: 'error', fields: null },
    );
    assert.deepEqual(done.fields, { exception: 'psycopg2.errors.QueryCanceled', exceptionMessage: 'canceling statement due to statement timeout' });
    for (const l of ['Traceback (most recent call last):', '  File "x.py", line 1, in <module>', 'KeyError', "KeyError: 'qty'", 'During handling of the above exception, another exception occurred:']) {
      assert.ok(pythonLogging.continuation.test(l), l);
    }
  });

  for (const layout of ['default', 'dashes', 'colon']) {
    test(`recorded (${layout} layout): levels, loggers, tracebacks`, async () => {
      const path = `test/fixtures/logs/python/${layout}.log`;
      assert.equal(sniffedFormatOf(path), 'python-logging');
      const { events, input } = await readEvents(path);
      assert.equal(input.format, 'python-logging');
      // the second line of a logged two-line message is not a traceback line: kept as plain text
      assert.deepEqual(input.warnings, ['1 line(s) did not match python-logging and were kept as plain text']);
      const own = events.filter((e) => e.format === 'python-logging');
      assert.deepEqual(own.map((e) => e.severity), ['warn', 'debug', 'info', 'info', 'info', 'error', 'error', 'warn', 'critical']);
      assert.deepEqual(own.map((e) => e.logger), ['root', 'shop.db', 'shop.db', 'shop.db', 'shop.db', 'shop.db', 'shop.worker', 'shop.worker', '__main__']);
      assert.ok(own.every((e) => (layout === 'default' ? e.timeMs === null : e.timeMs !== null)));
      const pool = own[5]!;
      assert.deepEqual([pool.message, pool.fields!['exception'], pool.fields!['exceptionMessage']], ['request 4 failed', 'PoolExhausted', 'connection pool exhausted (3/3 in use)']);
      // a chained traceback: the exception raised last is the one reported
      assert.equal(own[6]!.fields!['exception'], 'RuntimeError');
      assert.ok(own[6]!.text.includes('ValueError: invalid literal'));
      // Python's own traceback for the uncaught exception follows the last record and joins it
      assert.equal(own[8]!.fields!['exception'], 'KeyError');
    });
  }

  test('hostile 60 KiB lines are read in bounded time (no quadratic backtracking)', () => {
    const lines = [
      '2024-03-02 11:04:05,123 INFO ' + 'a'.repeat(60_000),
      '2024-03-02 11:04:05,123 - ' + 'a - '.repeat(15_000),
      'Traceback (most recent call last):\n' + 'A'.repeat(60_000),
    ];
    for (const line of lines) {
      const t0 = performance.now();
      pythonLogging.parse(line);
      pythonLogging.finishRecord!('x\n' + line, { severity: null, fields: null });
      // a quadratic regex takes seconds here; linear work takes a few ms even on a loaded machine
      assert.ok(performance.now() - t0 < 500, line.slice(0, 60));
    }
  });
});
