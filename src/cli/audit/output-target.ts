import { constants, fstatSync, type Stats } from 'node:fs';
import { access, lstat, readlink, realpath, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isCliError, UsageError } from '../errors.js';
import type { Io } from '../io.js';

/** Where `--output` writes, checked before any work is done. */
export interface OutputTarget {
  /** As the user wrote it, for messages. */
  shown: string;
  /** The file written: the path given, or the file its symbolic links lead to (the links stay). */
  path: string;
  /**
   * `replace`: a regular file, or a new one, written to a temp file beside it and renamed over it;
   * `direct`: a FIFO or a character device (`>(gzip > r.gz)`, `/dev/stdout`), written as it is.
   */
  kind: 'replace' | 'direct';
  /** An existing file's permissions and owner, which the report keeps. */
  existing?: { mode: number; uid: number; gid: number };
}

/** The input an output must not be: the audit would replace what it reads. */
export interface NamedInput {
  role: 'roster' | 'assignments';
  name: string;
}

/** As the kernel does: a chain of links longer than this is a loop. */
const MAX_LINKS = 40;

/**
 * Checks `--output` before the audit starts, so a run that cannot deliver its report does no
 * work: a folder, a missing folder, a place this process may not write, or one of the audit's
 * own inputs (the same file by device and inode, whatever the path) is a usage error (exit 64).
 */
export async function outputTarget(io: Io, shown: string, inputs: readonly NamedInput[]): Promise<OutputTarget> {
  const cannot = (why: string) => new UsageError(`cannot write ${shown}: ${why}`);
  if (shown.endsWith('/')) throw cannot('that names a folder; name the file to write the report to');
  const given = resolve(io.cwd, shown);
  // Where the name leads, as the kernel follows it: `/dev/fd/63` is a pipe, not a link to one.
  const info = await stat(given).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw cannot(error.code === 'ENOTDIR' ? 'no such folder' : reason(error));
  });
  if (info?.isDirectory()) throw cannot('it is a folder; name the file to write the report to');
  if (info !== undefined && !info.isFile()) {
    if (info.isFIFO() || info.isCharacterDevice()) return { shown, path: given, kind: 'direct' };
    throw cannot('it is not a regular file');
  }
  // A file through its links is replaced where it is, and the links stay; so is a link to nothing yet.
  const path = await (info === undefined ? throughLinks(given, cannot) : realpath(given)).catch(
    (error: NodeJS.ErrnoException) => {
      throw isCliError(error) ? error : cannot(reason(error));
    },
  );
  if (info !== undefined) {
    for (const input of inputs)
      if (await isSameFile(io, input.name, info))
        throw cannot(`it is the ${input.role} the audit reads (${input.name}); name another file`);
    await access(path, constants.W_OK).catch((error: NodeJS.ErrnoException) => {
      throw cannot(reason(error));
    });
  }
  const folder = dirname(path);
  const folderInfo = await stat(folder).catch((error: NodeJS.ErrnoException) => {
    throw cannot(error.code === 'ENOENT' || error.code === 'ENOTDIR' ? 'no such folder' : reason(error));
  });
  if (!folderInfo.isDirectory()) throw cannot('no such folder');
  // The report is written beside the file and renamed over it, so the folder must take new files.
  await access(folder, constants.W_OK | constants.X_OK).catch((error: NodeJS.ErrnoException) => {
    throw cannot(`${reason(error)} in its folder`);
  });
  return {
    shown,
    path,
    kind: 'replace',
    existing: info && { mode: info.mode & 0o777, uid: info.uid, gid: info.gid },
  };
}

/** Where a chain of symbolic links to nothing leads: the file the last one names, to be made. */
async function throughLinks(path: string, cannot: (why: string) => Error): Promise<string> {
  let at = path;
  for (let hops = 0; hops < MAX_LINKS; hops++) {
    const info = await lstat(at).catch(() => undefined);
    if (info === undefined || !info.isSymbolicLink()) return at;
    at = resolve(dirname(at), await readlink(at));
  }
  throw cannot('too many levels of symbolic links');
}

/** Whether an input is the file `output` is: stdin by its descriptor, a name by where it leads. */
async function isSameFile(io: Io, input: string, output: Stats): Promise<boolean> {
  let info: Stats | undefined;
  if (input === '-') {
    const fd = (io.stdinStream as { fd?: unknown } | undefined)?.fd;
    info = typeof fd === 'number' ? fstatSync(fd) : undefined;
  } else info = await stat(resolve(io.cwd, input)).catch(() => undefined);
  return info !== undefined && info.dev === output.dev && info.ino === output.ino;
}

const reason = (error: NodeJS.ErrnoException): string =>
  error.code === 'EACCES' || error.code === 'EPERM'
    ? 'permission denied'
    : error.code === 'EROFS'
      ? 'the file system is read-only'
      : error.code === 'ELOOP'
        ? 'too many levels of symbolic links'
        : (error.code ?? error.message);
