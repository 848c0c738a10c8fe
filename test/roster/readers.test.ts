import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import type { RosterItem } from '../../src/domain/roster.js';
import { formatOfContent, formatOfName, type InputFormat } from '../../src/roster/input-format.js';
import { jsonElementStarts } from '../../src/roster/json-element-starts.js';
import { LineCounter } from '../../src/roster/line-counter.js';
import { readRoster } from '../../src/roster/read-roster.js';
import { FIXTURES } from '../helpers/paths.js';

const ROSTERS = join(FIXTURES, 'rosters');

async function read(name: string, format: InputFormat): Promise<{ items: RosterItem[]; records: number }> {
  const stats = { records: 0 };
  const items: RosterItem[] = [];
  for await (const batch of readRoster(createReadStream(join(ROSTERS, name)), format, stats)) items.push(...batch);
  return { items, records: stats.records };
}

/** Each item as [kind, line, what]: the cells' first value, or the problem's code. */
const shape = (items: RosterItem[]) =>
  items.map((i) => [
    i.kind,
    i.line,
    i.kind === 'row'
      ? i.cells[0]
      : i.kind === 'record'
        ? (i.fields.staff_id ?? i.fields.StaffId)
        : i.kind === 'columns'
          ? i.names[0]
          : i.code,
  ]);

describe('CSV roster', () => {
  test('BOM, CRLF, blank lines and quoted fields with commas and line breaks: each row at the line it starts on', async () => {
    const { items, records } = await read('bom-crlf.csv', 'csv');
    expect(shape(items)).toEqual([
      ['columns', 1, 'Staff_ID'],
      ['row', 2, 'A-1'],
      ['row', 4, 'A-2'],
      ['row', 7, 'A-3'],
    ]);
    expect(records).toBe(3);
    const a2 = items[2] as Extract<RosterItem, { kind: 'row' }>;
    expect(a2.cells.slice(0, 2)).toEqual(['A-2', 'Ng\r\nBo']);
    expect(a2.cells.at(-1)).toBe('filing;\r\nim-shot');
    expect((items[1] as Extract<RosterItem, { kind: 'row' }>).cells[1]).toBe('Lee, Ann');
  });

  test('a row with the wrong number of fields is reported and the next row read', async () => {
    const { items } = await read('invalid.csv', 'csv');
    expect(shape(items).filter(([kind]) => kind !== 'row')).toEqual([
      ['columns', 1, 'staff_id'],
      ['unreadable', 7, 'field-count'],
    ]);
    expect(shape(items).at(-1)).toEqual(['row', 8, 'A-7']);
  });

  test('an unclosed quote ends the file at the line where its record starts', async () => {
    const { items } = await read('unclosed-quote.csv', 'csv');
    expect(shape(items)).toEqual([
      ['columns', 1, 'staff_id'],
      ['row', 2, 'A-1'],
      ['unreadable', 3, 'csv-syntax'],
    ]);
    expect(items.at(-1)).toMatchObject({ fatal: true });
  });

  test('an empty file says so', async () => {
    const stats = { records: 0 };
    const items: RosterItem[] = [];
    for await (const b of readRoster(Readable.from([Buffer.from('')]), 'csv', stats)) items.push(...b);
    expect(shape(items)).toEqual([['unreadable', 1, 'empty-file']]);
  });

  test('line counting: CRLF, LF and a lone CR inside a cell each count one line', () => {
    const lines = new LineCounter();
    expect(lines.start(['a', 'b'])).toBe(1);
    expect(lines.start(['x\r\ny\nz\rw'])).toBe(2);
    expect(lines.start(['next'])).toBe(6);
  });
});

describe('JSON and NDJSON rosters', () => {
  test('JSON: each record at the line of its {', async () => {
    const { items, records } = await read('roster.json', 'json');
    expect(shape(items)).toEqual([
      ['record', 2, 'A-1'],
      ['record', 12, 'A-2'],
      ['record', 13, 'A-3'],
    ]);
    expect(records).toBe(3);
    expect(items[1]).toMatchObject({ column: 3, pointer: '/1' });
  });

  test('JSON element starts ignore brackets and braces inside strings', () => {
    const text = '[\n  {"a": "[{,"},\n  "x\\"]",\r\n  3]';
    expect(jsonElementStarts(text).map((s) => [s.line, s.column])).toEqual([
      [2, 3],
      [3, 3],
      [4, 3],
    ]);
  });

  test('NDJSON: a line that is not an object is reported and the next line read', async () => {
    const { items } = await read('broken.ndjson', 'ndjson');
    expect(shape(items)).toEqual([
      ['record', 1, 'A-1'],
      ['unreadable', 2, 'json-syntax'],
      ['unreadable', 3, 'wrong-type'],
      ['record', 4, 'A-4'],
    ]);
    expect(items[1]).toMatchObject({ column: 70, fatal: false });
  });

  test('NDJSON: blank lines skipped, lines still counted', async () => {
    const { items } = await read('roster.ndjson', 'ndjson');
    expect(shape(items).map(([, line]) => line)).toEqual([1, 2, 4]);
  });
});

describe('input format', () => {
  test.each([
    ['roster.csv', 'csv'],
    ['ROSTER.JSON', 'json'],
    ['staff.ndjson', 'ndjson'],
    ['staff.jsonl', 'ndjson'],
    ['roster.txt', null],
    ['-', null],
    ['dir.csv/roster', null],
  ])('%s', (name, format) => expect(formatOfName(name)).toBe(format));

  test.each([
    ['\uFEFF  [{"staff_id": 1}]', 'json'],
    ['{"staff_id": 1}\n', 'ndjson'],
    ['staff_id,name\n', 'csv'],
  ])('content %j', (head, format) => expect(formatOfContent(head)).toBe(format));
});
