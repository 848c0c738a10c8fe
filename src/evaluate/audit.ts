import type { AuditDecision, AuditInvalid, AuditRecord } from '../domain/audit.js';
import type { Decision } from '../domain/decision.js';
import type { RosterEntry, RosterField, RosterItem, RosterRow } from '../domain/roster.js';
import type { RuleSet } from '../domain/rule-set.js';
import { didYouMean } from '../domain/suggest.js';
import { problemText } from './problem-text.js';
import type { QueryProblem } from './resolve-query.js';
import type { ColumnPlan } from './roster-entry.js';
import { type ReadEntry, RosterReader, pointerOf } from './roster-reader.js';
import { RowDecider } from './row-decisions.js';
import { RowMemo } from './row-memo.js';

/** Items one by one, or in batches as a reader has them ready (one await per batch, not per row). */
export type RosterItems = AsyncIterable<RosterItem | readonly RosterItem[]> | Iterable<RosterItem | readonly RosterItem[]>;

export interface AuditOptions {
  /** YYYY-MM-DD: the audit, like `evaluate`, reads no clock. */
  asOf: string;
  /** The roster's name in diagnostics, as the user gave it (`-` for stdin). */
  rosterFile: string;
  /** Tasks from a second file of (staff_id, task) records instead of the roster's `tasks` column. */
  assignments?: { items: RosterItems; file: string };
}

/**
 * The compliance audit (DESIGN §5, §6): one decision per (staff member, task), in file order,
 * evaluated by the same pure evaluator as `check`. A row that cannot be evaluated becomes an
 * invalid entry with its line and reason, and the rest is still audited. Pure like `evaluate`:
 * it reads only the items it is given, and streams, so memory stays flat however long the roster
 * (with `assignments`, the roster itself is held, one entry per staff member).
 */
export async function* audit(rows: RosterItems, ruleSet: RuleSet, options: AuditOptions): AsyncGenerator<AuditRecord> {
  for await (const batch of auditBatches(rows, ruleSet, options)) yield* batch;
}

/** `audit`, a batch of records per batch of items: what the CLI uses, where a promise per record would cost more than the record. */
export async function* auditBatches(rows: RosterItems, ruleSet: RuleSet, options: AuditOptions): AsyncGenerator<AuditRecord[]> {
  const auditor = new Auditor(new RowDecider(ruleSet, options.asOf));
  if (options.assignments === undefined) {
    const roster = new RosterReader(options.rosterFile, ['staff_id', 'tasks']);
    for await (const batch of rows) {
      const out: AuditRecord[] = [];
      for (const item of Array.isArray(batch) ? batch : [batch as RosterItem]) if (!roster.stopped) auditor.row(roster, item, out);
      if (out.length > 0) yield out;
    }
    return;
  }
  const roster = new RosterReader(options.rosterFile, ['staff_id']);
  for await (const batch of rows) {
    const out: AuditRecord[] = [];
    for (const item of Array.isArray(batch) ? batch : [batch as RosterItem]) if (!roster.stopped) auditor.staff(roster, item, out);
    if (out.length > 0) yield out;
  }
  const assignments = new RosterReader(options.assignments.file, ['staff_id', 'tasks']);
  for await (const batch of options.assignments.items) {
    const out: AuditRecord[] = [];
    for (const item of Array.isArray(batch) ? batch : [batch as RosterItem]) if (!assignments.stopped) auditor.assignment(assignments, item, out);
    if (out.length > 0) yield out;
  }
}

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

/** Turns items into records, synchronously, into the caller's batch. */
class Auditor {
  /** With `--assignments`: the roster by staff id, and the staff whose row was invalid (by line). */
  private readonly staffRows = new Map<string, ReadEntry>();
  private readonly invalidStaff = new Map<string, number>();
  private readonly rows = new RowMemo();

  constructor(private readonly decider: RowDecider) {}

  /** A roster row with its own tasks; a CSV row like one seen before takes that row's decisions. */
  row(reader: RosterReader, item: RosterItem, out: AuditRecord[]): void {
    const key = item.kind === 'row' && reader.plan !== undefined ? this.rows.keyOf(item.cells, reader.plan) : null;
    if (key !== null && this.fromMemo(item as RosterRow, reader.plan!, key, out)) return;
    const from = out.length;
    const read = reader.read(item, out as AuditInvalid[]);
    if (read === null) return;
    this.decide(reader, read, read.entry, read.record.line, undefined, out);
    if (key === null) return;
    const decisions: Decision[] = [];
    for (let i = from; i < out.length; i++) {
      const r = out[i]!;
      if (r.type !== 'decision') return;
      decisions.push(r.decision);
    }
    this.rows.set(key, decisions);
  }

