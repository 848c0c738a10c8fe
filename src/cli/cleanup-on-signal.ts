/** Signals that end a run from outside (Ctrl-C, `kill`, a closed terminal): none may leave a run's temporary files. */
export const CLEANUP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** A cleanup being watched for: `release` once the run no longer needs it. */
export interface CleanupWatch {
  release(): void;
}

/**
 * Runs `cleanup` if SIGINT, SIGTERM or SIGHUP ends the run, or the process exits, before `release`;
 * after a signal, raises the signal again, unwatched, so the process ends as the signal would have
 * ended it (a shell sees 128 + its number). Start watching before making what `cleanup` removes, so
 * no signal falls between the two. `cleanup` must be synchronous (an exit waits for nothing) and
 * is best effort: what it throws is dropped, since the run is ending anyway. The pattern of the
 * audit's `--output` temp file (src/cli/audit/report-file.ts).
 */
export function cleanUpOnSignal(cleanup: () => void): CleanupWatch {
  let watching = true;
  const runCleanup = () => {
    try {
      cleanup();
    } catch {
      // The run is ending: nothing is left to report it to.
    }
  };
  const release = () => {
    if (!watching) return;
    watching = false;
    for (const signal of CLEANUP_SIGNALS) process.off(signal, onSignal);
    process.off('exit', runCleanup);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    runCleanup();
    release();
    process.kill(process.pid, signal);
  };
  for (const signal of CLEANUP_SIGNALS) process.once(signal, onSignal);
  process.once('exit', runCleanup);
  return { release };
}
