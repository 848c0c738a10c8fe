import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode } from './exit-codes.js';
import { type ProcessIo, processIo } from './io.js';
import { printInternalError } from './print-error.js';
import { fastMain } from './start/fast-main.js';

/**
 * The bundle's entry: the real process, the package root the bin sits in, and its version. A
 * plain check or look-up runs without commander (start/fast-main.ts); anything else loads it. A
 * closed stdout or stderr leaves the command's exit code as it is; output that could not be
 * written anywhere else (a full disk) is an error of its own, reported once. The build runs it
 * with its own arguments and a silent Io to compile what a check runs into the code cache.
 */
export async function run(
  packageRoot: string,
  argv: readonly string[] = process.argv.slice(2),
  io: ProcessIo = processIo(),
): Promise<number> {
  const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  const install = { packageRoot, version };
  const code = (await fastMain(argv, io, install)) ?? (await (await import('./main.js')).main(argv, io, install));
  const failure = await io.settled();
  // An internal error was reported already, the write failure among its possible causes.
  if (failure === undefined || code === ExitCode.Internal) return code;
  printInternalError(failure, io);
  return ExitCode.Internal;
}
