import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { repoPath, tempDir } from '../../../test/support/paths.js';
import type { LogEvent } from '../../events/event.js';
import { analyze } from '../../pipeline.js';
import type { LineFormat, ParseContext } from '../define.js';
import { sniffFormat } from '../sniff.js';
import { journalctlShort as defined } from './journalctl-short.js';

// the format as the pipeline sees it
const journalctlShort: LineFormat = defined;

const ctx: ParseContext = { yearFor: () => 2026 };
// real journalctl output (systemd 252), recorded by scripts/record/journald.sh
const fixture = (name: string) => readFileSync(repoPath('test', 'fixtures', 'logs', 'journal', name), 'utf8');
const BOOT = '-- Boot 1cd6829176684a1581488f60ce90554a --';

describe('journalctl-short', () => {
  test('every recorded line parses: kernel lines as process kernel, services with their pid', () => {
    const lines = fixture('journalctl.txt').trimEnd().split('\n');
    const parsed = lines.map((l) => journalctlShort.parse(l, ctx));
    parsed.forEach((p, i) => assert.ok(p, lines[i]));
    assert.equal(parsed[0]!.process, 'kernel');
    assert.equal(parsed[0]!.pid, null);
    assert.equal(parsed[0]!.host, 'vm');
    const cron = parsed.find((p) => p!.process === 'cron')!;
    assert.equal(cron.severity, 'error'); // "error: job failed"
    assert.equal(typeof cron.pid, 'number');
    // the same journal printed as short-iso names the same local wall time
    const iso = fixture('journalctl-o-short-iso.txt').trimEnd().split('\n')[parsed.indexOf(cron)]!;
    const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)/.exec(iso)!;
    assert.equal(cron.wallMs, Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  });

  test('recognised by its journalctl path, or by a marker line among the lines', () => {
    const text = fixture('journalctl.txt');
    assert.equal(sniffFormat(text, 'node-a/cmd/journalctl.txt', ctx).format.name, 'journalctl-short');
    assert.equal(sniffFormat(fixture('journalctl-k.txt'), 'node-a/cmd/journalctl-k.txt', ctx).format.name, 'journalctl-short');
    const withBoot = text.split('\n').slice(0, 5).join('\n') + '\n' + BOOT + '\n' + text.split('\n').slice(5).join('\n');
    assert.equal(sniffFormat(withBoot, 'unnamed.txt', ctx).format.name, 'journalctl-short');
    assert.equal(sniffFormat(fixture('journalctl-no-entries.txt'), 'unnamed.txt', ctx).format.name, 'journalctl-short');
    // without either it is read as classic syslog, field for field the same
    assert.equal(sniffFormat(text, 'unnamed.txt', ctx).format.name, 'syslog-rfc3164');
  });

  test('does not take classic syslog files', () => {
    const syslog = 'Mar  2 11:04:05 web-3 sshd[1234]: Accepted publickey for deploy\nMar 12 11:04:06 web-3 CRON[99]: (root) CMD (true)\n';
    assert.equal(sniffFormat(syslog, 'logs/messages', ctx).format.name, 'syslog-rfc3164');
    // sysklogd writes lines without "prog:" (and "prog:msg" without a space): they must not tip the scale
    const sysklogd = 'Jun  9 06:06:20 combo syslogd 1.4.1: restart.\nJun  9 06:06:20 combo syslog: syslogd startup succeeded\n' +
      'Jun  9 06:06:20 combo kernel: klogd 1.4.1, log source = /proc/kmsg started.\nJun 10 11:32:20 combo ftpd[8183]:connection from 127.0.0.1\n';
    assert.equal(sniffFormat(sysklogd, 'unnamed.txt', ctx).format.name, 'syslog-rfc3164');
    assert.equal(journalctlShort.parse('Jun  9 06:06:20 combo syslogd 1.4.1: restart.', ctx), undefined);
  });

  test('marker lines are events of their own: boot id, begin time, no entries', () => {
    const boot = journalctlShort.parse(BOOT, ctx)!;
    assert.deepEqual(boot.fields, { journalMarker: 'boot', bootId: '1cd6829176684a1581488f60ce90554a' });
    assert.equal(boot.wallMs, undefined);
    const begin = journalctlShort.parse('-- Logs begin at Tue 2024-03-05 10:00:01 CST, end at Tue 2024-03-05 12:00:00 CST. --', ctx)!;
    assert.equal(begin.wallMs, Date.UTC(2024, 2, 5, 10, 0, 1));
    assert.equal(begin.offsetMin, undefined);
    assert.equal(journalctlShort.parse(fixture('journalctl-no-entries.txt').trimEnd(), ctx)?.fields?.journalMarker, 'no-entries');
    assert.equal(journalctlShort.parse('-- some other dashes --', ctx), undefined);
  });

  test('not mine: syslog with PRI, ISO times, lower-case months', () => {
    for (const l of ['<13>Mar 02 11:04:05 h p: x', '2024-03-02T11:04:05+0800 h p: x', 'mar 02 11:04:05 h p: x', 'Mar 02 11:04:05']) {
      assert.equal(journalctlShort.parse(l, ctx), undefined, l);
    }
  });
});

describe('journalctl-short through the pipeline', () => {
  test('marker lines neither join other events nor count as unparsed lines', async () => {
    const tmp = tempDir();
    try {
      mkdirSync(join(tmp.dir, 'h', 'cmd'), { recursive: true });
      const text = [
        '-- Journal begins at Mon 2024-03-04 09:00:00 UTC, ends at Tue 2024-03-05 12:00:00 UTC. --',
        'Mar 04 09:00:00 h kernel: Linux version 6.1.0-18-amd64',
        'Mar 04 23:59:59 h systemd[1]: Stopping user@0.service...',
        BOOT,
        'Mar 05 00:01:02 h kernel: Linux version 6.1.0-18-amd64',
        'Mar 05 00:01:09 h sshd[700]: Server listening on 0.0.0.0 port 22.',
      ].join('\n') + '\n';
      writeFileSync(join(tmp.dir, 'h', 'cmd', 'unnamed-output.txt'), text);
      const events: LogEvent[] = [];
      const a = await analyze({ paths: [tmp.dir], zone: 'UTC', year: 2024 }, [{ accept: (e) => events.push(e) }]);
      const input = a.inputs[0]!;
      assert.equal(input.format, 'journalctl-short');
      assert.equal(input.events, 6);
      assert.deepEqual(input.warnings, []);
      for (const e of events) if (!e.message.startsWith('-- ')) assert.ok(!e.text.includes('\n'), e.text);
      const boot = events.find((e) => e.message === BOOT)!;
      assert.deepEqual(boot.fields, { journalMarker: 'boot', bootId: '1cd6829176684a1581488f60ce90554a' });
      assert.equal(events[0]!.timeMs, Date.UTC(2024, 2, 4, 9, 0, 0));
      assert.equal(events[5]!.timeMs, Date.UTC(2024, 2, 5, 0, 1, 9));
    } finally {
      tmp.remove();
    }
  });
});
