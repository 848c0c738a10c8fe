import { readdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The temp file a run writes `target` through: `.NAME.ma-check-PID.tmp` beside it. The process id
 * says whose it is, so a later run can tell a stale one (its process is gone) from a live one.
 */
export const tempFor = (target: string, pid: number = process.pid): string =>
  join(dirname(target), `.${basename(target)}.ma-check-${pid}.tmp`);

/** Temp files this process is writing now (an embedding program may run several audits). */
const LIVE = new Set<string>();

export const markLive = (temp: string): void => void LIVE.add(temp);
export const markDone = (temp: string): void => void LIVE.delete(temp);

/**
 * Removes the temp files earlier runs left beside `target`, which SIGKILL or a power cut can do:
 * those named for a process that no longer runs, or for this one (a process id is reused, and
 * this process has not started its own yet). The names earlier versions used
 * (`.NAME.PID-HEX.tmp`) are recognized too. Best effort: what cannot be removed stays.
 */
export function removeStaleTemps(target: string): void {
  const folder = dirname(target);
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const owner = /^(?:ma-check-(\d+)|(\d+)-[0-9a-f]{8})$/.exec(name.slice(prefix.length, -'.tmp'.length));
    if (owner === null) continue;
    const pid = Number(owner[1] ?? owner[2]);
    const path = join(folder, name);
    if (LIVE.has(path) || (pid !== process.pid && isRunning(pid))) continue;
    try {
      unlinkSync(path);
    } catch {
      // gone already, or not ours to remove
    }
  }
}

/** Signal 0 tests for a process without touching it; EPERM means it runs as someone else. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
