import { type StdioOptions, spawnSync } from 'node:child_process';
import { BIN, REPO } from './paths.js';

export interface BinResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface BinExtras {
  /** Where stdout goes instead of a pipe, e.g. a file descriptor. */
  stdout?: number;
  /** Another bin to run (a copied install); the repository's own by default. */
  bin?: string;
}

/** The environment of a run: no colour setting or DEBUG inherited from whoever runs the tests. */
const cleanEnv = (env: Record<string, string | undefined> = {}) =>
  ({ ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, DEBUG: undefined, ...env }) as NodeJS.ProcessEnv;

/** Runs the real, built `bin/ma-check.js` in a child process, stdout and stderr piped; `input` goes to its stdin. */
export function runBin(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
  cwd = REPO,
  input?: string | Buffer,
  extras: BinExtras = {},
): BinResult {
  const stdio: StdioOptions = ['pipe', extras.stdout ?? 'pipe', 'pipe'];
  const result = spawnSync(process.execPath, [extras.bin ?? BIN, ...args], {
    cwd,
    env: cleanEnv(env),
    encoding: 'utf8',
    input,
    stdio,
    maxBuffer: 64 << 20,
  });
  return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr };
}

/**
 * Runs the bin with a shell pipeline after it: `| <after>`. Prints what the pipeline printed, then
 * `exit=<the bin's exit code>` on a line of its own.
 */
export function runBinPiped(args: readonly string[], after: string, env: Record<string, string | undefined> = {}) {
  const result = spawnSync(
    'bash',
    ['-c', `"$0" "$@" | ${after}; code=\${PIPESTATUS[0]}; echo; echo "exit=$code"`, process.execPath, BIN, ...args],
    { cwd: REPO, env: cleanEnv(env), encoding: 'utf8' },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Runs the bin on a pseudo-terminal (util-linux `script`), so its stdout is a TTY. The terminal
 * turns `\n` into `\r\n`; the result has them back as `\n`. Its stderr is the same terminal.
 */
export function runBinInTerminal(args: readonly string[], env: Record<string, string | undefined> = {}): BinResult {
  const command = [process.execPath, BIN, ...args].map(shellQuote).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: REPO,
    env: cleanEnv(env),
    encoding: 'utf8',
    input: '',
  });
  return { code: result.status, stdout: result.stdout.replace(/\r\n/g, '\n'), stderr: result.stderr };
}

/** A stack trace line as Node prints it. */
export const STACK_TRACE = /\n\s+at .+\(?.+:\d+:\d+\)?/;
