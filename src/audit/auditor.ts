import type { AuditDecision, AuditInvalid, AuditRecord } from '../domain/audit.js';
import type { Decision } from '../domain/decision.js';
import type { DiagnosticCode } from '../domain/diagnostic.js';
import type { RosterEntry, RosterField, RosterItem, RosterRow } from '../domain/roster.js';
import { didYouMean } from '../domain/suggest.js';
import { problemText } from '../evaluate/problem-text.js';
import type { QueryProblem } from '../evaluate/resolve-query.js';
import type { ColumnPlan } from '../roster/roster-entry.js';
import { pointerOf, type ReadEntry, type RosterReader } from '../roster/roster-reader.js';
import type { RowDecider } from './row-decider.js';
import { RowMemo } from './row-memo.js';

/** The roster column behind each query field (conditions are never read from a roster). */
const COLUMN_OF_FIELD: Readonly<Record<QueryProblem['field'], RosterField | null>> = {
  task: 'tasks',
  states: 'state',
  credentials: 'credentials',
  supervision: 'supervision',
  trainings: 'trainings',
  delegator: 'delegator',
  setting: 'setting',
  confirmed: null,
  denied: null,
  asOf: null,
};

/** Unknown staff ids get suggestions only while the roster is small enough to compare against. */
const SUGGEST_STAFF_LIMIT = 5_000;

/** Turns roster items into audit records, synchronously, into the caller's batch. */
export class Auditor {
  /** With `--assignments`: the roster by staff id, and the staff whose row was invalid (by line). */
  private readonly staffRows = new Map<string, ReadEntry>();
  private readonly invalidStaff = new Map<string, number>();
  private readonly rows = new RowMemo();

  constructor(private readonly decider: RowDecider) {}

  /** A roster row with its own tasks; a CSV row like one seen before takes that row's decisions. */
  row(reader: RosterReader, item: RosterItem, out: AuditRecord[]): void {
    const plan = item.kind === 'row' ? reader.plan : undefined;
    if (plan !== undefined && this.fromMemo(item as RosterRow, plan, out)) return;
    const from = out.length;
    const read = reader.read(item, out);
    if (read === null) return;
    this.decide(reader, read, read.entry, read.record.line, undefined, out);
    if (plan === undefined) return;
    const decisions: Decision[] = [];
    for (let i = from; i < out.length; i++) {
      const r = out[i]!;
      if (r.type !== 'decision') return;
      decisions.push(r.decision);
    }
    this.rows.set((item as RosterRow).cells, plan.idIndexes, decisions);
  }

  /** Who and where from the row, what from the remembered row; `false` when there is none to go by. */
  private fromMemo(row: RosterRow, plan: ColumnPlan, out: AuditRecord[]): boolean {
    const staffId = plan.staffIndex === undefined ? '' : row.cells[plan.staffIndex]!.trim();
    const decisions = staffId === '' ? undefined : this.rows.get(row.cells, plan.idIndexes);
    if (decisions === undefined) return false;
    const name = plan.nameIndex === undefined ? '' : row.cells[plan.nameIndex]!.trim();
    for (const decision of decisions)
      out.push({ type: 'decision', staffId, name: name === '' ? null : name, line: row.line, decision });
    return true;
  }

  /** A roster row whose tasks come from the assignments file: checked, then kept by staff id. */
  staff(reader: RosterReader, item: RosterItem, out: AuditRecord[]): void {
    const invalid: AuditInvalid[] = [];
    let read = reader.read(item, invalid);
    if (read !== null) {
      const problems = this.decider.factProblems(read.entry);
      for (const p of problems) invalid.push(this.problem(reader, read, read.entry.staffId, read.record.line, p));
      if (problems.length > 0) read = null;
    }
    for (const bad of invalid) {
      out.push(bad);
      if (bad.staffId !== null && !this.invalidStaff.has(bad.staffId))
        this.invalidStaff.set(bad.staffId, bad.diagnostic.line);
    }
    if (read === null) return;
    const earlier = this.staffRows.get(read.entry.staffId);
    if (earlier === undefined) this.staffRows.set(read.entry.staffId, read);
    else {
      const message = `staff_id '${read.entry.staffId}' is already on line ${earlier.record.line}; with --assignments each staff member has one roster row`;
      out.push(
        reader.invalid(read.entry.staffId, {
          code: 'duplicate-staff',
          message,
          line: read.record.line,
          column: read.record.column,
          pointer: pointerOf(read.record, null),
        }),
      );
    }
  }

