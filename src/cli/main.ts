import { Command, CommanderError } from 'commander';
import { registerAudit } from './commands/audit.js';
import { registerBrowse } from './commands/browse.js';
import { registerCheck } from './commands/check.js';
import { registerDiff } from './commands/diff.js';
import { registerExport } from './commands/export.js';
import { registerMap } from './commands/map.js';
import { registerMatrix } from './commands/matrix.js';
import { registerSchema } from './commands/schema.js';
import { registerSite } from './commands/site.js';
import { registerSources } from './commands/sources.js';
import { registerStates } from './commands/states.js';
import { registerTest } from './commands/test.js';
import { registerValidate } from './commands/validate.js';
import type { CommandContext, Install } from './context.js';
import { ExitCode } from './exit-codes.js';
import type { Io } from './io.js';
import { guardOptionValues } from './options.js';
import { commanderErrorLine } from './print-error.js';
import { reportFailure } from './start/report-failure.js';

/** Runs the command line and returns the exit code; only `bin/` sets it on the process. */
export async function main(argv: readonly string[], io: Io, install: Install): Promise<number> {
  const context: CommandContext = { io, install, exitCode: ExitCode.Ok };
  const program = createProgram(context);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    return reportFailure(error, io);
  }
}

/** The command line's definition: every command and option, wired to `context`. */
export function createProgram(context: CommandContext): Command {
  const { io, install } = context;
  const program = new Command('ma-check')
    .description('May this medical assistant do this task, here? Cited answers from state law and national guidance.')
    .version(install.version, '-V, --version')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.out(text),
      writeErr: (text) => io.err(text),
      outputError: (text, write) => write(commanderErrorLine(text)),
    });
  registerCheck(program, context);
  registerBrowse(program, context);
  registerStates(program, context);
  registerSources(program, context);
  registerSchema(program, context);
  registerValidate(program, context);
  registerTest(program, context);
  registerAudit(program, context);
  registerMatrix(program, context);
  registerMap(program, context);
  registerSite(program, context);
  registerExport(program, context);
  registerDiff(program, context);
  // Every command, not just the program, must throw instead of exiting (`main` returns the code)
  // and refuse an empty or repeated option value instead of taking it silently.
  const prepare = (command: Command) => {
    command.exitOverride();
    guardOptionValues(command);
    command.commands.forEach(prepare);
  };
  prepare(program);
  return program;
}
