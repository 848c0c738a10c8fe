import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { RosterItem } from '../domain/roster.js';
import { batches } from './batches.js';
import { LineCounter } from './line-counter.js';
import type { ReadStats } from './read-stats.js';

/** What a CSV syntax error means, in the words of someone fixing the file. */
const CSV_ERRORS: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'a quote inside a quoted field is not doubled (write "" for a quote)',
  CSV_INVALID_OPENING_QUOTE: 'a quote in the middle of an unquoted field (quote the whole field and double the quote)',
};

/**
 * A CSV roster, streamed: the header, then one row per record with the line it starts on (BOM,
 * CRLF and quoted fields with commas and line breaks are csv-parse's job). Blank lines are
 * skipped; a row with the wrong number of fields is reported and skipped; a syntax error ends
 * the file, because nothing after an unclosed quote can be trusted.
 */
export async function* readCsv(input: Readable, stats: ReadStats): AsyncGenerator<RosterItem[]> {
  // Blank lines come through as one empty cell, so that every line is counted (see LineCounter).
  const parser = parse({ bom: true, relax_column_count: true });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  const lines = new LineCounter();
  let header: string[] | null = null;
  let index = 0;
  try {
    for await (const batch of batches<string[]>(parser)) {
      const items: RosterItem[] = [];
      for (const record of batch) {
        const line = lines.start(record);
        if (record.length === 1 && record[0]!.trim() === '') continue;
        if (header === null) {
          header = record;
          items.push({ kind: 'columns', line, names: record });
          continue;
        }
        stats.records++;
        const pointer = `/${index++}`;
        if (record.length !== header.length) {
          items.push({
            kind: 'unreadable',
            line,
            column: 1,
            code: 'field-count',
            message: `${record.length} field(s) where the header has ${header.length}; the row was not audited`,
            fatal: false,
          });
          continue;
        }
        items.push({ kind: 'row', line, column: 1, pointer, cells: record });
      }
      yield items;
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const what = CSV_ERRORS[error.code] ?? error.message;
    yield [
      {
        kind: 'unreadable',
        line: lines.next,
        column: 1,
        code: 'csv-syntax',
        message: `CSV syntax: ${what}; nothing from here on was read`,
        fatal: true,
      },
    ];
    return;
  } finally {
    input.unpipe(parser);
    input.destroy();
  }
  if (header === null)
    yield [
      {
        kind: 'unreadable',
        line: 1,
        column: 1,
        code: 'empty-file',
        message: 'the roster is empty: no header row',
        fatal: true,
      },
    ];
}
