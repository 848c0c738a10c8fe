import { isCliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';
import { printCliError, printInternalError } from '../print-error.js';

/**
 * A command that failed, reported and turned into its exit code: a user error as its own short
 * lines, anything else as an internal error. Commander's own errors are printed by commander.
 */
export function reportFailure(error: unknown, io: Io): number {
  if (isCliError(error)) {
    printCliError(error, io);
    return error.exitCode;
  }
  printInternalError(error, io);
  return ExitCode.Internal;
}
