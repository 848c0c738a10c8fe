import type { CodeDoc } from './diagnostic-codes.js';

/**
 * The diagnostic codes only rosters have (README, "Diagnostics"), with what each means and how to fix it.
 * A roster also gets the rule files' codes where they mean the same: `missing-field`,
 * `wrong-type`, `invalid-value`, `empty-file`, `not-utf8`, and `unknown-task`, `unknown-credential`,
 * `unknown-training`, `unknown-role`, `unknown-setting`. Codes are stable; messages may improve.
 */
export const ROSTER_DIAGNOSTIC_CODES = {
  'unknown-state': {
    severity: 'error',
    summary: 'A state that matches no jurisdiction.',
    fix: 'Use a postal code or a state name (see the suggestion); US for the national baseline alone.',
  },
  'unknown-column': {
    severity: 'error',
    summary: 'A column that looks like a misspelt roster column; its values would be read as unknown.',
    fix: 'Rename the column as suggested.',
  },
  'missing-column': {
    severity: 'error',
    summary: 'The roster has no staff_id column, or no tasks column without --assignments; no row of it is audited.',
    fix: 'Add the column.',
  },
  'duplicate-column': {
    severity: 'error',
    summary: 'Two columns (or keys) give the same field.',
    fix: 'Keep one of them.',
  },
  'field-count': {
    severity: 'error',
    summary: 'A CSV row has more or fewer fields than the header.',
    fix: 'Quote fields that hold commas; add or remove fields.',
  },
  'csv-syntax': {
    severity: 'error',
    summary: 'A CSV quote is never closed, not doubled, or inside an unquoted field; nothing after it is read.',
    fix: 'Close the quoted field, or quote the whole field and write "" for a quote inside it.',
  },
  'json-syntax': {
    severity: 'error',
    summary: 'A JSON roster, or a line of an NDJSON one, does not parse.',
    fix: 'Fix the JSON at the position shown.',
  },
  'duplicate-staff': {
    severity: 'error',
    summary: 'With --assignments, a staff_id has more than one roster row.',
    fix: 'Keep one row per staff member.',
  },
  'unknown-staff': {
    severity: 'error',
    summary: 'An assignment names a staff_id that is not in the roster.',
    fix: 'Add the person to the roster, or fix the id (see the suggestion).',
  },
  'invalid-staff-row': {
    severity: 'error',
    summary: 'An assignment names a staff member whose roster row is invalid.',
    fix: 'Fix the roster row reported at its line.',
  },
} as const satisfies Record<string, CodeDoc>;

export type RosterDiagnosticCode = keyof typeof ROSTER_DIAGNOSTIC_CODES;
