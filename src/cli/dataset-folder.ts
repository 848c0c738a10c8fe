import { createHash } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CODEBOOK_FILE, DATASET_FORMATS, DATASET_TABLES, datasetFileName, MANIFEST_FILE } from '../domain/dataset.js';
import { quoted } from '../domain/shown-value.js';
import { cleanUpOnSignal } from './cleanup-on-signal.js';
import { NoInputError, UsageError } from './errors.js';

/** A file being written, under this name until it is whole. */
export const partialName = (name: string): string => `.${name}.partial`;

/** Every name an export writes, in any format. */
const FILE_NAMES: readonly string[] = [
  MANIFEST_FILE,
  CODEBOOK_FILE,
  ...DATASET_FORMATS.flatMap((f) => DATASET_TABLES.map((t) => datasetFileName(t, f))),
];
/** The names the export's files have while being written: only an export makes them. */
const PARTIAL_NAMES: ReadonlySet<string> = new Set(FILE_NAMES.map(partialName));
const EXPORT_NAMES: ReadonlySet<string> = new Set([...FILE_NAMES, ...PARTIAL_NAMES]);

/**
 * Bytes written between two turns of the event loop: a signal is acted on at a turn, so Ctrl-C
 * during a long write stops it at once instead of once the export is whole (a turn costs
 * microseconds; the whole space is a few hundred of them).
 */
const BYTES_PER_TURN = 1 << 16;

/** The `--out` folder of an export, as checked before the work: nothing is made or removed yet. */
export interface DatasetFolder {
  readonly path: string;
  /** As the user wrote it, for messages. */
  readonly shown: string;
  /** Whether it is there already (else the write makes it, parents too). */
  readonly exists: boolean;
  /** What it holds: a previous export's files (and partial files of an interrupted one), or nothing. */
  readonly previous: readonly string[];
}

/** Writes one file of the dataset whole; gives its sha256 as written. */
export type WriteFile = (name: string, pieces: Iterable<string>) => Promise<string>;

/** An error of the file system (it has an errno code), as opposed to a fault of the export itself. */
const isSystemError = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';

const reason = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'ENOTDIR') return 'a folder on its path is a file';
  return code ?? (error as Error).message;
};

/** Whether `manifest.json` in a folder was written by an export of this tool. */
function isExportManifest(path: string): boolean {
  try {
    const manifest: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return (manifest as { tool?: { name?: unknown } } | null)?.tool?.name === 'ma-check';
  } catch {
    return false;
  }
}

/** Whether this process may make files in `path` (a folder): checked before the work, so a refusal costs no export. */
function checkWritable(path: string, shown: string, what: string): void {
  try {
    accessSync(path, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new NoInputError(`${what} ${quoted(shown)}: ${reason(error)}`);
  }
}

/** Whether a path is there; a path this process cannot look at counts as there (making it will say why not). */
function isThere(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true;
  }
}

/**
 * The folder the dataset goes into (`--out`), checked: it is missing (and can be made), empty, or
 * a previous export. A folder that holds anything is taken only when every file in it is one an
 * export writes and it is ma-check's: its `manifest.json` says ma-check wrote it, or it holds the
 * partial files of an interrupted export (`.decisions.csv.partial`), which only an export makes.
 * The new export then replaces it rather than mixing its files with others. Nothing is made yet.
 */
export function datasetFolder(cwd: string, shown: string): DatasetFolder {
  const path = resolve(cwd, shown);
  let info: ReturnType<typeof statSync>;
  try {
    info = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    throw new NoInputError(`cannot write to ${quoted(shown)}: ${reason(error)}`);
  }
  if (info === undefined) {
    // The nearest folder that is there must take the new ones.
    let parent = dirname(path);
    while (!isThere(parent)) parent = dirname(parent);
    checkWritable(parent, shown, 'cannot create the folder');
    return { path, shown, exists: false, previous: [] };
  }
  if (!info.isDirectory())
    throw new NoInputError(`cannot write to ${quoted(shown)}: it is not a folder; name a folder for --out`);
  let entries: string[];
  try {
    entries = readdirSync(path).sort();
  } catch (error) {
    throw new NoInputError(`cannot read the folder ${quoted(shown)}: ${reason(error)}`);
  }
  checkWritable(path, shown, 'cannot write to');
  if (entries.length === 0) return { path, shown, exists: true, previous: [] };
  const others = entries.filter((name) => !EXPORT_NAMES.has(name));
  if (others.length > 0) {
    const shownOthers = others.slice(0, 3).map(quoted).join(', ') + (others.length > 3 ? ', …' : '');
    throw new UsageError(
      `--out ${quoted(shown)} is not empty and holds files an export does not write (${shownOthers}); name a new or empty folder`,
    );
  }
  const ours =
    (entries.includes(MANIFEST_FILE) && isExportManifest(join(path, MANIFEST_FILE))) ||
    entries.some((name) => PARTIAL_NAMES.has(name));
  if (!ours)
    throw new UsageError(
      `--out ${quoted(shown)} is not empty and is not a previous export (no manifest.json of ma-check); name a new or empty folder`,
    );
  return { path, shown, exists: true, previous: entries };
}

