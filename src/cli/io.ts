import type { Readable, Writable } from 'node:stream';

/** Everything the CLI touches outside itself, so `main` can run in-process in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readonly stdoutIsTTY: boolean;
  /** Only a terminal gets a progress line. */
  readonly stderrIsTTY?: boolean;
  /** The streams behind `out` and `-`, for commands that stream more than fits in memory. */
  readonly stdoutStream?: Writable;
  readonly stdinStream?: Readable;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Today's local date, YYYY-MM-DD: the default `--as-of`. */
  today(): string;
}

const localDate = (now: Date): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

export function processIo(): Io {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdoutStream: process.stdout,
    // A getter: touching `process.stdin` opens it, which only `audit -` should pay for.
    get stdinStream() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    today: () => localDate(new Date()),
  };
}
