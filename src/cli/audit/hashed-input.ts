import { createHash, type Hash } from 'node:crypto';
import { Readable } from 'node:stream';

/**
 * An input read once, front to back, and hashed as it passes: a pipe, a FIFO or stdin can be
 * read only once, and a file hashed before the audit may have changed by the time it is read, so
 * the digest of what was read is taken here. The reader gets `stream`; what it leaves unread (it
 * stops at a fatal error) is read by `sha256()`, so the hash is always of the whole input. A
 * report that names no digest (CSV) makes an input that is not hashed.
 */
export class HashedInput {
  private readonly hash: Hash | undefined;
  private readonly chunks: AsyncIterator<Buffer>;
  /** Chunks already read and hashed (by `peek`) that the reader has not had yet. */
  private readonly held: Buffer[] = [];
  private ended = false;
  /** One read at a time, in order, whoever asks: `peek`, the reader, or `sha256()` after the reader stopped. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The bytes for the reader; destroying it (as a reader does when it stops) leaves the input to `sha256()`. */
  readonly stream: Readable;

  /**
   * `describe` turns a read error into the one-line error the user sees; the reader gets at most
   * `piece` bytes at a time, however much a read brings (a pipe brings 64 KB).
   */
  constructor(
    private readonly raw: Readable,
    private readonly describe: (error: NodeJS.ErrnoException) => Error,
    private readonly piece: number,
    hashing = true,
  ) {
    this.hash = hashing ? createHash('sha256') : undefined;
    this.chunks = raw[Symbol.asyncIterator]();
    this.stream = new Readable({
      read: () => {
        this.next().then(
          (chunk) => {
            if (!this.stream.destroyed) this.stream.push(chunk);
          },
          (error: Error) => this.stream.destroy(error),
        );
      },
    });
  }

  /** The first bytes as text, read until `enough` says so or `bytes` are in, without taking them from the reader. */
  async peek(bytes: number, enough: (text: string) => boolean): Promise<string> {
    for (;;) {
      const head = Buffer.concat(this.held);
      const text = head.toString('utf8');
      if (this.ended || head.length >= bytes || enough(text)) return text;
      const chunk = await this.serially(() => this.pull());
      if (chunk !== null) this.held.push(chunk);
    }
  }

  /** Reads whatever the reader left, then the SHA-256 of every byte of the input. */
  async sha256(): Promise<string> {
    if (this.hash === undefined) throw new Error('audit: the digest of an input that is not hashed');
    while ((await this.next()) !== null);
    return this.hash.digest('hex');
  }

  /** Stops reading (an audit that failed): the input is closed. */
  close(): void {
    this.raw.destroy();
  }

  private next(): Promise<Buffer | null> {
    return this.serially(async () => {
      const chunk = this.held.shift() ?? (await this.pull());
      if (chunk === null || chunk.length <= this.piece) return chunk;
      this.held.unshift(chunk.subarray(this.piece));
      return chunk.subarray(0, this.piece);
    });
  }

  private serially<T>(read: () => Promise<T>): Promise<T> {
    const result = this.queue.then(read);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async pull(): Promise<Buffer | null> {
    if (this.ended) return null;
    let step: IteratorResult<Buffer>;
    try {
      step = await this.chunks.next();
    } catch (error) {
      throw this.describe(error as NodeJS.ErrnoException);
    }
    if (step.done) {
      this.ended = true;
      return null;
    }
    this.hash?.update(step.value);
    return step.value;
  }
}
