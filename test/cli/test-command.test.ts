import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runMain } from '../helpers/memory-io.js';
import { FIXTURES, MINIMAL } from '../helpers/paths.js';

const scratch = mkdtempSync(join(tmpdir(), 'ma-check-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The minimal rule set with a cases folder in which one case is wrong on purpose. */
function withCases(): string {
  const dir = join(scratch, 'rules');
  cpSync(MINIMAL, dir, { recursive: true });
  cpSync(join(FIXTURES, 'cases'), join(dir, 'cases'), { recursive: true });
  return dir;
}

describe('ma-check test', () => {
  test('the shipped cases all pass, with a coverage summary', async () => {
    const { code, stdout } = await runMain(['test', 'rules']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^coverage: cases exercise \d+ of \d+ rules \([\d.]+%\)/m);
    expect(stdout).toMatch(/^\d+ passed, 0 failed$/m);
  });

  test('a failing case: exit 1, at its file:line, expected versus actual', async () => {
    const dir = withCases();
    const { code, stdout } = await runMain(['test', dir], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain(
      'cases/AK.yaml:8:5  FAIL  AK/injection-general-supervision\n    verdict\n      - expected conditional\n      + actual   prohibited\n',
    );
    expect(stdout).toMatch(/^1 passed, 1 failed$/m);
  });

  test('--filter runs only matching cases', async () => {
    const dir = withCases();
    const { code, stdout } = await runMain(['test', dir, '--filter', 'filing'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^1 passed, 0 failed$/m);
  });

  test('--min-coverage fails a run whose cases exercise too few rules', async () => {
    const dir = withCases();
    const below = await runMain(['test', dir, '--filter', 'filing', '--min-coverage', '90', '--format', 'json'], {
      cwd: dir,
    });
    expect(below.code).toBe(1);
    const report = JSON.parse(below.stdout);
    expect(report.diagnostics.map((d: { code: string }) => d.code)).toContain('coverage-below-minimum');
    expect(report.coverage.notExercised).toContain('AK/general-delegation');
    expect((await runMain(['test', dir, '--filter', 'filing', '--min-coverage', '1'], { cwd: dir })).code).toBe(0);
    expect((await runMain(['test', dir, '--min-coverage', '120'], { cwd: dir })).code).toBe(64);
  });

  test('json, junit and github carry the cases', async () => {
    const dir = withCases();
    const { stdout } = await runMain(
      ['test', dir, '--format', 'json', '--output', 'junit=cases.xml', '--output', 'github=cases.txt'],
      { cwd: dir },
    );
    const report = JSON.parse(stdout);
    expect(report.summary).toMatchObject({ cases: 2, passed: 1, failed: 1 });
    expect(report.cases.find((c: { id: string }) => c.id === 'AK/injection-general-supervision').failures[0]).toEqual({
      field: 'verdict',
      expected: 'conditional',
      actual: 'prohibited',
    });
    const junit = readFileSync(join(dir, 'cases.xml'), 'utf8');
    expect(junit).toContain(
      '<testcase classname="ma-check.cases" name="AK/filing-allowed" file="cases/AK.yaml" line="4"></testcase>',
    );
    expect(junit).toMatch(
      /<testcase classname="ma-check.cases" name="AK\/injection-general-supervision" file="cases\/AK.yaml" line="8"><failure message="case AK\/injection-general-supervision failed" type="case-failed">verdict: expected conditional, actual prohibited/,
    );
    expect(readFileSync(join(dir, 'cases.txt'), 'utf8')).toMatch(
      /^::error file=cases\/AK\.yaml,line=8,col=5,.*title=ma-check case-failed::case AK\/injection-general-supervision: verdict expected conditional, actual prohibited/m,
    );
  });
});
