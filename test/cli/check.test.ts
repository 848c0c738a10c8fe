import { describe, expect, test } from 'vitest';
import { DESIGN_TASK_IDS } from '../helpers/design-task-ids.js';
import { runMain, STACK_TRACE } from '../helpers/memory-io.js';

// Exit codes (src/cli/exit-codes.ts), hard-coded so this file imports only `main`:
// check answers 0 allowed, 1 conditional, 2 discouraged, 3 prohibited; 64 usage, 65 invalid rules, 66 no input.
const AK = ['iv-insertion', '--state', 'AK', '--cert', 'CMA', '--as-of', '2026-11-25'];
const ESC = /\x1b\[/;

describe('ma-check <task> (in process)', () => {
  test('the README example: discouraged, the INS citation, the conditions to verify, exit 2', async () => {
    const { code, stdout, stderr } = await runMain(AK);
    expect(code).toBe(2);
    expect(stderr).toBe('');
    expect(stdout).toContain('DISCOURAGED');
    expect(stdout).toContain('[ins-uap-2016]');
    expect(stdout).toContain('? training infusion-therapy-course');
    expect(stdout).toContain('? condition competency-validated');
    expect(stdout).not.toMatch(ESC); // not a terminal: no colour
  });

  test('--format json prints the decision contract, byte-identical across runs', async () => {
    const first = await runMain([...AK, '--format', 'json']);
    const second = await runMain([...AK, '--format', 'json']);
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
  ])('--format %s', async (format, shape) => {
    const { code, stdout } = await runMain([...AK, '--format', format]);
    expect(code).toBe(2);
    expect(stdout).toMatch(shape);
  });

  test('--quiet prints only the verdict; the exit code still carries it', async () => {
    expect(await runMain([...AK, '--quiet'])).toEqual({ code: 2, stdout: 'discouraged\n', stderr: '' });
  });

  test('--explain shows each layer and each requirement', async () => {
    const { stdout } = await runMain([...AK, '--explain']);
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
  ])('exit code follows the verdict: %s', async (verdict, args, code) => {
    const result = await runMain([...args, '--quiet']);
    expect([result.stdout, result.code]).toEqual([`${verdict}\n`, code]);
  });

  test('names are case-insensitive and accept aliases and state names', async () => {
    const json = ['--format', 'json', '--as-of', '2026-11-25'];
    const canonical = await runMain(['iv-insertion', '--state', 'AK', '--cert', 'CMA', ...json]);
    const aliased = await runMain(['START-IV', '--state', 'alaska', '--cert', 'cma', ...json]);
    expect(canonical.code).toBe(2);
    expect(aliased.stdout).toBe(canonical.stdout);
  });

  test('list options are comma-separated or repeated, before or after the task', async () => {
    const json = ['--format', 'json', '--as-of', '2026-11-25'];
    const a = await runMain(['--cert', 'CMA,RMA', 'im-injection', '--state', 'AK', ...json]);
    const b = await runMain(['im-injection', '--cert', 'CMA', '--state', 'AK', '--cert', 'RMA', ...json]);
    expect(a.code).not.toBe(64);
    expect(JSON.parse(a.stdout).query.credentials).toEqual(['CMA', 'RMA']);
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
  ])('%s', async (_name, args, message) => {
    const { code, stdout, stderr } = await runMain(args);
    expect(code).toBe(64);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/^ma-check: [^\n]+\n$/);
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  test('a missing --rules folder exits 66', async () => {
    const { code, stderr } = await runMain(['filing', '--rules', 'no/such/folder']);
    expect(code).toBe(66);
    expect(stderr).toMatch(/no such folder/);
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  test('an overlay with errors exits 65 and points at file:line:col', async () => {
    const { code, stderr } = await runMain(['filing', '--rules', 'test/fixtures/overlays/broken-policy']);
    expect(code).toBe(65);
    expect(stderr).toMatch(
      /test\/fixtures\/overlays\/broken-policy\/rules\/policy\.yaml:\d+:\d+ {2}error {2}.*unknown-condition/,
    );
    expect(stderr).not.toMatch(STACK_TRACE);
  });
});

describe('browse and schema commands', () => {
  test('tasks --format json lists every task id of DESIGN §10', async () => {
    const { code, stdout } = await runMain(['tasks', '--format', 'json']);
    expect(code).toBe(0);
    const ids = JSON.parse(stdout).tasks.map((t: { id: string }) => t.id);
    for (const id of DESIGN_TASK_IDS) expect(ids).toContain(id);
  });

  test.each(['text', 'markdown', 'csv'])('tasks --format %s', async (format) => {
    const { code, stdout } = await runMain(['tasks', '--format', format]);
    expect(code).toBe(0);
    expect(stdout).toContain('iv-insertion');
  });

  test('credentials lists CMAA as administrative', async () => {
    const { stdout } = await runMain(['credentials', '--format', 'json']);
    expect(JSON.parse(stdout).credentials.find((c: { id: string }) => c.id === 'CMAA')).toMatchObject({
      scope: 'administrative',
      issuer: 'NHA',
    });
  });

  test('states --format json lists 51 jurisdictions with coverage levels', async () => {
    const { code, stdout } = await runMain(['states', '--format', 'json']);
    expect(code).toBe(0);
    const states = JSON.parse(stdout).states as { code: string; coverage: string; rules: number }[];
    expect(states).toHaveLength(51);
    expect(states.filter((s) => s.coverage !== 'none').length).toBeGreaterThanOrEqual(23);
    for (const s of states) expect(['reviewed', 'partial', 'none']).toContain(s.coverage);
    for (const s of states.filter((x) => x.coverage === 'none')) expect(s.rules).toBe(0);
  });

  test.each(['csv', 'markdown', 'text'])('states --format %s', async (format) => {
    const { code, stdout } = await runMain(['states', '--format', format]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/WA.*Washington/);
  });

  test('state accepts a name and shows the profile', async () => {
    const { code, stdout } = await runMain(['state', 'washington', '--format', 'json']);
    expect(code).toBe(0);
    const { state } = JSON.parse(stdout);
    expect(state).toMatchObject({ code: 'WA', name: 'Washington' });
    expect(state.credentials.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['WA-MA-C', 'WA-MA-R']));
    expect(state.rules.length).toBeGreaterThan(0);
    expect((await runMain(['state', 'WA', '--format', 'markdown'])).stdout).toMatch(/^## Washington \(WA\)/);
  });

  test('state with an unknown code is a usage error', async () => {
    const { code, stderr } = await runMain(['state', 'ZZ']);
    expect(code).toBe(64);
    expect(stderr).toMatch(/unknown state 'ZZ'/);
  });

  test('schema prints draft-07 JSON Schema', async () => {
    const { code, stdout } = await runMain(['schema', '--kind', 'state']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' });
  });
});

describe('the state acceptance checks', () => {
  const WA_INJECTION = ['im-injection', '--state', 'WA', '--supervision', 'direct', '--delegator', 'physician'];
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
    ['Washington requires its own credential', [...WA_INJECTION, '--cert', 'CMA'], 'prohibited'],
    // Not just "not prohibited": an empty or failed run must not pass for an answer.
    ['with the Washington MA-C the injection is conditional', [...WA_INJECTION, '--cert', 'WA-MA-C'], 'conditional'],
  ])('%s', async (_name, args, verdict) => {
    const { code, stdout, stderr } = await runMain([...args, '--quiet', '--as-of', '2026-11-25']);
    expect({ code, stdout, stderr }).toEqual({
      code: { allowed: 0, conditional: 1, discouraged: 2, prohibited: 3 }[verdict],
      stdout: `${verdict}\n`,
      stderr: '',
    });
  });
});

describe('colour', () => {
  test('a terminal gets colour; NO_COLOR turns it off', async () => {
    expect((await runMain(AK, { stdoutIsTTY: true })).stdout).toMatch(ESC);
    const noColor = await runMain(AK, { stdoutIsTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).toContain('DISCOURAGED');
    expect(noColor.stdout).not.toMatch(ESC);
    // An empty NO_COLOR is unset (https://no-color.org).
    expect((await runMain(AK, { stdoutIsTTY: true, env: { NO_COLOR: '' } })).stdout).toMatch(ESC);
  });

  test('FORCE_COLOR turns colour on for a pipe, FORCE_COLOR=0 off on a terminal', async () => {
    expect((await runMain(AK, { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ESC);
    expect((await runMain(AK, { stdoutIsTTY: true, env: { FORCE_COLOR: '0' } })).stdout).not.toMatch(ESC);
  });
});
