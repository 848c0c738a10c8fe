import type { AuditDecision } from '../domain/audit.js';
import type { Decision } from '../domain/decision.js';
import { conditionsLine, statesOf } from './audit-conditions.js';
import { csvField, csvRecord } from './csv-cell.js';

/** The audit CSV's columns (docs/design.md, a contract). */
const AUDIT_CSV_COLUMNS = [
  'line',
  'staff_id',
  'name',
  'states',
  'task',
  'verdict',
  'determined_by',
  'conditions',
  'rules_digest',
] as const;

export const auditCsvHeader = (): string => `${csvRecord(AUDIT_CSV_COLUMNS)}\n`;

/** Decisions are shared and frozen, so the cells that depend only on the decision are written once per decision. */
const decisionCells = new WeakMap<Decision, string>();

function cellsOf(d: Decision): string {
  let cells = decisionCells.get(d);
  if (cells === undefined) {
    cells = csvRecord([statesOf(d), d.task.id, d.verdict, d.determinedBy.join(';'), conditionsLine(d), d.rulesDigest]);
    decisionCells.set(d, cells);
  }
  return cells;
}

/** One decision as a CSV line; `--redact` leaves the name empty. */
export function auditCsvRow(r: AuditDecision, redact: boolean): string {
  const name = redact || r.name === null ? '' : csvField(r.name);
  return `${r.line},${csvField(r.staffId)},${name},${cellsOf(r.decision)}\n`;
}
