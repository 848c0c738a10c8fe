import type { Diagnostic } from '../domain/diagnostic.js';
import { escapeControls, SHOWN_LENGTH, shownValue } from '../domain/shown-value.js';
import { type CliError, diagnosticsOf } from './errors.js';
import type { Io } from './io.js';

/** `file:line:col  severity  message  code`: the line format editors and CI logs turn into links. */
export const diagnosticLine = (d: Diagnostic): string =>
  `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.code}`;

/**
 * A user error as short lines on stderr: what went wrong and where, never a stack trace. Messages
 * quote what was typed with `quoted`; escaping what is left of control characters here keeps a
 * path or value that reached a message unquoted from repainting the terminal.
 */
export function printCliError(error: CliError, io: Io): void {
  for (const d of diagnosticsOf(error)) io.err(`${diagnosticLine(d)}\n`);
  io.err(`ma-check: ${error.message.split('\n').map(escapeControls).join('\n')}\n`);
}

/** Commander ends a message with its own guess on a line of its own: `(Did you mean --state?)`. */
const COMMANDER_GUESS = /\n\(Did you mean [^\n]*\)$/;

/**
 * Commander's error as one line: commander quotes what was typed (`unknown option '--x'`,
 * `argument 'x' is invalid`) as it is, so control characters are escaped and a quoted value longer
 * than a message shows is cut.
 */
export function commanderErrorLine(text: string): string {
  const message = text.replace(/^error: /, '').trim();
  const guess = COMMANDER_GUESS.exec(message);
  const said = escapeControls(guess ? message.slice(0, guess.index) : message).replace(
    new RegExp(`'([^']{${SHOWN_LENGTH + 1},})'`, 'g'),
    (_, value: string) => `'${shownValue(value)}'`,
  );
  return `ma-check: ${said}${guess ? ` ${guess[0].trim()}` : ''}\n`;
}

/** An internal error: one line, and the stack only when `DEBUG=ma-check` asks for it. */
export function printInternalError(error: unknown, io: Io): void {
  const message = error instanceof Error ? error.message : String(error);
  io.err(`ma-check: internal error: ${message.split('\n')[0]} (set DEBUG=ma-check for details)\n`);
  if ((io.env.DEBUG ?? '').split(',').some((d) => d.trim() === 'ma-check' || d.trim() === '*'))
    io.err(`${(error as Error).stack ?? message}\n`);
}
