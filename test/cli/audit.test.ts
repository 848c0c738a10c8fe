import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, test } from 'vitest';
import { type MemoryIoOptions, runMain, STACK_TRACE } from '../helpers/memory-io.js';
import { FIXTURES, REPO } from '../helpers/paths.js';

const AS_OF = ['--as-of', '2026-11-25'];
const roster = (name: string) => `test/fixtures/rosters/${name}`;
const audit = (args: string[], options: MemoryIoOptions = {}) => runMain(['audit', ...args, ...AS_OF], options);
/** line, staff_id, name, states, task, verdict: the columns that do not depend on how a rule is worded. */
const rows = (csv: string) => (parse(csv) as string[][]).slice(1).map((r) => r.slice(0, 6));
const tmp = mkdtempSync(join(tmpdir(), 'ma-check-audit-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('ma-check audit (in process)', () => {
  test('examples/roster.csv: a readable summary and findings; exit 1 because some decisions are prohibited', async () => {
    const { code, stdout, stderr } = await audit(['examples/roster.csv']);
    expect([code, stderr]).toEqual([1, '']);
    expect(stdout).toMatch(
      /^ma-check audit · examples\/roster\.csv · as of 2026-11-25\n12 rows read · \d+ decisions · 0 invalid records\n\nBy verdict\n {2}PROHIBITED/,
    );
    for (const heading of ['By state', 'By task', 'Findings: ']) expect(stdout).toContain(`\n${heading}`);
    expect(stdout).toMatch(/\nPROHIBITED {2}im-injection · NY · MA-1002 James Carter \(line 3\)\n/);
    expect(stdout).not.toMatch(/\x1b\[/);
  });

  test('CSV, JSON and NDJSON rosters give the same decisions, each at its own lines', async () => {
    const csv = await audit([roster('clean.csv'), '-f', 'csv']);
    const json = await audit([roster('roster.json'), '-f', 'csv']);
    const ndjson = await audit([roster('roster.ndjson'), '-f', 'csv']);
    expect(rows(csv.stdout)).toEqual([
      ['2', 'A-1', 'Ann Lee', 'AK', 'filing', 'allowed'],
      ['2', 'A-1', 'Ann Lee', 'AK', 'im-injection', 'conditional'],
      ['3', 'A-2', 'Bo Ng', 'CT', 'filing', 'allowed'],
      ['4', 'A-3', 'Cy Diaz', 'NY', 'im-injection', 'prohibited'],
    ]);
    const withoutLines = (out: string) => rows(out).map((r) => r.slice(1));
    expect(withoutLines(json.stdout)).toEqual(withoutLines(csv.stdout));
    expect(withoutLines(ndjson.stdout)).toEqual(withoutLines(csv.stdout));
    expect(rows(json.stdout).map((r) => r[0])).toEqual(['2', '2', '12', '13']);
    expect(rows(ndjson.stdout).map((r) => r[0])).toEqual(['1', '1', '2', '4']);
    for (const r of [csv, json, ndjson]) expect([r.code, r.stderr]).toEqual([1, '']);
  });

  test('BOM, CRLF and quoted commas and line breaks: rows at the lines they start on', async () => {
    const { code, stdout } = await audit([roster('bom-crlf.csv'), '-f', 'csv']);
    expect(code).toBe(1);
    expect(rows(stdout)).toEqual([
      ['2', 'A-1', 'Lee, Ann', 'AK', 'filing', 'allowed'],
      ['2', 'A-1', 'Lee, Ann', 'AK', 'im-injection', 'conditional'],
      ['4', 'A-2', 'Ng\r\nBo', 'CT', 'filing', 'allowed'],
      ['4', 'A-2', 'Ng\r\nBo', 'CT', 'im-injection', 'conditional'],
      ['7', 'A-3', 'Cy Diaz', 'NY', 'im-injection', 'prohibited'],
    ]);
  });

  test('invalid rows: each at file:line on stderr, the rest audited, exit 65', async () => {
    const { code, stdout, stderr } = await audit([roster('invalid.csv'), '-f', 'csv']);
    expect(code).toBe(65);
    expect(stderr).toBe(
      [
        "test/fixtures/rosters/invalid.csv:3:1  error  unknown state 'ZZ'; did you mean 'AZ'?  unknown-state",
        "test/fixtures/rosters/invalid.csv:5:1  error  unknown task 'flying'; did you mean 'filing'?  unknown-task",
        'test/fixtures/rosters/invalid.csv:6:1  error  no staff_id: every row names the staff member it is about  missing-field',
        'test/fixtures/rosters/invalid.csv:7:1  error  3 field(s) where the header has 9; the row was not audited  field-count',
        "ma-check: 4 invalid records (first: test/fixtures/rosters/invalid.csv:3 unknown state 'ZZ'; did you mean 'AZ'?); every valid row was audited",
        '',
      ].join('\n'),
    );
    expect(rows(stdout).map((r) => [r[0], r[1], r[4]])).toEqual([
      ['2', 'A-1', 'filing'],
      ['2', 'A-1', 'im-injection'],
      ['4', 'A-3', 'im-injection'],
      ['5', 'A-4', 'filing'],
      ['8', 'A-7', 'filing'],
    ]);
  });

  test('a name like =HYPERLINK("http://x","y") is neutralized in CSV and escaped in HTML', async () => {
    const csv = (await audit([roster('invalid.csv'), '-f', 'csv'])).stdout;
    expect(csv).toContain(`4,A-3,"'=HYPERLINK(""http://x"",""y"")",AK,im-injection,`);
    const html = (
      await audit([roster('invalid.csv'), '-f', 'html', '--only', 'allowed,conditional,discouraged,prohibited'])
    ).stdout;
    expect(html).toContain('A-3 =HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
    expect(html).toContain('A-4 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    expect(html).not.toContain('<script');
  });

  test("stdin '-': the same audit, named '-' with the SHA-256 of what was read", async () => {
    const text = readFileSync(join(FIXTURES, 'rosters', 'clean.csv'));
    const piped = await audit(['-', '-f', 'csv'], { stdin: text });
    expect(piped.stdout).toBe((await audit([roster('clean.csv'), '-f', 'csv'])).stdout);
    // Stdin can be read only once: the run opens without its digest, and the summary closes with it.
    const json = JSON.parse((await audit(['-', '-f', 'json'], { stdin: text })).stdout);
    expect(json.run.inputs).toEqual([{ role: 'roster', name: '-', sha256: null }]);
    expect(json.summary.inputs).toEqual([
      { role: 'roster', name: '-', sha256: createHash('sha256').update(text).digest('hex') },
    ]);
    const ndjson = await audit(['-', '--input-format', 'ndjson', '-f', 'csv'], {
      stdin: readFileSync(join(FIXTURES, 'rosters', 'roster.ndjson')),
    });
    expect(rows(ndjson.stdout)).toHaveLength(4);
  });

  test('--format json: run first (tool, version, rules digest, date, inputs and their SHA-256), items, decisions, invalid, summary', async () => {
    const { stdout } = await audit([roster('invalid.csv'), '-f', 'json']);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'run', 'items', 'decisions', 'invalid', 'summary']);
    expect(doc.schemaVersion).toBe(2);
    const sha256 = createHash('sha256')
      .update(readFileSync(join(FIXTURES, 'rosters', 'invalid.csv')))
      .digest('hex');
    expect(doc.run).toMatchObject({
      tool: 'ma-check',
      asOf: '2026-11-25',
      failOn: 'prohibited',
      inputs: [{ role: 'roster', name: roster('invalid.csv'), sha256 }],
    });
    expect(doc.run.rulesDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(doc.run.version).toBe(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version);
    expect(doc.items.map((d: { line: number }) => d.line)).toEqual([2, 2, 4, 5, 8]);
    // A regular file is hashed before it is audited: the run opens with the digest the summary confirms.
    expect(doc.summary.inputs).toEqual(doc.run.inputs);
    expect(doc.invalid.map((i: { line: number; code: string }) => [i.line, i.code])).toEqual([
      [3, 'unknown-state'],
      [5, 'unknown-task'],
      [6, 'missing-field'],
      [7, 'field-count'],
    ]);
    expect(doc.summary).toMatchObject({ rows: 7, decisions: 5, invalid: 4, invalidRows: 4 });
    expect((await audit([roster('invalid.csv'), '-f', 'json'])).stdout).toBe(stdout);
  });

  test('--format ndjson: streamed, run first, each decision just before the first item that points at it, summary last', async () => {
    const lines = (await audit([roster('broken.ndjson'), '-f', 'ndjson'])).stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.type, l.line ?? l.id ?? null])).toEqual([
      ['run', null],
      ['decision', 'd1'],
      ['item', 1],
      ['invalid', 2],
      ['invalid', 3],
      ['invalid', 4],
      ['decision', 'd2'],
      ['item', 4],
      ['summary', null],
    ]);
    expect(lines[0].schemaVersion).toBe(2);
    expect(lines[2].decision).toBe('d1');
    expect(lines.at(-1).inputs).toEqual(lines[0].inputs);
  });

  test('markdown and html are reports with the summary and the findings', async () => {
    const md = (await audit([roster('clean.csv'), '-f', 'markdown'])).stdout;
    expect(md).toMatch(/^# Compliance audit: `test\/fixtures\/rosters\/clean\.csv`\n/);
    expect(md).toMatch(/\n## Summary\n[\s\S]*\n## Findings: 2 decisions that are not allowed\n[\s\S]*\n## Sources\n/);
    const html = (await audit([roster('clean.csv'), '-f', 'html'])).stdout;
    expect(html).toMatch(
      /^<!DOCTYPE html>[\s\S]*<h2>Summary<\/h2>[\s\S]*<h2>Findings: 2 decisions that are not allowed<\/h2>[\s\S]*<\/html>\n$/,
    );
  });

  test.each([
    ['prohibited findings fail by default', [roster('clean.csv')], 1],
    ['nothing at or above --fail-on prohibited', [roster('tabs-and-quotes.csv')], 0],
    ['--fail-on allowed fails on any decision', [roster('tabs-and-quotes.csv'), '--fail-on', 'allowed'], 1],
    ['--fail-on conditional', [roster('clean.csv'), '--fail-on', 'conditional'], 1],
    ['--only does not change the exit code', [roster('clean.csv'), '--only', 'allowed'], 1],
    ['invalid rows win over --fail-on', [roster('invalid.csv'), '--fail-on', 'prohibited'], 65],
  ])('exit code: %s', async (_name, args, code) => {
    expect((await audit([...args, '-f', 'csv'])).code).toBe(code);
  });

  test('--only lists only those verdicts; counts still cover every decision', async () => {
    const lines = (await audit([roster('clean.csv'), '-f', 'ndjson', '--only', 'prohibited,conditional'])).stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.type === 'item').map((l) => l.verdict)).toEqual(['conditional', 'prohibited']);
    // Only the decisions of listed items are written.
    expect(lines.filter((l) => l.type === 'decision').map((l) => l.verdict)).toEqual(['conditional', 'prohibited']);
    expect(lines.at(-1).byVerdict).toEqual({ allowed: 2, conditional: 1, discouraged: 0, prohibited: 1 });
  });

  test('--redact drops names and keeps staff ids', async () => {
    const { stdout } = await audit([roster('clean.csv'), '-f', 'json', '--redact']);
    const doc = JSON.parse(stdout);
    expect(doc.items.map((d: { staffId: string; name: unknown }) => [d.staffId, d.name])).toEqual([
      ['A-1', null],
      ['A-1', null],
      ['A-2', null],
      ['A-3', null],
    ]);
    for (const format of ['text', 'csv', 'markdown', 'html'])
      expect((await audit([roster('clean.csv'), '-f', format, '--redact'])).stdout).not.toContain('Ann Lee');
  });

  test('--assignments: line in the assignments file, rosterLine in the roster', async () => {
    const { code, stdout } = await audit([
      roster('staff.csv'),
      '--assignments',
      roster('assignments.csv'),
      '-f',
      'json',
    ]);
    expect(code).toBe(65);
    const doc = JSON.parse(stdout);
    expect(
      doc.items.map((d: { line: number; rosterLine: number; staffId: string; task: string }) => [
        d.line,
        d.rosterLine,
        d.staffId,
        d.task,
      ]),
    ).toEqual([
      [2, 2, 'A-1', 'filing'],
      [3, 4, 'A-3', 'filing'],
      [4, 2, 'A-1', 'im-injection'],
    ]);
    expect(
      doc.invalid.map((i: { file: string; line: number; code: string }) => [i.file.split('/').pop(), i.line, i.code]),
    ).toEqual([
      ['staff.csv', 3, 'unknown-state'],
      ['staff.csv', 5, 'duplicate-staff'],
      ['assignments.csv', 5, 'invalid-staff-row'],
      ['assignments.csv', 6, 'unknown-staff'],
    ]);
    expect(doc.run.inputs.map((i: { role: string }) => i.role)).toEqual(['roster', 'assignments']);
  });

  test('--rules adds an organization policy overlay', async () => {
    const base = JSON.parse((await audit(['examples/roster.csv', '-f', 'json'])).stdout);
    const withPolicy = JSON.parse(
      (await audit(['examples/roster.csv', '-f', 'json', '--rules', 'examples/clinic-overlay'])).stdout,
    );
    const iv = (doc: { decisions: { task: { id: string }; determinedBy: string[] }[] }) =>
      doc.decisions.find((d) => d.task.id === 'iv-insertion')!;
    expect(iv(withPolicy).determinedBy).toContain('example-clinic/no-iv-starts');
    expect(withPolicy.run.rulesDigest).not.toBe(base.run.rulesDigest);
  });

  test.each([
    [
      'an unknown --only verdict',
      [roster('clean.csv'), '--only', 'forbidden'],
      64,
      /--only: unknown verdict 'forbidden'/,
    ],
    ['stdin twice', ['-', '--assignments', '-'], 64, /only one of the roster and --assignments/],
    [
      '--detail with a report for people',
      [roster('clean.csv'), '--detail', 'full'],
      64,
      /--detail applies to --format json and ndjson, not text/,
    ],
    ['an unknown --detail', [roster('clean.csv'), '-f', 'json', '--detail', 'all'], 64, /argument 'all' is invalid/],
    [
      '--pretty with NDJSON',
      [roster('clean.csv'), '-f', 'ndjson', '--pretty'],
      64,
      /--pretty applies to --format json \(NDJSON is one line per record\), not ndjson/,
    ],
    ['an unknown format', [roster('clean.csv'), '-f', 'xml'], 64, /argument 'xml' is invalid/],
    ['a missing roster', ['no/such/roster.csv'], 66, /no such file: no\/such\/roster\.csv/],
    ['a folder as roster', ['test/fixtures/rosters'], 66, /is a folder/],
    ['a missing --rules folder', [roster('clean.csv'), '--rules', 'no/such/overlay'], 66, /no such folder/],
    [
      'an --output in a missing folder',
      [roster('clean.csv'), '-o', 'no/such/dir/out.csv'],
      64,
      /cannot write no\/such\/dir\/out\.csv: no such folder/,
    ],
  ])('%s: one line, its exit code, no stack trace', async (_name, args, code, message) => {
    const result = await audit(args);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });

  test('--pretty indents the JSON document and --detail full puts each decision in its items', async () => {
    const compact = (await audit([roster('clean.csv'), '-f', 'json'])).stdout;
    const doc = JSON.parse(compact);
    expect(compact.split('\n')).toHaveLength(2);
    expect((await audit([roster('clean.csv'), '-f', 'json', '--pretty'])).stdout).toBe(
      `${JSON.stringify(doc, null, 2)}\n`,
    );
    const full = JSON.parse((await audit([roster('clean.csv'), '-f', 'json', '--detail', 'full'])).stdout);
    const byId = new Map(doc.decisions.map(({ id, ...d }: { id: string }) => [id, d]));
    expect(full.items).toEqual(doc.items.map((i: { decision: string }) => ({ ...i, decision: byId.get(i.decision) })));
  });

  test('a bad --as-of is a usage error', async () => {
    const result = await runMain(['audit', roster('clean.csv'), '--as-of', '2026-02-30']);
    expect([result.code, result.stdout]).toEqual([64, '']);
    expect(result.stderr).toBe("ma-check: '2026-02-30' is not a date written YYYY-MM-DD\n");
  });

  test('no progress line or anything else on stderr when stderr is not a terminal', async () => {
    expect((await audit([roster('clean.csv'), '-f', 'ndjson'])).stderr).toBe('');
  });
});

