import { closeSync, fchmodSync, fchownSync, fdatasync, fsyncSync, open, openSync, unlinkSync } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import type { OutputTarget } from './output-target.js';
import { markDone, markLive, removeStaleTemps, tempFor } from './stale-temps.js';

/** What a signal that ends the run must not leave behind. */
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * The file `--output` names. A regular file is written atomically: to a temp file beside it,
 * which gets the target's mode (and owner, where this process may set it) before a byte is
 * written, and is renamed over the target once the report is complete; a failing or interrupted
 * run leaves the target as it was. SIGINT, SIGTERM and SIGHUP remove the temp file, from before it
 * exists (no signal falls between creating it and watching for one); what SIGKILL leaves, the
 * next run writing the same file removes. A FIFO or a device is written as it is.
 */
export class ReportFile {
  private closed = false;
  /** A flush to disk under way in the background (see `syncAhead`), to wait for before the file is closed. */
  private syncing: Promise<void> | undefined;
  /** The first error of a background write-back (`syncAhead`), reported by `commit`. */
  private syncError: NodeJS.ErrnoException | undefined;

  private constructor(
    readonly fd: number,
    private readonly target: OutputTarget,
    private readonly temp: string | undefined,
    private readonly watch: Watch | undefined,
  ) {}

  static async open(target: OutputTarget): Promise<ReportFile> {
    if (target.kind === 'direct') {
      // A FIFO opens when a reader does: asynchronously, so the wait blocks nothing else.
      const fd = await new Promise<number>((resolve, reject) =>
        open(target.path, 'w', (error, fd) =>
          error ? reject(new UsageError(`cannot write ${target.shown}: ${error.code ?? error.message}`)) : resolve(fd),
        ),
      );
      return new ReportFile(fd, target, undefined, undefined);
    }
    removeStaleTemps(target.path);
    const temp = tempFor(target.path);
    const watch: Watch = {
      // The signal again, now unwatched: the process ends as the signal would have ended it.
      onSignal: (signal) => {
        removeQuietly(temp);
        stopWatching(watch);
        process.kill(process.pid, signal);
      },
      onExit: () => removeQuietly(temp),
    };
    for (const signal of SIGNALS) process.once(signal, watch.onSignal);
    process.once('exit', watch.onExit);
    markLive(temp);
    let fd: number;
    try {
      // Synchronous, so no signal is handled between creating the file and knowing its name.
      fd = openSync(temp, 'wx', target.existing === undefined ? 0o666 : 0o600);
    } catch (error) {
      stopWatching(watch);
      markDone(temp);
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(
        `cannot write ${target.shown}: ${code === 'EEXIST' ? 'another audit in this process is writing it' : (code ?? (error as Error).message)}`,
      );
    }
    const file = new ReportFile(fd, target, temp, watch);
    if (target.existing !== undefined)
      try {
        keepModeAndOwner(fd, target.existing);
      } catch (error) {
        await file.abort();
        throw new UsageError(
          `cannot write ${target.shown}: cannot give the report its mode (${(error as NodeJS.ErrnoException).code})`,
        );
      }
    return file;
  }

  /**
   * Starts putting what has been written so far on disk, in the background, unless that is under
   * way already. Without it the system would hold a large report in memory until the final
   * `fsync`, which would then write it all while the run waits; this way the writing overlaps the
   * audit and little is left for the end. An error is kept for `commit`: Linux reports a failed
   * write-back once per open file, so the final `fsync` on the same descriptor may not see it again.
   */
  syncAhead(): void {
    if (this.temp === undefined || this.syncing !== undefined || this.closed) return;
    this.syncing = new Promise((resolve) =>
      fdatasync(this.fd, (error) => {
        this.syncError ??= error ?? undefined;
        this.syncing = undefined;
        resolve();
      }),
    );
  }

  /** The report is complete and its stream has finished: on disk first, then under its name. */
  async commit(): Promise<void> {
    await this.syncing;
    if (this.temp === undefined) {
      this.close();
      return;
    }
    try {
      if (this.syncError !== undefined) throw this.syncError;
      fsyncSync(this.fd);
      this.close();
      await rename(this.temp, this.target.path);
    } catch (error) {
      await this.forget();
      throw new Error(
        `cannot write ${this.target.shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    this.release();
  }

  /** A failed run: the temp file goes, the target stays as it was. */
  async abort(): Promise<void> {
    await this.syncing;
    try {
      this.close();
    } catch {
      // A failing disk: the temp file is removed all the same.
    }
    await this.forget();
  }

  /** Once: a descriptor number closed twice may by then be another file's. */
  private close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private async forget(): Promise<void> {
    if (this.temp !== undefined) await unlink(this.temp).catch(() => undefined);
    this.release();
  }

  private release(): void {
    if (this.watch !== undefined) stopWatching(this.watch);
    if (this.temp !== undefined) markDone(this.temp);
  }
}

/** What removes the temp file if the run ends before it is renamed. */
interface Watch {
  onSignal(signal: NodeJS.Signals): void;
  onExit(): void;
}

function stopWatching(watch: Watch): void {
  for (const signal of SIGNALS) process.off(signal, watch.onSignal);
  process.off('exit', watch.onExit);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // never created, or gone already
  }
}

/** An existing report's mode stays; so does its owner, where this process may set it (root may). */
function keepModeAndOwner(fd: number, existing: { mode: number; uid: number; gid: number }): void {
  fchmodSync(fd, existing.mode);
  if (existing.uid === process.getuid?.() && existing.gid === process.getgid?.()) return;
  try {
    fchownSync(fd, existing.uid, existing.gid);
  } catch {
    // Only root may give a file away: the report is this user's, with the mode it had.
  }
}
