import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Chunk } from '../../format/chunk.js';
import type { Io } from '../io.js';
import type { OutputTarget } from './output-target.js';
import { ReportFile } from './report-file.js';

/** Output goes out in writes of about this many bytes: a file stream does one write at a time, so each costs a round trip. */
const CHUNK = 1 << 20;
/**
 * Text is gathered up to this many characters, then encoded into the current buffer. Short
 * pieces joined into one string cost less to encode than each alone; a string much longer than
 * this is a deep tree of pieces that costs more to flatten than it saves.
 */
const TEXT = 1 << 16;
/** A report file is put on disk in the background every this many bytes (see ReportFile.syncAhead). */
const SYNC_AHEAD = 1 << 26;

/** A piece ready to go, and the buffer it is part of, to be used again once the piece is written. */
interface Ready {
  bytes: Uint8Array;
  buffer: Buffer | undefined;
}

/**
 * Where a report goes: stdout, or a file written atomically. Pieces are encoded as they come into
 * buffers of about a megabyte, which go out in one write each and are used again once written
 * (new ones for each write would live until a full collection, as they outlast young ones while
 * the write is under way: a hundred megabytes of them for a large report). Writes respect
 * backpressure, so a slow reader never makes the audit hold its output in memory.
 */
export class OutputSink {
  /** Text not yet encoded. */
  private text = '';
  /** The buffer being filled, and how much of it is. */
  private buffer: Buffer = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  /** Buffers written and free to fill again. */
  private readonly free: Buffer[] = [];
  /** Bytes ready to go, in order, and how many. */
  private ready: Ready[] = [];
  private readyBytes = 0;
  private failure: Error | undefined;
  private closed = false;
  /** Bytes handed to a report file since its last background sync. */
  private unsynced = 0;
  private readonly decoder = new TextDecoder();

  private constructor(
    private readonly stream: Writable | undefined,
    private readonly fallback: ((text: string) => void) | undefined,
    private readonly file?: { report: ReportFile; shown: string },
  ) {
    stream?.on('error', (error: NodeJS.ErrnoException) => {
      // A reader that stops early (`| head`) is not a failure of the audit; its exit code still counts.
      if (error.code === 'EPIPE' && file === undefined) this.closed = true;
      else if (file === undefined) this.failure ??= error;
      // A file that cannot take the report (a full disk) is an error of its own (exit 70), as stdout's is.
      else this.failure ??= new Error(`cannot write ${file.shown}: ${error.code ?? error.message}`);
    });
  }

  static stdout(io: Io): OutputSink {
    return new OutputSink(io.stdoutStream, io.stdoutStream ? undefined : (text) => io.out(text));
  }

  /** The file `--output` names (see ReportFile): checked before the audit started, opened now. */
  static async file(target: OutputTarget): Promise<OutputSink> {
    const report = await ReportFile.open(target);
    const stream = createWriteStream('', { fd: report.fd, autoClose: false, highWaterMark: 4 * CHUNK });
    return new OutputSink(stream, undefined, { report, shown: target.shown });
  }

  /** Queues a chunk; when it returns a promise, await it before writing more. */
  write(chunk: Chunk): Promise<void> | undefined {
    if (typeof chunk === 'string') this.addText(chunk);
    else if (chunk instanceof Uint8Array) this.addBytes(chunk);
    else
      for (const part of chunk) {
        if (typeof part === 'string') this.addText(part);
        else this.addBytes(part);
      }
    return this.readyBytes >= CHUNK ? this.flush() : undefined;
  }

  private addText(text: string): void {
    this.text += text;
    if (this.text.length >= TEXT) this.encodeText();
  }

  /** Bytes (encoded once, written many times) are copied as they are, after the text before them. */
  private addBytes(bytes: Uint8Array): void {
    this.encodeText();
    if (this.used + bytes.length > this.buffer.length) this.seal();
    if (bytes.length > this.buffer.length) this.push(bytes, undefined);
    else {
      this.buffer.set(bytes, this.used);
      this.used += bytes.length;
    }
  }

  private encodeText(): void {
    const text = this.text;
    if (text === '') return;
    this.text = '';
    // A UTF-16 unit is at most three bytes of UTF-8.
    if (this.used + text.length * 3 > this.buffer.length) this.seal();
    if (text.length * 3 > this.buffer.length) this.push(Buffer.from(text, 'utf8'), undefined);
    else this.used += this.buffer.write(text, this.used, 'utf8');
  }

  /** The current buffer is ready to go; a new one takes its place. */
  private seal(): void {
    if (this.used === 0) return;
    this.push(this.buffer.subarray(0, this.used), this.buffer);
    this.buffer = this.free.pop() ?? Buffer.allocUnsafe(CHUNK);
    this.used = 0;
  }

  private push(bytes: Uint8Array, buffer: Buffer | undefined): void {
    this.ready.push({ bytes, buffer });
    this.readyBytes += bytes.length;
  }

  /** A buffer whose bytes are written (or will never be) is free to fill again. */
  private release(buffer: Buffer | undefined): void {
    if (buffer !== undefined) this.free.push(buffer);
  }

  private flush(): Promise<void> | undefined {
    if (this.failure) throw this.failure;
    this.encodeText();
    this.seal();
    const parts = this.ready;
    this.ready = [];
    this.readyBytes = 0;
    if (this.closed || parts.length === 0 || this.stream === undefined) {
      // Each part ends where a piece ended, so on a whole character; the decoder would carry one that did not.
      if (!this.closed && parts.length > 0)
        this.fallback!(parts.map((p) => this.decoder.decode(p.bytes, { stream: true })).join(''));
      for (const part of parts) this.release(part.buffer);
      return undefined;
    }
    // Corked, the parts leave in one vectored write.
    this.stream.cork();
    for (const { bytes, buffer } of parts) {
      this.stream.write(bytes, () => this.release(buffer));
      this.unsynced += bytes.length;
    }
    this.stream.uncork();
    if (this.file !== undefined && this.unsynced >= SYNC_AHEAD) {
      this.unsynced = 0;
      this.file.report.syncAhead();
    }
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
    }).catch(() => undefined);
    if (this.failure) throw this.failure;
    await this.file.report.commit();
  }

  /** A failed run: the temp file goes, the target stays as it was. */
  async abort(): Promise<void> {
    if (this.file === undefined) return;
    const stream = this.stream!;
    if (!stream.closed) {
      // The file is closed once the stream has let go of it: a write may still be under way.
      const released = new Promise<void>((resolve) => stream.once('close', () => resolve()));
      stream.destroy();
      await released;
    }
    await this.file.report.abort();
  }
}
