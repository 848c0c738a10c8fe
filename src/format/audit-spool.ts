/**
 * Text a report writes later than it comes: the findings of a report for people wait for the
 * counts that open it, and a JSON report's invalid entries for the end of its decisions. A spool
 * keeps them in order and hands them back a piece at a time, so one that keeps them outside
 * memory (the CLI's, in an unnamed temp file) holds whatever a long roster gives in flat memory.
 */
export interface AuditSpool {
  add(text: string): void;
  /** Everything added, in order, a piece at a time; the spool is empty afterwards. */
  drain(): Iterable<string | Uint8Array>;
  /** Lets go of what it holds (a temp file), drained or not. */
  close(): void;
}

/** Makes a spool: one per list a writer holds back. */
export type SpoolFactory = () => AuditSpool;

/** A spool in memory: the library's default, for rosters that fit. */
export const memorySpool: SpoolFactory = () => {
  let parts: string[] = [];
  return {
    add: (text) => {
      parts.push(text);
    },
    *drain() {
      const drained = parts;
      parts = [];
      yield* drained;
    },
    close: () => {
      parts = [];
    },
  };
};

/** Spooled text read back a line at a time (a piece of bytes may end inside a character or a line). */
export function* spooledLines(pieces: Iterable<string | Uint8Array>): Iterable<string> {
  const decoder = new TextDecoder();
  let rest = '';
  for (const piece of pieces) {
    rest += typeof piece === 'string' ? piece : decoder.decode(piece, { stream: true });
    let from = 0;
    for (let nl = rest.indexOf('\n'); nl !== -1; nl = rest.indexOf('\n', from)) {
      yield rest.slice(from, nl);
      from = nl + 1;
    }
    rest = rest.slice(from);
  }
  rest += decoder.decode();
  if (rest !== '') yield rest;
}
