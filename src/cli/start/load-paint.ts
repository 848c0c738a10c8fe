import type { Paint } from '../../format/paint.js';
import { PLAIN } from '../../format/paint.js';
import type { Io } from '../io.js';
import { colourLevel } from './colour-level.js';

/**
 * `paintFor(io)`, with chalk loaded only when there is colour to paint: chalk finds out what the
 * terminal supports as it loads, which costs a check about as much as answering it.
 */
export const loadPaint = async (io: Io): Promise<Paint> =>
  colourLevel(io) === 0 ? PLAIN : (await import('../paint.js')).paintFor(io);
