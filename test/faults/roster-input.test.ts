/**
 * Issue 10, rosters as input: the cases an independent run found, replayed. Each test fails
 * without its fix: csv-parse's own words in `csv-syntax`, "1 invalid row" for a one-line JSON
 * array of 4 bad records, a Latin-1 roster audited with replacement characters and exit 0, and
 * an empty NDJSON roster passing with exit 0.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/domain/diagnostic.js';
import { type MemoryIoOptions, runMain, STACK_TRACE } from '../helpers/memory-io.js';

const tmp = mkdtempSync(join(tmpdir(), 'ma-check-roster-input-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A roster file in the temp folder, byte for byte. */
function file(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

const audit = (args: string[], options: MemoryIoOptions = {}) =>
  runMain(['audit', ...args, '--as-of', '2026-11-25'], { cwd: tmp, ...options });

interface JsonReport {
  items: { staffId: string; name: string | null }[];
  invalid: (Diagnostic & { staffId: string | null })[];
  summary: { rows: number; invalid: number; invalidRows: number };
}

/** The JSON report of an audit, with its exit code and stderr. */
async function auditJson(args: string[], options: MemoryIoOptions = {}) {
  const run = await audit([...args, '-f', 'json'], options);
  expect(run.stderr).not.toMatch(STACK_TRACE);
  return { ...run, report: JSON.parse(run.stdout) as JsonReport };
}

const where = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.code}`;
const HEADER = 'staff_id,name,state,tasks\n';

describe('csv-parse messages are ours, at the quote at fault', () => {
  test.each([
    [
      'a quote inside an unquoted field',
      `${HEADER}A-1,Ann,WA,filing\nA-2,Bo "the" Lee,WA,filing\n`,
      'stray.csv:3:8 csv-syntax',
      "CSV syntax: a quote inside unquoted field 2 ('name'): quote the whole field and double the quote; nothing from here on was read",
    ],
    [
      'a quote not doubled, after a quoted CRLF (csv-parse counts that line break twice)',
      `staff_id,name,state,tasks\r\nA-1,"Ann\r\nLee",WA,filing\r\nA-2,"Bo "x" Ng",WA,filing\r\n`,
      'not-doubled.csv:4:9 csv-syntax',
      `CSV syntax: a quote inside quoted field 2 ('name') is not doubled (write "" for a quote); nothing from here on was read`,
    ],
    [
      'a quote never closed (csv-parse says the last line)',
      `${HEADER}A-1,Ann,WA,filing\nA-2,Bo,WA,"filing\nA-3,Cy,WA,filing\n\n`,
      'unclosed.csv:3:11 csv-syntax',
      "CSV syntax: the quote that opens field 4 ('tasks') is never closed; nothing from here on was read",
    ],
  ])('%s', async (_, content, location, message) => {
    const name = location.split(':')[0]!;
    const { code, report } = await auditJson([file(name, content)]);
    expect(code).toBe(65);
    expect(report.invalid[0]!.message).toBe(message);
    expect(report.invalid.map((d) => where(d).replace(`${tmp}/`, ''))).toEqual([location]);
    expect(report.items.map((d) => d.staffId)).toEqual(['A-1']);
  });
});

