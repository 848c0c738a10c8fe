import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode } from './exit-codes.js';
import { processIo } from './io.js';
import { main } from './main.js';
import { printInternalError } from './print-error.js';

/**
 * The bundle's entry: the real process, the package root the bin sits in, and its version. A
 * closed stdout or stderr leaves the command's exit code as it is; output that could not be
 * written anywhere else (a full disk) is an error of its own, reported once.
 */
export async function run(packageRoot: string): Promise<number> {
  const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  const io = processIo();
  const code = await main(process.argv.slice(2), io, { packageRoot, version });
  const failure = await io.settled();
  // An internal error was reported already, the write failure among its possible causes.
  if (failure === undefined || code === ExitCode.Internal) return code;
  printInternalError(failure, io);
  return ExitCode.Internal;
}
