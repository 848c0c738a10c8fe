import type { Diagnostic } from '../../domain/diagnostic.js';

/** One expected decision and how it went; failures read as expected-versus-actual pairs. */
export interface CaseOutcome {
  id: string;
  file: string;
  line: number;
  column: number;
  passed: boolean;
  failures: { field: string; expected: string; actual: string }[];
}

import type { CaseCoverage } from '../../domain/case-coverage.js';

/** What `validate` and `test` found: the input of every report format. */
export interface CheckReport {
  command: 'validate' | 'test';
  version: string;
  /** Every file checked, as shown in diagnostics. */
  files: string[];
  diagnostics: Diagnostic[];
  cases?: CaseOutcome[];
  coverage?: CaseCoverage;
}

export const REPORT_FORMATS = ['text', 'json', 'github', 'sarif', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const countBySeverity = (diagnostics: readonly Diagnostic[]) => {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
};
