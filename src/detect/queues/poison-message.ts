import type { LogEvent } from '../../events/event.js';
import { isAtLeast } from '../../events/severity.js';
import { evidenceOf, stream } from '../define.js';
import type { Evidence, Finding } from '../finding.js';
import { SUPERVISORD_EXIT } from '../process/supervisord-exit.js';
import { programOfPath } from './program-of-path.js';

/**
 * A consumer that dies again and again while it works on the same input record: the record is the
 * cause, not the process. Inputs arrive file by file, so the detector keeps, per run of a program
 * ("incarnation": one pid in one log, or the stretch between two start banners of a log with no
 * pids), the record it had started and not finished, and at the end joins the incarnations that
 * ended with a record in hand to the deaths reported elsewhere (kernel OOM kills, supervisor and
 * shell lines, strace) by pid or, for logs without pids, by time on the same host.
 *
 * An incarnation counts as a crash on its record when a death line names its pid, or when the log
 * shows the program started again (a new pid, a start banner) with no orderly stop in between.
 * Two or more crashes on one record of one program make the finding.
 */
const MIN_CRASHES = 2;
/** Bounds: incarnations and deaths kept (oldest dropped), and what is scanned of a message. */
const MAX_INCARNATIONS = 8192;
const MAX_DEATHS = 8192;
const MAX_SCAN_CHARS = 600;
/** A death line without a pid belongs to an incarnation it follows within this time. */
const PIDLESS_DEATH_SLACK_MS = 2_000;
const PIDLESS_DEATH_WINDOW_MS = 10 * 60_000;
/** Numeric incarnation keys: path index × this + pid (pids above it get a string key). */
const PID_KEY_SPAN = 2 ** 24;

