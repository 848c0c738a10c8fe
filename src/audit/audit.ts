import type { AuditRecord } from '../domain/audit.js';
import type { RosterItem } from '../domain/roster.js';
import type { RuleSet } from '../domain/rule-set.js';
import { createEvaluator } from '../evaluate/evaluator.js';
import { RosterReader } from '../roster/roster-reader.js';
import { Auditor } from './auditor.js';
import { RowDecider } from './row-decider.js';

/** Items one by one, or in batches as a reader has them ready (one await per batch, not per row). */
export type RosterItems =
  | AsyncIterable<RosterItem | readonly RosterItem[]>
  | Iterable<RosterItem | readonly RosterItem[]>;

export interface AuditOptions {
  /** YYYY-MM-DD: the audit, like `evaluate`, reads no clock. */
  asOf: string;
  /** The roster's name in diagnostics, as the user gave it (`-` for stdin). */
  rosterFile: string;
  /** Tasks from a second file of (staff_id, task) records instead of the roster's `tasks` column. */
  assignments?: { items: RosterItems; file: string };
}

/**
 * The compliance audit (docs/design.md): one decision per (staff member, task), in file order,
 * evaluated by the same pure evaluator as `check`. A row that cannot be evaluated becomes an
 * invalid entry with its line and reason, and the rest is still audited. Pure like `evaluate`:
 * it reads only the items it is given, and streams, so memory stays flat however long the roster
 * (with `assignments`, the roster itself is held, one entry per staff member).
 */
export async function* audit(rows: RosterItems, ruleSet: RuleSet, options: AuditOptions): AsyncGenerator<AuditRecord> {
  for await (const batch of auditBatches(rows, ruleSet, options)) yield* batch;
}

/** `audit`, a batch of records per batch of items: what the CLI uses, where a promise per record would cost more than the record. */
export async function* auditBatches(
  rows: RosterItems,
  ruleSet: RuleSet,
  options: AuditOptions,
): AsyncGenerator<AuditRecord[]> {
  const auditor = new Auditor(new RowDecider(createEvaluator(ruleSet), options.asOf));
  if (options.assignments === undefined) {
    const roster = new RosterReader(options.rosterFile, ['staff_id', 'tasks']);
    for await (const batch of rows) {
      const out: AuditRecord[] = [];
      for (const item of Array.isArray(batch) ? batch : [batch as RosterItem])
        if (!roster.stopped) auditor.row(roster, item, out);
      if (out.length > 0) yield out;
    }
    return;
  }
  const roster = new RosterReader(options.rosterFile, ['staff_id']);
  for await (const batch of rows) {
    const out: AuditRecord[] = [];
    for (const item of Array.isArray(batch) ? batch : [batch as RosterItem])
      if (!roster.stopped) auditor.staff(roster, item, out);
    if (out.length > 0) yield out;
  }
  const assignments = new RosterReader(options.assignments.file, ['staff_id', 'tasks']);
  for await (const batch of options.assignments.items) {
    const out: AuditRecord[] = [];
    for (const item of Array.isArray(batch) ? batch : [batch as RosterItem])
      if (!assignments.stopped) auditor.assignment(assignments, item, out);
    if (out.length > 0) yield out;
  }
}
