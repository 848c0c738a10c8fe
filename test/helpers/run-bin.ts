import { spawnSync } from 'node:child_process';
import { BIN, REPO } from './paths.js';

export interface BinResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real, built `bin/ma-check.js` in a child process, stdout and stderr piped; `input` goes to its stdin. */
export function runBin(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
  cwd = REPO,
  input?: string | Buffer,
): BinResult {
  const clean = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, DEBUG: undefined, ...env };
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: clean as NodeJS.ProcessEnv,
    encoding: 'utf8',
    input,
    maxBuffer: 64 << 20,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A stack trace line as Node prints it. */
export const STACK_TRACE = /\n\s+at .+\(?.+:\d+:\d+\)?/;
