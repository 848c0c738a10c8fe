/**
 * The roster readers and csv-parse, behind one lazy import: the bundled CLI keeps them in a
 * separate file that only `audit` loads, so `check` starts as fast as before (DESIGN §9).
 */
export { readRoster } from '../roster/read-roster.js';
