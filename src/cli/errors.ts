import type { Diagnostic } from '../domain/diagnostic.js';
import { ExitCode } from './exit-codes.js';

/** A problem with what the user typed: one line on stderr, exit 64, never a stack trace. */
export class UsageError extends Error {
  readonly exitCode: number = ExitCode.Usage;
}

/** A named file or folder that is missing or unreadable (exit 66). */
export class NoInputError extends Error {
  readonly exitCode: number = ExitCode.NoInput;
}

/** The rules a command needs are invalid (exit 65); the diagnostics say where. */
export class InvalidRulesError extends Error {
  readonly exitCode: number = ExitCode.InvalidRules;
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`${diagnostics.filter((d) => d.severity === 'error').length} error(s) in the rule files; fix them or run 'ma-check validate'`);
  }
}

export type CliError = UsageError | NoInputError | InvalidRulesError;

export const isCliError = (error: unknown): error is CliError =>
  error instanceof UsageError || error instanceof NoInputError || error instanceof InvalidRulesError;
