import type { FormatDef } from '../define.js';
import { log4j } from './log4j.js';
import { syslogRfc3164 } from './syslog-rfc3164.js';

/** Log formats, most specific first: on a tie in sniffing the earlier one wins. */
export const LOG_FORMATS: readonly FormatDef[] = [syslogRfc3164, log4j];
