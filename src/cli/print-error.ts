import type { Diagnostic } from '../domain/diagnostic.js';
import { type CliError, diagnosticsOf } from './errors.js';
import type { Io } from './io.js';

/** `file:line:col  severity  message  code`: the line format editors and CI logs turn into links. */
export const diagnosticLine = (d: Diagnostic): string =>
  `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.code}`;

/** A user error as short lines on stderr: what went wrong and where, never a stack trace. */
export function printCliError(error: CliError, io: Io): void {
  for (const d of diagnosticsOf(error)) io.err(`${diagnosticLine(d)}\n`);
  io.err(`ma-check: ${error.message}\n`);
}
