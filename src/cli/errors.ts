import type { Diagnostic } from '../domain/diagnostic.js';
import { ExitCode } from './exit-codes.js';

/**
 * Marks the CLI's own errors. A lazily loaded bundle (`audit-heavy.cjs`) carries its own copy of
 * these classes, so `instanceof` cannot recognize its errors; a registered symbol can.
 */
const CLI_ERROR = Symbol.for('ma-check.cli-error');

/** A problem with what the user typed: one line on stderr, exit 64, never a stack trace. */
export class UsageError extends Error {
  readonly exitCode: number = ExitCode.Usage;
  readonly [CLI_ERROR] = true;
}

/** A named file or folder that is missing or unreadable (exit 66). */
export class NoInputError extends Error {
  readonly exitCode: number = ExitCode.NoInput;
  readonly [CLI_ERROR] = true;
}

/** The rules a command needs are invalid (exit 65); the diagnostics say where. */
export class InvalidRulesError extends Error {
  readonly exitCode: number = ExitCode.InvalidRules;
  readonly [CLI_ERROR] = true;
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(
      `${diagnostics.filter((d) => d.severity === 'error').length} error(s) in the rule files; fix them or run 'ma-check validate'`,
    );
  }
}

export type CliError = UsageError | NoInputError | InvalidRulesError;

export const isCliError = (error: unknown): error is CliError =>
  typeof error === 'object' && error !== null && CLI_ERROR in error;

/** The rule diagnostics an error carries, whichever bundle threw it. */
export const diagnosticsOf = (error: CliError): readonly Diagnostic[] =>
  'diagnostics' in error ? error.diagnostics : [];
