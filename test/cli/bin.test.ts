import { describe, expect, test } from 'vitest';
import { DESIGN_TASK_IDS } from '../helpers/design-task-ids.js';
import { STACK_TRACE, runBin } from '../helpers/run-bin.js';

const AK = ['iv-insertion', '--state', 'AK', '--cert', 'CMA', '--as-of', '2026-11-25'];

describe('ma-check <task> (the real bin)', () => {
  test('the README example: discouraged, the INS citation, the conditions to verify, exit 2', () => {
    const { code, stdout, stderr } = runBin(AK);
    expect(code).toBe(2);
    expect(stderr).toBe('');
    expect(stdout).toContain('DISCOURAGED');
    expect(stdout).toContain('[ins-uap-2016]');
    expect(stdout).toContain('? training infusion-therapy-course');
    expect(stdout).toContain('? condition competency-validated');
    expect(stdout).not.toMatch(/\x1b\[/); // piped: no colour
  });

  test('--format json prints the decision contract, byte-identical across runs', () => {
    const first = runBin([...AK, '--format', 'json']);
    const second = runBin([...AK, '--format', 'json']);
    expect(first.code).toBe(2);
    expect(first.stdout).toBe(second.stdout);
    const decision = JSON.parse(first.stdout);
    expect(Object.keys(decision)).toEqual([
      'schemaVersion',
      'query',
      'task',
      'verdict',
      'confidence',
      'summary',
      'determinedBy',
      'byState',
      'conditions',
      'rules',
      'citations',
      'coverage',
      'rulesDigest',
    ]);
    expect(decision).toMatchObject({
      schemaVersion: 1,
      verdict: 'discouraged',
      task: { id: 'iv-insertion' },
      determinedBy: ['iv-insertion/baseline'],
    });
    expect(decision.query).toEqual({
      task: 'iv-insertion',
      states: ['AK'],
      credentials: ['CMA'],
      supervision: null,
      trainings: null,
      delegator: null,
      setting: null,
      confirmed: [],
      denied: [],
      asOf: '2026-11-25',
    });
    expect(decision.citations.map((c: { id: string }) => c.id)).toContain('ins-uap-2016');
    expect(decision.rulesDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  test.each([
    ['yaml', /^schemaVersion: 1\nquery:/],
    ['markdown', /^## Peripheral IV insertion/],
  ])('--format %s', (format, shape) => {
    const { code, stdout } = runBin([...AK, '--format', format]);
    expect(code).toBe(2);
    expect(stdout).toMatch(shape);
  });

  test('--quiet prints only the verdict; the exit code still carries it', () => {
    expect(runBin([...AK, '--quiet'])).toEqual({ code: 2, stdout: 'discouraged\n', stderr: '' });
  });

  test('--explain shows each layer and each requirement', () => {
    const { stdout } = runBin([...AK, '--explain']);
    expect(stdout).toContain('How this was decided');
    expect(stdout).toMatch(/National\n/);
    expect(stdout).toMatch(/iv-insertion\/baseline \[guidance\] → discouraged/);
    expect(stdout).toMatch(/AK\/general-delegation \[law\] → conditional/);
  });

  test.each([
    ['allowed', ['filing', '--state', 'AK'], 0],
    ['conditional', ['vital-signs'], 1],
    ['discouraged', ['iv-insertion', '--state', 'US'], 2],
    ['prohibited', ['xray-interpretation', '--state', 'AK'], 3],
  ])('exit code follows the verdict: %s', (verdict, args, code) => {
    const result = runBin([...args, '--quiet']);
    expect([result.stdout.trim(), result.code]).toEqual([verdict, code]);
  });

  test('names are case-insensitive and accept aliases and state names', () => {
    const canonical = runBin([
      'iv-insertion',
      '--state',
      'AK',
      '--cert',
      'CMA',
      '--format',
      'json',
      '--as-of',
      '2026-11-25',
    ]);
    const aliased = runBin([
      'START-IV',
      '--state',
      'alaska',
      '--cert',
      'cma',
      '--format',
      'json',
      '--as-of',
      '2026-11-25',
    ]);
    expect(aliased.stdout).toBe(canonical.stdout);
  });

  test('list options are comma-separated or repeated, before or after the task', () => {
    const a = runBin([
      '--cert',
      'CMA,RMA',
      'im-injection',
      '--state',
      'AK',
      '--format',
      'json',
      '--as-of',
      '2026-11-25',
    ]);
    const b = runBin([
      'im-injection',
      '--cert',
      'CMA',
      '--state',
      'AK',
      '--cert',
      'RMA',
      '--format',
      'json',
      '--as-of',
      '2026-11-25',
    ]);
    expect(a.code).not.toBe(64);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('usage errors: one line, exit 64, never a stack trace', () => {
  test.each([
    [
      'a mistyped task suggests the closest',
      ['iv-insertio', '--state', 'AK'],
      /unknown task 'iv-insertio'; did you mean 'iv-insertion'\?/,
    ],
    ['an unknown state', ['iv-insertion', '--state', 'ZZ'], /unknown state 'ZZ'/],
    [
      'a mistyped credential',
      ['iv-insertion', '--state', 'AK', '--cert', 'CMAX'],
      /unknown credential 'CMAX'; did you mean 'CMA/,
    ],
    ['none with ids', ['iv-insertion', '--cert', 'none,CMA'], /'none' cannot be combined/],
    ['an unknown supervision level', ['iv-insertion', '--supervision', 'onsite'], /argument 'onsite' is invalid/],
    ['an unknown option', ['iv-insertion', '--stat', 'AK'], /unknown option '--stat'.*--state/],
    ['a bad date', ['iv-insertion', '--as-of', '2026-02-30'], /not a date/],
    ['an unknown delegator', ['iv-insertion', '--delegator', 'physican'], /did you mean 'physician'/],
    ['a missing task', ['--state', 'AK'], /missing required argument 'task'/],
    [
      '--explain with a machine format',
      ['iv-insertion', '--explain', '--format', 'json'],
      /--explain prints a text trace/,
    ],
  ])('%s', (_name, args, message) => {
    const { code, stdout, stderr } = runBin(args);
    expect(code).toBe(64);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  test('a missing --rules folder exits 66', () => {
    const { code, stderr } = runBin(['filing', '--rules', 'no/such/folder']);
    expect(code).toBe(66);
    expect(stderr).toMatch(/no such folder/);
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  test('an overlay with errors exits 65 and points at file:line:col', () => {
    const { code, stderr } = runBin(['filing', '--rules', 'test/fixtures/overlays/broken-policy']);
    expect(code).toBe(65);
    expect(stderr).toMatch(
      /test\/fixtures\/overlays\/broken-policy\/rules\/policy\.yaml:\d+:\d+ {2}error {2}.*unknown-condition/,
    );
    expect(stderr).not.toMatch(STACK_TRACE);
  });
});

describe('browse and schema commands', () => {
  test('tasks --format json lists every task id of DESIGN §10', () => {
    const { code, stdout } = runBin(['tasks', '--format', 'json']);
    expect(code).toBe(0);
    const ids = JSON.parse(stdout).tasks.map((t: { id: string }) => t.id);
    for (const id of DESIGN_TASK_IDS) expect(ids).toContain(id);
  });

  test.each(['text', 'markdown', 'csv'])('tasks --format %s', (format) => {
    const { code, stdout } = runBin(['tasks', '--format', format]);
    expect(code).toBe(0);
    expect(stdout).toContain('iv-insertion');
  });

  test('credentials lists CMAA as administrative', () => {
    const { stdout } = runBin(['credentials', '--format', 'json']);
    expect(JSON.parse(stdout).credentials.find((c: { id: string }) => c.id === 'CMAA')).toMatchObject({
      scope: 'administrative',
      issuer: 'NHA',
    });
  });

  test('states --format json lists 51 jurisdictions with coverage levels', () => {
    const { code, stdout } = runBin(['states', '--format', 'json']);
    expect(code).toBe(0);
    const states = JSON.parse(stdout).states as { code: string; coverage: string; rules: number }[];
    expect(states).toHaveLength(51);
    expect(states.filter((s) => s.coverage !== 'none').length).toBeGreaterThanOrEqual(23);
    for (const s of states) expect(['reviewed', 'partial', 'none']).toContain(s.coverage);
    for (const s of states.filter((x) => x.coverage === 'none')) expect(s.rules).toBe(0);
  });

  test.each(['csv', 'markdown', 'text'])('states --format %s', (format) => {
    const { code, stdout } = runBin(['states', '--format', format]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/WA.*Washington/);
  });

  test('state accepts a name and shows the profile', () => {
    const { code, stdout } = runBin(['state', 'washington', '--format', 'json']);
    expect(code).toBe(0);
    const { state } = JSON.parse(stdout);
    expect(state).toMatchObject({ code: 'WA', name: 'Washington' });
    expect(state.credentials.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['WA-MA-C', 'WA-MA-R']));
    expect(state.rules.length).toBeGreaterThan(0);
    expect(runBin(['state', 'WA', '--format', 'markdown']).stdout).toMatch(/^## Washington \(WA\)/);
  });

  test('state with an unknown code is a usage error', () => {
    const { code, stderr } = runBin(['state', 'ZZ']);
    expect(code).toBe(64);
    expect(stderr).toMatch(/unknown state 'ZZ'/);
  });

  test('schema prints draft-07 JSON Schema', () => {
    const { code, stdout } = runBin(['schema', '--kind', 'state']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' });
  });
});

describe('the state acceptance checks', () => {
  test.each([
    [
      'New York bars MA injections even with the physician in the room',
      ['im-injection', '--state', 'NY', '--cert', 'CMA', '--supervision', 'personal', '--delegator', 'physician'],
      'prohibited',
    ],
    [
      'Ohio forbids delegating IV drugs',
      [
        'iv-medication-administration',
        '--state',
        'OH',
        '--cert',
        'CMA',
        '--supervision',
        'direct',
        '--delegator',
        'physician',
      ],
      'prohibited',
    ],
    [
      'Washington requires its own credential',
      ['im-injection', '--state', 'WA', '--cert', 'CMA', '--supervision', 'direct', '--delegator', 'physician'],
      'prohibited',
    ],
  ])('%s', (_name, args, verdict) => {
    expect(runBin([...args, '--quiet', '--as-of', '2026-11-25']).stdout.trim()).toBe(verdict);
  });

  test('with the Washington MA-C the injection is not prohibited', () => {
    const out = runBin([
      'im-injection',
      '--state',
      'WA',
      '--cert',
      'WA-MA-C',
      '--supervision',
      'direct',
      '--delegator',
      'physician',
      '--quiet',
      '--as-of',
      '2026-11-25',
    ]).stdout.trim();
    expect(out).not.toBe('prohibited');
  });
});

describe('colour', () => {
  test('FORCE_COLOR turns colour on for a pipe', () => {
    expect(runBin([...AK], { FORCE_COLOR: '1' }).stdout).toMatch(/\x1b\[/);
  });
  test('NO_COLOR wins over a terminal default', () => {
    expect(runBin([...AK], { NO_COLOR: '1' }).stdout).not.toMatch(/\x1b\[/);
  });
});
