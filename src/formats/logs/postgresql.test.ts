import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readEvents, sniffedFormatOf } from '../../../test/support/read-events.js';
import { postgresql } from './postgresql.js';

const parse = (line: string) => postgresql.parse(line);

describe('postgresql', () => {
  test('severity map: FATAL ends a session, PANIC the server', () => {
    const level = (word: string) => parse(`2024-03-02 11:04:05.123 UTC [1] ${word}:  x`)?.severity;
    assert.deepEqual(
      ['DEBUG1', 'DEBUG5', 'LOG', 'INFO', 'NOTICE', 'WARNING', 'ERROR', 'FATAL', 'PANIC'].map(level),
      ['debug', 'debug', 'info', 'info', 'notice', 'warn', 'error', 'critical', 'fatal'],
    );
  });

  test('zones: UTC/GMT and numeric offsets are used, abbreviations are read in the run zone', () => {
    assert.equal(parse('2024-03-02 11:04:05.123 GMT [1] LOG:  x')!.offsetMin, 0);
    assert.equal(parse('2024-03-02 11:04:05.123 -03:30 [1] LOG:  x')!.offsetMin, -210);
    const cst = parse('2024-03-02 11:04:05.123 CST [1] LOG:  x')!;
    assert.equal(cst.offsetMin, undefined);
    assert.equal(cst.wallMs, Date.UTC(2024, 2, 2, 11, 4, 5, 123));
    assert.equal(cst.timeText, '2024-03-02 11:04:05.123 CST');
  });

  test('prefix variants: %t without ms, [%p-%l], %u@%d, [unknown]@[unknown], an application name', () => {
    const a = parse('2024-03-02 11:04:05 UTC [1234-1] [unknown]@[unknown] LOG:  connection received: host=127.0.0.1 port=40000')!;
    assert.deepEqual([a.pid, a.fields!['sessionLine'], a.fields!['user'], a.fields!['database']], [1234, 1, '[unknown]', '[unknown]']);
    const b = parse('2024-03-02 11:04:05.123 UTC [99] app@shop psql ERROR:  relation "x" does not exist at character 15')!;
    assert.deepEqual([b.fields!['application'], b.message], ['psql', 'relation "x" does not exist at character 15']);
    const c = parse('2024-03-02 11:04:05 UTC [4242]: [3-1] user=app,db=shop,app=psql,client=127.0.0.1 FATAL:  remaining connection slots are reserved for non-replication superuser connections')!;
    assert.deepEqual(c.fields, { pgLevel: 'FATAL', sessionLine: 3, user: 'app', database: 'shop', application: 'psql', client: '127.0.0.1' });
    assert.equal(c.pid, 4242);
  });

  test('not mine: follow-up lines alone, log4j, other layouts', () => {
    assert.equal(parse('2024-03-02 11:04:05.123 UTC [1234] DETAIL:  Process holding the lock: 13090.'), undefined);
    assert.equal(parse('2024-03-02 11:04:05,123 ERROR [main] org.example.App - failed'), undefined);
    assert.equal(parse('2024-03-02 11:04:05.123 UTC [1234] LOG: one space only'), undefined);
    assert.ok(parse('2024-03-02 11:04:05.123 UTC [1] ' + 'a@b '.repeat(20_000) + 'LOG:  x') === undefined);
  });

  test('recorded with the Debian default prefix: follow-up lines joined into fields', async () => {
    const path = 'test/fixtures/logs/postgresql/debian-default-prefix.log';
    assert.equal(sniffedFormatOf(path), 'postgresql');
    const { events, input } = await readEvents(path);
    assert.equal(input.format, 'postgresql');
    assert.deepEqual(input.warnings, []);
    assert.ok(events.every((e) => e.timeMs !== null && e.process === 'postgres' && e.pid !== null));
    const tooMany = events.find((e) => e.message === 'sorry, too many clients already')!;
    assert.equal(tooMany.severity, 'critical');
    const timeout = events.find((e) => e.message === 'canceling statement due to statement timeout')!;
    assert.equal(timeout.fields!['statement'], 'set statement_timeout = 100; select pg_sleep(1)');
    const wait = events.find((e) => e.message.includes('still waiting for ShareLock'))!;
    assert.match(String(wait.fields!['detail']), /^Process holding the lock: \d+\. Wait queue: \d+\.$/);
    assert.match(String(wait.fields!['context']), /^while updating tuple/);
    const deadlock = events.find((e) => e.message === 'deadlock detected')!;
    // the DETAIL of a deadlock goes on over tab-indented lines
    assert.equal(String(deadlock.fields!['detail']).split('\n').length, 4);
    assert.equal(deadlock.fields!['hint'], 'See server log for query details.');
    assert.equal(deadlock.text.split('\n').length, 8);
    const joined = postgresql.finishRecord!(
      '2024-03-02 11:04:05 UTC [4242]: [3-1] user=app,db=shop,app=psql,client=127.0.0.1 ERROR:  x\n2024-03-02 11:04:05 UTC [4242]: [4-1] user=app,db=shop,app=psql,client=127.0.0.1 STATEMENT:  select 1',
      { severity: 'error', fields: null },
    );
    assert.equal(joined.fields!['statement'], 'select 1');
  });

  test('recorded with %q%u@%d in a CST log_timezone: read in the run zone, user and database kept', async () => {
    const path = 'test/fixtures/logs/postgresql/user-db-prefix-cst.log';
    assert.equal(sniffedFormatOf(path), 'postgresql');
    const { events } = await readEvents(path);
    const ready = events.find((e) => e.message === 'database system is ready to accept connections')!;
    assert.equal(ready.fields!['user'], undefined, 'background processes print no user (%q)');
    const tooMany = events.find((e) => e.message === 'sorry, too many clients already')!;
    assert.deepEqual([tooMany.fields!['user'], tooMany.fields!['database']], ['postgres', 'postgres']);
    // readEvents passes --tz UTC: the CST wall-clock time is read in that zone, not guessed from "CST"
    assert.equal(tooMany.timeText!.endsWith(' CST'), true);
    assert.equal(new Date(tooMany.timeMs!).toISOString().slice(11, 23), tooMany.timeText!.slice(11, 23));
  });

  test('hostile 60 KiB lines are read in bounded time (no quadratic backtracking)', () => {
    const lines = [
      '2024-03-02 11:04:05.123 UTC [1] ' + '@'.repeat(60_000),
      '2024-03-02 11:04:05.123 UTC [1] ' + 'a@'.repeat(30_000) + ' x',
      '2024-03-02 11:04:05.123 UTC [1] ' + 'a '.repeat(30_000),
    ];
    for (const line of lines) {
      const t0 = performance.now();
      postgresql.parse(line);
      postgresql.finishRecord!('x\n' + line, { severity: null, fields: null });
      // a quadratic regex takes seconds here; linear work takes a few ms even on a loaded machine
      assert.ok(performance.now() - t0 < 500, line.slice(0, 60));
    }
  });
});
