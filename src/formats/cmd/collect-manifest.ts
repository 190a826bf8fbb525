import { defineFormat, type DocumentFormat } from '../define.js';
import { isoTakenAt, numOrNull, strOrNull } from './collect-json.js';

/**
 * cmd/culprit-collect.json, the manifest `culprit collect` writes last: when and how the capture
 * ran, and the host's time zone. Its one record carries `fields.hostTimeZone` (IANA name) and
 * `fields.utcOffsetMin`: the run reads that host's zone-less times (dmesg -T, ps, top, uptime -s,
 * logs) in that zone when --tz is not given.
 */
export const collectManifest = defineFormat<DocumentFormat>({
  name: 'collect-manifest',
  description: "culprit collect's manifest culprit-collect.json: capture time, options, notes and the host's time zone",
  producer: 'culprit',
  shape: 'document',
  pathHint: /(?:^|\/)culprit-collect\.json$/,
  recognize: (head) => (/^\{"tool":"culprit collect",\s*"host":"[^"\n]*",\s*"startedAt":"[^"\n]*",\s*"elapsedMs":\d+,/.test(head) ? 0.98 : 0),
  parse(text) {
    let m: Record<string, unknown>;
    try {
      const doc: unknown = JSON.parse(text);
      if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error('not an object');
      m = doc as Record<string, unknown>;
    } catch {
      return { records: [], warnings: ['not the JSON of a culprit collect manifest'] };
    }
    const zone = strOrNull(m.timeZone);
    let hostTimeZone: string | null = null;
    const warnings: string[] = [];
    if (zone !== null) {
      try {
        hostTimeZone = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
      } catch {
        warnings.push(`unknown time zone ${JSON.stringify(zone.slice(0, 64))}: ignored`);
      }
    }
    const notes = Array.isArray(m.notes) ? m.notes.length : null;
    const fields = {
      hostTimeZone, utcOffsetMin: numOrNull(m.utcOffsetMin), elapsedMs: numOrNull(m.elapsedMs), uid: numOrNull(m.uid),
      processes: numOrNull(m.processes), hungReads: numOrNull(m.hungReads), notes, files: Array.isArray(m.files) ? m.files.length : null,
    };
    const host = strOrNull(m.host);
    const lines = text.split('\n');
    const zoneLine = lines.findIndex((l) => l.startsWith('"timeZone":'));
    const rec = {
      line: zoneLine >= 0 ? zoneLine + 1 : 1,
      text: zoneLine >= 0 ? lines[zoneLine]!.replace(/,$/, '') : lines[0]!,
      host,
      severity: 'info' as const,
      message: `culprit collect captured ${host ?? 'this host'} in ${fields.elapsedMs ?? '?'} ms (${fields.processes ?? '?'} processes${notes ? `, ${notes} note(s)` : ''}); time zone ${hostTimeZone ?? 'unknown'}`,
      fields,
    };
    const takenAt = isoTakenAt(m.startedAt);
    const out = takenAt ? { takenAt, records: [rec] } : { records: [rec] };
    return warnings.length ? { ...out, warnings } : out;
  },
  samples: [
    {
      text: '{"tool":"culprit collect",\n"host":"vm",\n"startedAt":"2026-11-22T05:02:41.970Z",\n"elapsedMs":286,\n"uid":0,\n"timeZone":"Asia/Shanghai",\n' +
        '"utcOffsetMin":480,\n"options":{"pids":[28755],"sinceSec":3600,"env":false,"tools":true,"series":null,"strace":null},\n"processes":1,\n"hungReads":0,\n' +
        '"notes":[],\n"files":[\n"vm/cmd/proc-meminfo.txt"\n]}\n',
      expect: {
        host: 'vm', message: 'culprit collect captured vm in 286 ms (1 processes); time zone Asia/Shanghai',
        fields: { hostTimeZone: 'Asia/Shanghai', utcOffsetMin: 480, elapsedMs: 286, uid: 0, processes: 1, hungReads: 0, notes: 0, files: 1 },
      },
    },
  ],
});
