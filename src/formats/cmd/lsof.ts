import type { Fields } from '../../events/event.js';
import type { DocumentFormat, DocumentRecord } from '../define.js';
import { defineFormat } from '../define.js';
import { clip, findHeader, headerScore, normalizeTcpState, record, splitHostPort, splitLines } from './table.js';

const HEADER = /^COMMAND\s+PID\s+(?:TID\s+(?:TASKCMD\s+)?)?USER\s+FD\s+TYPE\s+DEVICE\s+(?:SIZE\/OFF|SIZE|OFFSET)\s+NODE\s+NAME\s*$/;
// lsof right-aligns numbers and FD under their heading's last letter; the others start under its first
const RIGHT_ALIGNED = new Set(['PID', 'TID', 'FD', 'DEVICE', 'SIZE/OFF', 'SIZE', 'OFFSET', 'NODE']);
// "127.0.0.1:8080->127.0.0.1:46070 (CLOSE_WAIT)", "*:8080 (LISTEN)", "[::1]:53"
const SOCKET_NAME = /^(\S+?)(?:->(\S+))?(?: \(([A-Z][A-Z0-9_-]*)\))?$/;
const FD = /^(\d+)([rwu]?)/;

interface Column {
  name: string;
  start: number;
  end: number;
  right: boolean;
}

/**
 * `lsof` (default columns, with or without TID/TASKCMD): one record per open file. Columns are
 * found from the heading's positions, since DEVICE, SIZE/OFF and NODE can be blank. TCP/UDP
 * entries also get their addresses and state, like the socket tables.
 */
export const lsof = defineFormat<DocumentFormat>({
  name: 'lsof',
  description: 'open files listed by `lsof` (default columns): command, pid, user, fd, type, device, size/offset, node, name; sockets with their state',
  producer: 'lsof',
  shape: 'document',
  pathHint: /(?:^|\/)lsof[^/]*$/,
  recognize: (head) => headerScore(head, HEADER),
  parse(text) {
    const lines = splitLines(text);
    const h = findHeader(lines, HEADER);
    const records: DocumentRecord[] = [];
    if (h < 0) return { records };
    const columns = headerColumns(lines[h]!);
    const nameStart = columns[columns.length - 1]!.start;
    for (let i = h + 1; i < lines.length; i++) {
      const row = lines[i]!;
      let values: Record<string, string>;
      let name: string;
      if (row.length > nameStart && row.charCodeAt(nameStart - 1) === 32 && row.charCodeAt(nameStart) !== 32) {
        values = assign(row.slice(0, nameStart), columns);
        name = clip(row.slice(nameStart));
      } else {
        // not under the heading (re-spaced by a copy, or a later lsof +r round): read word by word
        const byWords = sequential(row, columns);
        if (!byWords) continue;
        ({ values, name } = byWords);
      }
      const pid = Number(values.PID);
      const command = values.COMMAND;
      if (!command || !Number.isInteger(pid) || values.PID === undefined) continue;
      const fdText = values.FD ?? '';
      const fdm = FD.exec(fdText);
      const type = values.TYPE ?? null;
      const node = values.NODE ?? null;
      const sizeOff = values['SIZE/OFF'] ?? values.SIZE ?? values.OFFSET ?? null;
      const f: Fields = {
        command, pid, tid: values.TID !== undefined ? Number(values.TID) : null, user: values.USER ?? null,
        fd: fdm ? +fdm[1]! : null, fdText, type, device: values.DEVICE ?? null, sizeOff,
        // "0t123" is an offset, not a size
        sizeBytes: sizeOff !== null && /^\d+$/.test(sizeOff) ? +sizeOff : null,
        node, name,
      };
      if (values.TASKCMD !== undefined) f.taskCommand = values.TASKCMD;
      if (node === 'TCP' || node === 'UDP') {
        const s = SOCKET_NAME.exec(name);
        if (s) {
          const l = splitHostPort(s[1]!);
          f.protocol = node;
          f.localAddress = l.address;
          f.localPort = l.port;
          if (s[2] !== undefined) {
            const p = splitHostPort(s[2]);
            f.peerAddress = p.address;
            f.peerPort = p.port;
          }
          if (s[3] !== undefined) f.state = normalizeTcpState(s[3]);
        }
      }
      records.push(record(i + 1, row, `${command} pid ${pid} fd ${fdText} ${type ?? ''} ${node === 'TCP' || node === 'UDP' ? node + ' ' : ''}${name}`, f, { process: command, pid }));
    }
    return { records };
  },
  samples: [
    {
      text: 'COMMAND PID USER   FD      TYPE             DEVICE SIZE/OFF    NODE NAME\n' +
        'node     10 root   22u     IPv6              17525      0t0     TCP 127.0.0.1:8080->127.0.0.1:36130 (CLOSE_WAIT)',
      expect: {
        process: 'node', pid: 10,
        fields: {
          command: 'node', pid: 10, tid: null, user: 'root', fd: 22, fdText: '22u', type: 'IPv6', device: '17525',
          sizeOff: '0t0', sizeBytes: null, node: 'TCP', name: '127.0.0.1:8080->127.0.0.1:36130 (CLOSE_WAIT)',
          protocol: 'TCP', localAddress: '127.0.0.1', localPort: 8080, peerAddress: '127.0.0.1', peerPort: 36130, state: 'CLOSE_WAIT',
        },
      },
    },
    {
      text: 'COMMAND PID TID TASKCMD USER   FD      TYPE             DEVICE SIZE/OFF     NODE NAME\n' +
        'bash      1             root  cwd       DIR              254,0     4096  5308572 /work/main',
      expect: {
        process: 'bash', pid: 1,
        fields: {
          command: 'bash', pid: 1, tid: null, user: 'root', fd: null, fdText: 'cwd', type: 'DIR', device: '254,0',
          sizeOff: '4096', sizeBytes: 4096, node: '5308572', name: '/work/main',
        },
      },
    },
  ],
});

