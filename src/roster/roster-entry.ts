import type { RosterEntry, RosterField } from '../domain/roster.js';
import { type FieldOf, fieldOf } from './roster-columns.js';

/** Why a record cannot become a roster entry; `column` is the key as written, for the pointer. */
export interface EntryProblem {
  code: 'missing-field' | 'wrong-type' | 'duplicate-column' | 'invalid-value';
  message: string;
  column: string | null;
}

/** Each field's column as written, for pointers. */
export type FieldColumns = Partial<Record<RosterField, string>>;

export interface EntryResult {
  entry: RosterEntry;
  columns: FieldColumns;
  problems: EntryProblem[];
}

const LIST_FIELDS: ReadonlySet<RosterField> = new Set(['state', 'credentials', 'trainings', 'tasks']);

type Value = string | string[] | null;

/** The fields the evaluator reads as ids; `name` and `staff_id` are free text. */
const ID_FIELDS: readonly RosterField[] = [
  'state',
  'credentials',
  'trainings',
  'supervision',
  'delegator',
  'setting',
  'tasks',
];

/**
 * Ids never hold control characters. Refusing them says so plainly (rather than "unknown state"
 * with a line break in it) and lets the audit key its memo with control characters as separators.
 */
const CONTROL = /[\u0000-\u001f\u007f]/;
const hasControl = (v: Value): boolean =>
  v !== null && (typeof v === 'string' ? CONTROL.test(v) : v.some((s) => CONTROL.test(s)));

/**
 * A cell in the evaluator's terms (docs/design.md): empty is unknown (`null`); a list field splits
 * on `;`. `none` is left as written: `resolveQuery` (and the audit, for tasks) knows it means none.
 */
function cellValue(raw: string, isList: boolean): Value {
  const text = raw.trim();
  if (text === '') return null;
  if (!isList || !text.includes(';')) return text;
  const items = text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.length === 0 ? null : items;
}

/** The entry from each field's value; a missing staff id and a control character are problems every format shares. */
function entryOf(
  values: Partial<Record<RosterField, Value>>,
  columns: FieldColumns,
  problems: EntryProblem[],
): EntryResult {
  for (const field of ID_FIELDS) {
    if (hasControl(values[field] ?? null))
      problems.push({
        code: 'invalid-value',
        message: `${field} holds a control character (a line break inside the cell?)`,
        column: columns[field] ?? null,
      });
  }
  const one = (field: RosterField): string | null => {
    const v = values[field] ?? null;
    return Array.isArray(v) ? v.join(';') : v;
  };
  const many = (field: RosterField): string[] | null => {
    const v = values[field] ?? null;
    return v === null ? null : Array.isArray(v) ? v : [v];
  };
  const staffId = one('staff_id');
  if (staffId === null)
    problems.push({
      code: 'missing-field',
      message: 'no staff_id: every row names the staff member it is about',
      column: columns.staff_id ?? null,
    });
  const entry: RosterEntry = {
    staffId: staffId ?? '',
    name: one('name'),
    states: many('state'),
    credentials: many('credentials'),
    trainings: many('trainings'),
    supervision: one('supervision'),
    delegator: one('delegator'),
    setting: one('setting'),
    tasks: many('tasks'),
  };
  return { entry, columns, problems };
}

/** Where each field sits in a CSV row, worked out once from the header. */
export interface ColumnPlan {
  cells: readonly { field: RosterField; index: number; isList: boolean }[];
  columns: FieldColumns;
  /** The columns a decision depends on (every field but staff_id and name), for the row memo. */
  idIndexes: readonly number[];
  staffIndex: number | undefined;
  nameIndex: number | undefined;
}

/** The plan of a header; a repeated field keeps its first column (the reader reports the repeat). */
export function columnPlan(names: readonly string[]): ColumnPlan {
  const cells: ColumnPlan['cells'][number][] = [];
  const columns: FieldColumns = {};
  names.forEach((name, index) => {
    const field = fieldOf(name);
    if (field !== null && columns[field] === undefined) {
      cells.push({ field, index, isList: LIST_FIELDS.has(field) });
      columns[field] = name;
    }
  });
  const indexOf = (field: RosterField) => cells.find((c) => c.field === field)?.index;
  const idIndexes = cells.filter((c) => c.field !== 'staff_id' && c.field !== 'name').map((c) => c.index);
  return { cells, columns, idIndexes, staffIndex: indexOf('staff_id'), nameIndex: indexOf('name') };
}

/** A CSV row as a roster entry. */
export function entryOfCells(cells: readonly string[], plan: ColumnPlan): EntryResult {
  const values: Partial<Record<RosterField, Value>> = {};
  for (const c of plan.cells) values[c.field] = cellValue(cells[c.index]!, c.isList);
  return entryOf(values, plan.columns, []);
}

/**
 * A JSON record as a roster entry: keys in any case and spelling the audit knows; strings,
 * numbers (a numeric staff id), or arrays for list fields; `[]` is none.
 */
export function entryOfFields(
  fields: Readonly<Record<string, unknown>>,
  fieldOfColumn: FieldOf = fieldOf,
): EntryResult {
  const problems: EntryProblem[] = [];
  const columns: FieldColumns = {};
  const values: Partial<Record<RosterField, Value>> = {};
  for (const column in fields) {
    const field = fieldOfColumn(column);
    if (field === null) continue;
    if (columns[field] !== undefined) {
      problems.push({
        code: 'duplicate-column',
        message: `fields '${columns[field]}' and '${column}' both give ${field}`,
        column,
      });
      continue;
    }
    columns[field] = column;
    const value = jsonValue(fields[column], LIST_FIELDS.has(field));
    if (typeof value === 'object' && value !== null && 'problem' in value) {
      problems.push({
        code: 'wrong-type',
        message: `${field} must be ${LIST_FIELDS.has(field) ? 'text or a list of text' : 'text'}, not ${value.problem}`,
        column,
      });
      continue;
    }
    values[field] = value;
  }
  return entryOf(values, columns, problems);
}

/** A JSON value: text, a number as text, a list for a list field, `null`; or what was wrong with it. */
function jsonValue(raw: unknown, isList: boolean): Value | { problem: string } {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  if (typeof raw === 'string') return cellValue(raw, isList);
  if (Array.isArray(raw) && isList) {
    const items: string[] = [];
    for (const item of raw) {
      if (typeof item !== 'string' && typeof item !== 'number') return { problem: `a list holding ${describe(item)}` };
      const text = String(item).trim();
      if (text !== '') items.push(text);
    }
    return items;
  }
  return { problem: describe(raw) };
}

const describe = (v: unknown): string =>
  Array.isArray(v) ? 'a list' : v === null ? 'null' : typeof v === 'object' ? 'an object' : typeof v;
