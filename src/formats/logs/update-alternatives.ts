import { defineFormat, type LineFormat } from '../define.js';

// "update-alternatives 2025-06-24 14:36:53: link group pager updated to point to /usr/bin/less"
const LINE = /^update-alternatives (\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d): (.{1,4096})$/;
const LINK_GROUP = /^link group (\S{1,128}) updated to point to (\S{1,4096})$/;

/**
 * update-alternatives' log (/var/log/alternatives.log, Debian): which program a generic name (java,
 * editor, pager) points to, and when it changed (local time). Fields: group and target for changes.
 */
export const updateAlternatives = defineFormat<LineFormat>({
  name: 'update-alternatives',
  description: "update-alternatives' log (Debian): which program a name such as java points to, and when it changed",
  producer: 'dpkg',
  shape: 'lines',
  pathHint: /(?:^|\/)alternatives\.log(?:\.\d+)?$/,
  parse(line) {
    if (line.charCodeAt(0) !== 117 /* u */) return undefined;
    const m = LINE.exec(line);
    if (!m) return undefined;
    const wallMs = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
    if (Number.isNaN(wallMs)) return undefined;
    const link = LINK_GROUP.exec(m[7]!);
    return {
      wallMs, timeText: line.slice(20, 39), severity: 'info', process: 'update-alternatives', message: m[7]!,
      fields: link ? { group: link[1]!, target: link[2]! } : null,
    };
  },
  samples: [
    {
      text: 'update-alternatives 2025-06-24 14:36:53: link group pager updated to point to /usr/bin/less',
      expect: { wallMs: Date.UTC(2025, 5, 24, 14, 36, 53), timeText: '2025-06-24 14:36:53', message: 'link group pager updated to point to /usr/bin/less', fields: { group: 'pager', target: '/usr/bin/less' } },
    },
  ],
});
