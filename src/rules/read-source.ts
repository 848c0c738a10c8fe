import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from 'node:fs';

/**
 * The largest rule or case file read, in bytes (1 MiB). The largest shipped file is about 37 kB;
 * a file near this limit is generated or hostile, and parsing it would cost seconds and memory.
 */
export const MAX_RULE_FILE_BYTES = 1024 * 1024;

type ReadProblem = 'missing-file' | 'not-regular-file' | 'file-too-large' | 'not-utf8' | 'binary-file';

type ReadOutcome = { ok: true; text: string } | { ok: false; code: ReadProblem; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What a path is when it is not a regular file, in words. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

const notRegular = (stats: Stats): ReadOutcome => ({
  ok: false,
  code: 'not-regular-file',
  message: `is ${kindOf(stats)}, not a regular file; only regular files are read`,
});

const tooLarge = (what: string): ReadOutcome => ({
  ok: false,
  code: 'file-too-large',
  message: `${what} the limit of ${MAX_RULE_FILE_BYTES} bytes (1 MiB) for one rule or case file`,
});

const cannotRead = (error: unknown): ReadOutcome => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { ok: false, code: 'missing-file', message: 'file is missing' };
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? (error as Error).message);
  return { ok: false, code: 'missing-file', message: `cannot read file (${reason})` };
};

/**
 * Reads one rule file as UTF-8 text; a missing, special, oversized, binary or non-UTF-8 file is a
 * finding, not a crash or a hang. Only regular files are read: the path (a symbolic link is
 * followed) is stat-ed before it is opened, so a FIFO or device is never opened, and the open is
 * non-blocking and checked again on the descriptor, so a file swapped for a FIFO in between cannot
 * block either. At most one byte past the limit is read: a file that grows while it is read is cut
 * there and reported.
 */
export function readSource(path: string): ReadOutcome {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    return cannotRead(error);
  }
  if (!stats.isFile()) return notRegular(stats);
  if (stats.size > MAX_RULE_FILE_BYTES) return tooLarge(`file is ${stats.size} bytes, over`);

  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return cannotRead(error);
  }
  let bytes: Buffer;
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) return notRegular(opened);
    bytes = readAtMost(fd, opened.size, MAX_RULE_FILE_BYTES + 1);
  } catch (error) {
    return cannotRead(error);
  } finally {
    closeSync(fd);
  }
  if (bytes.length > MAX_RULE_FILE_BYTES) return tooLarge('file grew while it was read, past');
  if (bytes.includes(0))
    return { ok: false, code: 'binary-file', message: 'file is binary (contains NUL bytes), not YAML text' };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, code: 'not-utf8', message: 'file is not valid UTF-8' };
  }
}

/**
 * Reads from `fd` until end of file or `limit` bytes, whichever comes first. The buffer starts at
 * the size the file had (plus one byte, to notice growth) and doubles only if the file grows.
 */
function readAtMost(fd: number, expected: number, limit: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(limit, expected + 1));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length >= limit) break;
      const larger = Buffer.allocUnsafe(Math.min(limit, buffer.length * 2));
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  return buffer.subarray(0, length);
}
