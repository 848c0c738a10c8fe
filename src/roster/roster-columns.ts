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

/** The roster field a column name means, or `null` for a column the audit does not read. */
export function fieldOf(column: string): RosterField | null {
  return BY_FOLDED.get(fold(column)) ?? null;
}

/** Distinct spellings remembered per reader: a JSON roster repeats its keys on every record. */
const REMEMBERED_NAMES = 1_000;

/** `fieldOf` for one file's records, each distinct column name folded once. */
export type FieldOf = (column: string) => RosterField | null;

export function rememberingFieldOf(): FieldOf {
  const seen = new Map<string, RosterField | null>();
  return (column) => {
    let field = seen.get(column);
    if (field === undefined) {
      field = fieldOf(column);
      if (seen.size < REMEMBERED_NAMES) seen.set(column, field);
    }
    return field;
  };
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
