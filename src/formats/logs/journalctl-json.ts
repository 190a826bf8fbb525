import { severityFromSyslog } from '../../events/severity.js';
import type { Fields } from '../../events/event.js';
import { defineFormat, type Parsed } from '../define.js';

type JournalEntry = Record<string, unknown>;
const DIGITS = /^\d{1,20}$/;

/**
 * `journalctl -o json`: one JSON object per line. Field values are strings, except a MESSAGE that is
 * not valid UTF-8 (an array of byte values), a field too large to print (null) and a field set
 * several times (an array of those).
 */
export const journalctlJson = defineFormat({
  name: 'journalctl-json',
  description: 'journalctl -o json: one journal entry per line (__REALTIME_TIMESTAMP, MESSAGE, PRIORITY, _HOSTNAME ...)',
  producer: 'systemd-journald',
  shape: 'lines',
  pathHint: /(?:^|\/)journalctl[\w.@-]*json[\w.@-]*$/,
  parse(line) {
    if (line.charCodeAt(0) !== 123 || line.indexOf('"__REALTIME_TIMESTAMP"') < 0) return undefined;
    let e: JournalEntry;
    try {
      e = JSON.parse(line) as JournalEntry;
    } catch {
      return undefined;
    }
    if (e === null || typeof e !== 'object' || Array.isArray(e)) return undefined;
    const received = e.__REALTIME_TIMESTAMP;
    if (typeof received !== 'string' || !DIGITS.test(received)) return undefined;
    // the sender's own time when it gave one, as journalctl shows it; else when journald received it
    const sent = e._SOURCE_REALTIME_TIMESTAMP;
    const stamp = typeof sent === 'string' && DIGITS.test(sent) ? sent : received;
    const out: Parsed = { wallMs: Math.floor(Number(stamp) / 1000), offsetMin: 0, timeText: stamp, message: text(e.MESSAGE) ?? '' };
    const pri = str(e.PRIORITY);
    out.severity = pri !== null && /^[0-7]$/.test(pri) ? severityFromSyslog(+pri) : null;
    out.host = str(e._HOSTNAME);
    out.process = str(e._TRANSPORT) === 'kernel' ? 'kernel' : (str(e.SYSLOG_IDENTIFIER) ?? str(e._COMM));
    const pid = str(e._PID) ?? str(e.SYSLOG_PID);
    out.pid = pid !== null && /^\d{1,10}$/.test(pid) ? +pid : null;
    const fields: Fields = {};
    const unit = str(e._SYSTEMD_UNIT) ?? str(e.UNIT);
    if (unit !== null) fields.unit = unit;
    const boot = str(e._BOOT_ID);
    if (boot !== null) fields.bootId = boot;
    const transport = str(e._TRANSPORT);
    if (transport !== null) fields.transport = transport;
    out.fields = fields;
    return out;
  },
  samples: [
    {
      text: '{"__REALTIME_TIMESTAMP":"1795320607305623","_SOURCE_REALTIME_TIMESTAMP":"1795320607305611","__MONOTONIC_TIMESTAMP":"1223739654","_BOOT_ID":"1cd6829176684a1581488f60ce90554a","PRIORITY":"4","SYSLOG_FACILITY":"3","SYSLOG_IDENTIFIER":"app","_PID":"11259","_COMM":"logger","_HOSTNAME":"vm","_TRANSPORT":"syslog","MESSAGE":"disk usage above 90% on /data"}',
      expect: {
        wallMs: 1795320607305, offsetMin: 0, timeText: '1795320607305611', severity: 'warn', host: 'vm', process: 'app', pid: 11259,
        message: 'disk usage above 90% on /data', fields: { bootId: '1cd6829176684a1581488f60ce90554a', transport: 'syslog' },
      },
    },
    {
      text: '{"__REALTIME_TIMESTAMP":"1652168751441000","PRIORITY":"3","_TRANSPORT":"kernel","SYSLOG_IDENTIFIER":"kernel","_HOSTNAME":"node-b","MESSAGE":"Out of memory: Killed process 38581 (java)"}',
      expect: { process: 'kernel', severity: 'error', pid: null, wallMs: 1652168751441, timeText: '1652168751441000' },
    },
    {
      text: '{"__REALTIME_TIMESTAMP":"1795320607307960","PRIORITY":"5","SYSLOG_IDENTIFIER":"app","_PID":"11262","_SYSTEMD_UNIT":"app.service","MESSAGE":[112,97,121,108,111,97,100,32,255,254,32,110,111,116,32,117,116,102,45,56]}',
      expect: { message: 'payload \ufffd\ufffd not utf-8', severity: 'notice', fields: { unit: 'app.service' } },
    },
  ],
});

/** A field's string value; a field set several times gives its first value. */
function str(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return null;
}

/** MESSAGE as text: a string, or bytes (decoded as UTF-8 with replacement characters). */
function text(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.length > 0 && typeof v[0] === 'number') {
    const bytes = Buffer.from(v.filter((b): b is number => typeof b === 'number' && b >= 0 && b <= 255));
    return bytes.toString('utf8');
  }
  return str(v);
}
