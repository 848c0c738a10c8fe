import type { RosterEntry, RosterField } from '../domain/roster.js';
import { fieldOf } from './roster-columns.js';

/** Why a record cannot become a roster entry; `column` is the key as written, for the pointer. */
export interface EntryProblem {
  code: 'missing-field' | 'wrong-type' | 'invalid-value' | 'duplicate-column';
  message: string;
  column: string | null;
}

export type EntryResult = { entry: RosterEntry; columns: Partial<Record<RosterField, string>>; problems: EntryProblem[] };

const LIST_FIELDS: ReadonlySet<RosterField> = new Set(['state', 'credentials', 'trainings', 'tasks']);

/** Ids never hold control characters; refusing them here also keeps the audit's memo keys unambiguous. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * One record's fields in the evaluator's terms (DESIGN §3.3): an empty cell, `null` or a missing
 * field is unknown; `none` (or `[]` in JSON) is none; lists are `;`-separated in a cell or arrays
 * in JSON. Names are left for `resolveQuery`, which knows ids, aliases and what was meant.
 */
export function rosterEntryOf(fields: Readonly<Record<string, unknown>>): EntryResult {
  const problems: EntryProblem[] = [];
  const columns: Partial<Record<RosterField, string>> = {};
  const values: Partial<Record<RosterField, string | string[] | null>> = {};
  for (const column in fields) {
    const field = fieldOf(column);
    if (field === null) continue;
    if (columns[field] !== undefined) {
      problems.push({ code: 'duplicate-column', message: `columns '${columns[field]}' and '${column}' both give ${field}`, column });
      continue;
    }
    columns[field] = column;
    const value = valueOf(fields[column], LIST_FIELDS.has(field));
    if (typeof value === 'object' && value !== null && 'problem' in value) {
      problems.push({ code: 'wrong-type', message: `${field} must be ${LIST_FIELDS.has(field) ? 'text or a list of text' : 'text'}, not ${value.problem}`, column });
      continue;
    }
    if (field !== 'name' && field !== 'staff_id' && hasControl(value)) {
      problems.push({ code: 'invalid-value', message: `${field} holds a control character (a line break inside the cell?)`, column });
      continue;
    }
    values[field] = value;
  }
  const staffId = values.staff_id;
  if (typeof staffId !== 'string') problems.push({ code: 'missing-field', message: 'no staff_id: every row names the staff member it is about', column: columns.staff_id ?? null });
  const one = (field: RosterField): string | null => {
    const v = values[field];
    return Array.isArray(v) ? (v.length === 1 ? v[0]! : v.join(';')) : (v ?? null);
  };
  const many = (field: RosterField): string[] | null => {
    const v = values[field];
    return v === null || v === undefined ? null : Array.isArray(v) ? v : [v];
  };
  const entry: RosterEntry = {
    staffId: typeof staffId === 'string' ? staffId : '',
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

const hasControl = (value: string | string[] | null): boolean =>
  value !== null && (Array.isArray(value) ? value.some((v) => CONTROL.test(v)) : CONTROL.test(value));

/** A cell or JSON value: trimmed text, a list, `null` for unknown, or what was wrong with it. */
function valueOf(raw: unknown, isList: boolean): string | string[] | null | { problem: string } {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '') return null;
    if (!isList || !text.includes(';')) return text;
    const items = text.split(';').map((s) => s.trim()).filter((s) => s !== '');
    return items.length === 0 ? null : items;
  }
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

const describe = (v: unknown): string => (Array.isArray(v) ? 'a list' : v === null ? 'null' : typeof v === 'object' ? 'an object' : typeof v);
