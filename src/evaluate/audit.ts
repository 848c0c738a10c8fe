import type { AuditDecision, AuditInvalid, AuditRecord } from '../domain/audit.js';
import type { RosterEntry, RosterField, RosterItem } from '../domain/roster.js';
import type { RuleSet } from '../domain/rule-set.js';
import { didYouMean } from '../domain/suggest.js';
import { problemText } from './problem-text.js';
import type { QueryProblem } from './resolve-query.js';
import { type ReadEntry, RosterReader, pointerOf } from './roster-reader.js';
import { RowDecider } from './row-decisions.js';

type Items = AsyncIterable<RosterItem> | Iterable<RosterItem>;

export interface AuditOptions {
  /** YYYY-MM-DD: the audit, like `evaluate`, reads no clock. */
  asOf: string;
  /** The roster's name in diagnostics, as the user gave it (`-` for stdin). */
  rosterFile: string;
  /** Tasks from a second file of (staff_id, task) records instead of the roster's `tasks` column. */
  assignments?: { items: Items; file: string };
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

/**
 * The compliance audit (DESIGN §5, §6): one decision per (staff member, task), in file order,
 * evaluated by the same pure evaluator as `check`. A row that cannot be evaluated becomes an
 * invalid entry with its line and reason, and the rest is still audited. Pure like `evaluate`:
 * it reads only the items it is given, and streams, so memory stays flat however long the roster
 * (with `assignments`, the roster itself is held, one entry per staff member).
 */
export async function* audit(rows: Items, ruleSet: RuleSet, options: AuditOptions): AsyncGenerator<AuditRecord> {
  const decider = new RowDecider(ruleSet, options.asOf);
  const invalid: AuditInvalid[] = [];
  if (options.assignments === undefined) {
    const roster = new RosterReader(options.rosterFile, ['staff_id', 'tasks']);
    for await (const item of rows) {
      const read = roster.read(item, invalid);
      if (invalid.length > 0) yield* invalid.splice(0);
      if (read !== null) yield* decide(decider, roster, read, read.entry, read.record.line, undefined);
      if (roster.stopped) break;
    }
    return;
  }

  const roster = new RosterReader(options.rosterFile, ['staff_id']);
  const staff = new Map<string, ReadEntry>();
  /** Staff whose roster row is invalid: their assignments say so instead of "not in the roster". */
  const invalidRows = new Map<string, number>();
  for await (const item of rows) {
    const read = roster.read(item, invalid);
    for (const i of invalid) if (i.staffId !== null && !invalidRows.has(i.staffId)) invalidRows.set(i.staffId, i.diagnostic.line);
    if (read !== null) {
      const earlier = staff.get(read.entry.staffId);
      if (earlier === undefined) staff.set(read.entry.staffId, read);
      else invalid.push(roster.invalid(read.entry.staffId, { code: 'duplicate-staff', message: `staff_id '${read.entry.staffId}' is already on line ${earlier.record.line}; with --assignments each staff member has one roster row`, line: read.record.line, column: read.record.column, pointer: pointerOf(read.record, null) }));
    }
    yield* invalid.splice(0);
    if (roster.stopped) break;
  }

  const assignments = new RosterReader(options.assignments.file, ['staff_id', 'tasks']);
  for await (const item of options.assignments.items) {
    const read = assignments.read(item, invalid);
    if (read !== null) {
      const person = staff.get(read.entry.staffId);
      const id = read.entry.staffId;
      if (person !== undefined) {
        yield* decide(decider, assignments, read, { ...person.entry, tasks: read.entry.tasks }, read.record.line, person.record.line);
      } else {
        const badLine = invalidRows.get(id);
        const hint = badLine === undefined && staff.size <= SUGGEST_STAFF_LIMIT ? didYouMean(id, staff.keys()) : '';
        const message =
          badLine !== undefined ? `staff_id '${id}' has an invalid roster row (line ${badLine})` : `staff_id '${id}' is not in the roster${hint ? `; ${hint}` : ''}`;
        const code = badLine !== undefined ? 'invalid-staff-row' : 'unknown-staff';
        invalid.push(assignments.invalid(id, { code, message, line: read.record.line, column: read.record.column, pointer: pointerOf(read.record, read.columns.staff_id ?? null) }));
      }
    }
    yield* invalid.splice(0);
    if (assignments.stopped) break;
  }
}

/** The decisions of one row (or assignment), and an invalid entry for each problem, once. */
function* decide(decider: RowDecider, reader: RosterReader, read: ReadEntry, entry: RosterEntry, line: number, rosterLine: number | undefined): Generator<AuditRecord> {
  const at = (code: string, message: string, column: string | null) => reader.invalid(entry.staffId, { code, message, line, column: read.record.column, pointer: pointerOf(read.record, column) });
  const tasks = entry.tasks;
  if (tasks === null) {
    yield at('missing-field', "no tasks: list the person's tasks, or write 'none'", null);
    return;
  }
  if (tasks.some((t) => t.toLowerCase() === 'none')) {
    if (tasks.length > 1) yield at('invalid-value', "'none' cannot be combined with tasks", null);
    return;
  }
  let reported: Set<string> | undefined;
  for (const outcome of decider.decide(entry, tasks)) {
    if (outcome.decision !== undefined) {
      const record: AuditDecision = { type: 'decision', staffId: entry.staffId, name: entry.name, line, decision: outcome.decision };
      if (rosterLine !== undefined) record.rosterLine = rosterLine;
      yield record;
      continue;
    }
    // A problem outside the task (an unknown state) comes back for every task: report it once.
    for (const p of outcome.problems) {
      const key = `${p.field}\u0000${p.value}\u0000${p.message}`;
      if (reported?.has(key)) continue;
      (reported ??= new Set()).add(key);
      const field = COLUMN_OF_FIELD[p.field];
      yield at(p.code, problemText(p), field === null ? null : (read.columns[field] ?? null));
    }
  }
}
