// Colour on a terminal, plain text everywhere else. `--no-color` wins, then `--color`, then the
// NO_COLOR convention (https://no-color.org: any non-empty value), then `TERM=dumb`, then
// whether the stream is a terminal. Pipes, files and CI logs get no escape codes by default.

export interface Paint {
  bold: (s: string) => string;
  red: (s: string) => string;
  yellow: (s: string) => string;
  cyan: (s: string) => string;
  dim: (s: string) => string;
}

export type ColorFlag = 'always' | 'never' | undefined;

export function useColor(flag: ColorFlag, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag === 'never') return false;
  if (flag === 'always') return true;
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

const sgr =
  (open: number, close: number) =>
  (s: string): string =>
    `\u001b[${open}m${s}\u001b[${close}m`;

const COLOR: Paint = { bold: sgr(1, 22), red: sgr(31, 39), yellow: sgr(33, 39), cyan: sgr(36, 39), dim: sgr(2, 22) };
const same = (s: string): string => s;
const PLAIN: Paint = { bold: same, red: same, yellow: same, cyan: same, dim: same };

export function paintFor(color: boolean): Paint {
  return color ? COLOR : PLAIN;
}
