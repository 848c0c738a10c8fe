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
  /** Today's date in the process's time zone (`TZ`), YYYY-MM-DD: the default `--as-of`. */
  today(): string;
}

/** The real process's Io, which also knows whether stdout failed. */
export interface ProcessIo extends Io {
  /**
   * Waits until what was written has left, then gives the error that kept stdout from taking it,
   * if any. A reader that closed early (`| head`, EPIPE) is not one: output nobody reads is not lost.
   */
  settled(): Promise<Error | undefined>;
}

const localDate = (now: Date): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/**
 * A standard stream that never throws at the process: without an 'error' listener, Node turns a
 * write to a closed pipe into an uncaught exception with a stack. Once it fails, writes stop.
 */
function guarded(stream: NodeJS.WriteStream) {
  let stopped = false;
  let failure: Error | undefined;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    stopped = true;
    if (error.code !== 'EPIPE') failure ??= error;
  });
  return {
    write(text: string): void {
      if (!stopped) stream.write(text);
    },
    /**
     * An empty write calls back once everything before it has been written or has failed; the
     * stream reports a failure on a later tick, so the answer waits one turn of the event loop.
     */
    settled: (): Promise<Error | undefined> =>
      new Promise((resolve) => {
        const answer = () => setImmediate(() => resolve(failure));
        if (stopped || stream.destroyed) answer();
        else stream.write('', answer);
      }),
  };
}

export function processIo(): ProcessIo {
  const stdout = guarded(process.stdout);
  const stderr = guarded(process.stderr);
  return {
    out: stdout.write,
    err: stderr.write,
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
    settled: async () => {
      // A failing stderr has nowhere to be reported; the command's own exit code stands.
      await stderr.settled();
      return stdout.settled();
    },
  };
}
