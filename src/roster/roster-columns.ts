import { FIELD_SPELLINGS, ROSTER_FIELDS, type RosterField } from '../domain/roster.js';
import { suggest } from '../domain/suggest.js';

/** Case, spaces, dashes and underscores do not matter in column names (`Staff ID` = `staff_id` = `staffId`). */
const fold = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

const BY_FOLDED = new Map<string, RosterField>();
for (const field of ROSTER_FIELDS) for (const spelling of FIELD_SPELLINGS[field]) BY_FOLDED.set(fold(spelling), field);

/** Column names repeat on every JSON record, so each distinct spelling is folded once. */
const seen = new Map<string, RosterField | null>();

/** The roster field a column name means, or `null` for a column the audit does not read. */
export function fieldOf(column: string): RosterField | null {
  let field = seen.get(column);
  if (field === undefined) {
    field = BY_FOLDED.get(fold(column)) ?? null;
    if (seen.size < 1_000) seen.set(column, field);
  }
  return field;
}

/**
 * A column the audit does not read but that looks like one it does (`credentails`): worth an
 * error, because ignoring it would silently make every row's value unknown. Other extra columns
 * (`email`, `site`) are simply not read.
 */
export function misspeltField(column: string): RosterField | null {
  if (fieldOf(column) !== null) return null;
  const folded = fold(column);
  if (folded === '') return null;
  const [closest] = suggest(folded, BY_FOLDED.keys(), 1);
  return closest === undefined ? null : BY_FOLDED.get(closest)!;
}
