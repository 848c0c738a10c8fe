import { Chalk } from 'chalk';
import type { Paint } from '../format/paint.js';
import { PLAIN } from '../format/paint.js';
import type { Io } from './io.js';

/**
 * Colour only on a terminal: NO_COLOR (any value) turns it off, FORCE_COLOR=0 off and
 * FORCE_COLOR=1..3 on, whatever stdout is (https://no-color.org, https://force-color.org).
 */
export function paintFor(io: Io): Paint {
  const force = io.env.FORCE_COLOR;
  let level: 0 | 1 | 2 | 3 = io.stdoutIsTTY ? 1 : 0;
  if (force !== undefined && force !== '')
    level = force === '0' || force === 'false' ? 0 : (Math.min(3, Number(force) || 1) as 1 | 2 | 3);
  else if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') level = 0;
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
