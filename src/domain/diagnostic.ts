import type { RuleDiagnosticCode } from './diagnostic-codes.js';
import type { RosterDiagnosticCode } from './roster-codes.js';

/** Every code a diagnostic can carry: the rule files' table and the rosters' own. */
export type DiagnosticCode = RuleDiagnosticCode | RosterDiagnosticCode;

/** One problem in a rule, case or roster file. Lines and columns are 1-based. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** JSON pointer into the file's data, `''` for the whole file. */
  pointer: string;
  ruleId?: string;
  message: string;
}

export const compareDiagnostics = (a: Diagnostic, b: Diagnostic): number =>
  a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);
