import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readEvents, sniffedFormatOf } from '../../../test/support/read-events.js';
import { androidLogcat } from './android-logcat.js';

const ctx = { yearFor: (month: number) => (month >= 6 ? 2023 : 2024) };

for (const layout of ['threadtime', 'time', 'brief']) {
  test(`logcat -v ${layout} is recognised and every line is read`, async () => {
    const rel = `test/fixtures/logs/android/logcat-${layout}.log`;
    assert.equal(sniffedFormatOf(rel), 'android-logcat');
    const { events, input } = await readEvents(rel);
    assert.equal(input.format, 'android-logcat');
    assert.equal(input.warnings.filter((w) => w.includes('did not match')).length, 0, input.warnings.join('; '));
    assert.equal(events.length, input.lines);
    for (const e of events) {
      if (e.message.startsWith('beginning of ')) continue;
      assert.ok(e.pid !== null && e.pid > 0, e.text);
      assert.ok(e.logger && !e.logger.endsWith(' '), e.text);
      assert.equal(e.timeMs === null, layout === 'brief', e.text);
    }
  });
}

test('threadtime: pid, tid, priority, padded tag and the message apart; year from the context', () => {
  const p = androidLogcat.parse('06-21 08:02:19.644   402   417 F libc    : Fatal signal 6 (SIGABRT), code -1 (SI_QUEUE) in tid 417', ctx);
  assert.deepEqual(
    { ...p },
    {
      wallMs: Date.UTC(2024, 5, 21, 8, 2, 19, 644), timeText: '06-21 08:02:19.644', severity: 'fatal', pid: 402, thread: '417', logger: 'libc',
      message: 'Fatal signal 6 (SIGABRT), code -1 (SI_QUEUE) in tid 417',
    },
  );
  // the year the context gives for the month: December of the year before
  assert.equal(androidLogcat.parse('12-31 23:59:59.999  1544  1544 I SystemServer: up', ctx)?.wallMs, Date.UTC(2023, 11, 31, 23, 59, 59, 999));
  // logcat -v year prints it
  assert.equal(androidLogcat.parse('2022-12-31 23:59:59.999  1544  1544 I SystemServer: up', ctx)?.wallMs, Date.UTC(2022, 11, 31, 23, 59, 59, 999));
});

test('priorities map onto the one scale: V below D, A (assert) at the top', () => {
  const sev = (c: string) => androidLogcat.parse(`06-21 08:02:19.644   402   417 ${c} Tag: m`, ctx)?.severity;
  assert.deepEqual(['V', 'D', 'I', 'W', 'E', 'F', 'A'].map(sev), ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'fatal']);
  assert.equal(androidLogcat.parse('06-21 08:02:19.644   402   417 X Tag: m', ctx), undefined);
});

test('a tag with colons ends at the first ": "; an empty message is kept empty', () => {
  const p = androidLogcat.parse('06-21 08:02:19.644  1544  1602 I Binder:1544_2: transaction failed', ctx);
  assert.equal(p?.logger, 'Binder:1544_2');
  assert.equal(p?.message, 'transaction failed');
  assert.equal(androidLogcat.parse('06-21 08:02:19.644  1544  1602 I Tag:', ctx)?.message, '');
});

test('lines of other formats are not logcat', () => {
  for (const line of [
    'I0302 15:04:05.476463       1 shared_informer.go:311] Waiting for caches to sync',
    '2024-03-02 11:04:05,210 INFO  [main] Starting',
    'Mar  2 11:04:05 web-3 sshd[1234]: Accepted publickey',
    'W/ no pid here',
    '20x2-12-31 23:59:59.999  1544  1544 I SystemServer: year not digits',
    '13-31 23:59:59.999  1544  1544 I SystemServer: month 13',
    '06-21 08:02:19.644 X/Tag( 12): unknown priority',
    '17/06/09 20:10:40 INFO executor.Executor: Running task',
  ]) assert.equal(androidLogcat.parse(line, ctx), undefined, line);
});
