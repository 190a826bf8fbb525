import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ParseContext } from '../define.js';
import { syslogRfc3164 } from './syslog-rfc3164.js';

const ctx: ParseContext = { yearFor: () => 2024 };

/** The layout as one regex, read the slow way: the character scan must agree with it. */
const GRAMMAR = /^(?:<(\d{1,3})>)?([A-Z][a-z]{2}) ([ \d]\d) (\d\d:\d\d:\d\d)(?:\.(\d+))? (\S+) ([^\s:[]+)(?:\[(\d+)\])?: ?(.*)$/;

const LINES = [
  'Mar  2 11:04:05 web-3 sshd[1234]: Accepted publickey for deploy',
  'Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0',
  'Jul  1 09:00:55 calvisitor-10-105-160-95 kernel[0]: IOThunderboltSwitch<0>(0x0)::listenerCallback',
  'Jul  1 09:01:05 host com.apple.CDScheduler[43]: Thermal pressure state: 1',
  '<11>Jan 12 06:00:01 app-2 cron[77]: error: job failed',
  '<1234>Jan 12 06:00:01 app-2 cron[77]: x',
  '<>Jan 12 06:00:01 app-2 cron[77]: x',
  'Mar  2 11:04:05.123456 host prog: message',
  'Mar  2 11:04:05. host prog: message',
  'Mar  2 11:04:05 host prog:message',
  'Mar  2 11:04:05 host prog:',
  'Mar  2 11:04:05 host prog',
  'Mar  2 11:04:05 host prog[12x]: m',
  'Mar  2 11:04:05 host prog[]: m',
  'Mar  2 11:04:05 host prog[12]x: m',
  'Mar  2 11:04:05 host prog[12] : m',
  'Mar  2 11:04:05  host prog: m',
  'Mar  2 11:04:05 host\tx prog: m',
  'Mar  2 11:04:05 host  prog: m',
  'Mar  2 11:04:05 host [prog]: m',
  'Mar  2 11:04:05 host p\u00a0q: m',
  'Mar  2 11:04:05 host pro:g[1]: m',
  'Foo  2 11:04:05 host prog: m',
  'Mar 2 11:04:05 host prog: m',
  'May 10 15:45:51 db-1 kernel: [8812345.123456] Out of memory: Killed process 38581 (java)',
  'May 10 15:45:51 db-1 kernel: [  12.5] usb 1-1: new device',
  'May 10 15:45:51 db-1 kernel: [x] not an uptime',
  'May 10 15:45:51 db-1 app: <warn> low disk',
  'May 10 15:45:51 db-1 app: [ERROR] failed',
  'May 10 15:45:51 db-1 app: WARNING: odd',
  'May 10 15:45:51 db-1 app: INFO started',
  'May 10 15:45:51 db-1 app: Information only',
];

describe('syslog-rfc3164', () => {
  for (const line of LINES) {
    test(`agrees with the layout regex on ${JSON.stringify(line.slice(0, 60))}`, () => {
      const m = GRAMMAR.exec(line);
      const p = syslogRfc3164.parse(line, ctx);
      if (!m || !['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].includes(m[2]!)) {
        assert.equal(p, undefined);
        return;
      }
      assert.ok(p);
      assert.equal(p.host, m[6]);
      assert.equal(p.pid, m[8] ? Number(m[8]) : null);
      const kernelUptime = m[7] === 'kernel' ? /^\[\s*(\d+\.\d+)\] /.exec(m[9]!) : null;
      assert.equal(p.process, m[7]);
      assert.equal(p.message, kernelUptime ? m[9]!.slice(kernelUptime[0].length) : m[9]);
      assert.deepEqual(p.fields, kernelUptime ? { uptimeSec: Number(kernelUptime[1]) } : null);
      assert.equal(p.uptimeSec, undefined);
      assert.equal(p.timeText, `${m[2]} ${m[3]} ${m[4]}${m[5] ? '.' + m[5] : ''}`);
      const frac = m[5] ? Number((m[5] + '00').slice(0, 3)) : 0;
      const [h, mi, s] = m[4]!.split(':').map(Number);
      assert.equal(p.wallMs, Date.UTC(2024, ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(m[2]!), Number(m[3]), h, mi, s, frac));
    });
  }

  test('severity from the priority, else from a level word that opens the message', () => {
    assert.equal(syslogRfc3164.parse('<11>Jan 12 06:00:01 app-2 cron[77]: INFO job failed', ctx)?.severity, 'error');
    assert.equal(syslogRfc3164.parse('May 10 15:45:51 db-1 app: <warn> low disk', ctx)?.severity, 'warn');
    assert.equal(syslogRfc3164.parse('May 10 15:45:51 db-1 app: [ERROR] failed', ctx)?.severity, 'error');
    assert.equal(syslogRfc3164.parse('May 10 15:45:51 db-1 app: WARNING: odd', ctx)?.severity, 'warn');
    assert.equal(syslogRfc3164.parse('May 10 15:45:51 db-1 app: Information only', ctx)?.severity, null);
    assert.equal(syslogRfc3164.parse('May 10 15:45:51 db-1 app: all fine', ctx)?.severity, null);
  });
});