describe('--output is atomic', () => {
  test('the report lands whole under its name, and nothing else is left beside it', async () => {
    const dir = mkdtempSync(join(tmp, 'ok-'));
    const target = join(dir, 'report.csv');
    const { code, stdout } = await audit([roster('clean.csv'), '-f', 'csv', '-o', target]);
    expect([code, stdout]).toEqual([1, '']);
    expect(readFileSync(target, 'utf8')).toBe((await audit([roster('clean.csv'), '-f', 'csv'])).stdout);
    expect(readdirSync(dir)).toEqual(['report.csv']);
  });

  test('a report of several megabytes, written through buffers used again and again, is byte for byte what stdout gets', async () => {
    const dir = mkdtempSync(join(tmp, 'big-'));
    const big = join(dir, 'roster.csv');
    const lines = ['staff_id,name,state,credentials,supervision,tasks'];
    for (let i = 0; i < 6_000; i++)
      lines.push(`S-${i},"Name ${i}, Zoë ${'x'.repeat(i % 40)}",${i % 3 ? 'AK' : 'CT'},CMA,direct,filing;im-injection`);
    writeFileSync(big, `${lines.join('\n')}\n`);
    const target = join(dir, 'report.ndjson');
    await audit([big, '-f', 'ndjson', '--detail', 'full', '-o', target]);
    const written = readFileSync(target, 'utf8');
    expect(written.length).toBeGreaterThan(4 << 20);
    expect(written).toBe((await audit([big, '-f', 'ndjson', '--detail', 'full'])).stdout);
  });

  test('a failing run leaves an existing report untouched and no temp file', async () => {
    const dir = mkdtempSync(join(tmp, 'fail-'));
    const target = join(dir, 'report.csv');
    writeFileSync(target, 'yesterday\n');
    expect((await audit(['no/such/roster.csv', '-o', target])).code).toBe(66);
    expect(
      (await audit([roster('clean.csv'), '--rules', 'test/fixtures/overlays/broken-policy', '-o', target])).code,
    ).toBe(65);
    expect(readFileSync(target, 'utf8')).toBe('yesterday\n');
    expect(readdirSync(dir)).toEqual(['report.csv']);
  });
});
