import type { Diagnostic } from '../domain/diagnostic.js';
import type { RuleDiagnosticCode } from '../domain/diagnostic-codes.js';

/** An error about a whole file or folder (it cannot be read, it is misnamed), located at its first position. */
export const wholeFileError = (code: RuleDiagnosticCode, file: string, message: string): Diagnostic => ({
  code,
  severity: 'error',
  file,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 1,
  pointer: '',
  message,
});
