import { type Severity, severityFromWord } from '../../events/severity.js';
import { defineFormat } from '../define.js';
import { digitsAt, wallFromParts } from './stamp-digits.js';

/**
 * Windows servicing logs: CBS.log (Component-Based Servicing, Windows Update's installer) and DISM's
 * dism.log share one layout, the level padded to 22 columns and the component (CBS, CSI, DPX, DISM)
 * to 7: "2021-04-13 22:07:40, Info                  CBS    Starting TrustedInstaller initialization.".
 */
// what follows the fixed-width stamp (read by character codes); sticky: matched in place
const REST = /, ([A-Z][a-z]{2,10}) +([A-Za-z][\w-]*)(?: +|$)/y;
const STAMP_CHARS = 19; // "2016-09-28 04:30:30"

// "Perf" lines time servicing steps: informational
const CBS_LEVEL: Record<string, Severity> = { Perf: 'info' };

export const windowsCbs = defineFormat({
  name: 'windows-cbs',
  description: 'Windows servicing logs (CBS.log, dism.log): "2021-04-13 22:07:40, Info                  CBS    msg"',
  producer: 'windows-servicing',
  shape: 'lines',
  pathHint: /(?:^|[/\\])(?:CBS|CbsPersist_\d+|dism)\.log$/i,
  parse(line) {
    // ", " right after the seconds: no other stamped layout puts a comma there
    if (line.charCodeAt(19) !== 44 || line.charCodeAt(4) !== 45 || line.charCodeAt(7) !== 45 || line.charCodeAt(10) !== 32 ||
      line.charCodeAt(13) !== 58 || line.charCodeAt(16) !== 58) return undefined;
    const wallMs = wallFromParts(digitsAt(line, 0, 4), digitsAt(line, 5, 2), digitsAt(line, 8, 2), digitsAt(line, 11, 2), digitsAt(line, 14, 2), digitsAt(line, 17, 2), 0);
    if (wallMs === undefined) return undefined;
    REST.lastIndex = STAMP_CHARS;
    const m = REST.exec(line);
    if (!m) return undefined;
    const level = m[1]!;
    const severity = CBS_LEVEL[level] ?? severityFromWord(level);
    if (severity === null) return undefined;
    return { wallMs, timeText: line.slice(0, STAMP_CHARS), severity, logger: m[2]!, message: line.slice(REST.lastIndex) };
  },
  samples: [
    {
      text: '2021-04-13 22:07:51, Info                  CBS    Exec: Processing started.  Client: WindowsUpdateAgent, Session: 31052731_1904466210, Package: Package_for_RollupFix~31bf3856ad364e35~amd64~~17763.1879.1.7',
      expect: {
        wallMs: Date.UTC(2021, 3, 13, 22, 7, 51), timeText: '2021-04-13 22:07:51', severity: 'info', logger: 'CBS',
        message: 'Exec: Processing started.  Client: WindowsUpdateAgent, Session: 31052731_1904466210, Package: Package_for_RollupFix~31bf3856ad364e35~amd64~~17763.1879.1.7',
      },
    },
    {
      text: '2021-04-13 22:09:02, Error                 CSI    00000224 (F) STATUS_SXS_ASSEMBLY_MISSING #2081# from Windows::ServicingAPI::CCSITransaction::ICSITransaction_PinDeployment',
      expect: { severity: 'error', logger: 'CSI', message: '00000224 (F) STATUS_SXS_ASSEMBLY_MISSING #2081# from Windows::ServicingAPI::CCSITransaction::ICSITransaction_PinDeployment' },
    },
    {
      text: '2021-04-13 22:09:03, Warning               CBS    Failed to get next package to re-evaluate [HRESULT = 0x800f0805 - CBS_E_INVALID_PACKAGE]',
      expect: { severity: 'warn', logger: 'CBS' },
    },
  ],
});
