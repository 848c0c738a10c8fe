import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parse as parseSync } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { RosterItem } from '../../src/domain/roster.js';
import { BytePositions } from '../../src/roster/byte-positions.js';
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

/** Reads bytes handed over in pieces of `size` bytes, as a pipe may: characters and CRLFs split between pieces. */
async function readPieces(bytes: Buffer, format: InputFormat, size: number): Promise<RosterItem[]> {
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
  const items: RosterItem[] = [];
  for await (const batch of readRoster(Readable.from(pieces), format, { records: 0 })) items.push(...batch);
  return items;
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

  test('each record at its line, whatever the cells, line ends and pieces (rows without line breaks are not looked into)', async () => {
    // A reference: every record of the whole text, counted cell by cell.
    const reference = (text: string) => {
      const counter = new LineCounter();
      return (parseSync(text, { bom: true, relax_column_count: true }) as string[][])
        .map((cells) => [counter.start(cells), cells] as const)
        .filter(([, cells]) => !(cells.length === 1 && cells[0]!.trim() === ''))
        .map(([line]) => line);
    };
    const cell = fc.constantFrom('a', 'b c', 'x,y', 'say "hi"', 'two\nlines', 'cr\r\nlf', 'lone\rcr', '');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.array(fc.nat(40), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 50 }),
        async (rows, eol, finalEol, blanks, piece) => {
          const lines = rows.map((r) => stringify([r], { eof: false, record_delimiter: eol }));
          for (const at of blanks) lines.splice(Math.min(at, lines.length), 0, '');
          const text = `staff_id,name${eol}${lines.join(eol)}${finalEol ? eol : ''}`;
          const items = await readPieces(Buffer.from(text), 'csv', piece);
          expect(items.map((i) => i.line)).toEqual(reference(text));
        },
      ),
      { numRuns: 100 },
    );
  });

  test('a last record without a line break, read with one that holds a line break, is at its line', async () => {
    // The reader is slow: by the time it asks again, the parser has read to the end.
    const pieces = ['staff_id,name\n', 'A-1,"two\nlines"\nA-2,Bo'].map((p) => Buffer.from(p));
    const items: RosterItem[] = [];
    for await (const batch of readRoster(Readable.from(pieces), 'csv', { records: 0 })) {
      items.push(...batch);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(shape(items)).toEqual([
      ['columns', 1, 'staff_id'],
      ['row', 2, 'A-1'],
      ['row', 4, 'A-2'],
    ]);
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

describe('UTF-8', () => {
  const SIZES = [1, 2, 3, 5, 16384];
  const TEXT = {
    csv: '\uFEFFstaff_id,name\r\nA-1,"José\r\nMüller"\r\nA-2,€ 😀\r\n',
    ndjson: '\uFEFF{"staff_id":"A-1","name":"José Müller"}\r\n{"staff_id":"A-2","name":"€ 😀"}\n',
    json: '\uFEFF[{"staff_id":"A-1","name":"José Müller"},\r\n{"staff_id":"A-2","name":"€ 😀"}]',
  } as const;
  const names = (items: RosterItem[]) =>
    items.flatMap((i) => (i.kind === 'row' ? [i.cells[1]] : i.kind === 'record' ? [i.fields.name] : []));

  test.each(SIZES)('characters split between pieces of %i bytes are read whole', async (size) => {
    for (const [format, text] of Object.entries(TEXT)) {
      const items = await readPieces(Buffer.from(text), format as InputFormat, size);
      expect(items.filter((i) => i.kind === 'unreadable')).toEqual([]);
      expect(names(items).map((n) => String(n).replace(/\r\n/g, ' '))).toEqual(['José Müller', '€ 😀']);
    }
  });

  test.each(SIZES)('the first byte that is not UTF-8 is located, in pieces of %i bytes', async (size) => {
    // Line 3 starts after a CRLF that a 1-byte piece splits; the BOM takes no column on line 1.
    const bytes = Buffer.concat([Buffer.from('\uFEFFstaff_id,name\r\nA-1,Zoë\r\nA-2,Jo'), Buffer.from([0xe9, 0x0a])]);
    const items = await readPieces(bytes, 'csv', size);
    expect(shape(items)).toEqual([
      ['columns', 1, 'staff_id'],
      ['row', 2, 'A-1'],
      ['unreadable', 3, 'not-utf8'],
    ]);
    expect(items.at(-1)).toMatchObject({ column: 7, fatal: true });
  });

  test.each([
    ['an overlong form', [0xc0, 0x80], 0xc0],
    ['a surrogate', [0xed, 0xa0, 0x80], 0xed],
    ['a byte above U+10FFFF', [0xf5, 0x80, 0x80, 0x80], 0xf5],
    ['a sequence cut by an ASCII byte', [0xe2, 0x82, 0x41], 0xe2],
    ['a lone continuation byte', [0x80], 0x80],
  ])('%s is not UTF-8', async (_, invalid, byte) => {
    const bytes = Buffer.concat([
      Buffer.from('{"staff_id":"A-1"}\n{"name":"'),
      Buffer.from(invalid),
      Buffer.from('"}\n'),
    ]);
    for (const size of [1, 4096]) {
      const items = await readPieces(bytes, 'ndjson', size);
      expect(shape(items)).toEqual([
        ['record', 1, 'A-1'],
        ['unreadable', 2, 'not-utf8'],
      ]);
      expect(items[1]).toMatchObject({ column: 10 });
      expect((items[1] as Extract<RosterItem, { kind: 'unreadable' }>).message).toContain(
        `byte 0x${byte.toString(16).toUpperCase()} `,
      );
    }
  });

  test('positions: CRLF, LF and a lone CR end a line each; a BOM takes no column', () => {
    const positions = new BytePositions();
    const bytes = Buffer.from('\uFEFFab\r\ncd\ref\ngh€i');
    for (const piece of [bytes.subarray(0, 6), bytes.subarray(6, 7), bytes.subarray(7)]) positions.add(piece);
    const at = (text: string) => positions.at(bytes.indexOf(text));
    expect([at('a'), at('c'), at('e'), at('g'), at('i')]).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 4, column: 4 },
    ]);
  });
});

