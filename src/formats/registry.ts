import { CMD_FORMATS } from './cmd/index.js';
import type { FormatDef } from './define.js';
import { K8S_FORMATS } from './k8s/index.js';
import { LOG_FORMATS } from './logs/index.js';
import { plain } from './logs/plain.js';
import { METRIC_FORMATS } from './metrics/index.js';

/** Every format culprit recognises, in sniffing order. `plain` is the fallback, never sniffed. */
export const FORMATS: readonly FormatDef[] = [...CMD_FORMATS, ...METRIC_FORMATS, ...K8S_FORMATS, ...LOG_FORMATS];

export { plain as PLAIN_FORMAT };

/** What `culprit formats` lists: the sniffed formats, then plain. */
export function listFormats(): readonly FormatDef[] {
  return [...FORMATS, plain];
}
