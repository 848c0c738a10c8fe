import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runMain, STACK_TRACE } from '../helpers/memory-io.js';
import { FIXTURES, MINIMAL, REPO } from '../helpers/paths.js';

const scratch = mkdtempSync(join(tmpdir(), 'ma-check-validate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Located {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

/**
 * What a broken fixture says it must produce, as `file:line code`: `# expect: code[, code]` on the
 * offending line, or rows of expect.txt for files that cannot hold a comment.
 */
function marks(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .flatMap((file) => {
      if (file === 'expect.txt') return readFileSync(join(folder, file), 'utf8').split('\n').filter(Boolean);
      if (!file.endsWith('.yaml')) return [];
      return readFileSync(join(folder, file), 'latin1')
        .split('\n')
        .flatMap((line, i) =>
          (/# expect: (.+)$/.exec(line)?.[1]?.split(',') ?? []).map((c) => `${file}:${i + 1} ${c.trim()}`),
        );
    })
    .sort();
}

/** The minimal rule set with some files replaced: a real folder for `validate` to read. */
function ruleSetWith(name: string, files: Record<string, string> = {}, from?: string): string {
  const dir = join(scratch, name);
  cpSync(MINIMAL, dir, { recursive: true });
  if (from) cpSync(from, dir, { recursive: true, filter: (src) => !src.endsWith('expect.txt') });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

describe('ma-check validate', () => {
  test('the shipped rules validate: exit 0, no errors', async () => {
    const { code, stdout, stderr } = await runMain(['validate', 'rules', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.files).toBeGreaterThan(100);
  });

  test('warnings fail only beyond --max-warnings', async () => {
    const warnings = JSON.parse((await runMain(['validate', 'rules', '--format', 'json'])).stdout).summary.warnings;
    expect(warnings).toBeGreaterThan(0);
    expect((await runMain(['validate', 'rules', '--max-warnings', String(warnings)])).code).toBe(0);
    expect((await runMain(['validate', 'rules', '--max-warnings', String(warnings - 1)])).code).toBe(1);
  });

  // Every broken fixture, as `validate` reports it: exactly the marked errors (`# expect:` on the line,
  // or expect.txt for files that cannot hold a comment), each at file:line:col in the text report too.
  test.each(readdirSync(join(FIXTURES, 'broken')))(
    'broken fixture %s: exit 1, the marked codes at the marked lines, no stack trace',
    async (name) => {
      const dir = ruleSetWith(name, {}, join(FIXTURES, 'broken', name));
      const json = await runMain(['validate', dir, '--format', 'json'], { cwd: dir });
      expect(json.code).toBe(1);
      expect(json.stderr).toBe('');
      const errors: Located[] = JSON.parse(json.stdout).diagnostics.filter(
        (d: { severity: string }) => d.severity === 'error',
      );
      expect(errors.map((d) => `${d.file}:${d.line} ${d.code}`).sort()).toEqual(marks(join(FIXTURES, 'broken', name)));
      const text = await runMain(['validate', dir], { cwd: dir });
      expect(text.code).toBe(1);
      expect(text.stderr).not.toMatch(STACK_TRACE);
      for (const d of errors) {
        expect(d.column, `${d.code} column`).toBeGreaterThanOrEqual(1);
        expect(text.stdout).toContain(`\n${d.file}:${d.line}:${d.column}  error  ${d.message}  ${d.code}\n`);
      }
    },
  );

  // Files that cannot hold a comment: the problem is the whole file, at its first line and column.
  test.each([
    ['binary', 'tags.yaml:1:1  error  file is binary (contains NUL bytes), not YAML text  binary-file'],
    ['empty-file', 'roles.yaml:1:1  error  file is empty; it needs the fields of its kind  empty-file'],
    ['not-utf8', 'tags.yaml:1:1  error  file is not valid UTF-8  not-utf8'],
  ])('broken fixture %s: the one error at 1:1, then the summary', async (name, line) => {
    const dir = ruleSetWith(`${name}-text`, {}, join(FIXTURES, 'broken', name));
    const { code, stdout } = await runMain(['validate', dir], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain(`\n${line}\n`);
    expect(stdout).toMatch(/\n\d+ file\(s\) checked: 1 error\(s\), \d+ warning\(s\)\n$/);
  });

  test('BOM and CRLF are valid', async () => {
    const tags = readFileSync(join(MINIMAL, 'tags.yaml'), 'utf8');
    const dir = ruleSetWith('bom-crlf', { 'tags.yaml': `\uFEFF${tags.replace(/\n/g, '\r\n')}` });
    const report = JSON.parse((await runMain(['validate', dir, '--format', 'json'], { cwd: dir })).stdout);
    expect(report.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
  });

  test('lint warnings: unused citation, stale review, missing jurisdictions', async () => {
    const citations = readFileSync(join(MINIMAL, 'citations.yaml'), 'utf8').replace(
      'reviewed: 2026-11-25',
      'reviewed: 2020-01-01',
    );
    const dir = ruleSetWith('lint', {
      'citations.yaml': `${citations}  - id: never-cited\n    title: T\n    publisher: P\n    kind: statute\n    source: official\n    reviewed: 2026-11-25\n`,
    });
    const { code, stdout } = await runMain(['validate', dir, '--format', 'json', '--max-age', '24'], { cwd: dir });
    expect(code).toBe(0);
    const codes = JSON.parse(stdout).diagnostics.map((d: { code: string }) => d.code);
    expect(codes).toEqual(
      expect.arrayContaining(['unused-citation', 'citation-without-url', 'stale-review', 'missing-jurisdiction']),
    );
  });

  test('an overlay folder is validated on top of the shipped rules', async () => {
    expect((await runMain(['validate', 'test/fixtures/overlays/clinic-policy'])).code).toBe(0);
    const broken = await runMain(['validate', 'test/fixtures/overlays/broken-policy', '--format', 'json']);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout).diagnostics.map((d: { code: string }) => d.code)).toContain('unknown-condition');
  });

  test('a missing folder exits 66; a bad --output exits 64', async () => {
    expect((await runMain(['validate', 'no/such/dir'])).code).toBe(66);
    expect((await runMain(['validate', '--output', 'xml=out.xml'])).code).toBe(64);
  });

  test('text: grouped by file, file:line:col, a code frame, a summary line', async () => {
    const dir = ruleSetWith('text', {}, join(FIXTURES, 'broken', 'unknown-reference'));
    const { stdout } = await runMain(['validate', dir], { cwd: dir });
    expect(stdout).toContain(
      "states/AK.yaml:15:35  error  unknown credential 'CMX'; did you mean 'CMA'?  unknown-credential",
    );
    expect(stdout).toContain(
      '   15 |       - credential: {anyOf: [CMA, CMX]} # expect: unknown-credential\n      |                                   ^^^\n',
    );
    expect(stdout).toMatch(/file\(s\) checked: 7 error\(s\), \d+ warning\(s\)\n$/);
  });
});

describe('report formats', () => {
  const dir = () => ruleSetWith('formats', {}, join(FIXTURES, 'broken', 'unknown-reference'));

  test('github: one annotation per diagnostic, and a step summary', async () => {
    const d = dir();
    const summary = join(d, 'summary.md');
    const { stdout } = await runMain(['validate', d, '--format', 'github'], {
      env: { GITHUB_STEP_SUMMARY: summary },
      cwd: d,
    });
    expect(stdout).toMatch(
      /^::error file=states\/AK\.yaml,line=15,col=35,endLine=15,endColumn=38,title=ma-check unknown-credential::unknown credential 'CMX'; did you mean 'CMA'\?$/m,
    );
    expect(readFileSync(summary, 'utf8')).toMatch(
      /### ma-check validate[\s\S]*\| `states\/AK.yaml:15:35` \| error \| `unknown-credential` \|/,
    );
  });

  test('--output writes several formats in one run, each file whole', async () => {
    const d = dir();
    const { code } = await runMain(
      ['validate', d, '--output', 'sarif=out.sarif', '--output', 'junit=out.xml,json=out.json'],
      { cwd: d },
    );
    expect(code).toBe(1);
    for (const f of ['out.sarif', 'out.xml', 'out.json']) expect(existsSync(join(d, f)), f).toBe(true);
    expect(JSON.parse(readFileSync(join(d, 'out.json'), 'utf8')).summary.errors).toBe(7);
    const junit = readFileSync(join(d, 'out.xml'), 'utf8');
    expect(junit).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="ma-check validate" tests="\d+" failures="1">/,
    );
    expect(junit).toContain(
      '<testcase classname="ma-check.validate" name="states/AK.yaml"><failure message="7 error(s)" type="unknown-role">',
    );
    expect(readdirSync(d).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  // The validator is a 104 MB Linux-only binary: `.ci/run` installs it into .ci/tools, kept out of the
  // main lockfile so that `npm ci` works on macOS and Windows.
  const sarifTool = join(
    REPO,
    '.ci',
    'tools',
    'node_modules',
    '@microsoft',
    'sarif-multitool-linux',
    'Sarif.Multitool',
  );
  const sarifToolMissing = existsSync(sarifTool)
    ? ''
    : ' (SKIPPED: validator not installed; run `npm ci --prefix .ci/tools` on Linux)';
  test.skipIf(sarifToolMissing)(
    `sarif passes the official SARIF validator with no errors${sarifToolMissing}`,
    async () => {
      const d = dir();
      await runMain(['validate', d, '--output', 'sarif=out.sarif'], { cwd: d });
      const tool = sarifTool;
      const log = join(d, 'validation.sarif');
      try {
        execFileSync(tool, ['validate', join(d, 'out.sarif'), '--output', log, '--log', 'ForceOverwrite'], {
          encoding: 'utf8',
          env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
        });
      } catch {
        // The validator exits non-zero when it has findings; the log below says which.
      }
      const results = JSON.parse(readFileSync(log, 'utf8')).runs.flatMap(
        (r: { results?: unknown[] }) => r.results ?? [],
      );
      expect(results.filter((r: { level?: string }) => r.level === 'error')).toEqual([]);
      const sarif = JSON.parse(readFileSync(join(d, 'out.sarif'), 'utf8'));
      expect(sarif.runs[0].results.filter((r: { level: string }) => r.level === 'error').length).toBe(7);
      expect(
        sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'unknown-credential').help.text,
      ).toBeTruthy();
    },
  );
});
