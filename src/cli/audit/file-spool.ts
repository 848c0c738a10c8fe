import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditSpool, SpoolFactory } from '../../format/audit-spool.js';

export interface SpoolSizes {
  /** Text (UTF-16 units) kept in memory before it goes to the file: small reports never touch the disk. */
  inMemory: number;
  /** Bytes read back at a time: a small piece of text is a young object, a large one is old from the start. */
  readBack: number;
}

/**
 * Little in memory: text kept there long enough survives young-generation collections and is moved
 * to the old generation, which grows until a full collection; a 1,000,000-row text report peaked
 * above 200 MB with a megabyte per spool and near 140 MB with 64 KB.
 */
const SIZES: SpoolSizes = { inMemory: 1 << 16, readBack: 1 << 15 };

/** Where spilled text is encoded: one buffer for every spool, since a spill is synchronous. */
const SCRATCH = Buffer.allocUnsafeSlow(1 << 20);

/**
 * Spools that keep a little text each in memory and the rest in a temp file in `dir`. The
 * file is unlinked as soon as it is opened, so it has no name: nothing is left behind whatever
 * ends the process (SIGKILL included), and the system frees it when the file is closed.
 */
export const fileSpools =
  (dir: string, sizes: SpoolSizes = SIZES): SpoolFactory =>
  () =>
    new FileSpool(dir, sizes);

class FileSpool implements AuditSpool {
  private parts: string[] = [];
  private held = 0;
  private fd: number | undefined;
  private written = 0;
  /** Set only where an open file cannot be unlinked (Windows): removed at `close`. */
  private path: string | undefined;

  constructor(
    private readonly dir: string,
    private readonly sizes: SpoolSizes,
  ) {}

  add(text: string): void {
    this.parts.push(text);
    this.held += text.length;
    if (this.held >= this.sizes.inMemory) this.spill();
  }

  /**
   * What was spilled comes back as text, read into one buffer a piece at a time: pieces handed
   * on as bytes would each be a buffer outside the heap, which young-generation collections do
   * not free while little is allocated inside it (as when a report mostly copies its end).
   */
  *drain(): Iterable<string | Uint8Array> {
    if (this.fd !== undefined) {
      const fd = this.fd;
      const buffer = Buffer.allocUnsafe(Math.min(this.sizes.readBack, this.written));
      const decoder = new TextDecoder();
      for (let at = 0; at < this.written; ) {
        const read = readSync(fd, buffer, 0, Math.min(buffer.length, this.written - at), at);
        if (read === 0) throw new Error('the audit spool file ended early');
        at += read;
        yield decoder.decode(buffer.subarray(0, read), { stream: true });
      }
      const rest = decoder.decode();
      if (rest !== '') yield rest;
      this.written = 0;
    }
    const parts = this.parts;
    this.parts = [];
    this.held = 0;
    yield* parts;
  }

  close(): void {
    this.parts = [];
    this.held = 0;
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.path !== undefined) unlinkSync(this.path);
    this.path = undefined;
  }

  /** Synchronous: the audit loop adds a finding at a time, and a megabyte written to a file that no one else reads is quick. */
  private spill(): void {
    try {
      this.spillNow();
    } catch (error) {
      // A full or missing temp folder: one line that says which (exit 70, as a full disk is for stdout).
      throw new Error(
        `cannot keep the report's findings in the temp folder ${this.dir} (TMPDIR): ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
  }

  private spillNow(): void {
    if (this.fd === undefined) {
      const path = join(this.dir, `.ma-check-spool-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
      this.fd = openSync(path, 'wx+', 0o600);
      try {
        unlinkSync(path);
      } catch {
        this.path = path;
      }
    }
    // Encoded piece by piece into one reused buffer: no joined copy of the text, no new buffer per spill.
    let used = 0;
    for (const part of this.parts) {
      if (used + part.length * 3 > SCRATCH.length) {
        this.write(SCRATCH.subarray(0, used));
        used = 0;
      }
      if (part.length * 3 > SCRATCH.length) this.write(Buffer.from(part, 'utf8'));
      else used += SCRATCH.write(part, used, 'utf8');
    }
    this.write(SCRATCH.subarray(0, used));
    this.parts = [];
    this.held = 0;
  }

  private write(bytes: Uint8Array): void {
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd!, bytes, at, bytes.length - at, this.written + at);
    this.written += bytes.length;
  }
}
