import type { Io } from '../io.js';

/**
 * How much colour the output gets: none off a terminal; NO_COLOR (any value) turns it off,
 * FORCE_COLOR=0 off and FORCE_COLOR=1..3 on, whatever stdout is (https://no-color.org,
 * https://force-color.org).
 */
export function colourLevel(io: Io): 0 | 1 | 2 | 3 {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '')
    return force === '0' || force === 'false' ? 0 : (Math.min(3, Number(force) || 1) as 1 | 2 | 3);
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return 0;
  return io.stdoutIsTTY ? 1 : 0;
}
