import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { REPO } from './paths.js';

/** An Io that records what the CLI writes, for in-process runs of `main`. */
export interface MemoryIo extends Io {
  stdout: string;
  stderr: string;
}

export interface MemoryIoOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  /** What stdin holds; without it the run has no stdin, as when `main` is embedded. */
  stdin?: string | Buffer;
  /**
   * Give the run a stdout stream, as a real process has: streaming commands (`audit`) then write
   * through it instead of `out`. On by default; off tests the `out` fallback.
   */
  stdoutStream?: boolean;
  /** Called with every text written through `out`, before it is recorded (it may throw). */
  onOut?: (text: string) => void;
  today?: string;
}

export function memoryIo(options: MemoryIoOptions = {}): MemoryIo {
  const decoder = new StringDecoder('utf8');
  const io: MemoryIo = {
    stdout: '',
    stderr: '',
    out(text: string) {
      options.onOut?.(text);
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    stderrIsTTY: options.stderrIsTTY ?? false,
    stdoutStream:
      options.stdoutStream === false
        ? undefined
        : new Writable({
            write(chunk: Buffer, _encoding, callback) {
              io.stdout += decoder.write(chunk);
              callback();
            },
          }),
    stdinStream: options.stdin === undefined ? undefined : Readable.from([Buffer.from(options.stdin)]),
    env: options.env ?? {},
    cwd: options.cwd ?? REPO,
    today: () => options.today ?? '2026-11-25',
  };
  return io;
}

/** The version the in-process runs report: the package's own, as the bin would. */
const VERSION: string = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version;

/** The install `main` runs from: this repository, whose `dist/` the global setup has built. */
const INSTALL = { packageRoot: REPO, version: VERSION };

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in-process, like the bin: exit code, stdout and stderr. */
export async function runMain(
  argv: readonly string[],
  options: MemoryIoOptions & { install?: { packageRoot: string; version: string } } = {},
): Promise<RunResult> {
  const io = memoryIo(options);
  const code = await main(argv, io, options.install ?? INSTALL);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** A stack trace line as Node prints it. */
export const STACK_TRACE = /\n\s+at .+\(?.+:\d+:\d+\)?/;
