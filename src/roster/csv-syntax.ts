import type { CsvError, CsvErrorCode } from 'csv-parse';
import type { RosterUnreadable } from '../domain/roster.js';
import type { BytePositions, TextPosition } from './byte-positions.js';

const QUOTE = 0x22;

/** What a csv-parse error means, in the words of someone fixing the file; `field` names the field. */
const PROBLEMS: Partial<Record<CsvErrorCode, (field: string) => string>> = {
  CSV_QUOTE_NOT_CLOSED: (field) => `the quote that opens ${field} is never closed`,
  CSV_INVALID_CLOSING_QUOTE: (field) => `a quote inside quoted ${field} is not doubled (write "" for a quote)`,
  // csv-parse names this one without the `CSV_` prefix of the others.
  INVALID_OPENING_QUOTE: (field) => `a quote inside unquoted ${field}: quote the whole field and double the quote`,
};

/**
 * A csv-parse error as a roster diagnostic: our words, never its message, at the byte where the
 * problem is (the quote) when the input around it is still at hand, else at the start of the
 * record. csv-parse gives the byte offset where the field began and its index; its own line
 * count is the end of the input for an unclosed quote, and counts a CRLF inside quotes twice.
 */
export function csvSyntaxItem(
  error: CsvError,
  positions: BytePositions,
  header: readonly string[] | null,
  recordLine: number,
): RosterUnreadable {
  const index = typeof error.index === 'number' ? error.index : 0;
  const name = header?.[index];
  const field = `field ${index + 1}${name === undefined ? '' : ` ('${name}')`}`;
  const problem = PROBLEMS[error.code]?.(field) ?? `${field} cannot be read as CSV`;
  const at = problemAt(error, positions, index) ?? { line: recordLine, column: 1 };
  return {
    kind: 'unreadable',
    line: at.line,
    column: at.column,
    code: 'csv-syntax',
    message: `CSV syntax: ${problem}; nothing from here on was read`,
    fatal: true,
  };
}

/** Where the quote at fault is, or `null` when the bytes are no longer kept. */
function problemAt(error: CsvError, positions: BytePositions, index: number): TextPosition | null {
  if (typeof error.bytes !== 'number') return null;
  // `bytes` is the offset of the comma before the field, or of the record's start for its first field.
  const fieldStart = index === 0 ? error.bytes : error.bytes + 1;
  const kept = positions.from(fieldStart);
  if (kept === null) return null;
  // A BOM before the file's first field is not part of it.
  const bom = fieldStart === 0 && kept[0] === 0xef && kept[1] === 0xbb && kept[2] === 0xbf ? 3 : 0;
  return positions.at(fieldStart + bom + quoteOffset(error, kept.subarray(bom)));
}

/** The offset in the field's bytes of the quote at fault: the one opening, closing early, or stray. */
function quoteOffset(error: CsvError, field: Buffer): number {
  if (error.code === 'INVALID_OPENING_QUOTE' && typeof error.field === 'string') {
    const quote = field.indexOf(QUOTE, Buffer.byteLength(error.field));
    return quote === -1 ? 0 : quote;
  }
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE') {
    // The first quote after the opening one that is not doubled.
    for (let q = field.indexOf(QUOTE, 1); q !== -1; q = field.indexOf(QUOTE, q + 2))
      if (field[q + 1] !== QUOTE) return q;
  }
  return 0;
}
