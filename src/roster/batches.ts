import type { Readable } from 'node:stream';

/**
 * What an object stream has ready, an array at a time. Reading record by record costs a promise
 * per record, more than auditing it; a parser fills its buffer a whole input chunk at a time,
 * so one await per chunk is enough. `state`, if given, is read right after each batch is taken,
 * before the stream can do more: what it says is about exactly the items taken so far.
 */
export async function* batches<T, S = undefined>(
  stream: Readable,
  state: () => S = () => undefined as S,
): AsyncGenerator<[T[], S]> {
  let ended = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const onEnd = () => {
    ended = true;
    notify();
  };
  const onError = (error: Error) => {
    failure = error;
    notify();
  };
  stream.on('readable', notify).on('end', onEnd).on('error', onError);
  try {
    for (;;) {
      const batch: T[] = [];
      for (let item = stream.read() as T | null; item !== null; item = stream.read() as T | null) batch.push(item);
      if (batch.length > 0) {
        yield [batch, state()];
        // More may have come while the consumer had the batch, announced to no one: read again first.
        continue;
      }
      if (failure) throw failure;
      if (ended) return;
      // Only an empty read waits, and nothing can fire between that read and setting the wait.
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    stream.off('readable', notify).off('end', onEnd).off('error', onError);
  }
}
