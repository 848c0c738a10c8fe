import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { RosterItem, RosterRow } from '../domain/roster.js';
import { batches } from './batches.js';
import { csvSyntaxItem } from './csv-syntax.js';
import { LineCounter } from './line-counter.js';
import type { ReadStats } from './read-stats.js';
import { notUtf8Item, Utf8Check, utf8Stage } from './utf8-check.js';

const LF = 0x0a;
const CR = 0x0d;

/**
 * A CSV row as the reader hands it on. Its pointer is needed only for a row that turns out
 * invalid, so it is worked out when asked, not written for each of a million rows.
 */
class CsvRow implements RosterRow {
  readonly kind = 'row';
  readonly column = 1;

  constructor(
    readonly line: number,
    private readonly index: number,
    readonly cells: readonly string[],
  ) {}

  get pointer(): string {
    return `/${this.index}`;
  }
}

/**
 * A CSV roster, streamed: the header, then one row per record with the line it starts on (BOM,
 * CRLF and quoted fields with commas and line breaks are csv-parse's job). Blank lines are
 * skipped; a row with the wrong number of fields is reported and skipped; a syntax error or a
 * byte that is not UTF-8 ends the file, because nothing after it can be trusted.
 */
export async function* readCsv(input: Readable, stats: ReadStats): AsyncGenerator<RosterItem[]> {
  const utf8 = new Utf8Check();
  const checked = utf8Stage(utf8);
  // The options a plain reader would use, and no more: records as arrays (no `columns`: the header
  // is read as a record, so its names can be reported as written), no `info` or `raw` (an object
  // or a string per record, dearer than counting lines from the cells, see LineCounter), and blank
  // lines kept (one empty cell) so every line is counted. A row with the wrong number of fields
  // is reported here, in our words, rather than ending the file as csv-parse would.
  const parser = parse({ bom: true, relax_column_count: true });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(checked).pipe(parser);
  const lines = new LineCounter();
  let header: string[] | null = null;
  let index = 0;
  try {
    read: for await (const [batch, linesRead] of batches<string[], number>(parser, () => parser.info.lines)) {
      // csv-parse counts the line breaks it has read (its public `info.lines`, from 1). When the
      // records of this batch end exactly that many lines past where the first one starts, none
      // of them holds a line break, and each starts on the line after the one before: no cell
      // needs to be looked at. A final record without a line break would hide one held inside
      // another, so a batch that may hold it is counted cell by cell, as is any batch whose count
      // is off (a quoted line break, or a record not yet read whole).
      const finalUnended = utf8.ended && utf8.lastByte !== LF && utf8.lastByte !== CR;
      const plain = !finalUnended && linesRead === lines.next + batch.length;
      const items: RosterItem[] = [];
      for (const record of batch) {
        const line = plain ? lines.skip() : lines.start(record);
        // The input stops before a byte that is not UTF-8: a record reaching its line was cut short.
        if (utf8.failure !== undefined && lines.next > utf8.failure.line) {
          if (items.length > 0) yield items;
          break read;
        }
        if (record.length === 1 && record[0]!.trim() === '') continue;
        if (header === null) {
          header = record;
          items.push({ kind: 'columns', line, names: record });
          continue;
        }
        stats.records++;
        const at = index++;
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
        items.push(new CsvRow(line, at, record));
      }
      yield items;
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const syntax = csvSyntaxItem(error, utf8.positions, header, lines.next);
    const failure = utf8.failure;
    // The first problem in the file is the one to fix; a cut input also leaves a quote open.
    const utf8First =
      failure !== undefined &&
      (failure.line < syntax.line || (failure.line === syntax.line && failure.column <= syntax.column));
    yield [utf8First ? notUtf8Item(failure, 'nothing from here on was read') : syntax];
    return;
  } finally {
    input.unpipe(checked);
    checked.unpipe(parser);
    input.destroy();
  }
  if (utf8.failure !== undefined) {
    yield [notUtf8Item(utf8.failure, 'nothing from here on was read')];
    return;
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
