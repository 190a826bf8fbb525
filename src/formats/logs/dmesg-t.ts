import { monthIndex } from '../../events/time.js';
import { defineFormat, type Parsed } from '../define.js';
import { finishKernelRecord, parseKernelPrefix } from './kernel-text.js';

/**
 * "[Tue Mar  5 10:21:07 2024] msg". dmesg formats the bracket with the locale's names: zh_CN prints
 * "[二 5月 10 15:45:51 2022]", a broken locale "[月 12日 24 16:02:24 2022]" (= Dec 24). So day, time
 * and year are read from the end of the bracket, the month from the token before the day (its
 * number if it has one, else an English name), and the weekday is never trusted (it may be missing).
 */
const BRACKET = /^\[(?:[^\s\]]{1,16} +)?([^\s\]]{1,16}) +(\d{1,2}) (\d\d):(\d\d):(\d\d) (\d{4})\](?: |$)/;
const LEADING_NUMBER = /^(\d{1,2})/;
// Apache httpd 2.2 error logs share the bracket ("[Sat Mar 02 11:04:06 2024] [warn] ..."): never the kernel's
const APACHE_LEVEL = /^\[(?:[a-z_]+:)?(?:emerg|alert|crit|error|warn|notice|info|debug|trace\d)\] /;

export const dmesgT = defineFormat({
  name: 'dmesg-t',
  description: 'kernel ring buffer as `dmesg -T` prints it (any locale): "[Tue Mar  5 10:21:07 2024] msg", local time',
  producer: 'kernel',
  shape: 'lines',
  pathHint: /(?:^|\/)dmesg-[a-zA-Z]*T[a-zA-Z]*(?:[-_.][\w.-]*)?$/,
  continuation: /^[ \t]+\S/,
  parse(line) {
    const prefix = parseKernelPrefix(line);
    if (!prefix) return undefined;
    const rest = prefix.length === 0 ? line : line.slice(prefix.length);
    if (rest.charCodeAt(0) !== 91) return undefined;
    const m = BRACKET.exec(rest);
    if (!m) return undefined;
    const month = monthOf(m[1]!);
    const day = +m[2]!;
    if (month < 0 || day < 1 || day > 31) return undefined;
    const wallMs = Date.UTC(+m[6]!, month, day, +m[3]!, +m[4]!, +m[5]!);
    const message = rest.slice(m[0].length);
    if (message.charCodeAt(0) === 91 && APACHE_LEVEL.test(message)) return undefined;
    const out: Parsed = { wallMs, timeText: rest.slice(1, m[0].length - (m[0].endsWith(' ') ? 2 : 1)), process: 'kernel', pid: null, message };
    return finishKernelRecord(out, prefix);
  },
  samples: [
    {
      text: '[Tue Mar  5 10:21:07 2024] Out of memory: Killed process 38581 (java) total-vm:74715152kB, anon-rss:46242612kB',
      expect: { wallMs: Date.UTC(2024, 2, 5, 10, 21, 7), timeText: 'Tue Mar  5 10:21:07 2024', process: 'kernel', severity: 'error' },
    },
    {
      text: '[日 11月 22 03:49:43 2026] Linux version 6.18.44-fc-v769 (builder@sandboxing) #1 SMP PREEMPT_DYNAMIC',
      expect: { wallMs: Date.UTC(2026, 10, 22, 3, 49, 43), message: 'Linux version 6.18.44-fc-v769 (builder@sandboxing) #1 SMP PREEMPT_DYNAMIC' },
    },
    { text: '[月 12日 24 16:02:24 2022] EXT4-fs (vda): mounted filesystem', expect: { wallMs: Date.UTC(2022, 11, 24, 16, 2, 24) } },
    {
      text: 'kern  :err   : [Tue May 10 15:45:51 2022] Memory cgroup out of memory: Killed process 38581 (java)',
      expect: { severity: 'error', wallMs: Date.UTC(2022, 4, 10, 15, 45, 51) },
    },
  ],
});

/**
 * glibc's abbreviated month names (%b) that differ from English, in the locales of de, fr, es, it,
 * pt_BR and ru (a trailing dot removed). CJK locales print the month's number ("5月", "5월").
 */
const LOCAL_MONTHS: ReadonlyMap<string, number> = new Map([
  ['mär', 2], ['mai', 4], ['okt', 9], ['dez', 11],
  ['janv', 0], ['févr', 1], ['mars', 2], ['avr', 3], ['avril', 3], ['juin', 5], ['juil', 6], ['août', 7], ['sept', 8], ['déc', 11],
  ['ene', 0], ['abr', 3], ['ago', 7], ['dic', 11],
  ['gen', 0], ['mag', 4], ['giu', 5], ['lug', 6], ['set', 8], ['ott', 9],
  ['fev', 1], ['out', 9],
  ['янв', 0], ['фев', 1], ['мар', 2], ['апр', 3], ['мая', 4], ['май', 4], ['июн', 5], ['июл', 6], ['авг', 7], ['сен', 8], ['окт', 9], ['ноя', 10], ['дек', 11],
]);

function monthOf(token: string): number {
  const n = LEADING_NUMBER.exec(token);
  if (n) {
    const v = +n[1]!;
    return v >= 1 && v <= 12 ? v - 1 : -1;
  }
  const english = monthIndex(token);
  if (english >= 0) return english;
  const key = (token.endsWith('.') ? token.slice(0, -1) : token).toLowerCase();
  return LOCAL_MONTHS.get(key) ?? -1;
}
