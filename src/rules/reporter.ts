import type { Diagnostic } from '../domain/diagnostic.js';
import type { RuleDiagnosticCode } from '../domain/diagnostic-codes.js';
import type { DataPath, SourceMap } from './source-map.js';
import { toPointer } from './source-map.js';

/** Where a piece of data came from: the file, its source map and the path inside it. */
export interface Origin {
  file: string;
  map: SourceMap;
  path: DataPath;
}

export const within = (origin: Origin, ...more: (string | number)[]): Origin => ({
  ...origin,
  path: [...origin.path, ...more],
});

/** Collects diagnostics located through each file's source map. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  error(
    code: RuleDiagnosticCode,
    at: Origin,
    message: string,
    options: { ruleId?: string; target?: 'key' | 'value' } = {},
  ): void {
    this.push('error', code, at, message, options);
  }

  warning(
    code: RuleDiagnosticCode,
    at: Origin,
    message: string,
    options: { ruleId?: string; target?: 'key' | 'value' } = {},
  ): void {
    this.push('warning', code, at, message, options);
  }

  private push(
    severity: Diagnostic['severity'],
    code: RuleDiagnosticCode,
    at: Origin,
    message: string,
    options: { ruleId?: string; target?: 'key' | 'value' },
  ): void {
    this.diagnostics.push({
      code,
      severity,
      file: at.file,
      ...at.map.rangeOf(at.path, options.target),
      pointer: toPointer(at.path),
      ...(options.ruleId ? { ruleId: options.ruleId } : {}),
      message,
    });
  }
}
