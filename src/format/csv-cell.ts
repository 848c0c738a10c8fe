import { stringify } from 'csv-stringify/sync';

/**
 * Cells a spreadsheet would run as a formula (OWASP "CSV injection"): `=`, `+`, `-`, `@`, tab,
 * CR, and the full-width forms some spreadsheets normalize. The same set csv-stringify's
 * `escape_formulas` uses.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A whole CSV record by csv-stringify, formulas neutralized with a leading `'`, no line end. */
export const csvRecord = (cells: readonly (string | number)[]): string =>
  stringify([cells], { escape_formulas: true, eof: false });

/**
 * One text field exactly as `csvRecord` would write it (a test holds them equal). For the few
 * cells that change on every row of a million-row audit, where calling csv-stringify would cost
 * more than everything else the row needs.
 */
export function csvField(text: string): string {
  const cell = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
