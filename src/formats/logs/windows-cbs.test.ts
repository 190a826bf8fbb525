import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readEvents, sniffedFormatOf } from '../../../test/support/read-events.js';
import { windowsCbs } from './windows-cbs.js';


test('a CBS.log is recognised: level, component, message without the padding', async () => {
  const rel = 'test/fixtures/logs/windows/CBS.log';
  assert.equal(sniffedFormatOf(rel), 'windows-cbs');
  const { events, input } = await readEvents(rel);
  assert.equal(events.length, input.lines);
  assert.deepEqual(new Set(events.map((e) => e.logger)), new Set(['CBS', 'CSI', 'DPX']));
  assert.ok(events.every((e) => e.timeMs !== null && !e.message.startsWith(' ')));
  assert.deepEqual(
    events.filter((e) => e.severity !== 'info').map((e) => [e.severity, e.logger]),
    [['error', 'CSI'], ['error', 'CBS'], ['warn', 'CBS']],
  );
  assert.ok(events.some((e) => e.message === ''), 'the line with an empty message');
  assert.ok(events.some((e) => e.message.startsWith('00000001@2021/4/13:22:07:41.512 WcpInitialize')));
});

test('other "date, " lines and unknown level words are not CBS', () => {
  for (const line of [
    '2021-04-13 22:07:51,210 INFO  [main] log4j with a comma fraction',
    '2021-04-13 22:07:51, Hello                 CBS    not a level word',
    '2021-04-13 22:07:51, info CBS lower-case level',
    '2021-04-13T22:07:51, Info                  CBS    ISO T',
  ]) assert.equal(windowsCbs.parse(line), undefined, line);
});