/**
 * Writes a dataset into its folder: makes the folder when missing, runs `write`, whose files are
 * each written under a partial name (`.decisions.csv.partial`), then renames them all in the order
 * written (the manifest, written last, last of all), then removes the previous export's files it
 * did not write. So at every moment the folder is either the previous export, whole, or holds a
 * partial file or a manifest that marks it as ma-check's, which the next export takes.
 *
 * A run that fails, or that SIGINT, SIGTERM or SIGHUP ends, leaves no partial file; when the
 * folder held nothing before (or this run made it), it leaves nothing at all, not the folder.
 */
export async function writeDataset(
  folder: DatasetFolder,
  write: (writeFile: WriteFile) => Promise<void>,
): Promise<void> {
  /** Partial files made, not yet renamed, in the order written. */
  const partials = new Map<string, string>();
  /** Files renamed into place by this run. */
  const written = new Set<string>();
  /** The folders this run made, outermost first. */
  let made: string[] = [];

  const removeOurs = () => {
    for (const temp of partials.keys()) rmSync(temp, { force: true });
    partials.clear();
    // A folder that held nothing before holds only this run's files: none of them is whole.
    if (folder.previous.length > 0) return;
    for (const name of written) rmSync(join(folder.path, name), { force: true });
    written.clear();
    for (const dir of made.reverse()) rmdirSync(dir);
    made = [];
  };
  // Watching from before anything is made: no signal falls between making a file and watching.
  const watch = cleanUpOnSignal(removeOurs);
  try {
    if (!folder.exists) made = makeFolder(folder);
    await write((name, pieces) => writePartial(folder, name, pieces, partials));
    for (const [temp, name] of partials) {
      try {
        renameSync(temp, join(folder.path, name));
      } catch (error) {
        throw new NoInputError(`cannot write ${name} in ${quoted(folder.shown)}: ${reason(error)}`);
      }
      partials.delete(temp);
      written.add(name);
    }
    for (const name of folder.previous)
      if (!written.has(name)) {
        try {
          rmSync(join(folder.path, name), { force: true });
        } catch (error) {
          throw new NoInputError(
            `cannot remove the previous export's ${name} from ${quoted(folder.shown)}: ${reason(error)}`,
          );
        }
      }
    // A signal that came during the last stretch of work is acted on while still watched.
    await nextTurn();
  } catch (error) {
    try {
      removeOurs();
    } catch {
      // The failure that brought us here is the one to report.
    }
    throw error;
  } finally {
    watch.release();
  }
}

/** Makes the folder and its missing parents; gives those it made, outermost first. */
function makeFolder(folder: DatasetFolder): string[] {
  let first: string | undefined;
  try {
    first = mkdirSync(folder.path, { recursive: true });
  } catch (error) {
    throw new NoInputError(`cannot create the folder ${quoted(folder.shown)}: ${reason(error)}`);
  }
  if (first === undefined) return [];
  const made = [folder.path];
  while (made[0] !== first) made.unshift(dirname(made[0]!));
  return made;
}

/** Writes a file whole under its partial name, recorded in `partials`: its sha256 as it was written. */
async function writePartial(
  folder: DatasetFolder,
  name: string,
  pieces: Iterable<string>,
  partials: Map<string, string>,
): Promise<string> {
  const temp = join(folder.path, partialName(name));
  const hash = createHash('sha256');
  let fd: number | undefined;
  partials.set(temp, name);
  try {
    fd = openSync(temp, 'w');
    let sinceTurn = 0;
    for (const piece of pieces) {
      const bytes = Buffer.from(piece, 'utf8');
      hash.update(bytes);
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
      sinceTurn += bytes.length;
      if (sinceTurn >= BYTES_PER_TURN) {
        sinceTurn = 0;
        await nextTurn();
      }
    }
    closeSync(fd);
    fd = undefined;
  } catch (error) {
    try {
      if (fd !== undefined) closeSync(fd);
    } catch {
      // The failure that brought us here is the one to report.
    }
    if (!isSystemError(error)) throw error;
    throw new NoInputError(`cannot write ${name} in ${quoted(folder.shown)}: ${reason(error)}`);
  }
  return hash.digest('hex');
}