  /** One (staff_id, task) record: the staff member's roster row with this record's tasks. */
  assignment(reader: RosterReader, item: RosterItem, out: AuditRecord[]): void {
    const read = reader.read(item, out);
    if (read === null) return;
    const id = read.entry.staffId;
    const person = this.staffRows.get(id);
    if (person !== undefined) {
      this.decide(
        reader,
        read,
        { ...person.entry, tasks: read.entry.tasks },
        read.record.line,
        person.record.line,
        out,
      );
      return;
    }
    const badLine = this.invalidStaff.get(id);
    const hint =
      badLine === undefined && this.staffRows.size <= SUGGEST_STAFF_LIMIT ? didYouMean(id, this.staffRows.keys()) : '';
    const message =
      badLine !== undefined
        ? `staff_id '${id}' has an invalid roster row (line ${badLine})`
        : `staff_id '${id}' is not in the roster${hint ? `; ${hint}` : ''}`;
    const code = badLine !== undefined ? 'invalid-staff-row' : 'unknown-staff';
    out.push(
      reader.invalid(id, {
        code,
        message,
        line: read.record.line,
        column: read.record.column,
        pointer: pointerOf(read.record, read.columns.staff_id ?? null),
      }),
    );
  }

  /** The decisions of one row (or assignment), and an invalid entry for each problem, once. */
  private decide(
    reader: RosterReader,
    read: ReadEntry,
    entry: RosterEntry,
    line: number,
    rosterLine: number | undefined,
    out: AuditRecord[],
  ): void {
    const at = (code: DiagnosticCode, message: string, column: string | null) =>
      reader.invalid(entry.staffId, {
        code,
        message,
        line,
        column: read.record.column,
        pointer: pointerOf(read.record, column),
      });
    const tasks = entry.tasks;
    if (tasks === null) {
      out.push(at('missing-field', "no tasks: list the person's tasks, or write 'none'", read.columns.tasks ?? null));
      return;
    }
    if (tasks.some((t) => t.toLowerCase() === 'none')) {
      if (tasks.length > 1)
        out.push(at('invalid-value', "'none' cannot be combined with tasks", read.columns.tasks ?? null));
      return;
    }
    let reported: Set<string> | undefined;
    for (const outcome of this.decider.decide(entry, tasks)) {
      if (outcome.decision !== undefined) {
        const record: AuditDecision = {
          type: 'decision',
          staffId: entry.staffId,
          name: entry.name,
          line,
          decision: outcome.decision,
        };
        if (rosterLine !== undefined) record.rosterLine = rosterLine;
        out.push(record);
        continue;
      }
      // A problem outside the task (an unknown state) comes back for every task: report it once.
      for (const p of outcome.problems) {
        const key = `${p.field}\u0000${p.value}\u0000${p.message}`;
        reported ??= new Set();
        if (reported.has(key)) continue;
        reported.add(key);
        out.push(this.problem(reader, read, entry.staffId, line, p));
      }
    }
  }

  /** A query problem as an invalid entry, pointing at the column it came from. */
  private problem(reader: RosterReader, read: ReadEntry, staffId: string, line: number, p: QueryProblem): AuditInvalid {
    const field = COLUMN_OF_FIELD[p.field];
    const pointer = pointerOf(read.record, field === null ? null : (read.columns[field] ?? null));
    return reader.invalid(staffId, {
      code: p.code,
      message: problemText(p),
      line,
      column: read.record.column,
      pointer,
    });
  }
}
