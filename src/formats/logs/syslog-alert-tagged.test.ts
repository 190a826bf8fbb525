import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readEvents, sniffedFormatOf } from '../../../test/support/read-events.js';
import type { LineFormat } from '../define.js';
import { syslogAlertTagged as format } from './syslog-alert-tagged.js';

const ctx = { yearFor: () => 2024 };
const lines: LineFormat = format;

test('alert-tagged cluster syslog is recognised: node as host, program and pid, the relay sender in fields', async () => {
  const rel = 'test/fixtures/logs/hpc/syslog-alert-tagged.log';
  assert.equal(sniffedFormatOf(rel), 'syslog-alert-tagged');
  const { events, input } = await readEvents(rel);
  assert.equal(events.length, input.lines);
  const byLine = [...events].sort((a, b) => a.line - b.line);
  assert.deepEqual(
    byLine.map((e) => [e.host, e.process, e.pid]),
    [
      ['cn417', 'sshd(pam_unix)', 30114], ['cn417', 'ntpd', 2207], ['sadmin2', 'crond', 8841], ['sadmin2', 'ib_sm.x', 24611],
      ['sadmin2', null, null], ['sadmin2', 'EXT3-fs', null], ['cn802', 'kernel', null], ['an302', null, null], ['sadmin2', 'crond', 8841],
    ],
  );
  // Nov 11 06:54:05 in PST, as the epoch column says
  assert.equal(byLine[0]!.timeMs, Date.UTC(2005, 10, 11, 14, 54, 5));
  assert.equal(byLine[0]!.timeText, 'Nov 11 06:54:05');
  assert.equal(byLine[4]!.message, 'scsi0 : LSI Logic MegaRAID driver');
  assert.deepEqual(byLine[6]!.fields, { sender: 'cn802/cn802', alert: 'ECC' });
  // "Dec 31" archived on 2006.01.01 belongs to 2005
  assert.equal(byLine[8]!.timeMs, Date.UTC(2006, 0, 1, 0, 0, 1));
});

test('the year is the archive date\'s, never the context\'s; RAS lines and plain syslog are not this format', () => {
  assert.equal(lines.parse('- 1131720846 2005.11.11 cn417 Nov 11 06:54:06 cn417/cn417 ntpd[2207]: ok', ctx)?.wallMs, Date.UTC(2005, 10, 11, 6, 54, 6));
  for (const line of [
    '- 1118052735 2005.06.06 R14-M0-N3-C:J05-U01 2005-06-06-03.12.15.204117 R14-M0-N3-C:J05-U01 RAS KERNEL INFO 3 ddr errors(s) detected',
    'Nov 11 06:54:06 cn417 ntpd[2207]: synchronized',
    '- 1131720846 2005.11.11 cn417 Foo 11 06:54:06 cn417/cn417 ntpd[2207]: not a month',
  ]) assert.equal(lines.parse(line, ctx), undefined, line);
});
