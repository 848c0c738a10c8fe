import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { thousands } from '../../src/format/thousands.js';
import { runMain, STACK_TRACE } from '../helpers/memory-io.js';

const PROFILE = ['--cert', 'CMA', '--supervision', 'direct', '--delegator', 'physician', '--as-of', '2026-11-25'];
const ESC = /\x1b\[/;

describe('ma-check matrix (in process)', () => {
  test('the issue’s example: 48 tasks by 51 states, one mark each, with a legend; exit 0', async () => {
    const { code, stdout, stderr } = await runMain(['matrix', ...PROFILE]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.split('\n');
    expect(lines[0]).toContain('credentials CMA · supervision direct · delegator physician · trainings unknown');
    const head = lines[2]!.trim().split(/\s+/);
    expect(head).toHaveLength(51);
    expect(head.slice(0, 4)).toEqual(['AK', 'AL', 'AR', 'AZ']);
    const rows = lines.filter((l) => /^[a-z][a-z-]+\s+([ACDP]\s+){50}[ACDP]$/.test(l));
    expect(rows).toHaveLength(48);
    expect(stdout).toContain('A allowed · C conditional · D discouraged · P prohibited');
    expect(stdout).toMatch(/48 tasks × 51 states: [\d,]+ allowed/);
    expect(stdout).not.toMatch(ESC);
  });

  test('colour on a terminal, the letters still there', async () => {
    const { stdout } = await runMain(['matrix', ...PROFILE, '--tasks', 'iv-insertion'], {
      stdoutIsTTY: true,
      env: { FORCE_COLOR: '1' },
    });
    expect(stdout).toMatch(ESC);
    expect(stdout.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/^iv-insertion\s+D/m);
  });

  test('--format csv: a header of task and 51 states, 48 data rows of verdict words', async () => {
    const { code, stdout } = await runMain(['matrix', ...PROFILE, '--format', 'csv']);
    expect(code).toBe(0);
    const records: string[][] = parse(stdout);
    expect(records[0]).toHaveLength(52);
    expect(records[0]![0]).toBe('task');
    expect(records.slice(1)).toHaveLength(48);
    expect(new Set(records.slice(1).flatMap((r) => r.slice(1)))).toEqual(
      new Set(['allowed', 'conditional', 'discouraged', 'prohibited']),
    );
  });

  test('--format json and markdown carry the same verdicts', async () => {
    const args = ['matrix', ...PROFILE, '--tasks', 'iv-insertion,triage', '--states', 'AK,NY'];
    const json = JSON.parse((await runMain([...args, '--format', 'json'])).stdout);
    expect(json.columns).toEqual(['AK', 'NY']);
    expect(json.rows.map((r: { task: string }) => r.task)).toEqual(['iv-insertion', 'triage']);
    const { stdout } = await runMain([...args, '--format', 'markdown']);
    const marks = json.rows.map((r: { verdicts: string[] }) => r.verdicts.map((v) => v[0]!.toUpperCase()).join(' | '));
    expect(stdout).toContain(`| iv-insertion | ${marks[0]} |`);
    expect(stdout).toContain(`| triage | ${marks[1]} |`);
  });

  test('--by credential in one state; --category narrows the rows', async () => {
    const { code, stdout } = await runMain([
      'matrix',
      '--by',
      'credential',
      '--states',
      'WA',
      '--category',
      'administrative',
      '--format',
      'csv',
      '--as-of',
      '2026-11-25',
    ]);
    expect(code).toBe(0);
    const records: string[][] = parse(stdout);
    expect(records[0]).toContain('WA-MA-C');
    expect(records.slice(1).map((r) => r[0])).toContain('scheduling');
    expect(records.slice(1).map((r) => r[0])).not.toContain('iv-insertion');
    // No rule on an administrative task in WA asks for a credential: one verdict across the row.
    expect(records.slice(1).every((r) => new Set(r.slice(1)).size === 1)).toBe(true);
  });

  test('--by supervision counts the states once resolved: AK,Alaska is one state; AK,WA two', async () => {
    const args = [
      'matrix',
      '--by',
      'supervision',
      '--tasks',
      'iv-insertion',
      '--format',
      'json',
      '--as-of',
      '2026-11-25',
    ];
    const one = await runMain([...args, '--states', 'AK,Alaska']);
    expect(one.stderr).toBe('');
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).profile.states).toEqual(['AK']);
    const two = await runMain([...args, '--states', 'WA,AK']);
    expect(two.code).toBe(64);
    expect(two.stderr).toBe(
      'ma-check: --by supervision compares supervision levels in one state, not 2 (AK, WA); give --states XX\n',
    );
  });

  test('the totals group thousands as `matrix` and `export` both print them', () => {
    expect([0, 7, 999, 1000, 2448, 120_345, 1_234_567].map(thousands)).toEqual([
      '0',
      '7',
      '999',
      '1,000',
      '2,448',
      '120,345',
      '1,234,567',
    ]);
  });

  test.each([
    [['--by', 'credential'], /--by credential compares credentials in one state; add --states XX/],
    [['--by', 'supervision', '--states', 'AK', '--supervision', 'direct'], /leave out --supervision/],
    [['--tasks', 'iv-insertoin'], /unknown task 'iv-insertoin'.*iv-insertion/],
    [['--category', 'clinicl'], /unknown category 'clinicl'; did you mean 'clinical'\?/],
    [['--states', 'XX'], /unknown state 'XX'/],
    [['--states', 'US'], /national baseline/],
    [['--by', 'county'], /argument 'county' is invalid/],
  ])('usage error %j: one line, exit 64', async (args, message) => {
    const { code, stdout, stderr } = await runMain(['matrix', ...args]);
    expect(code).toBe(64);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(STACK_TRACE);
  });
});
