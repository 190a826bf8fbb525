/** Terminal colours: on only for a TTY and when NO_COLOR is unset (https://no-color.org). */
export interface Style {
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;

export function terminalStyle(stream: { isTTY?: boolean }): Style {
  const on = stream.isTTY === true && !process.env.NO_COLOR;
  if (!on) {
    const id = (s: string) => s;
    return { red: id, yellow: id, dim: id, bold: id };
  }
  return { red: wrap(31, 39), yellow: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}