describe('positions of a long input', () => {
  test('the recent bytes and their lines are kept, megabytes in; the old ones are let go of', () => {
    const positions = new BytePositions();
    // 40,000 lines of 100 bytes, handed over 10,000 bytes at a time.
    const bytes = Buffer.from(
      Array.from({ length: 40_000 }, (_, i) => `${String(i).padStart(8, '0')},${'x'.repeat(90)}\n`).join(''),
    );
    for (let at = 0; at < bytes.length; at += 10_000) {
      positions.add(bytes.subarray(at, at + 10_000));
      // The last 256 KB are always kept, as the input has them, at their lines.
      const from = at + 10_000 - (1 << 18);
      if (from < 0) continue;
      expect(positions.from(from)?.equals(bytes.subarray(from, at + 10_000))).toBe(true);
      expect(positions.at(from + 42)).toEqual({ line: Math.floor(from / 100) + 1, column: (from % 100) + 43 });
    }
    expect(positions.at(5)).toBeNull();
    expect(positions.from(5)).toBeNull();
  });
});

describe('CSV syntax errors, at the quote at fault', () => {
  test.each([1, 7, 16384])('in pieces of %i bytes', async (size) => {
    const text = 'staff_id,name\nA-1,"Ann\nLee"\nA-2,Bo "x" Ng\n';
    const items = await readPieces(Buffer.from(text), 'csv', size);
    expect(shape(items)).toEqual([
      ['columns', 1, 'staff_id'],
      ['row', 2, 'A-1'],
      ['unreadable', 4, 'csv-syntax'],
    ]);
    expect(items.at(-1)).toMatchObject({ column: 8 });
  });

  test('a quote opened far behind the end of the input: at the line its record starts on', async () => {
    const text = `staff_id,name\nA-1,Ann\nA-2,"${'x\n'.repeat(200_000)}`;
    const items = await readPieces(Buffer.from(text), 'csv', 16384);
    expect(shape(items).at(-1)).toEqual(['unreadable', 3, 'csv-syntax']);
    expect(items.at(-1)).toMatchObject({ column: 1 });
  });

  test('a BOM before an unclosed quote in the first field', async () => {
    const items = await readPieces(Buffer.from('\uFEFF"staff_id,name\n'), 'csv', 16384);
    expect(items).toEqual([expect.objectContaining({ kind: 'unreadable', line: 1, column: 1, code: 'csv-syntax' })]);
    expect((items[0] as Extract<RosterItem, { kind: 'unreadable' }>).message).toBe(
      'CSV syntax: the quote that opens field 1 is never closed; nothing from here on was read',
    );
  });
});

describe('empty rosters', () => {
  test.each([
    ['csv', ''],
    ['csv', '\n \n'],
    ['json', ''],
    ['json', '\uFEFF \n'],
    ['ndjson', ''],
    ['ndjson', '\n\r\n  \n'],
  ] as const)('%s %j', async (format, text) => {
    expect(shape(await readPieces(Buffer.from(text), format, 16384))).toEqual([['unreadable', 1, 'empty-file']]);
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
