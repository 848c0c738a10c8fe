import { Chalk } from 'chalk';
import type { Paint } from '../format/paint.js';
import { PLAIN } from '../format/paint.js';
import type { Io } from './io.js';
import { colourLevel } from './start/colour-level.js';

/** Colour only on a terminal, or as NO_COLOR and FORCE_COLOR say (`colourLevel`). */
export function paintFor(io: Io): Paint {
  const level = colourLevel(io);
  if (level === 0) return PLAIN;
  const chalk = new Chalk({ level });
  return {
    bold: chalk.bold,
    dim: chalk.dim,
    red: chalk.red,
    yellow: chalk.yellow,
    green: chalk.green,
    cyan: chalk.cyan,
  };
}
