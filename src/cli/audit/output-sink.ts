import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Chunk } from '../../format/chunk.js';
import type { Io } from '../io.js';
import type { OutputTarget } from './output-target.js';
import { ReportFile } from './report-file.js';

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