// "processing entry id=...", "Consuming ConsumerRecord(topic = t, partition = 2, ... offset = 9)", "handling message 42"
const WORKING = /\b(?:[Pp]rocess(?:ing)?|[Hh]andl(?:e|ing)|[Cc]onsum(?:e|ing)|[Pp]ars(?:e|ing)|[Ww]ork(?:ing)? on|[Dd]eliver(?:ing|ed)|[Dd]ispatch(?:ing)?|[Pp]icked up|[Ii]mport(?:ing)?)\b/;
// completion of the record in hand: "done entry id=...", "processed message 42", "committed offset 9"
const FINISHED = /\b(?:[Dd]one|[Ff]inished|[Cc]ompleted?|[Pp]rocessed|[Hh]andled|[Cc]onsumed|[Aa]cked|[Aa]cknowledged|[Cc]ommitted|[Ss]ucceeded|[Ss]uccessfully|[Ss]kipp(?:ed|ing)|[Dd]ead-letter(?:ed)?)\b/;
const OFFSET = /[Oo]ffset\s?[=:]?\s?(\d{1,20})\b/y;
const PARTITION = /[Pp]artition\s?[=:]?\s?(\d{1,6})\b/y;
const TOPIC = /(?:topic|stream|queue)\s?[=:]\s?"?([\w.-]{1,128})/y;
// Kafka's TopicPartition@offset as clients print it: "orders-3@88123"
const TP_AT_OFFSET = /([\w.-]{1,128})-(\d{1,6})@(\d{1,20})$/;
const ID = /(?:id|Id|ID)\s?[=:]\s?"?([\w.:/@-]{1,128})/y;
const NAMED_RECORD = /\b(?:[Mm]essage|[Mm]sg|[Rr]ecord|[Ee]ntry|[Ee]vent|[Jj]ob)\s#?([\w.:/@-]{0,127}\d[\w.:/@-]{0,127})/;
// a program announcing its start (Spring Boot prints "Starting App ... with PID 4411")
const START_BANNER = /^(?:\[[^\]]{0,128}\]:? )?(?:starting\b|started\b|booting\b|launching\b|start(?:ing)? up\b|(?:service|worker|consumer|application|app|server|process|daemon) start(?:ed|ing)\b)/i;
/** First characters a start banner can have (a bracketed prefix or its first word, any case): others skip the regex. */
const BANNER_FIRST: ReadonlySet<number> = new Set([...'[sblwcapd', ...'SBLWCAPD'].map((c) => c.charCodeAt(0)));
const BANNER_PID = /\b(?:with )?PID[ =:]\s?(\d{1,7})\b/;
// an orderly stop: the record was abandoned on purpose, not by a crash
const ORDERLY_STOP = /\b(?:received (?:signal )?SIG(?:TERM|INT)|shutting down|graceful(?:ly)?|shutdown (?:complete|requested|hook)|stopping (?:consumer|worker|service|application))\b/i;
// the program's own last words
const IN_LOG_CRASH = /^(?:panic: |fatal error: |Traceback \(most recent call last\)|Exception in thread "|Segmentation fault|Aborted \(core dumped\))|\bjava\.lang\.OutOfMemoryError\b|\bMemoryError\b/;

// deaths reported by others, behind one literal gate
const DEATH_GATE = /Killed|segfault at|pid|Segmentation fault|Aborted|Bus error|not expected\)|Main process exited|spawned: /;
// the runner's scan tells which lines may hold these words (hint bits), so most lines skip the regexes
const DEATH_WORDS = ['Killed', 'segfault at', 'pid', 'Segmentation fault', 'Aborted', 'Bus error', 'not expected)', 'Main process exited', 'spawned: '];
const WORKING_WORDS = ['process', 'handl', 'consum', 'pars', 'work on', 'working on', 'deliver', 'dispatch', 'picked up', 'import'];
const DEATH_HINT = 1;
const WORKING_HINT = 2;
const IN_LOG_CRASH_GATE = /^(?:panic|fatal|Traceback|Exception|Segmentation|Aborted)|MemoryError/;
const ORDERLY_STOP_GATE = /SIG|hut|raceful|topping/;
const KERNEL_KILL = /Killed process (\d{1,7}) \(([^)]{1,64})\)/;
const KERNEL_SEGFAULT = /^([^\s[]{1,64})\[(\d{1,7})\]: segfault at /;
// supervisors and scripts: "worker (pid 4242) killed by signal 9 (SIGKILL)", "pid 4242 exited with status 1"
const PID_DIED = /(?:\b([\w.@-]{1,64}) )?\(?\bpid[ =:]?(\d{1,7})\)? (?:was )?(killed by (?:signal )?(?:\d{1,2} \()?(SIG[A-Z0-9]{2,8}|\d{1,2})\)?|terminated by (SIG[A-Z0-9]{2,8})|exited with (?:exit )?(?:status|code) (\d{1,3})|died|crashed)/;
// bash reporting a child: "line 14: 21590 Killed   ..."
const SHELL_DIED = /(?:^|: )(\d{1,7}) (Killed|Segmentation fault|Aborted|Bus error)\b/;
const SUPERVISORD_SPAWNED = /spawned: '([^']{1,128})' with pid (\d{1,7})/;
const SYSTEMD_DIED = /^(?:\S+\[\d+\]: )?(\S{1,128}?)(?:\.service)?: Main process exited, code=(killed|dumped|exited), status=(\d{1,3})/;

interface RecordRef {
  key: string;
  offset: number | null;
  partition: number | null;
  topic: string | null;
  messageId: string | null;
}

interface Incarnation {
  host: string | null;
  path: string;
  program: string;
  pid: number | null;
  startMs: number | null;
  /** the record started and not finished, with its line */
  inHand: { ref: RecordRef; event: LogEvent; needle: string } | null;
  orderlyStop: boolean;
  inLogCrash: LogEvent | null;
  /** time of its last line */
  lastMs: number | null;
  /** pids come from the lines themselves: several may interleave in one log (workers) */
  byPid: boolean;
  /** the next incarnation's start in the same log: the program was started again */
  restartedMs: number | null | undefined;
}

