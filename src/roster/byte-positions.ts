/** A 1-based line and column (in UTF-16 code units, as JavaScript and JSON positions count). */
export interface TextPosition {
  line: number;
  column: number;
}

/** A position while scanning: also whether the last byte was a CR, whose LF may come in the next piece. */
interface ScanPosition extends TextPosition {
  afterCr: boolean;
}

/** A piece of the input still kept: where its first byte is in the input, how long it is, and its position. */
interface Span {
  offset: number;
  length: number;
  at: ScanPosition;
}

const LF = 0x0a;
const CR = 0x0d;
/** How much of the input is kept behind the newest piece: more than a parser buffers between us and its error. */
const KEEP = 1 << 18;

/**
 * Where each byte of a streamed input is, as a line and column, for the bytes seen recently: a
 * reader's error (an invalid byte, a CSV quote) is known by its byte offset, and a user needs its
 * line and column. Lines end at CRLF, LF or a lone CR, each counted once, as the readers count
 * them. Pieces must end on whole characters; a UTF-8 BOM at the start takes no column.
 *
 * The bytes kept are copied into one window, rather than the pieces kept as they came: a piece
 * held for a while outlives the garbage collector's young generation, and a long input's pieces
 * would then pile up, outside the heap, until a full collection.
 */
export class BytePositions {
  private spans: Span[] = [];
  /** Spans before this one are no longer kept (dropped in bulk: a pipe may bring many small pieces). */
  private head = 0;
  private end: ScanPosition = { line: 1, column: 1, afterCr: false };
  private total = 0;
  /** The kept bytes: `window[0]` is the input's byte at `windowStart`, `used` bytes of it hold input. */
  private window = Buffer.allocUnsafe(4 * KEEP);
  private windowStart = 0;
  private used = 0;

  /** The next piece of input, right after the previous one. */
  add(bytes: Buffer): void {
    if (bytes.length === 0) return;
    const bom = this.total === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    this.spans.push({ offset: this.total, length: bytes.length, at: this.end });
    this.end = advance(this.end, bytes, bom, bytes.length);
    this.total += bytes.length;
    while (this.head < this.spans.length - 1 && this.spans[this.head + 1]!.offset < this.total - KEEP) this.head++;
    if (this.head > 64 && this.head * 2 > this.spans.length) {
      this.spans = this.spans.slice(this.head);
      this.head = 0;
    }
    this.keep(bytes);
  }

  /** The line and column of the byte at `offset`, or `null` when it is no longer kept. */
  at(offset: number): TextPosition | null {
    if (offset === this.total) return { line: this.end.line, column: this.end.column };
    const span = this.kept().find((s) => s.offset <= offset && offset < s.offset + s.length);
    if (span === undefined) return null;
    const bytes = this.bytesOf(span);
    const bom = span.offset === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const to = offset - span.offset;
    const { line, column } = advance(span.at, bytes, Math.min(bom, to), to);
    return { line, column };
  }

  /** The kept bytes from `offset` on (a copy), or `null` when that part is no longer kept. */
  from(offset: number): Buffer | null {
    const first = this.kept()[0];
    if (first === undefined || offset < first.offset || offset >= this.total) return null;
    return Buffer.from(this.window.subarray(offset - this.windowStart, this.used));
  }

  private kept(): Span[] {
    return this.spans.slice(this.head);
  }

  private bytesOf(span: Span): Buffer {
    const from = span.offset - this.windowStart;
    return this.window.subarray(from, from + span.length);
  }

  /** Copies a piece into the window, first letting go of the bytes of spans no longer kept. */
  private keep(bytes: Buffer): void {
    if (this.used + bytes.length > this.window.length) {
      const keepFrom = this.spans[this.head]!.offset - this.windowStart;
      const keeping = this.used - keepFrom;
      const needed = keeping + bytes.length;
      const window = needed > this.window.length ? Buffer.allocUnsafe(2 * needed) : this.window;
      this.window.copy(window, 0, keepFrom, this.used);
      this.window = window;
      this.windowStart += keepFrom;
      this.used = keeping;
    }
    bytes.copy(this.window, this.used);
    this.used += bytes.length;
  }
}

/** The position after `bytes[from..to)`, starting at `at`. */
function advance(at: ScanPosition, bytes: Buffer, from: number, to: number): ScanPosition {
  let line = at.line;
  // Where the last line in range starts; -1 while it started before `from`.
  let lineStart = -1;
  let i = from;
  if (at.afterCr && i < to && bytes[i] === LF) lineStart = ++i;
  for (let lf = bytes.indexOf(LF, i); lf !== -1 && lf < to; lf = bytes.indexOf(LF, lf + 1)) {
    line++;
    lineStart = lf + 1;
  }
  let afterCr = false;
  for (let cr = bytes.indexOf(CR, i); cr !== -1 && cr < to; cr = bytes.indexOf(CR, cr + 1)) {
    if (cr + 1 < to && bytes[cr + 1] === LF) continue;
    line++;
    lineStart = Math.max(lineStart, cr + 1);
    afterCr = cr + 1 === to;
  }
  const column =
    lineStart === -1
      ? at.column + bytes.toString('utf8', from, to).length
      : 1 + bytes.toString('utf8', lineStart, to).length;
  return { line, column, afterCr };
}
