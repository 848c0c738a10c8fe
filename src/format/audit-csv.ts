import type { AuditDecision } from '../domain/audit.js';
import type { Decision } from '../domain/decision.js';
import { conditionsLine, statesOf } from './audit-conditions.js';
import { decimal } from './audit-decimal.js';
import { flat } from './audit-flat-text.js';
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

/**
 * Decisions are shared and frozen, so the cells that depend only on the decision, and the line
 * end, are written once per decision: as one flat string, which a report joins and encodes with
 * less work per row than the pieces it was made from.
 */
const decisionCells = new WeakMap<Decision, string>();

function cellsOf(d: Decision): string {
  let cells = decisionCells.get(d);
  if (cells === undefined) {
    const text = `${csvRecord([statesOf(d), d.task.id, d.verdict, d.determinedBy.join(';'), conditionsLine(d), d.rulesDigest])}\n`;
    cells = flat(text);
    decisionCells.set(d, cells);
  }
  return cells;
}

/**
 * Decisions as CSV lines; `--redact` leaves the name empty. A row's decisions come one after the
 * other with the same staff id and name, so their cells are quoted once for the row.
 */
export class AuditCsvRows {
  private staffId = '';
  private staffCell = '';
  private name: string | null = null;
  private nameCell = '';

  constructor(private readonly redact: boolean) {}

  row(r: AuditDecision): string {
    if (r.staffId !== this.staffId) {
      this.staffId = r.staffId;
      this.staffCell = csvField(r.staffId);
    }
    if (r.name !== this.name) {
      this.name = r.name;
      this.nameCell = this.redact || r.name === null ? '' : csvField(r.name);
    }
    return `${decimal(r.line)},${this.staffCell},${this.nameCell},${cellsOf(r.decision)}`;
  }
}
