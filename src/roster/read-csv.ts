import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { RosterItem } from '../domain/roster.js';
import { LineCounter } from './line-counter.js';
import type { ReadStats } from './read-stats.js';

/** What a CSV syntax error means, in the words of someone fixing the file. */
const CSV_ERRORS: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'a quote inside a quoted field is not doubled (write "" for a quote)',
  CSV_INVALID_OPENING_QUOTE: 'a quote in the middle of an unquoted field (quote the whole field and double the quote)',
};

/**
 * A CSV roster, streamed: the header, then one record per row with the line it starts on
 * (BOM, CRLF and quoted fields with commas and line breaks are csv-parse's job). A row with the
 * wrong number of fields is reported and skipped; a syntax error ends the file, because nothing
 * after an unclosed quote can be trusted.
 */
export async function* readCsv(input: Readable, stats: ReadStats): AsyncGenerator<RosterItem> {
  const parser = parse({ bom: true, raw: true, relax_column_count: true, skip_empty_lines: true });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  const lines = new LineCounter();
  let header: string[] | null = null;
  let index = 0;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const line = lines.start(raw);
      if (header === null) {
        header = record;
        yield { kind: 'columns', line, names: record };
        continue;
      }
      stats.records++;
      const pointer = `/${index++}`;
      if (record.length !== header.length) {
        yield { kind: 'unreadable', line, column: 1, code: 'field-count', message: `${record.length} field(s) where the header has ${header.length}; the row was not audited`, fatal: false };
        continue;
      }
      const fields: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) fields[header[i]!] = record[i]!;
      yield { kind: 'record', line, column: 1, pointer, fields };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const what = CSV_ERRORS[error.code] ?? error.message;
    yield { kind: 'unreadable', line: lines.next, column: 1, code: 'csv-syntax', message: `CSV syntax: ${what}; nothing from here on was read`, fatal: true };
    return;
  } finally {
    input.unpipe(parser);
    input.destroy();
  }
  if (header === null) yield { kind: 'unreadable', line: 1, column: 1, code: 'empty-file', message: 'the roster is empty: no header row', fatal: true };
}