interface Death {
  host: string | null;
  pid: number | null;
  name: string | null;
  cause: string;
  event: LogEvent;
}

/** The record a line names, or null. Offsets (with topic/partition when given) win over ids. */
/** A sticky pattern tried where a literal occurs (from `back` characters before it): no scan of the whole line per pattern. */
function stickyAt(s: string, literals: readonly string[], back: number, re: RegExp): RegExpExecArray | null {
  for (const lit of literals) {
    for (let i = s.indexOf(lit), n = 0; i >= 0 && n < 8; i = s.indexOf(lit, i + 1), n++) {
      const at = i - back;
      if (at < 0) continue;
      re.lastIndex = at;
      const m = re.exec(s);
      if (m) return m;
    }
  }
  return null;
}

/** "id=…" after a non-letter or at the end of a camelCase name (messageId); not "pid=" or "uuid=". */
function idAt(s: string): RegExpExecArray | null {
  for (let i = s.search(/id|Id|ID/), n = 0; i >= 0 && n < 8; n++) {
    const before = i > 0 ? s.charCodeAt(i - 1) : 32;
    const lowerBefore = before >= 97 && before <= 122;
    const upperBefore = before >= 65 && before <= 90;
    if (!(s.charCodeAt(i) === 105 && (lowerBefore || upperBefore)) && !(s.charCodeAt(i) === 73 && upperBefore && s.charCodeAt(i + 1) === 68)) {
      ID.lastIndex = i;
      const m = ID.exec(s);
      if (m) return m;
    }
    const next = s.slice(i + 1).search(/id|Id|ID/);
    i = next < 0 ? -1 : i + 1 + next;
  }
  return null;
}

/** Kafka's "topic-3@88123": found from its '@'. */
function topicPartitionAt(s: string): RegExpExecArray | null {
  for (let i = s.indexOf('@'), n = 0; i > 0 && n < 8; i = s.indexOf('@', i + 1), n++) {
    const c = s.charCodeAt(i + 1);
    if (c < 48 || c > 57) continue;
    let end = i + 1;
    while (end < s.length && end - i <= 20 && s.charCodeAt(end) >= 48 && s.charCodeAt(end) <= 57) end++;
    const m = TP_AT_OFFSET.exec(s.slice(Math.max(0, i - 136), end));
    if (m) return m;
  }
  return null;
}

export function recordOf(message: string): RecordRef | null {
  const s = message.length > MAX_SCAN_CHARS ? message.slice(0, MAX_SCAN_CHARS) : message;
  const tp = topicPartitionAt(s);
  if (tp) return { key: `${tp[1]}/${tp[2]}@${tp[3]}`, offset: Number(tp[3]), partition: Number(tp[2]), topic: tp[1]!, messageId: null };
  const off = stickyAt(s, ['ffset'], 1, OFFSET);
  const id = idAt(s) ?? NAMED_RECORD.exec(s);
  if (!off && !id) return null;
  const partition = stickyAt(s, ['artition'], 1, PARTITION)?.[1];
  const topic = stickyAt(s, ['topic', 'stream', 'queue'], 0, TOPIC)?.[1] ?? null;
  const offset = off ? Number(off[1]) : null;
  const messageId = id ? id[1]! : null;
  const key = offset !== null ? `${topic ?? ''}/${partition ?? ''}@${offset}` : `id:${messageId}`;
  return { key, offset, partition: partition === undefined ? null : Number(partition), topic, messageId };
}

