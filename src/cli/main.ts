import { Command, CommanderError } from 'commander';
import { registerAudit } from './commands/audit.js';
import { registerBrowse } from './commands/browse.js';
import { registerCheck } from './commands/check.js';
import { registerSchema } from './commands/schema.js';
import { registerSources } from './commands/sources.js';
import { registerStates } from './commands/states.js';
import { registerTest } from './commands/test.js';
import { registerValidate } from './commands/validate.js';
import type { CommandContext, Install } from './context.js';
import { isCliError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import type { Io } from './io.js';
import { printCliError } from './print-error.js';

/** Runs the command line and returns the exit code; only `bin/` sets it on the process. */
export async function main(argv: readonly string[], io: Io, install: Install): Promise<number> {
  const context: CommandContext = { io, install, exitCode: ExitCode.Ok };
  const program = new Command('ma-check')
    .description('May this medical assistant do this task, here? Cited answers from state law and national guidance.')
    .version(install.version, '-V, --version')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.out(text),
      writeErr: (text) => io.err(text),
      outputError: (text, write) =>
        write(
          `ma-check: ${text
            .replace(/^error: /, '')
            .trim()
            .replace(/\n+/g, ' ')}\n`,
        ),
    });
  registerCheck(program, context);
  registerBrowse(program, context);
  registerStates(program, context);
  registerSources(program, context);
  registerSchema(program, context);
  registerValidate(program, context);
  registerTest(program, context);
  registerAudit(program, context);
  // Every command, not just the program, must throw instead of exiting: `main` returns the code.
  const exitOverride = (command: Command) => {
    command.exitOverride();
    command.commands.forEach(exitOverride);
  };
  exitOverride(program);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    if (isCliError(error)) {
      printCliError(error, io);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`ma-check: internal error: ${message.split('\n')[0]} (set DEBUG=ma-check for details)\n`);
    if ((io.env.DEBUG ?? '').split(',').some((d) => d.trim() === 'ma-check' || d.trim() === '*'))
      io.err(`${(error as Error).stack ?? message}\n`);
    return ExitCode.Internal;
  }
}
