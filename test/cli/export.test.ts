import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { datasetFolder, writeDataset } from '../../src/cli/dataset-folder.js';
import { runMain, STACK_TRACE } from '../helpers/memory-io.js';
import { BIN, FIXTURES, REPO } from '../helpers/paths.js';

// Exit codes, hard-coded: 64 usage, 65 invalid rules, 66 no input.
const AS_OF = '2026-12-07';
const TABLES = ['decisions', 'rules', 'citations', 'jurisdictions'];
const FILES = (format: string) => [...TABLES.map((t) => `${t}.${format}`), 'codebook.md', 'manifest.json'].sort();

let work = '';
const at = (...parts: string[]) => join(work, ...parts);
const read = (...parts: string[]) => readFileSync(at(...parts), 'utf8');
const exportTo = (dir: string, ...more: string[]) =>
  runMain(['export', '--out', at(dir), '--as-of', AS_OF, ...more], { cwd: work });

/** The column names each file's section of codebook.md lists, by file name. */
function codebookColumns(codebook: string): Map<string, string[]> {
  const columns = new Map<string, string[]>();
  for (const section of codebook.split(/^## /m).slice(1)) {
    const file = /^`([^`]+)`/.exec(section)?.[1];
    if (file)
      columns.set(
        file,
        [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!),
      );
  }
  return columns;
}

const csvRecords = (text: string): Record<string, string>[] => parse(text, { columns: true });
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A parsed CSV row as its JSON form: lists split on `;`, empty cells absent (null) or empty lists, numbers as numbers. */
function csvRowAsJson(row: Record<string, string>, like: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([key, text]) => {
      const sample = like[key];
      if (Array.isArray(sample)) return [key, text === '' ? [] : text.split(';')];
      if (typeof sample === 'number') return [key, Number(text)];
      return [key, text === '' && sample === null ? null : text];
    }),
  );
}

/** A large export takes a few seconds; a loaded machine running the suite beside it, several times that. */
const WHOLE_SPACE_TIMEOUT = 90_000;

/**
 * Every state, four tasks whose rules read every axis (filing reads none): the files most tests
 * here read. The whole space is exported twice and compared by CI (.ci/run), not by this suite,
 * whose time it would double.
 */
const WIDE = ['--tasks', 'filing,im-injection,iv-insertion,triage'];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ma-check-export-'));
  const full = await exportTo('full', ...WIDE);
  expect(full.code, full.stderr).toBe(0);
}, WHOLE_SPACE_TIMEOUT);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('ma-check export (in process)', () => {
  test('writes the four tables, the codebook and the manifest, and says so in one line', () => {
    expect(readdirSync(at('full')).sort()).toEqual(FILES('csv'));
    const manifest = JSON.parse(read('full', 'manifest.json'));
    expect(manifest.files['decisions.csv'].rows).toBeGreaterThan(10_000);
    expect(manifest.files['jurisdictions.csv'].rows).toBe(51);
    expect(new Set(csvRecords(read('full', 'decisions.csv')).map((d) => d.jurisdiction)).size).toBe(51);
  });

  // The whole space twice would double this file's time: CI exports it twice and compares the
  // folders with `diff -r` (.ci/run); here three states, every task, exported twice.
  test('exported twice, the same bytes, file by file', async () => {
    const once = await exportTo('once', '--states', 'AK,NY,WA');
    const again = await exportTo('again', '--states', 'AK,NY,WA');
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect(again.stdout).toMatch(
      /^wrote 6 files to .*again: \d{1,3}(,\d{3})* decisions, \d+ rules, \d+ citations, 3 jurisdictions \(csv, as of 2026-12-07\)\n$/,
    );
    expect(once.stdout.replace('once', 'again')).toBe(again.stdout);
    for (const file of FILES('csv')) expect(read('again', file), file).toBe(read('once', file));
  });

  test('every column of every file is in codebook.md, and every column of codebook.md in its file', () => {
    const codebook = codebookColumns(read('full', 'codebook.md'));
    for (const table of TABLES) {
      const [header] = parse(read('full', `${table}.csv`), { to_line: 1 }) as string[][];
      expect(header, table).toEqual(codebook.get(`${table}.csv`));
    }
  });

  test('manifest.json: the sha256 and row count of every other file, and nothing of the run', () => {
    const manifest = JSON.parse(read('full', 'manifest.json'));
    expect(Object.keys(manifest.files)).toEqual([...TABLES.map((t) => `${t}.csv`), 'codebook.md']);
    for (const [file, entry] of Object.entries<{ sha256: string; rows?: number }>(manifest.files))
      expect(entry.sha256, file).toBe(sha256(at('full', file)));
    for (const table of TABLES) {
      // No value of the decisions holds a line break, so its rows are its lines; the others are parsed.
      const text = read('full', `${table}.csv`);
      const rows = table === 'decisions' ? text.split('\n').length - 2 : csvRecords(text).length;
      expect(manifest.files[`${table}.csv`].rows, table).toBe(rows);
    }
    expect(manifest).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'ma-check' },
      asOf: AS_OF,
      format: 'csv',
      space: { jurisdictions: expect.arrayContaining(['AK', 'DC', 'WY']), fixed: {}, overlays: [] },
    });
    expect(manifest.rulesDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(manifest.grid.supervision).toEqual(['none', 'general', 'virtual', 'direct', 'personal']);
    const text = read('full', 'manifest.json');
    expect(text).not.toContain(work);
    expect(text).not.toMatch(/20\d\d-\d\d-\d\dT/);
  });

  test('--format json and ndjson parse, and hold the rows the CSV holds', async () => {
    const narrow = ['--states', 'AK,WA', '--tasks', 'iv-insertion,im-injection,filing,vital-signs'];
    for (const format of ['csv', 'json', 'ndjson']) {
      const run = await exportTo(`three-${format}`, ...narrow, '--format', format);
      expect(run.code, run.stderr).toBe(0);
      expect(readdirSync(at(`three-${format}`)).sort()).toEqual(FILES(format));
    }
    for (const table of TABLES) {
      const json = JSON.parse(read('three-json', `${table}.json`)) as Record<string, unknown>[];
      const ndjsonText = read('three-ndjson', `${table}.ndjson`);
      const ndjson = ndjsonText
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));
      const csv = csvRecords(read('three-csv', `${table}.csv`));
      expect(json.length, table).toBeGreaterThan(0);
      expect(ndjson, table).toEqual(json);
      expect(csv.length, table).toBe(json.length);
      expect(
        csv.map((row, i) => csvRowAsJson(row, json[i]!)),
        table,
      ).toEqual(json);
      const manifest = JSON.parse(read('three-json', 'manifest.json'));
      expect(manifest.files[`${table}.json`].rows).toBe(json.length);
    }
  });

  test('--states AK --tasks iv-insertion --cert CMA: only those rows', async () => {
    const run = await exportTo('ak', '--states', 'AK', '--tasks', 'iv-insertion', '--cert', 'CMA');
    expect(run.code, run.stderr).toBe(0);
    const decisions = csvRecords(read('ak', 'decisions.csv'));
    expect(decisions.length).toBeGreaterThan(1);
    for (const d of decisions) expect([d.task, d.jurisdiction, d.credential]).toEqual(['iv-insertion', 'AK', 'CMA']);
    // The rest of the profile still ranges over the grid.
    expect(new Set(decisions.map((d) => d.delegator)).size).toBeGreaterThan(1);
    expect(csvRecords(read('ak', 'jurisdictions.csv')).map((j) => j.code)).toEqual(['AK']);
    const manifest = JSON.parse(read('ak', 'manifest.json'));
    expect(manifest.space).toMatchObject({
      tasks: ['iv-insertion'],
      jurisdictions: ['AK'],
      fixed: { credentials: ['CMA'] },
    });
    expect(manifest.files['decisions.csv'].rows).toBe(decisions.length);
  });

  test('states in code order and tasks in rule-set order, whatever order they are typed in; every rule and citation', async () => {
    const run = await exportTo('typed-order', '--states', 'TX,AK,Alaska', '--tasks', 'triage,filing');
    expect(run.code, run.stderr).toBe(0);
    const manifest = JSON.parse(read('typed-order', 'manifest.json'));
    const full = JSON.parse(read('full', 'manifest.json'));
    const ruleSetOrder = full.space.tasks.filter((t: string) => t === 'triage' || t === 'filing');
    expect(manifest.space).toMatchObject({ tasks: ruleSetOrder, jurisdictions: ['AK', 'TX'] });
    expect(csvRecords(read('typed-order', 'jurisdictions.csv')).map((j) => j.code)).toEqual(['AK', 'TX']);
    const cells = csvRecords(read('typed-order', 'decisions.csv')).map((d) => `${d.task} ${d.jurisdiction}`);
    expect([...new Set(cells)]).toEqual(ruleSetOrder.flatMap((t: string) => [`${t} AK`, `${t} TX`]));
    // However narrow the space, the rules and citations are all of them, as the README and codebook say.
    for (const table of ['rules', 'citations'])
      expect(manifest.files[`${table}.csv`].rows, table).toBe(full.files[`${table}.csv`].rows);
    const codebook = read('typed-order', 'codebook.md');
    expect(codebook).toContain('every rule and source of the rules');
    expect(codebook).not.toContain('sources and jurisdictions they name');
    // The manifest's grid names the training axis `asked`; the codebook says what the rows hold for it.
    expect(manifest.grid.trainings).toEqual(['none', 'asked']);
    expect(codebook).toMatch(/`asked` in `manifest\.json` `grid\.trainings`/);
  });

  test('jurisdictions hold the figures of `ma-check states` on the same date', async () => {
    const states = await runMain(['states', '--format', 'json', '--as-of', AS_OF]);
    const byCode = new Map(JSON.parse(states.stdout).states.map((s: Record<string, unknown>) => [s.code, s] as const));
    const jurisdictions = csvRecords(read('full', 'jurisdictions.csv'));
    expect(jurisdictions).toHaveLength(byCode.size);
    for (const j of jurisdictions) {
      const s = byCode.get(j.code) as Record<string, unknown>;
      expect(j, j.code).toEqual({
        code: s.code,
        name: s.name,
        coverage: s.coverage,
        reviewed: s.reviewed ?? '',
        delegation: s.delegation,
        rules: String(s.rules),
        law_rules: String(s.lawRules),
        law_rules_official: String(s.lawRulesOfficial),
        law_rules_official_text: String(s.lawRulesOfficialText),
        state_determined: String(s.stateDetermined),
        state_governed: String(s.stateGoverned),
      });
    }
  });

  test('an overlay: its rules, its name in the manifest, another digest', async () => {
    const run = await exportTo('overlay', '--tasks', 'filing', '--rules', join(FIXTURES, 'overlays', 'clinic-policy'));
    expect(run.code, run.stderr).toBe(0);
    const manifest = JSON.parse(read('overlay', 'manifest.json'));
    expect(manifest.space.overlays).toEqual(['clinic-policy']);
    expect(manifest.rulesDigest).not.toBe(JSON.parse(read('full', 'manifest.json')).rulesDigest);
    const rules = csvRecords(read('overlay', 'rules.csv'));
    expect(rules.some((r) => r.layer === 'overlay' && r.owner === 'clinic-policy')).toBe(true);
  });
});

describe('ma-check export: the --out folder', () => {
  test('a previous export is replaced, files of another format included', async () => {
    expect((await exportTo('again-and-again', '--tasks', 'filing')).code).toBe(0);
    expect(readdirSync(at('again-and-again')).sort()).toEqual(FILES('csv'));
    const run = await exportTo('again-and-again', '--tasks', 'filing', '--format', 'ndjson');
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(at('again-and-again')).sort()).toEqual(FILES('ndjson'));
  });

  test('an empty folder is taken; a missing one is made, parents too', async () => {
    mkdirSync(at('empty'));
    expect((await exportTo('empty', '--tasks', 'filing')).code).toBe(0);
    expect((await exportTo(join('new', 'deeper'), '--tasks', 'filing')).code).toBe(0);
    expect(readdirSync(at('new', 'deeper')).sort()).toEqual(FILES('csv'));
  });

  test('a folder an interrupted export left (partial files, no manifest yet) is taken, and ends a whole export', async () => {
    mkdirSync(at('interrupted'));
    writeFileSync(at('interrupted', 'decisions.csv'), 'task\n');
    writeFileSync(at('interrupted', '.rules.csv.partial'), 'id,la');
    writeFileSync(at('interrupted', '.decisions.json.partial'), '[{"ta');
    const run = await exportTo('interrupted', '--tasks', 'filing', '--states', 'AK');
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(at('interrupted')).sort()).toEqual(FILES('csv'));
  });

  test('a run that fails leaves no partial file, and not the folders it made; an empty folder stays empty', async () => {
    mkdirSync(at('was-empty'));
    for (const out of [join('made', 'by-the-run'), 'was-empty']) {
      const folder = datasetFolder(work, out);
      const writing = writeDataset(folder, async (writeFile) => {
        await writeFile('decisions.csv', ['task\n', 'filing\n']);
        await writeFile(
          'rules.csv',
          (function* () {
            yield 'id\n';
            throw new Error('the export broke');
          })(),
        );
      });
      await expect(writing, out).rejects.toThrow('the export broke');
    }
    expect(existsSync(at('made'))).toBe(false);
    expect(readdirSync(at('was-empty'))).toEqual([]);
  });

  // A FIFO as the partial file an earlier run left: the run blocks writing it until this test
  // reads, so the signal comes while the export is being written, every time.
  test.skipIf(process.platform === 'win32')(
    'SIGINT while the files are being written: no partial file is left, and the run ends by the signal',
    async () => {
      mkdirSync(at('signalled'));
      const fifo = at('signalled', '.rules.csv.partial');
      execFileSync('mkfifo', [fifo]);
      const child = spawn(
        process.execPath,
        [BIN, 'export', '--out', at('signalled'), '--tasks', 'filing', '--states', 'AK', '--as-of', AS_OF],
        { cwd: REPO, stdio: 'ignore' },
      );
      const ended = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_code, signal) => resolve(signal)),
      );
      // Opens once the run has opened it to write: the run is watching for signals by then.
      const opening = open(fifo, 'r');
      if ((await Promise.race([opening, ended.then(() => 'ended')])) === 'ended') {
        // The run never wrote: a writer of our own lets the open return, so the test fails at once.
        closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
        await (await opening).close();
        expect.fail('the export ended before it wrote the files');
      }
      const reading = await opening;
      child.kill('SIGINT');
      // rules.csv is larger than a pipe holds: the run waits on this read before it can finish.
      for await (const _ of reading.createReadStream()) {
        // drained
      }
      expect(await ended).toBe('SIGINT');
      expect(readdirSync(at('signalled'))).toEqual([]);
    },
  );

  test.each([
    ['holds other files', { 'notes.txt': 'mine' }, /holds files an export does not write \('notes\.txt'\)/],
    [
      'holds a previous export and other files',
      { 'manifest.json': '{"tool":{"name":"ma-check"}}', 'decisions.csv': 'a\n', 'notes.txt': 'mine' },
      /holds files an export does not write \('notes\.txt'\)/,
    ],
    ['holds export file names but no manifest of ma-check', { 'decisions.csv': 'a,b\n' }, /is not a previous export/],
    [
      'holds a manifest.json that ma-check did not write',
      { 'manifest.json': '{"tool":{"name":"other"}}' },
      /is not a previous export/,
    ],
  ])('a folder that %s is refused (64), and left as it was', async (what, files, message) => {
    const name = what.replace(/\W+/g, '-');
    mkdirSync(at(name));
    for (const [file, text] of Object.entries(files)) writeFileSync(at(name, file), text);
    const { code, stdout, stderr } = await exportTo(name, '--tasks', 'filing');
    expect(code).toBe(64);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/^ma-check: [^\n]+\n$/);
    expect(readdirSync(at(name)).sort()).toEqual(Object.keys(files).sort());
    for (const [file, text] of Object.entries(files)) expect(read(name, file)).toBe(text);
  });

  test.each([
    ['names a file', 'a-file', /cannot write to '.*a-file': it is not a folder/],
    [
      'is under a file',
      join('a-file', 'inside'),
      /cannot (create the folder|write to) '.*inside': a folder on its path is a file/,
    ],
  ])('an --out that %s: exit 66, one line, no stack trace', async (_, out, message) => {
    writeFileSync(at('a-file'), 'not a folder');
    const { code, stdout, stderr } = await exportTo(out, '--tasks', 'filing');
    expect(code).toBe(66);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/^ma-check: [^\n]+\n$/);
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  // Root writes into any folder whatever its mode, so only another user can see the refusal.
  test.skipIf(process.getuid?.() === 0)(
    'a folder this user may not write: exit 66, one line (skipped when run as root)',
    async () => {
      mkdirSync(at('read-only'));
      chmodSync(at('read-only'), 0o555);
      const { code, stderr } = await exportTo('read-only', '--tasks', 'filing');
      chmodSync(at('read-only'), 0o755);
      expect(code).toBe(66);
      expect(stderr).toMatch(/^ma-check: cannot write [^\n]+: permission denied\n$/);
    },
  );
});

describe('ma-check export: usage and input errors', () => {
  test.each([
    ['no --out', 64, ['export', '--as-of', AS_OF], /required option '-o, --out <dir>' not specified/],
    ['a date that does not exist', 64, ['export', '--out', 'x', '--as-of', '2026-02-30'], /not a date/],
    ['an unknown task', 64, ['export', '--out', 'x', '--tasks', 'iv-insertin'], /iv-insertion/],
    ['the national baseline as a state', 64, ['export', '--out', 'x', '--states', 'US'], /'US'/],
    ['an unknown format', 64, ['export', '--out', 'x', '--format', 'xlsx'], /xlsx/],
    ['a missing --rules folder', 66, ['export', '--out', 'x', '--rules', 'no/such/folder'], /no such folder/],
    [
      'an overlay with errors',
      65,
      ['export', '--out', 'x', '--rules', 'test/fixtures/overlays/broken-policy'],
      /error/,
    ],
  ])('%s: exit %i', async (_, expected, argv, message) => {
    const { code, stdout, stderr } = await runMain(argv.map((a) => (a === 'x' ? at('never-written') : a)));
    expect(code).toBe(expected);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(readdirSync(work)).not.toContain('never-written');
  });
});
