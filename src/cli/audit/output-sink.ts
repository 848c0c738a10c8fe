import { randomBytes } from 'node:crypto';
import { createWriteStream, unlinkSync } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import type { Chunk } from '../../format/chunk.js';
import { NoInputError } from '../errors.js';
import type { Io } from '../io.js';

/** Output is gathered into writes of about this size: a file stream does one write at a time, so each costs a round trip. */
const CHUNK = 1 << 20;

/**
 * Where a report goes: stdout, or a file written atomically. Writes are batched and respect
 * backpressure, so a slow reader never makes the audit hold its output in memory.
 */
export class OutputSink {
  /** Text gathered since the last bytes, and what is ready to go in order. */
  private text = '';
  private parts: (string | Uint8Array)[] = [];
  private size = 0;
  private failure: Error | undefined;
  private closed = false;

  private constructor(
    private readonly stream: Writable | undefined,
    private readonly fallback: ((text: string) => void) | undefined,
    private readonly file?: { temp: string; target: string; onSignal: (signal: NodeJS.Signals) => void },
  ) {
    stream?.on('error', (error: NodeJS.ErrnoException) => {
      // A reader that stops early (`| head`) is not a failure of the audit; its exit code still counts.
      if (error.code === 'EPIPE' && file === undefined) this.closed = true;
      else this.failure ??= error;
    });
  }

  static stdout(io: Io): OutputSink {
    return new OutputSink(io.stdoutStream, io.stdoutStream ? undefined : (text) => io.out(text));
  }

  /**
   * A temp file beside the target, renamed over it only once the report is complete: an
   * interrupted or failing run leaves the target as it was. SIGINT/SIGTERM remove the temp file.
   */
  static async file(target: string, shown: string): Promise<OutputSink> {
    const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    const stream = createWriteStream(temp, { flags: 'wx', highWaterMark: 4 * CHUNK });
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          new NoInputError(
            `cannot write ${shown}: ${error.code === 'ENOENT' ? 'no such folder' : error.code === 'EACCES' ? 'permission denied' : error.message}`,
          ),
        ),
      );
    });
    const onSignal = (signal: NodeJS.Signals) => {
      try {
        unlinkSync(temp);
      } catch {
        // already gone
      }
      process.kill(process.pid, signal);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    return new OutputSink(stream, undefined, { temp, target, onSignal });
  }

  /** Queues a chunk; when it returns a promise, await it before writing more. */
  write(chunk: Chunk): Promise<void> | undefined {
    if (typeof chunk === 'string') this.add(chunk);
    else if (chunk instanceof Uint8Array) this.add(chunk);
    else for (const part of chunk) this.add(part);
    return this.size >= CHUNK ? this.flush() : undefined;
  }

  /** Text is joined until bytes come; bytes are passed on as they are (encoded once, written many times). */
  private add(part: string | Uint8Array): void {
    if (typeof part === 'string') this.text += part;
    else {
      if (this.text !== '') this.parts.push(this.text);
      this.text = '';
      this.parts.push(part);
    }
    this.size += part.length;
  }

  private flush(): Promise<void> | undefined {
    if (this.failure) throw this.failure;
    if (this.text !== '') this.parts.push(this.text);
    const parts = this.parts;
    this.text = '';
    this.parts = [];
    this.size = 0;
    if (this.closed || parts.length === 0) return undefined;
    if (this.stream === undefined) {
      const decoder = new TextDecoder();
      this.fallback!(parts.map((p) => (typeof p === 'string' ? p : decoder.decode(p))).join(''));
      return undefined;
    }
    // Corked, the parts leave in one vectored write.
    this.stream.cork();
    for (const part of parts) this.stream.write(part);
    this.stream.uncork();
    if (!this.stream.writableNeedDrain) return undefined;
    return new Promise((resolve, reject) => {
      const done = () => {
        this.stream!.off('drain', done);
        this.stream!.off('error', done);
        this.stream!.off('close', done);
        if (this.failure) reject(this.failure);
        else resolve();
      };
      this.stream!.on('drain', done).on('error', done).on('close', done);
    });
  }

  /** Writes what is left; a file is closed and renamed over its target. */
  async commit(): Promise<void> {
    await this.flush();
    if (this.file === undefined) return;
    const stream = this.stream!;
    await new Promise<void>((resolve, reject) => {
      stream.once('error', reject);
      stream.end(() => resolve());
    });
    if (this.failure) throw this.failure;
    this.release();
    await rename(this.file.temp, this.file.target);
  }

  /** A failed run: the temp file goes, the target stays as it was. */
  async abort(): Promise<void> {
    if (this.file === undefined) return;
    this.stream!.destroy();
    this.release();
    await unlink(this.file.temp).catch(() => undefined);
  }

  private release(): void {
    process.off('SIGINT', this.file!.onSignal);
    process.off('SIGTERM', this.file!.onSignal);
  }
}