function deathOf(e: LogEvent, spawned: Map<string, number>): Death | null {
  const msg = e.message.length > MAX_SCAN_CHARS ? e.message.slice(0, MAX_SCAN_CHARS) : e.message;
  let m: RegExpExecArray | null;
  if (e.fields?.['kind'] === 'killed' && e.pid !== null) return { host: e.host, pid: e.pid, name: e.process, cause: String(e.fields['signal'] ?? 'signal'), event: e };
  if (msg.includes('Killed process') && (m = KERNEL_KILL.exec(msg))) return { host: e.host, pid: Number(m[1]), name: m[2]!, cause: 'oom-kill', event: e };
  if (msg.includes('segfault at') && (m = KERNEL_SEGFAULT.exec(msg))) return { host: e.host, pid: Number(m[2]), name: m[1]!, cause: 'SIGSEGV', event: e };
  if (msg.includes('pid') && (m = PID_DIED.exec(msg))) {
    if (m[6] === '0') return null;
    const sig = m[4] ?? m[5];
    const cause = sig ? (/^\d+$/.test(sig) ? `signal ${sig}` : sig) : m[6] !== undefined ? `exit status ${m[6]}` : m[3]!;
    return { host: e.host, pid: Number(m[2]), name: m[1] ?? null, cause, event: e };
  }
  if ((m = SHELL_DIED.exec(msg))) return { host: e.host, pid: Number(m[1]), name: null, cause: m[2] === 'Killed' ? 'SIGKILL' : m[2]!, event: e };
  if (msg.includes('not expected)')) {
    m = SUPERVISORD_EXIT.exec(e.text.length > MAX_SCAN_CHARS ? e.text.slice(0, MAX_SCAN_CHARS) : e.text);
    if (m) {
      const pid = spawned.get(`${e.host ?? ''}\u0000${m[1]}`) ?? null;
      return { host: e.host, pid, name: m[1]!, cause: m[2] !== undefined ? `exit status ${m[2]}` : m[3]!, event: e };
    }
  }
  if (msg.includes('Main process exited') && (m = SYSTEMD_DIED.exec(msg)) && !(m[2] === 'exited' && m[3] === '0')) {
    return { host: e.host, pid: null, name: m[1]!, cause: m[2] === 'exited' ? `exit status ${m[3]}` : `signal ${m[3]}`, event: e };
  }
  return null;
}

/** The first value of a sorted list greater than t, or null. */
function firstAfter(sorted: readonly number[], t: number): number | null {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! > t) hi = mid;
    else lo = mid + 1;
  }
  return lo < sorted.length ? sorted[lo]! : null;
}

