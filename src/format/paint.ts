/** Colour as an injected capability: formatters never decide whether the terminal gets colour. */
export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
}

const same = (text: string): string => text;

/** No colour: for pipes, files, NO_COLOR and tests. */
export const PLAIN: Paint = { bold: same, dim: same, red: same, yellow: same, green: same, cyan: same };
