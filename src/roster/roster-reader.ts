import type { AuditInvalid } from '../domain/audit.js';
import type { Diagnostic, DiagnosticCode } from '../domain/diagnostic.js';
import type { RosterColumns, RosterEntry, RosterField, RosterItem, RosterRecord, RosterRow } from '../domain/roster.js';
import { fieldOf, misspeltField, rememberingFieldOf } from './roster-columns.js';
import {
  type ColumnPlan,
  columnPlan,
  type EntryResult,
  entryOfCells,
  entryOfFields,
  type FieldColumns,
} from './roster-entry.js';

/** Where a reader puts what it cannot read: the caller's list of audit records, or any list of invalid entries. */
export interface InvalidSink {
  push(entry: AuditInvalid): unknown;
}

/** A record that became an entry, with where it is. */
export interface ReadEntry {
  entry: RosterEntry;
  record: RosterRow | RosterRecord;
  columns: FieldColumns;
}

const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Where a field of a record is, as a JSON pointer: `/3/state` (the fourth row's state). */
export const pointerOf = (record: Pick<RosterRecord, 'pointer'>, column: string | null): string =>
  column === null ? record.pointer : `${record.pointer}/${escapePointer(column)}`;

/** Diagnostics are one line each: a line break or escape sequence from a cell is shown, not obeyed. */
const oneLine = (text: string): string => text.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));

/**
 * Turns one file's items into roster entries, and everything that is not one into invalid
 * entries with file and line. A file without a column the audit needs is reported once and
 * read no further: every row would fail the same way.
 */
export class RosterReader {
  /** Set when nothing more of this file can be used. */
  stopped = false;
  /** Where each field is in a CSV row, from the header. */
  plan: ColumnPlan | undefined;
  private readonly reportedColumns = new Set<string>();
  private readonly fieldOf = rememberingFieldOf();

  constructor(
    readonly file: string,
    private readonly required: readonly RosterField[],
  ) {}

  /** The entry in an item, or `null` after adding why there is none to `invalid`. */
  read(item: RosterItem, invalid: InvalidSink): ReadEntry | null {
    if (this.stopped) return null;
    switch (item.kind) {
      case 'columns':
        this.checkColumns(item, invalid);
        return null;
      case 'unreadable':
        invalid.push(
          this.invalid(null, {
            code: item.code,
            message: item.message,
            line: item.line,
            column: item.column,
            pointer: '',
          }),
        );
        if (item.fatal) this.stopped = true;
        return null;
      case 'row':
        if (this.plan === undefined) throw new Error('audit: a CSV row before its header');
        return this.entry(item, entryOfCells(item.cells, this.plan), invalid);
      case 'record':
        // Without a header, each JSON record names its own fields: a misspelt one is reported once.
        for (const key in item.fields) {
          if (this.reportedColumns.has(key) || this.fieldOf(key) !== null) continue;
          this.reportedColumns.add(key);
          this.reportMisspelt(key, item, invalid);
        }
        return this.entry(item, entryOfFields(item.fields, this.fieldOf), invalid);
    }
  }

  private entry(
    record: RosterRow | RosterRecord,
    { entry, columns, problems }: EntryResult,
    invalid: InvalidSink,
  ): ReadEntry | null {
    if (problems.length === 0) return { entry, record, columns };
    const staffId = entry.staffId === '' ? null : entry.staffId;
    for (const p of problems)
      invalid.push(
        this.invalid(staffId, {
          code: p.code,
          message: p.message,
          line: record.line,
          column: record.column,
          pointer: pointerOf(record, p.column),
        }),
      );
    return null;
  }

  private checkColumns(header: RosterColumns, invalid: InvalidSink): void {
    this.plan = columnPlan(header.names);
    const at = { line: header.line, column: 1, pointer: '' };
    const found = new Map<RosterField, string>();
    for (const name of header.names) {
      const field = fieldOf(name);
      if (field === null) this.reportMisspelt(name, { ...at, pointer: '' }, invalid);
      else if (found.has(field))
        invalid.push(
          this.invalid(null, {
            ...at,
            code: 'duplicate-column',
            message: `columns '${found.get(field)}' and '${name}' both give ${field}; the first is read`,
          }),
        );
      else found.set(field, name);
    }
    const missing = this.required.filter((f) => !found.has(f));
    if (missing.length > 0) {
      const names = missing.map((f) => `'${f}'`).join(' and ');
      invalid.push(
        this.invalid(null, {
          ...at,
          code: 'missing-column',
          message: `no ${names} column (columns: ${header.names.join(', ') || 'none'}); no row of this file was audited`,
        }),
      );
      this.stopped = true;
    }
  }

  private reportMisspelt(
    key: string,
    where: { line: number; column: number; pointer: string },
    invalid: InvalidSink,
  ): void {
    const meant = misspeltField(key);
    if (meant === null) return;
    const message = `unknown column '${key}'; did you mean '${meant}'? (its values would otherwise be read as unknown)`;
    invalid.push(
      this.invalid(null, {
        code: 'unknown-column',
        message,
        line: where.line,
        column: where.column,
        pointer: pointerOf(where, key),
      }),
    );
  }

  invalid(
    staffId: string | null,
    at: { code: DiagnosticCode; message: string; line: number; column: number; pointer: string },
  ): AuditInvalid {
    const diagnostic: Diagnostic = {
      code: at.code,
      severity: 'error',
      file: this.file,
      line: at.line,
      column: at.column,
      endLine: at.line,
      endColumn: at.column,
      pointer: at.pointer,
      message: oneLine(at.message),
    };
    return { type: 'invalid', staffId, diagnostic };
  }
}
