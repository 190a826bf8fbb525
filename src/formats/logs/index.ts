import type { FormatDef } from '../define.js';
import { apacheError } from './apache-error.js';
import { goLog } from './go-log.js';
import { goZapConsole } from './go-zap-console.js';
import { httpAccess } from './http-access.js';
import { jsonLines } from './json-lines.js';
import { klog } from './klog.js';
import { log4j } from './log4j.js';
import { logfmt } from './logfmt.js';
import { nginxError } from './nginx-error.js';
import { syslogRfc3164 } from './syslog-rfc3164.js';

/** Log formats, most specific first: on a tie in sniffing the earlier one wins. */
export const LOG_FORMATS: readonly FormatDef[] = [
  syslogRfc3164,
  // go-log before log4j: "2021/03/02 15:04:05 [tag] WARN msg" fits both
  nginxError, goLog, goZapConsole, klog,
  log4j,
  httpAccess, apacheError, jsonLines, logfmt,
];