function leadingPid(message: string): number | null {
  // some formats leave a pid column in the message, before the logger: "21590 [consumer] processing ..."
  const c = message.charCodeAt(0);
  if (c < 48 || c > 57) return null;
  const m = /^(\d{2,7}) (?=\[)/.exec(message);
  return m ? Number(m[1]) : null;
}

export const poisonMessage = stream({
  name: 'queue-poison-message',
  category: 'poison-message',
  software: 'message consumers (Kafka, Redis streams, RabbitMQ, job queues)',
  description: 'A consumer died at least twice while working on the same record (offset or message id); deaths joined by pid or restart',
  formats: '*',
  hints: [DEATH_WORDS, WORKING_WORDS],
  create() {
    const current = new Map<string | number, Incarnation>(); // by path, or path and pid
    const ended: Incarnation[] = [];
    const deaths: Death[] = [];
    const spawned = new Map<string, number>();
    // when each pid-keyed incarnation started (bounded like the incarnations)
    const allStarts: { path: string; startMs: number }[] = [];
    const endIncarnation = (inc: Incarnation, nextStartMs: number | null | undefined) => {
      if (!inc.byPid) inc.restartedMs = nextStartMs;
      if (inc.inHand && ended.length < MAX_INCARNATIONS) ended.push(inc);
    };
    // pid-keyed incarnations are keyed by a number (the path's index and the pid): no string per line
    const pathIndex = new Map<string, number>();
    let lastKey: string | number | null = null;
    let lastInc: Incarnation | undefined;
    const pidKey = (path: string, pid: number): number | string => {
      let i = pathIndex.get(path);
      if (i === undefined) pathIndex.set(path, (i = pathIndex.size));
      return pid >= 0 && pid < PID_KEY_SPAN && Number.isInteger(pid) ? i * PID_KEY_SPAN + pid : `${path}\u0000${pid}`;
    };
    return {
      accept(e: LogEvent, hints: number) {
        const msg = e.message;
        // deaths and supervisor notes: one literal gate before the specific patterns
        if ((e.pid !== null && e.fields !== null && e.fields['kind'] === 'killed') || ((hints & DEATH_HINT) !== 0 && DEATH_GATE.test(msg))) {
          const d = deathOf(e, spawned);
          if (d) {
            if (deaths.length < MAX_DEATHS) deaths.push(d);
            return;
          }
          if (msg.includes('spawned: ')) {
            const m = SUPERVISORD_SPAWNED.exec(msg);
            if (m && spawned.size < MAX_DEATHS) spawned.set(`${e.host ?? ''}\u0000${m[1]}`, Number(m[2]));
            return;
          }
        }
        if (e.format === 'prometheus-matrix' || e.format === 'strace') return;
        const pid = e.pid ?? leadingPid(msg);
        const full = pid !== null && e.pid === null ? msg.slice(msg.indexOf(' ') + 1) : msg;
        const body = full.length > MAX_SCAN_CHARS ? full.slice(0, MAX_SCAN_CHARS) : full;
        // a log whose lines carry pids: one incarnation per pid (workers may interleave), restarts
        // judged at the end from when each pid was first seen; otherwise start banners divide the log
        const key = pid !== null ? pidKey(e.path, pid) : e.path;
        // consecutive lines mostly belong to one incarnation: the last one found is tried first
        let inc: Incarnation | undefined;
        if (key === lastKey) inc = lastInc;
        else if ((inc = current.get(key)) !== undefined) {
          lastKey = key;
          lastInc = inc;
        }
        const banner = pid === null && BANNER_FIRST.has(body.charCodeAt(0)) && START_BANNER.test(body) && !WORKING.test(body);
        if (!inc || banner) {
          lastKey = null;
          if (inc) {
            current.delete(key);
            endIncarnation(inc, e.timeMs);
          } else if (current.size >= MAX_INCARNATIONS) {
            const [k, oldest] = current.entries().next().value as [string | number, Incarnation];
            current.delete(k);
            endIncarnation(oldest, undefined);
          }
          const bannerPid = banner ? BANNER_PID.exec(body)?.[1] : undefined;
          inc = {
            host: e.host, path: e.path, program: e.process ?? programOfPath(e.path), pid: pid ?? (bannerPid !== undefined ? Number(bannerPid) : null),
            startMs: e.timeMs, lastMs: e.timeMs, byPid: pid !== null, inHand: null, orderlyStop: false, inLogCrash: null, restartedMs: undefined,
          };
          current.set(key, inc);
          lastKey = key;
          lastInc = inc;
          if (inc.byPid && inc.startMs !== null && allStarts.length < MAX_INCARNATIONS) allStarts.push({ path: e.path, startMs: inc.startMs });
          if (banner) return;
        }
        if (e.timeMs !== null) inc.lastMs = e.timeMs;
        const held = inc.inHand;
        if (held) {
          // what ends the record in hand: its completion (the line names it), a crash, an orderly stop
          if (body.includes(held.needle)) {
            if (FINISHED.test(body) && recordOf(body)?.key === held.ref.key) {
              inc.inHand = null;
              return;
            }
          } else if (isAtLeast(e.severity, 'critical') || (IN_LOG_CRASH_GATE.test(body) && IN_LOG_CRASH.test(body))) {
            inc.inLogCrash ??= e;
            return;
          } else if (ORDERLY_STOP_GATE.test(body) && ORDERLY_STOP.test(body)) {
            inc.orderlyStop = true;
            return;
          }
        }
        if ((hints & WORKING_HINT) === 0 || !WORKING.test(body) || FINISHED.test(body)) return;
        const ref = recordOf(body);
        if (!ref || held?.ref.key === ref.key) return;
        // a new record replaces the one in hand (it was finished without a word)
        inc.inHand = { ref, event: e, needle: ref.offset !== null ? String(ref.offset) : ref.messageId! };
        inc.orderlyStop = false;
      },
      finish() {
        for (const inc of current.values()) endIncarnation(inc, undefined);
        current.clear();
        lastKey = null;
        // a pid's run ended in a restart when a new pid started in the same log after its last line
        const startsByPath = new Map<string, number[]>();
        for (const inc of allStarts) {
          let l = startsByPath.get(inc.path);
          if (!l) startsByPath.set(inc.path, (l = []));
          l.push(inc.startMs);
        }
        for (const l of startsByPath.values()) l.sort((a, b) => a - b);
        for (const inc of ended) {
          if (!inc.byPid || inc.lastMs === null) continue;
          const next = firstAfter(startsByPath.get(inc.path) ?? [], inc.lastMs);
          if (next !== null && next - inc.lastMs <= PIDLESS_DEATH_WINDOW_MS) inc.restartedMs = next;
        }
        const byPid = new Map<string, Death>();
        const pidless: Death[] = [];
        for (const d of deaths) {
          if (d.pid !== null) {
            const k = `${d.host ?? ''}\u0000${d.pid}`;
            // keep the earliest timed report (the kernel's kill before the supervisor's note)
            const had = byPid.get(k);
            if (!had || (d.event.timeMs !== null && (had.event.timeMs === null || d.event.timeMs < had.event.timeMs))) byPid.set(k, d);
          } else if (d.event.timeMs !== null) pidless.push(d);
        }
        const groups = new Map<string, { crashes: { inc: Incarnation; death: Death | null }[] }>();
        for (const inc of ended) {
          const held = inc.inHand!;
          let death: Death | null = null;
          if (inc.pid !== null) {
            const d = byPid.get(`${inc.host ?? ''}\u0000${inc.pid}`);
            if (d && (d.event.timeMs === null || inc.startMs === null || d.event.timeMs >= inc.startMs - PIDLESS_DEATH_SLACK_MS)) death = d;
          }
          if (!death && held.event.timeMs !== null) {
            const from = held.event.timeMs - PIDLESS_DEATH_SLACK_MS;
            const to = (inc.restartedMs ?? held.event.timeMs + PIDLESS_DEATH_WINDOW_MS) + PIDLESS_DEATH_SLACK_MS;
            death = pidless.find((d) => d.host === inc.host && d.event.timeMs! >= from && d.event.timeMs! <= to) ?? null;
          }
          const restarted = inc.restartedMs !== undefined && !inc.orderlyStop;
          if (!death && !inc.inLogCrash && !restarted) continue;
          const k = `${inc.host ?? ''}\u0000${inc.program}\u0000${held.ref.key}`;
          let g = groups.get(k);
          if (!g) groups.set(k, (g = { crashes: [] }));
          g.crashes.push({ inc, death });
        }
        const out: Omit<Finding, 'id'>[] = [];
        for (const g of groups.values()) {
          if (g.crashes.length < MIN_CRASHES) continue;
          const first = g.crashes[0]!;
          const last = g.crashes[g.crashes.length - 1]!;
          const ref = first.inc.inHand!.ref;
          const causes = new Map<string, number>();
          for (const c of g.crashes) {
            const cause = c.death?.cause ?? (c.inc.inLogCrash ? 'crash in log' : 'restarted');
            causes.set(cause, (causes.get(cause) ?? 0) + 1);
          }
          const cause = [...causes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
          const name = g.crashes.find((c) => c.death?.name)?.death?.name ?? first.inc.program;
          const what = [ref.topic && ref.offset !== null ? `topic ${ref.topic}` : null, ref.partition !== null ? `partition ${ref.partition}` : null,
            ref.offset !== null ? `offset ${ref.offset}` : null, ref.messageId !== null ? `id ${ref.messageId}` : null].filter(Boolean).join(', ');
          const lastDeath = last.death?.event ?? last.inc.inLogCrash;
          const evidence: Evidence[] = [evidenceOf(first.inc.inHand!.event)];
          const firstDeath = first.death?.event ?? first.inc.inLogCrash;
          if (firstDeath) evidence.push(evidenceOf(firstDeath));
          if (last !== first) evidence.push(evidenceOf(last.inc.inHand!.event));
          if (lastDeath && last !== first) evidence.push(evidenceOf(lastDeath));
          const endMs = lastDeath?.timeMs ?? last.inc.inHand!.event.timeMs;
          out.push({
            category: 'poison-message', severity: 'critical', detector: 'queue-poison-message',
            title: `${name}${first.inc.host ? ` on ${first.inc.host}` : ''} died ${g.crashes.length} times while processing the same record (${what})${cause === 'oom-kill' ? ', OOM-killed' : cause !== 'restarted' ? `, ${cause}` : ''}`,
            timeMs: first.inc.inHand!.event.timeMs, endMs: endMs === first.inc.inHand!.event.timeMs ? null : endMs,
            host: first.inc.host, process: name, pid: null,
            facts: {
              offset: ref.offset, messageId: ref.messageId, partition: ref.partition, topic: ref.topic, crashes: g.crashes.length,
              crashesWithDeathReport: g.crashes.filter((c) => c.death).length, cause,
              firstPid: first.inc.pid, lastPid: last.inc.pid,
            },
            evidence,
          });
        }
        ended.length = 0;
        deaths.length = 0;
        return out;
      },
    };
  },
  samples: {
    hit: [{
      // a Spring Kafka consumer under supervisord, dying on one record (hand-written in the real wordings)
      'app-7/logs/supervisord.log': [
        "2026-05-10 15:40:00,100 INFO spawned: 'ledger-sink' with pid 4411",
        '2026-05-10 15:40:09,250 WARN exited: ledger-sink (terminated by SIGABRT (core dumped); not expected)',
        "2026-05-10 15:40:10,260 INFO spawned: 'ledger-sink' with pid 4502",
        '2026-05-10 15:40:19,020 WARN exited: ledger-sink (terminated by SIGABRT (core dumped); not expected)',
        "2026-05-10 15:40:20,030 INFO spawned: 'ledger-sink' with pid 4590",
      ].join('\n') + '\n',
      'app-7/logs/ledger-sink.log': [
        '2026-05-10 15:40:01,500 INFO  [main] c.e.l.LedgerSinkApplication - Starting LedgerSinkApplication v2.3.1 using Java 17.0.9 with PID 4411',
        '2026-05-10 15:40:05,001 INFO  [ledger-0-C-1] c.e.l.RecordHandler - Consuming ConsumerRecord(topic = ledger-events, partition = 2, leaderEpoch = 7, offset = 88122, CreateTime = 1778427605000)',
        '2026-05-10 15:40:05,020 INFO  [ledger-0-C-1] c.e.l.RecordHandler - Committed offset 88122 for ledger-events-2',
        '2026-05-10 15:40:05,030 INFO  [ledger-0-C-1] c.e.l.RecordHandler - Consuming ConsumerRecord(topic = ledger-events, partition = 2, leaderEpoch = 7, offset = 88123, CreateTime = 1778427605010)',
        '2026-05-10 15:40:11,700 INFO  [main] c.e.l.LedgerSinkApplication - Starting LedgerSinkApplication v2.3.1 using Java 17.0.9 with PID 4502',
        '2026-05-10 15:40:15,310 INFO  [ledger-0-C-1] c.e.l.RecordHandler - Consuming ConsumerRecord(topic = ledger-events, partition = 2, leaderEpoch = 7, offset = 88123, CreateTime = 1778427605010)',
        '2026-05-10 15:40:21,400 INFO  [main] c.e.l.LedgerSinkApplication - Starting LedgerSinkApplication v2.3.1 using Java 17.0.9 with PID 4590',
      ].join('\n') + '\n',
    }],
    miss: [{
      // a crash loop, but on different records each time: not the record's fault
      'app-7/logs/ledger-sink.log': [
        '2026-05-10 15:40:01,500 INFO  [main] c.e.l.LedgerSinkApplication - Starting LedgerSinkApplication v2.3.1 using Java 17.0.9 with PID 4411',
        '2026-05-10 15:40:05,030 INFO  [ledger-0-C-1] c.e.l.RecordHandler - Consuming ConsumerRecord(topic = ledger-events, partition = 2, leaderEpoch = 7, offset = 88123, CreateTime = 1778427605010)',
        '2026-05-10 15:40:11,700 INFO  [main] c.e.l.LedgerSinkApplication - Starting LedgerSinkApplication v2.3.1 using Java 17.0.9 with PID 4502',
        '2026-05-10 15:40:15,310 INFO  [ledger-0-C-1] c.e.l.RecordHandler - Consuming ConsumerRecord(topic = ledger-events, partition = 2, leaderEpoch = 7, offset = 88124, CreateTime = 1778427605020)',
        '2026-05-10 15:40:21,400 INFO  [main] c.e.l.LedgerSinkApplication - Starting LedgerSinkApplication v2.3.1 using Java 17.0.9 with PID 4590',
        '2026-05-10 15:40:25,310 INFO  [ledger-0-C-1] c.e.l.RecordHandler - Consuming ConsumerRecord(topic = ledger-events, partition = 2, leaderEpoch = 7, offset = 88125, CreateTime = 1778427605030)',
        '2026-05-10 15:40:31,400 INFO  [main] c.e.l.LedgerSinkApplication - Starting LedgerSinkApplication v2.3.1 using Java 17.0.9 with PID 4655',
      ].join('\n') + '\n',
    }, {
      // restarted twice with a record in hand, but each time after an orderly stop (a deploy)
      'app-7/logs/ledger-sink.log': [
        '2026-05-10 15:40:01,500 INFO  [main] c.e.l.LedgerSinkApplication - Starting LedgerSinkApplication v2.3.1 using Java 17.0.9 with PID 4411',
        '2026-05-10 15:40:05,030 INFO  [ledger-0-C-1] c.e.l.RecordHandler - Consuming ConsumerRecord(topic = ledger-events, partition = 2, leaderEpoch = 7, offset = 88123, CreateTime = 1778427605010)',
        '2026-05-10 15:40:06,000 INFO  [SpringApplicationShutdownHook] c.e.l.LedgerSinkApplication - Shutting down consumer',
        '2026-05-10 15:40:11,700 INFO  [main] c.e.l.LedgerSinkApplication - Starting LedgerSinkApplication v2.3.1 using Java 17.0.9 with PID 4502',
        '2026-05-10 15:40:15,310 INFO  [ledger-0-C-1] c.e.l.RecordHandler - Consuming ConsumerRecord(topic = ledger-events, partition = 2, leaderEpoch = 7, offset = 88123, CreateTime = 1778427605010)',
        '2026-05-10 15:40:16,000 INFO  [SpringApplicationShutdownHook] c.e.l.LedgerSinkApplication - Shutting down consumer',
        '2026-05-10 15:40:21,400 INFO  [main] c.e.l.LedgerSinkApplication - Starting LedgerSinkApplication v2.3.1 using Java 17.0.9 with PID 4590',
      ].join('\n') + '\n',
    }],
  },
});
