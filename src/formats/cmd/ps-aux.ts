import type { DocumentFormat, DocumentRecord } from '../define.js';
import { defineFormat } from '../define.js';
import { clip, clipForMessage, commandName, cpuTimeSeconds, findHeader, headerScore, humanBytes, record, splitLines } from './table.js';

const HEADER = /^\s*USER\s+PID\s+%CPU\s+%MEM\s+VSZ\s+RSS\s+TTY\s+STAT\s+START\s+TIME\s+COMMAND\s*$/;
// START is one word in ps ("04:09", "Mar02", "2023"); COMMAND is the rest of the row, spaces and all
const ROW = /^\s*(\S+)\s+(\d+)\s+(\d+(?:[.,]\d+)?)\s+(\d+(?:[.,]\d+)?)\s+(\d+)\s+(\d+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+) (.*)$/;

/** `ps aux` (procps): one record per process, with its CPU and memory as ps saw them. */
export const psAux = defineFormat<DocumentFormat>({
  name: 'ps-aux',
  description: 'process table printed by `ps aux` (procps): user, pid, %CPU, %MEM, VSZ, RSS, state, command',
  producer: 'procps',
  shape: 'document',
  pathHint: /(?:^|\/)ps[-_ ]?aux[^/]*$/,
  recognize: (head) => headerScore(head, HEADER),
  parse(text) {
    const lines = splitLines(text);
    const h = findHeader(lines, HEADER);
    const records: DocumentRecord[] = [];
    if (h < 0) return { records };
    for (let i = h + 1; i < lines.length; i++) {
      const row = lines[i]!;
      const m = ROW.exec(row);
      if (!m) continue;
      const pid = +m[2]!;
      const command = clip(m[11]!.trim());
      const process = commandName(command);
      const vszBytes = +m[5]! * 1024;
      const rssBytes = +m[6]! * 1024;
      const cpuPercent = Number(m[3]!.replace(',', '.'));
      const memPercent = Number(m[4]!.replace(',', '.'));
      records.push(record(i + 1, row,
        `${process} pid ${pid} (${m[1]}): ${m[3]}% CPU, ${m[4]}% MEM, RSS ${humanBytes(rssBytes)}, state ${m[8]}: ${clipForMessage(command)}`,
        {
          user: m[1]!, pid, cpuPercent, memPercent, vszBytes, rssBytes, tty: m[7]!, state: m[8]!,
          start: m[9]!, cpuTime: m[10]!, cpuTimeSec: cpuTimeSeconds(m[10]!), command,
        },
        { process, pid }));
    }
    return { records };
  },
  samples: [
    {
      text:
        'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n' +
        'root          10  9.0  0.1 728780 43568 ?        Sl   04:10   0:00 node /tmp/rec/server.cjs 8080 /tmp/rec/ctl.sock',
      expect: {
        process: 'node', pid: 10,
        fields: {
          user: 'root', pid: 10, cpuPercent: 9, memPercent: 0.1, vszBytes: 746270720, rssBytes: 44613632, tty: '?',
          state: 'Sl', start: '04:10', cpuTime: '0:00', cpuTimeSec: 0, command: 'node /tmp/rec/server.cjs 8080 /tmp/rec/ctl.sock',
        },
      },
    },
  ],
});
