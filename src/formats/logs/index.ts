import type { FormatDef } from '../define.js';
import { dmesg } from './dmesg.js';
import { dmesgT } from './dmesg-t.js';
import { journalctlJson } from './journalctl-json.js';
import { journalctlShort } from './journalctl-short.js';
import { journalctlShortIso } from './journalctl-short-iso.js';
import { journalctlShortPrecise } from './journalctl-short-precise.js';
import { apacheError } from './apache-error.js';
import { goLog } from './go-log.js';
import { goZapConsole } from './go-zap-console.js';
import { httpAccess } from './http-access.js';
import { jsonLines } from './json-lines.js';
import { jvmGcLegacy } from './jvm-gc-legacy.js';
import { jvmGcUnified } from './jvm-gc-unified.js';
import { klog } from './klog.js';
import { log4j } from './log4j.js';
import { logfmt } from './logfmt.js';
import { nginxError } from './nginx-error.js';
import { postgresql } from './postgresql.js';
import { pythonLogging } from './python-logging.js';
import { strace } from './strace.js';
import { redisServer } from './redis-server.js';
import { supervisord } from './supervisord.js';
import { dpkg } from './dpkg.js';
import { updateAlternatives } from './update-alternatives.js';
import { bashJobStatus } from './bash-job-status.js';
import { syslogRfc3164 } from './syslog-rfc3164.js';
import { syslogRfc5424 } from './syslog-rfc5424.js';
import { androidLogcat } from './android-logcat.js';
import { bluegeneRas } from './bluegene-ras.js';
import { log4jShortDate } from './log4j-short-date.js';
import { osloLog } from './oslo-log.js';
import { proxifier } from './proxifier.js';
import { syslogAlertTagged } from './syslog-alert-tagged.js';
import { windowsCbs } from './windows-cbs.js';

/** Log formats, most specific first: on a tie in sniffing the earlier one wins. */
export const LOG_FORMATS: readonly FormatDef[] = [
  // journal JSON before any JSON-lines reader; short-precise before syslog-rfc3164, which also reads
  // "Mar 02 11:04:05.123456 host prog: msg"
  journalctlJson, journalctlShortPrecise,
  syslogRfc3164,
  // after syslog-rfc3164: journalctl-short wins only with its marker lines or a journalctl path
  syslogRfc5424, journalctlShort, journalctlShortIso, dmesg, dmesgT,
  // go-log before log4j: "2021/03/02 15:04:05 [tag] WARN msg" fits both
  nginxError, goLog, goZapConsole, klog,
  jvmGcUnified, jvmGcLegacy, strace, postgresql, redisServer,
  // before python-logging and log4j, which also read "2026-11-22 04:30:26,316 WARN exited: x (...)"; it
  // turns down loggers, threads and padded levels
  supervisord, dpkg, updateAlternatives, bashJobStatus,
  // distinct headers (pid after the stamp, ", Info", MM-dd, alert tags): before python-logging and log4j
  osloLog, windowsCbs, androidLogcat, log4jShortDate, bluegeneRas, syslogAlertTagged, proxifier,
  // before log4j: "%(asctime)s %(levelname)s %(name)s: %(message)s" is also a log4j layout; python-logging
  // leaves Java class-named loggers to log4j
  pythonLogging,
  log4j,
  httpAccess, apacheError, jsonLines, logfmt,
];
