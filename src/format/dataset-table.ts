import { stringify } from 'csv-stringify/sync';
import { type DatasetFormat, type DatasetRows, type DatasetTable, LIST_SEPARATOR } from '../domain/dataset.js';
import { DATASET_COLUMNS } from '../domain/dataset-columns.js';

/** Rows per piece of text handed on: the file is written piece by piece, never built whole. */
const ROWS_PER_CHUNK = 2_048;

/** A row read by column name. */
type Cells = Readonly<Record<string, unknown>>;

/**
 * Encodes a table's values once each. The rows of a table repeat few distinct values (120,000
 * decisions hold about 10,000 distinct lists, and rows that say the same share their lists), so
 * a value's text is made once per table: by its text for a string, by the list itself for a list.
 * Encoding every cell of every row, with csv-stringify or JSON.stringify, was measured at about
 * four times the time of the whole rest of the writing.
 */
function encoder(encode: (value: unknown) => string): (value: unknown) => string {
  const texts = new Map<string, string>();
  const lists = new WeakMap<readonly unknown[], string>();
  return (value) => {
    if (typeof value === 'string') {
      let text = texts.get(value);
      if (text === undefined) {
        text = encode(value);
        texts.set(value, text);
      }
      return text;
    }
    if (Array.isArray(value)) {
      let text = lists.get(value);
      if (text === undefined) {
        text = encode(value);
        lists.set(value, text);
      }
      return text;
    }
    return encode(value);
  };
}

/** A value as a CSV cell's text: a list joined by `;`, a number in digits, an absent value empty. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  return String(value);
}

/** One field by csv-stringify: its quoting depends on its own text alone, so fields join into its records. */
const csvField = (value: unknown): string => stringify([[cellText(value)]], { eof: false });

/** A value in JSON: `null` when absent. */
const jsonValue = (value: unknown): string => JSON.stringify(value ?? null);

/** Each row's text, written by the columns of the table, in their order. */
function rowWriter(table: DatasetTable, format: DatasetFormat): { header: string; row: (cells: Cells) => string } {
  const names: readonly string[] = DATASET_COLUMNS[table].columns.map((column) => column.name);
  if (format === 'csv') {
    const field = encoder(csvField);
    return {
      header: `${names.map(field).join(',')}\n`,
      row: (cells) => {
        let line = field(cells[names[0]!]);
        for (let c = 1; c < names.length; c++) line += `,${field(cells[names[c]!])}`;
        return line;
      },
    };
  }
  const value = encoder(jsonValue);
  const keys = names.map((name) => `${JSON.stringify(name)}:`);
  return {
    header: '',
    row: (cells) => {
      let object = `{${keys[0]}${value(cells[names[0]!])}`;
      for (let c = 1; c < names.length; c++) object += `,${keys[c]}${value(cells[names[c]!])}`;
      return `${object}}`;
    },
  };
}

/**
 * One table of the dataset as the text of its file, in pieces: CSV with a header row, a JSON array
 * (compact, one line, then a newline), or NDJSON (one object a line). Every format writes the
 * columns of the codebook (`DATASET_COLUMNS`) in its order. CSV cells are written exactly, not
 * neutralized against spreadsheet formulas: the dataset is data for pandas, R or DuckDB, which must
 * read back what the rules say (the codebook says so).
 */
export function* datasetTableText<T extends DatasetTable>(
  table: T,
  rows: readonly DatasetRows[T][],
  format: DatasetFormat,
): Generator<string> {
  const writer = rowWriter(table, format);
  const [open, between, close] = format === 'json' ? ['[', ',', ']\n'] : ['', '\n', rows.length > 0 ? '\n' : ''];
  let piece = writer.header + open;
  for (let i = 0; i < rows.length; i++) {
    piece += (i === 0 ? '' : between) + writer.row(rows[i] as unknown as Cells);
    if ((i + 1) % ROWS_PER_CHUNK === 0) {
      yield piece;
      piece = '';
    }
  }
  yield piece + close;
}
