import type { CommandContext, Install } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';
import { parseFastArgs } from './fast-args.js';
import { FAST_COMMANDS } from './fast-commands.js';
import { reportFailure } from './report-failure.js';

/**
 * A check or a look-up (`tasks`, `state WA`…) typed plainly, run without loading commander:
 * its exit code, or undefined when the command line is anything else, for `main` to run. Both
 * run the same actions and report failures the same way, so the output is the same
 * (test/cli/fast-start.test.ts compares them).
 */
export async function fastMain(argv: readonly string[], io: Io, install: Install): Promise<number | undefined> {
  const invocation = parseFastArgs(argv, FAST_COMMANDS);
  if (invocation === undefined) return undefined;
  const context: CommandContext = { io, install, exitCode: ExitCode.Ok };
  try {
    await invocation.command.run(context, invocation.operands, invocation.options);
    return context.exitCode;
  } catch (error) {
    return reportFailure(error, io);
  }
}