describe('invalid counts are of records', () => {
  test('a one-line JSON array with 4 bad records: 4 invalid records, in every format', async () => {
    const roster = file(
      'four.json',
      '[{"staff_id":"A-1","state":"WA","tasks":"nosuch"},{"staff_id":"A-2","state":"ZZ","tasks":"filing"},' +
        '{"staff_id":"A-3","state":"WA","tasks":"filing","credentials":5},3]',
    );
    const { code, report, stderr } = await auditJson([roster]);
    expect(code).toBe(65);
    expect(report.summary).toMatchObject({ rows: 4, invalid: 4, invalidRows: 4 });
    expect(stderr).toMatch(/^ma-check: 4 invalid records \(first: /);
    const text = await audit([roster]);
    expect(text.stdout).toContain('4 rows read · 0 decisions · 4 invalid records\n');
    expect(text.stdout).toContain('\nInvalid: 4 invalid records;');
    const markdown = await audit([roster, '-f', 'markdown']);
    expect(markdown.stdout).toContain('4 invalid records.');
    expect(markdown.stdout).toContain('## Invalid records: 4');
    const html = await audit([roster, '-f', 'html']);
    expect(html.stdout).toContain('4 invalid records.</p>');
  });

  test('a record with several problems is one invalid record', async () => {
    const roster = file('two-problems.json', '[{"staff_id":"A-1","state":"ZZ","tasks":"nosuch;filing"}]');
    const { report } = await auditJson([roster]);
    expect(report.summary).toMatchObject({ invalid: 2, invalidRows: 1 });
    expect((await audit([roster, '-f', 'markdown'])).stdout).toContain(', 1 invalid record.');
  });
});

describe('a roster that is not UTF-8 is a located diagnostic, exit 65', () => {
  const latin1 = (text: string) => Buffer.from(text, 'latin1');

  test.each([
    ['latin1.csv', latin1(`${HEADER}A-1,Ann,WA,filing\nA-2,José Müller,WA,filing\nA-3,Cy,WA,filing\n`), 3, 8],
    [
      'latin1.ndjson',
      latin1(
        '{"staff_id":"A-1","state":"WA","tasks":"filing"}\n{"staff_id":"A-2","name":"José","state":"WA","tasks":"filing"}\n',
      ),
      2,
      30,
    ],
  ])('%s: the rows before it are audited, the rest is not read', async (name, bytes, line, column) => {
    const { code, report } = await auditJson([file(name, bytes)]);
    expect(code).toBe(65);
    expect(report.invalid.map(where)).toEqual([`${join(tmp, name)}:${line}:${column} not-utf8`]);
    expect(report.invalid[0]!.message).toBe(
      "not UTF-8: byte 0xE9 here is not part of a valid UTF-8 character (in Latin-1 it is 'é'); save the file as UTF-8; nothing from here on was read",
    );
    expect(report.items.map((d) => d.staffId)).toEqual(['A-1']);
    expect(JSON.stringify(report)).not.toContain('\uFFFD');
  });

  test('JSON (read whole): no record is audited', async () => {
    const bytes = latin1('[{"staff_id":"A-1","state":"WA","tasks":"filing"},\n {"staff_id":"A-2","name":"Zoë"}]');
    const { code, report } = await auditJson([file('latin1.json', bytes)]);
    expect([code, report.items.length]).toEqual([65, 0]);
    expect(report.invalid.map(where)).toEqual([`${join(tmp, 'latin1.json')}:2:30 not-utf8`]);
    expect(report.invalid[0]!.message).toMatch(/; no row of this file was audited$/);
  });

  test('from stdin, and a file that ends inside a character', async () => {
    const { code, report } = await auditJson(['-', '--input-format', 'csv'], {
      stdin: Buffer.concat([Buffer.from(`${HEADER}A-1,Ann,WA,filing\nA-2,Jos`), Buffer.from([0xc3])]),
    });
    expect(code).toBe(65);
    expect(report.invalid.map(where)).toEqual(['-:3:8 not-utf8']);
    expect(report.items.map((d) => d.staffId)).toEqual(['A-1']);
  });

  test('UTF-8 beyond ASCII, with a BOM, is read as it is', async () => {
    const roster = file('utf8.csv', `\uFEFF${HEADER}A-1,José Müller 😀,WA,filing\n`);
    const { code, report } = await auditJson([roster]);
    expect([code, report.invalid]).toEqual([0, []]);
    expect(report.items[0]!.name).toBe('José Müller 😀');
  });
});

describe('an empty roster is empty-file in every format', () => {
  test.each([
    ['empty.ndjson', ''],
    ['blank.ndjson', '\n  \n\r\n'],
    ['blank.csv', '\n\n'],
    ['blank.json', ' \n\n'],
    // No known extension: sniffing the format reads the whole file, and the run still hashes it.
    ['empty-roster', ''],
    ['blank-roster', ' \n'],
  ])('%s', async (name, content) => {
    const { code, report } = await auditJson([file(name, content)]);
    expect(code).toBe(65);
    expect(report.invalid.map(where)).toEqual([`${join(tmp, name)}:1:1 empty-file`]);
  });

  test('an empty NDJSON roster on stdin', async () => {
    const { code, report } = await auditJson(['-', '--input-format', 'ndjson'], { stdin: '' });
    expect(code).toBe(65);
    expect(report.invalid.map(where)).toEqual(['-:1:1 empty-file']);
  });
});
