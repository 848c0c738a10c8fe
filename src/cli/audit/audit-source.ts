import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatOfContent, formatOfName, type InputFormat } from '../../roster/input-format.js';
import { NoInputError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { HashedInput } from './hashed-input.js';

/** A roster or assignments file, open and read once: its name as given, its format, its bytes as they pass. */
export interface AuditSource {
  name: string;
  format: InputFormat;
  input: HashedInput;
  /**
   * For a regular file, its SHA-256 before the audit reads it (read by position from the same
   * open file, so it is the file the audit reads); `null` for a pipe, a FIFO or stdin, which can
   * be read only once.
   */
  hashAhead: (() => Promise<string>) | null;
}

/** Bytes read at a time when hashing a file ahead of the audit. */
const HASH_CHUNK = 1 << 20;

/**
 * Read in small pieces, stdin too: each becomes one batch of rows, and a small batch is done with
 * before the garbage collector has to move it to the old generation, which keeps peak memory low.
 */
const READ_CHUNK = 1 << 14;
/** Enough of the start to tell the format by, when the name does not. */
const HEAD = 256;

const reason = (error: NodeJS.ErrnoException): string =>
  error.code === 'ENOENT'
    ? 'no such file'
    : error.code === 'EACCES' || error.code === 'EPERM'
      ? 'permission denied'
      : (error.code ?? error.message);

const notAFile = (name: string) => new NoInputError(`${name} is a folder, not a roster file`);

/**
 * Opens an input for the audit: a file, a FIFO, a process substitution (`/dev/fd/N`) or stdin
 * (`-`). Each is read once, as the audit goes, and hashed as it is read; nothing is copied.
 * Opening a FIFO waits, as `cat` does, for something to write to it.
 */
export async function openSource(
  io: Io,
  name: string,
  forced: InputFormat | undefined,
  hashing: boolean,
): Promise<AuditSource> {
  const cannotRead = (error: NodeJS.ErrnoException) => new NoInputError(`cannot read ${name}: ${reason(error)}`);
  let input: HashedInput;
  let hashAhead: AuditSource['hashAhead'] = null;
  if (name === '-') {
    if (io.stdinStream === undefined)
      throw new UsageError("'-' reads the roster from stdin, which this run does not have");
    input = new HashedInput(io.stdinStream, cannotRead, READ_CHUNK, hashing);
  } else {
    const path = resolve(io.cwd, name);
    const file = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new NoInputError(`no such file: ${name}`);
      throw error.code === 'EISDIR' ? notAFile(name) : cannotRead(error);
    });
    const stat = await file.stat();
    if (stat.isDirectory()) {
      await file.close();
      throw notAFile(name);
    }
    input = new HashedInput(file.createReadStream({ highWaterMark: 4 * READ_CHUNK }), cannotRead, READ_CHUNK, hashing);
    if (stat.isFile()) hashAhead = () => sha256Ahead(path).catch((error) => Promise.reject(cannotRead(error)));
  }
  try {
    const format =
      forced ??
      formatOfName(name) ??
      formatOfContent(await input.peek(HEAD, (text) => /\S/.test(text.replace(/^\uFEFF/, ''))));
    return { name, format, input, hashAhead };
  } catch (error) {
    input.close();
    throw error;
  }
}

/**
 * A regular file's SHA-256, through a handle of its own: the audit's stream closes its handle at
 * the end of the file, which sniffing the format of a small file can already reach. The audit
 * hashes what it reads as well, and a file that changed in between fails the run.
 */
async function sha256Ahead(path: string): Promise<string> {
  const file = await open(path, 'r');
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(HASH_CHUNK);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return hash.digest('hex');
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await file.close();
  }
}
