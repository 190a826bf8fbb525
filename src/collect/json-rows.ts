/**
 * JSON with one array element per line: valid JSON for jq and `culprit diff`, short enough for a
 * person to scan, and a few lines rather than thousands for tools that read it as text.
 */
export function stringifyRows(doc: Readonly<Record<string, unknown>>): string {
  const parts = Object.entries(doc)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      const value = Array.isArray(v) ? (v.length === 0 ? '[]' : `[\n${v.map((x) => JSON.stringify(x)).join(',\n')}\n]`) : JSON.stringify(v);
      return `${JSON.stringify(k)}:${value}`;
    });
  return `{${parts.join(',\n')}}\n`;
}
