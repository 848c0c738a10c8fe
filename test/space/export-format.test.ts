import { stringify } from 'csv-stringify/sync';
import { describe, expect, test } from 'vitest';
import {
  DATASET_FORMATS,
  DATASET_TABLES,
  type DatasetFormat,
  type DatasetRule,
  type DatasetTable,
  type DatasetTables,
} from '../../src/domain/dataset.js';
import { DATASET_COLUMNS } from '../../src/domain/dataset-columns.js';
import { datasetCodebook } from '../../src/format/dataset-codebook.js';
import { datasetTableText } from '../../src/format/dataset-table.js';
import { exportDataset } from '../../src/space/export-dataset.js';
import { shipped } from '../helpers/load.js';

let tables: DatasetTables | undefined;
/** Three tasks of the shipped rules, exported once for the file. */
const tablesOf = (): DatasetTables =>
  (tables ??= exportDataset(shipped(), {
    asOf: '2026-12-07',
    tasks: ['iv-insertion', 'im-injection', 'filing'],
  }).tables);

const textOf = (table: DatasetTable, rows: readonly unknown[], format: DatasetFormat): string =>
  [...datasetTableText(table, rows as DatasetTables[typeof table], format)].join('');

/** The table as csv-stringify writes it in one call: the header, then every row, lists joined by `;`. */
function wholeCsv(table: DatasetTable, rows: readonly unknown[]): string {
  const names = DATASET_COLUMNS[table].columns.map((c) => c.name as string);
  const cells = (rows as Record<string, unknown>[]).map((row) =>
    names.map((name) => {
      const value = row[name];
      return Array.isArray(value) ? value.join(';') : value === null ? '' : String(value);
    }),
  );
  return stringify([names, ...cells]);
}

/** A rule whose text needs every kind of CSV quoting, and starts as a spreadsheet formula would. */
const awkward: DatasetRule = {
  id: 'XX/awkward',
  layer: 'state',
  owner: 'XX',
  basis: 'law',
  verdict: null,
  confidence: 'high',
  tasks: ['a', 'b'],
  effective: null,
  until: '2027-01-01',
  supersedes: [],
  cites: ['c,1', 'say "x"'],
  reviewed: null,
  summary: '=1+1, "quoted"\nand a second line',
};

describe('dataset tables as text', () => {
  test.each(DATASET_TABLES)('%s.csv is what csv-stringify writes for the whole table in one call', (table) => {
    const rows = tablesOf()[table];
    expect(textOf(table, rows, 'csv')).toBe(wholeCsv(table, rows));
  });

  test('CSV cells are exact: quoted where csv-stringify quotes, formulas not neutralized', () => {
    const rows = [awkward, { ...awkward, id: 'XX/second' }];
    const text = textOf('rules', rows, 'csv');
    expect(text).toBe(wholeCsv('rules', rows));
    expect(text).toContain('"=1+1, ""quoted""\nand a second line"');
    expect(text).not.toContain("'=1+1");
    expect(text.split('\n')[1]).toMatch(/^XX\/awkward,state,XX,law,,high,a;b,,2027-01-01,,"c,1;say ""x""",,/);
  });

  test.each(['json', 'ndjson'] as const)('%s reads back as the rows, across pieces of the text', (format) => {
    // More rows than one piece holds (2,048), so rows meet at the seams between pieces.
    const rows = Array.from({ length: 5_000 }, (_, i) => ({ ...awkward, id: `XX/r${i}` }));
    const pieces = [...datasetTableText('rules', rows, format)];
    expect(pieces.length).toBeGreaterThan(2);
    const text = pieces.join('');
    expect(text.endsWith('\n')).toBe(true);
    const read =
      format === 'json'
        ? JSON.parse(text)
        : text
            .trimEnd()
            .split('\n')
            .map((line) => JSON.parse(line));
    expect(read).toEqual(rows);
    if (format === 'json') expect(text.split('\n')).toHaveLength(2);
    else expect(text.split('\n')).toHaveLength(rows.length + 1);
  });

  test.each(DATASET_TABLES)('%s in JSON and NDJSON reads back as the rows, keys in column order', (table) => {
    const rows = tablesOf()[table];
    const json = JSON.parse(textOf(table, rows, 'json'));
    const ndjson = textOf(table, rows, 'ndjson')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(json).toEqual(rows);
    expect(ndjson).toEqual(rows);
    expect(Object.keys(json[0])).toEqual(DATASET_COLUMNS[table].columns.map((c) => c.name));
  });

  test('an empty table: the header alone, an empty array, an empty file', () => {
    expect(textOf('rules', [], 'csv')).toBe(`${DATASET_COLUMNS.rules.columns.map((c) => c.name).join(',')}\n`);
    expect(textOf('rules', [], 'json')).toBe('[]\n');
    expect(textOf('rules', [], 'ndjson')).toBe('');
  });
});

describe('codebook.md', () => {
  test.each(DATASET_FORMATS)('names the files of --format %s and every column of each', (format) => {
    const codebook = datasetCodebook(format);
    for (const table of DATASET_TABLES) {
      const section = codebook.split(`## \`${table}.${format}\``)[1]?.split('\n## ')[0];
      expect(section, `${table}.${format}`).toBeDefined();
      const names = [...section!.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
      expect(names).toEqual(DATASET_COLUMNS[table].columns.map((c) => c.name));
    }
    for (const other of DATASET_FORMATS.filter((f) => f !== format))
      for (const table of DATASET_TABLES) expect(codebook).not.toContain(`${table}.${other}`);
  });

  test('a table cell that holds `|` keeps it inside its cell', () => {
    const row = datasetCodebook('csv')
      .split('\n')
      .find((line) => line.startsWith('| `to_verify` |'))!;
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(6);
  });
});
