import type { RosterItem } from '../domain/roster.js';

/** A parsed JSON value as a roster record, or why it cannot be one (an array, a number…). */
export function jsonRecord(value: unknown, line: number, column: number, pointer: string): RosterItem {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return { kind: 'record', line, column, pointer, fields: value as Record<string, unknown> };
  }
  const what = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
  return {
    kind: 'unreadable',
    line,
    column,
    code: 'wrong-type',
    message: `a roster record is a JSON object, not ${what}; it was not audited`,
    fatal: false,
  };
}
