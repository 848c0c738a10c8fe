import type { RosterDiagnosticCode } from './roster-codes.js';

/**
 * A roster (or assignments) file as its reader saw it, item by item in file order (docs/design.md).
 * Readers know bytes and lines; what the fields mean is the audit's business.
 */
export type RosterItem = RosterColumns | RosterRow | RosterRecord | RosterUnreadable;

/** A CSV header: the column names as written, before any row. */
export interface RosterColumns {
  kind: 'columns';
  line: number;
  names: readonly string[];
}

/** One CSV row: its cells in the order of the last `columns` item. */
export interface RosterRow {
  kind: 'row';
  /** 1-based physical line where the row starts (the header is line 1 when nothing precedes it). */
  line: number;
  column: number;
  /** JSON pointer to the row in the file's data (`/3` is the fourth row after the header). */
  pointer: string;
  cells: readonly string[];
}

/** One JSON staff record (or assignment): its fields as written, keys in any case. */
export interface RosterRecord {
  kind: 'record';
  /** 1-based physical line where the record starts (CSV header = line 1; JSON: the element's `{`). */
  line: number;
  column: number;
  /** JSON pointer to the record in the file's data (`/3`), `''` when a line is its own document. */
  pointer: string;
  fields: Readonly<Record<string, unknown>>;
}

/** Text the reader could not turn into a record; `fatal` when nothing after it can be read. */
export interface RosterUnreadable {
  kind: 'unreadable';
  line: number;
  column: number;
  code:
    | Extract<RosterDiagnosticCode, 'csv-syntax' | 'json-syntax' | 'field-count'>
    | 'wrong-type'
    | 'empty-file'
    | 'not-utf8';
  message: string;
  fatal: boolean;
}

/** The fields a roster row may carry, by canonical name. */
export const ROSTER_FIELDS = [
  'staff_id',
  'name',
  'state',
  'credentials',
  'trainings',
  'supervision',
  'delegator',
  'setting',
  'tasks',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** Other spellings a column may use; case, spaces, dashes and underscores are ignored on top of these. */
export const FIELD_SPELLINGS: Readonly<Record<RosterField, readonly string[]>> = {
  staff_id: ['staff_id'],
  name: ['name'],
  state: ['state', 'states'],
  credentials: ['credentials', 'credential'],
  trainings: ['trainings', 'training'],
  supervision: ['supervision'],
  delegator: ['delegator'],
  setting: ['setting'],
  tasks: ['tasks', 'task'],
};

/** A roster row in the evaluator's terms: `null` is unknown, `[]` is none (docs/design.md). */
export interface RosterEntry {
  staffId: string;
  name: string | null;
  states: string[] | null;
  credentials: string[] | null;
  trainings: string[] | null;
  supervision: string | null;
  delegator: string | null;
  setting: string | null;
  tasks: string[] | null;
}
