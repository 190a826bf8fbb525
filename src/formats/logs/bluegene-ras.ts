import type { Fields } from '../../events/event.js';
import { type Severity, severityFromWord } from '../../events/severity.js';
import { defineFormat, type LineFormat, type Parsed } from '../define.js';
import { offsetFromEpoch, parseAlertPrefix } from './alert-tagged.js';
import { digitsAt, wallFromParts } from './stamp-digits.js';

/**
 * IBM Blue Gene/L RAS (reliability, availability, serviceability) events as archived with an alert
 * tag (alert-tagged.ts): "- 1118052735 2005.06.06 R14-M0-N3-C:J05-U01 2005-06-06-03.12.15.204117
 * R14-M0-N3-C:J05-U01 RAS KERNEL INFO total of 4 ddr error(s) detected and corrected": the event's local
 * time to the microsecond, its location, event type (RAS or NULL), facility (KERNEL, APP, MMCS,
 * DISCOVERY, HARDWARE, LINKCARD, MONITOR...) and severity.
 */
// after the fixed-width time (read by character codes); sticky: matched in place, without copying the line
const BODY = /(\S+) ([A-Z]+) ([A-Z_]+) (INFO|WARNING|SEVERE|ERROR|FATAL|FAILURE)(?: |$)/y;
const TIME_CHARS = 26; // "2005-06-03-15.42.50.675872"

// FAILURE is the top of Blue Gene's scale, above FATAL
const RAS_LEVEL: Record<string, Severity> = { FAILURE: 'fatal' };

export const bluegeneRas = defineFormat<LineFormat>({
  name: 'bluegene-ras',
  description: 'IBM Blue Gene/L RAS events with their alert tag: "- 1118052735 2005.06.06 R14-M0-N3-C:J05-U01 2005-06-06-03.12.15.204117 R14-M0-N3-C:J05-U01 RAS KERNEL INFO msg"',
  producer: 'bluegene',
  shape: 'lines',
  parse(line) {
    const pre = parseAlertPrefix(line);
    if (!pre) return undefined;
    const b = pre.bodyStart;
    // "yyyy-mm-dd-hh.mm.ss.uuuuuu "
    if (line.charCodeAt(b + 4) !== 45 || line.charCodeAt(b + 7) !== 45 || line.charCodeAt(b + 10) !== 45 || line.charCodeAt(b + 13) !== 46 ||
      line.charCodeAt(b + 16) !== 46 || line.charCodeAt(b + 19) !== 46 || line.charCodeAt(b + TIME_CHARS) !== 32) return undefined;
    const micros = digitsAt(line, b + 20, 6);
    if (micros < 0) return undefined;
    const wallMs = wallFromParts(digitsAt(line, b, 4), digitsAt(line, b + 5, 2), digitsAt(line, b + 8, 2), digitsAt(line, b + 11, 2),
      digitsAt(line, b + 14, 2), digitsAt(line, b + 17, 2), Math.floor(micros / 1000));
    if (wallMs === undefined) return undefined;
    BODY.lastIndex = b + TIME_CHARS + 1;
    const m = BODY.exec(line);
    if (!m) return undefined;
    const level = m[4]!;
    const fields: Fields = { eventType: m[2]!, location: m[1]! };
    if (pre.alert !== null) fields.alert = pre.alert;
    const p: Parsed = {
      wallMs,
      timeText: line.slice(b, b + TIME_CHARS),
      severity: RAS_LEVEL[level] ?? severityFromWord(level),
      host: pre.node,
      logger: m[3]!,
      message: line.slice(BODY.lastIndex),
      fields,
    };
    const offsetMin = offsetFromEpoch(wallMs, pre.epochMs);
    if (offsetMin !== undefined) p.offsetMin = offsetMin;
    return p;
  },
  samples: [
    {
      text: '- 1118052735 2005.06.06 R14-M0-N3-C:J05-U01 2005-06-06-03.12.15.204117 R14-M0-N3-C:J05-U01 RAS KERNEL INFO 3 ddr errors(s) detected and corrected on rank 0, symbol 11, bit 2',
      expect: {
        wallMs: Date.UTC(2005, 5, 6, 3, 12, 15, 204), offsetMin: -420, timeText: '2005-06-06-03.12.15.204117', severity: 'info',
        host: 'R14-M0-N3-C:J05-U01', logger: 'KERNEL', message: '3 ddr errors(s) detected and corrected on rank 0, symbol 11, bit 2',
        fields: { eventType: 'RAS', location: 'R14-M0-N3-C:J05-U01' },
      },
    },
    {
      text: 'KERNMC 1119312044 2005.06.20 R51-M1-N8-C:J09-U11 2005-06-20-17.00.44.918305 R51-M1-N8-C:J09-U11 RAS KERNEL FATAL machine check interrupt',
      expect: { severity: 'fatal', logger: 'KERNEL', message: 'machine check interrupt', fields: { eventType: 'RAS', location: 'R51-M1-N8-C:J09-U11', alert: 'KERNMC' } },
    },
    {
      text: '- 1134496320 2005.12.13 R62-M0-NC 2005-12-13-09.52.00.031552 R62-M0-NC NULL HARDWARE FAILURE Link card power module U45 is not accessible',
      expect: { offsetMin: -480, severity: 'fatal', logger: 'HARDWARE', host: 'R62-M0-NC', fields: { eventType: 'NULL', location: 'R62-M0-NC' } },
    },
  ],
});