  /** Who and where from the row, what from the remembered row; `false` when there is none to go by. */
  private fromMemo(row: RosterRow, plan: ColumnPlan, key: string, out: AuditRecord[]): boolean {
    const staffId = plan.staffIndex === undefined ? '' : row.cells[plan.staffIndex]!.trim();
    const decisions = staffId === '' ? undefined : this.rows.get(key);
    if (decisions === undefined) return false;
    const name = plan.nameIndex === undefined ? '' : row.cells[plan.nameIndex]!.trim();
    for (const decision of decisions) out.push({ type: 'decision', staffId, name: name === '' ? null : name, line: row.line, decision });
    return true;
  }

  /** A roster row whose tasks come from the assignments file: kept by staff id. */
  staff(reader: RosterReader, item: RosterItem, out: AuditRecord[]): void {
    const from = out.length;
    const read = reader.read(item, out as AuditInvalid[]);
    for (let i = from; i < out.length; i++) {
      const bad = out[i] as AuditInvalid;
      if (bad.staffId !== null && !this.invalidStaff.has(bad.staffId)) this.invalidStaff.set(bad.staffId, bad.diagnostic.line);
    }
    if (read === null) return;
    const earlier = this.staffRows.get(read.entry.staffId);
    if (earlier === undefined) this.staffRows.set(read.entry.staffId, read);
    else {
      const message = `staff_id '${read.entry.staffId}' is already on line ${earlier.record.line}; with --assignments each staff member has one roster row`;
      out.push(reader.invalid(read.entry.staffId, { code: 'duplicate-staff', message, line: read.record.line, column: read.record.column, pointer: pointerOf(read.record, null) }));
    }
  }

  /** One (staff_id, task) record: the staff member's roster row with this record's tasks. */
  assignment(reader: RosterReader, item: RosterItem, out: AuditRecord[]): void {
    const read = reader.read(item, out as AuditInvalid[]);
    if (read === null) return;
    const id = read.entry.staffId;
    const person = this.staffRows.get(id);
    if (person !== undefined) {
      this.decide(reader, read, { ...person.entry, tasks: read.entry.tasks }, read.record.line, person.record.line, out);
      return;
    }
    const badLine = this.invalidStaff.get(id);
    const hint = badLine === undefined && this.staffRows.size <= SUGGEST_STAFF_LIMIT ? didYouMean(id, this.staffRows.keys()) : '';
    const message = badLine !== undefined ? `staff_id '${id}' has an invalid roster row (line ${badLine})` : `staff_id '${id}' is not in the roster${hint ? `; ${hint}` : ''}`;
    const code = badLine !== undefined ? 'invalid-staff-row' : 'unknown-staff';
    out.push(reader.invalid(id, { code, message, line: read.record.line, column: read.record.column, pointer: pointerOf(read.record, read.columns.staff_id ?? null) }));
  }

  /** The decisions of one row (or assignment), and an invalid entry for each problem, once. */
  private decide(reader: RosterReader, read: ReadEntry, entry: RosterEntry, line: number, rosterLine: number | undefined, out: AuditRecord[]): void {
    const at = (code: string, message: string, column: string | null) =>
      reader.invalid(entry.staffId, { code, message, line, column: read.record.column, pointer: pointerOf(read.record, column) });
    const tasks = entry.tasks;
    if (tasks === null) {
      out.push(at('missing-field', "no tasks: list the person's tasks, or write 'none'", read.columns.tasks ?? null));
      return;
    }
    if (tasks.some((t) => t.toLowerCase() === 'none')) {
      if (tasks.length > 1) out.push(at('invalid-value', "'none' cannot be combined with tasks", read.columns.tasks ?? null));
      return;
    }
    let reported: Set<string> | undefined;
    for (const outcome of this.decider.decide(entry, tasks)) {
      if (outcome.decision !== undefined) {
        const record: AuditDecision = { type: 'decision', staffId: entry.staffId, name: entry.name, line, decision: outcome.decision };
        if (rosterLine !== undefined) record.rosterLine = rosterLine;
        out.push(record);
        continue;
      }
      // A problem outside the task (an unknown state) comes back for every task: report it once.
      for (const p of outcome.problems) {
        const key = `${p.field}\u0000${p.value}\u0000${p.message}`;
        if (reported?.has(key)) continue;
        (reported ??= new Set()).add(key);
        const field = COLUMN_OF_FIELD[p.field];
        out.push(at(p.code, problemText(p), field === null ? null : (read.columns[field] ?? null)));
      }
    }
  }
}
