import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { formatOfContent, formatOfName, type InputFormat } from '../../roster/input-format.js';
import { NoInputError, UsageError } from '../errors.js';
import type { Io } from '../io.js';

/** A roster or assignments file, ready to read: its name as given, its SHA-256 and its format. */
export interface AuditSource {
  name: string;
  sha256: string;
  format: InputFormat;
  open(): Readable;
  /** Removes what reading it needed (the copy of stdin). */
  dispose(): Promise<void>;
}

/**
 * Read in small pieces: each becomes one batch of rows, and a small batch is done with before
 * the garbage collector has to move it to the old generation, which keeps peak memory low.
 */
const READ_CHUNK = 1 << 14;
/** Hashing holds nothing, so it reads in large pieces. */
const HASH_CHUNK = 1 << 20;

/**
 * Opens an input for the audit. The run record comes first in every report and names each
 * input's SHA-256, so a file is hashed before it is read; stdin (`-`) is copied to a temp file
 * while it is hashed, which keeps memory flat however long it is.
 */
export async function openSource(io: Io, name: string, forced: InputFormat | undefined): Promise<AuditSource> {
  let path = resolve(io.cwd, name);
  let spool: string | undefined;
  let sha256: string;
  if (name === '-') {
    if (io.stdinStream === undefined)
      throw new UsageError("'-' reads the roster from stdin, which this run does not have");
    spool = await mkdtemp(join(tmpdir(), 'ma-check-audit-'));
    path = join(spool, 'stdin');
    const hash = createHash('sha256');
    io.stdinStream.on('data', (chunk: Buffer) => hash.update(chunk));
    await pipeline(io.stdinStream, createWriteStream(path));
    sha256 = hash.digest('hex');
  } else {
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw new NoInputError(
        error.code === 'ENOENT' ? `no such file: ${name}` : `cannot read ${name}: ${error.code ?? error.message}`,
      );
    });
    if (info.isDirectory()) throw new NoInputError(`${name} is a folder, not a roster file`);
    sha256 = await hashFile(path, name);
  }
  const format = forced ?? formatOfName(name) ?? formatOfContent(await head(path));
  return {
    name,
    sha256,
    format,
    open: () => createReadStream(path, { highWaterMark: READ_CHUNK }),
    dispose: async () => {
      if (spool !== undefined) await rm(spool, { recursive: true, force: true });
    },
  };
}

async function hashFile(path: string, name: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: HASH_CHUNK })) hash.update(chunk as Buffer);
  } catch (error) {
    throw new NoInputError(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return hash.digest('hex');
}

/** The first bytes, to tell JSON from NDJSON from CSV when the name does not say. */
async function head(path: string): Promise<string> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(256);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await file.close();
  }
}
