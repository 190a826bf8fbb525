import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readEvents, sniffedFormatOf } from '../../../test/support/read-events.js';
import type { LineFormat } from '../define.js';
import { bluegeneRas as format } from './bluegene-ras.js';
import { offsetFromEpoch } from './alert-tagged.js';

const ctx = { yearFor: () => 2024 };
const lines: LineFormat = format;

test('Blue Gene/L RAS events are recognised: node as host, facility, severity, alert tag', async () => {
  const rel = 'test/fixtures/logs/hpc/bluegene-ras.log';
  assert.equal(sniffedFormatOf(rel), 'bluegene-ras');
  const { events, input } = await readEvents(rel);
  assert.equal(events.length, input.lines);
  // the local time to the microsecond, placed in UTC with the zone the epoch column implies (PDT, then PST)
  const first = [...events].sort((a, b) => a.line - b.line)[0]!;
  assert.equal(first.timeMs, Date.UTC(2005, 5, 6, 10, 12, 15, 204));
  assert.equal(first.timeText, '2005-06-06-03.12.15.204117');
  assert.equal(first.host, 'R14-M0-N3-C:J05-U01');
  const last = events.find((e) => e.logger === 'HARDWARE')!;
  assert.equal(last.timeMs, Date.UTC(2005, 11, 13, 17, 52, 0, 31));
  assert.equal(last.severity, 'fatal');
  assert.deepEqual(events.filter((e) => e.fields?.alert).map((e) => e.fields?.alert).sort(), ['APPREAD', 'KERNMC']);
  assert.deepEqual(new Set(events.map((e) => e.logger)), new Set(['KERNEL', 'APP', 'DISCOVERY', 'MMCS', 'HARDWARE']));
  assert.ok(events.every((e) => !/^(?:RAS|NULL) /.test(e.message)));
});

test('the zone offset comes from the epoch only when the two agree to a quarter hour', () => {
  const wall = Date.UTC(2005, 5, 6, 3, 12, 15, 204);
  assert.equal(offsetFromEpoch(wall, Date.UTC(2005, 5, 6, 10, 12, 15)), -420);
  assert.equal(offsetFromEpoch(wall, Date.UTC(2005, 5, 5, 21, 42, 15)), 330);
  assert.equal(offsetFromEpoch(wall, wall), 0);
  assert.equal(offsetFromEpoch(wall, Date.UTC(2005, 5, 6, 10, 19, 15)), undefined); // 7 min off a quarter
  assert.equal(offsetFromEpoch(wall, Date.UTC(2005, 5, 7, 10, 12, 15)), undefined); // a day apart
  const p = lines.parse('- 1118062020 2005.06.06 R14-M0-N3 2005-06-06-05.47.00.311012 R14-M0-N3 RAS MMCS ERROR clocks disagree', ctx);
  assert.equal(p?.offsetMin, -420);
  const q = lines.parse('- 1118099999 2005.06.06 R14-M0-N3 2005-06-06-05.47.00.311012 R14-M0-N3 RAS MMCS ERROR clocks disagree', ctx);
  assert.ok(q && q.offsetMin === undefined);
});

test('alert-tagged syslog and other lines are not RAS events', () => {
  for (const line of [
    '- 1131720845 2005.11.11 cn417 Nov 11 06:54:05 cn417/cn417 sshd[30114]: session opened',
    '- 1118062020 2005.06.06 R14-M0-N3 2005-06-06-05.47.00.311012 R14-M0-N3 RAS MMCS CHATTY not a RAS severity',
    '- 2005-06-06 05:47:00 something',
    'kernel 1118062020 2005.06.06 R14-M0-N3 2005-06-06-05.47.00.311012 R14-M0-N3 RAS MMCS ERROR lower-case tag',
  ]) assert.equal(lines.parse(line, ctx), undefined, line);
});
