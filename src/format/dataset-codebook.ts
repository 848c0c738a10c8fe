import {
  CODEBOOK_FILE,
  DATASET_TABLES,
  type DatasetFormat,
  type DatasetTable,
  datasetFileName,
  LIST_SEPARATOR,
  MANIFEST_FILE,
} from '../domain/dataset.js';
import { DATASET_COLUMNS, type DatasetColumn } from '../domain/dataset-columns.js';
import { ANY_VALUE, NONE_VALUE } from '../domain/query-space.js';

/** Text in a Markdown table cell: a `|` would end the cell, a line break the row. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

const code = (text: string): string => `\`${text}\``;

/** How each format writes lists and absent values: the part of the codebook that differs by format. */
const FORMAT_CONVENTIONS: Readonly<Record<DatasetFormat, readonly string[]>> = {
  csv: [
    'Comma-separated, UTF-8, a header row of the column names, `\\n` line ends. Written by csv-stringify: a field is quoted (`"`, doubled inside) only when it holds a comma, a quote or a line break.',
    `A list is its items joined by ${code(LIST_SEPARATOR)} (no item holds one); an empty list and an absent value are both an empty cell. Integers are written in digits.`,
    "Cells are written exactly as the rules say. Unlike `ma-check audit --format csv`, they are not neutralized against spreadsheet formulas (no `'` is put before a leading `=`, `+`, `-` or `@`): the dataset is data for pandas, R or DuckDB, which must read back the exact values. Open it in a spreadsheet through an import that reads every column as text.",
  ],
  json: [
    'One compact JSON array per file, one object per row, keys in column order, then a newline.',
    'A list is a JSON array of strings; an absent value is `null`; integers are JSON numbers.',
  ],
  ndjson: [
    'One compact JSON object per line (NDJSON), keys in column order; an empty table is an empty file.',
    'A list is a JSON array of strings; an absent value is `null`; integers are JSON numbers.',
  ],
};

function typeText(column: DatasetColumn<unknown>): string {
  const type = column.type === 'list' ? 'list of text' : column.type;
  return column.optional ? `${type}, optional` : type;
}

function tableSection(table: DatasetTable, format: DatasetFormat): string[] {
  const def = DATASET_COLUMNS[table];
  const columns = def.columns as readonly DatasetColumn<unknown>[];
  return [
    `## ${code(datasetFileName(table, format))}`,
    '',
    `A row is ${def.row}. Rows come in this order: ${def.order}.`,
    '',
    '| column | type | values | what it is |',
    '|---|---|---|---|',
    ...columns.map(
      (c) =>
        `| ${code(c.name)} | ${typeText(c)} | ${c.values ? cell(c.values.map(code).join(', ')) : ''} | ${cell(c.derived)} |`,
    ),
    '',
  ];
}

/**
 * `codebook.md`: every file and every column of the dataset in one format, generated from the
 * column table (`DATASET_COLUMNS`), which the files are written from too.
 */
export function datasetCodebook(format: DatasetFormat): string {
  const lines = [
    '# ma-check dataset: codebook',
    '',
    'Decisions of `ma-check` over a part of its query space, with every rule and source of the rules (however narrow the part: a rule names the tasks it selects) and the jurisdictions of the part. Every column of every file is described below; `manifest.json` says which rules (their digest), which date (`asOf`) and which part of the space (`space`, `grid`) the files hold, how many rows each has and the sha256 of each.',
    '',
    '## Files',
    '',
    '| file | a row is |',
    '|---|---|',
    ...DATASET_TABLES.map(
      (table) => `| ${code(datasetFileName(table, format))} | ${cell(DATASET_COLUMNS[table].row)} |`,
    ),
    `| ${code(MANIFEST_FILE)} | (one object) the tool and its version, the rules digest, the as-of date, the space options and profile grid, and each other file's row count and sha256 |`,
    `| ${code(CODEBOOK_FILE)} | (this file) |`,
    '',
    '## Conventions',
    '',
    ...FORMAT_CONVENTIONS[format].map((line) => `- ${line}`),
    `- Profile labels: ${code(NONE_VALUE)} is a profile that holds no credential or no training. ${code(ANY_VALUE)} stands for every value of an axis that no rule in force for the task in the jurisdiction reads: the decision is the same for each of them, so one row stands for all (docs/query-space.md in the ma-check repository).`,
    '- Ids (tasks, rules, citations, roles, credentials, trainings) are those of the rule files; `ma-check tasks`, `ma-check state XX` and `ma-check sources` show them with their names.',
    '',
    ...DATASET_TABLES.flatMap((table) => tableSection(table, format)),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
