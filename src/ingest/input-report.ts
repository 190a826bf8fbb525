/** What the inputs table says about one input (CONTRACT inputs[]). */
export interface InputReport {
  path: string;
  root: string;
  host: string | null;
  /** the recognised format's name, 'plain', 'binary', or null when the input could not be read */
  format: string | null;
  encoding: string | null;
  lines: number;
  events: number;
  /** lines that became no event and joined none (blank lines, table headers, refused content) */
  skipped: number;
  warnings: string[];
}

const MAX_WARNINGS = 20;

export function addWarning(report: InputReport, warning: string): void {
  if (report.warnings.length < MAX_WARNINGS) report.warnings.push(warning);
  else if (report.warnings.length === MAX_WARNINGS) report.warnings.push('(more warnings left out)');
}
