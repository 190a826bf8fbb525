import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readEvents, sniffedFormatOf } from '../../../test/support/read-events.js';
import { proxifier } from './proxifier.js';

const ctx = { yearFor: (month: number) => (month === 11 ? 2023 : 2024) };

test('a Proxifier log is recognised: program, 64-bit mark, failures as errors', async () => {
  const rel = 'test/fixtures/logs/proxifier/Proxifier.log';
  assert.equal(sniffedFormatOf(rel), 'proxifier');
  const { events, input } = await readEvents(rel);
  assert.equal(events.length, input.lines);
  const byLine = [...events].sort((a, b) => a.line - b.line);
  assert.deepEqual(
    byLine.map((e) => e.process),
    ['chrome.exe', 'chrome.exe', 'chrome.exe', 'Dropbox.exe', 'firefox.exe', 'Dropbox.exe', 'git-remote-https.exe', 'git-remote-https.exe'],
  );
  assert.deepEqual(byLine.map((e) => e.severity), [null, null, null, null, 'error', null, null, null]);
  assert.equal(byLine[0]!.timeMs, Date.UTC(2024, 6, 26, 13, 30, 34)); // readEvents passes --year 2024
  assert.equal(byLine[0]!.message, 'updates.example.net:443 open through proxy proxy.example.org:5070 HTTPS');
  assert.deepEqual(byLine[0]!.fields, { bits: 64 });
  assert.equal(byLine[3]!.fields, null);
});

test('the year comes from the context; other bracketed stamps are not Proxifier', () => {
  assert.equal(proxifier.parse('[12.31 23:59:59] chrome.exe - a.example:443 close, 0 bytes sent', ctx)?.wallMs, Date.UTC(2023, 11, 31, 23, 59, 59));
  for (const line of [
    '[13.31 23:59:59] chrome.exe - a.example:443 month 13',
    '[    5.123456] usb 1-1: new high-speed USB device',
    '[2024-03-02 11:04:05,210] INFO [KafkaServer id=1] started (kafka.server.KafkaServer)',
    '[10.30 16:49:06] no dash separator here',
  ]) assert.equal(proxifier.parse(line, ctx), undefined, line);
});