/** Words in heading order, NAME the rest; only for rows with every column filled (TID optional). */
function sequential(row: string, columns: readonly Column[]): { values: Record<string, string>; name: string } | undefined {
  const words = row.trim().split(/\s+/);
  let names = columns.slice(0, -1).map((c) => c.name);
  // a process row leaves TID and TASKCMD blank: its third word is the user, not a number
  if (names[2] === 'TID' && !/^\d+$/.test(words[2] ?? '')) names = names.filter((n) => n !== 'TID' && n !== 'TASKCMD');
  if (words.length <= names.length) return undefined;
  const values: Record<string, string> = {};
  names.forEach((n, i) => (values[n] = words[i]!));
  return { values, name: clip(words.slice(names.length).join(' ')) };
}

function headerColumns(header: string): Column[] {
  const out: Column[] = [];
  for (const m of header.matchAll(/\S+/g)) out.push({ name: m[0], start: m.index, end: m.index + m[0].length, right: RIGHT_ALIGNED.has(m[0]) });
  return out;
}

/**
 * Puts each word of the row (before NAME) under its heading: a right-aligned column takes the
 * word ending where its heading ends, a left-aligned one the word starting where it starts;
 * a word that lines up with neither goes to the nearest heading.
 */
function assign(row: string, columns: readonly Column[]): Record<string, string> {
  const out: Record<string, string> = {};
  const last = columns.length - 1; // NAME: handled by the caller
  const n = row.length;
  let pos = 0;
  while (pos < n) {
    while (pos < n && row.charCodeAt(pos) === 32) pos++;
    if (pos >= n) break;
    const start = pos;
    while (pos < n && row.charCodeAt(pos) !== 32) pos++;
    let best = -1;
    let bestDistance = Infinity;
    for (let c = 0; c < last; c++) {
      const col = columns[c]!;
      const d = col.right ? Math.abs(pos - col.end) : Math.abs(start - col.start);
      if (d < bestDistance && out[col.name] === undefined) {
        best = c;
        bestDistance = d;
      }
    }
    if (best >= 0) out[columns[best]!.name] = row.slice(start, pos);
  }
  return out;
}
