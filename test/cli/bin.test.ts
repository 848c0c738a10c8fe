import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createSnapshot, snapshotText } from '../../src/rules/snapshot.js';
import { shipped } from '../helpers/load.js';
import { BIN, FIXTURES, REPO } from '../helpers/paths.js';
import { runBin, runBinInTerminal, runBinPiped, STACK_TRACE } from '../helpers/run-bin.js';

// The end-to-end tests: what only a real process shows (exit status, stdin, pipes, a terminal,
// signals, the built bundle and its snapshot). Everything else runs in process (main.test.ts and
// its neighbours). Exit codes are hard-coded: check answers 0 allowed, 1 conditional,
// 2 discouraged, 3 prohibited; validate/audit 1 findings; 64 usage, 65 invalid rules, 70 internal.
const AK = ['iv-insertion', '--state', 'AK', '--cert', 'CMA', '--as-of', '2026-11-25'];
const AS_OF = ['--as-of', '2026-11-25'];
const ESC = /\x1b\[/;
const scratch = mkdtempSync(join(tmpdir(), 'ma-check-bin-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A roster of `rows` staff, each with two tasks: enough output to fill a pipe. */
function bigRoster(dir: string, rows: number): string {
  const lines = ['staff_id,name,state,credentials,supervision,delegator,tasks'];
  for (let i = 0; i < rows; i++)
    lines.push(`S${i},Person ${i},${i % 2 ? 'AK' : 'CA'},CMA,direct,physician,filing;im-injection`);
  const path = join(dir, 'big.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('the real bin: exit codes', () => {
  test('the README example through a pipe: discouraged, exit 2, no colour', () => {
    const { code, stdout, stderr } = runBin(AK);
    expect(code).toBe(2);
    expect(stderr).toBe('');
    expect(stdout).toContain('DISCOURAGED');
    expect(stdout).toContain('[ins-uap-2016]');
    expect(stdout).not.toMatch(ESC);
  });

  test('the process exit status is the verdict: 0 allowed, 1 conditional, 2 discouraged, 3 prohibited', () => {
    for (const [verdict, args, code] of [
      ['allowed', ['filing', '--state', 'AK'], 0],
      ['conditional', ['vital-signs'], 1],
      ['discouraged', ['iv-insertion', '--state', 'US'], 2],
      ['prohibited', ['xray-interpretation', '--state', 'AK'], 3],
    ] as const)
      expect(runBin([...args, '--quiet']), verdict).toEqual({ code, stdout: `${verdict}\n`, stderr: '' });
  });

  test('validate and audit: exit 1 on findings, 0 without', () => {
    const broken = join(scratch, 'broken-rules');
    cpSync(join(FIXTURES, 'rule-sets', 'minimal'), broken, { recursive: true });
    cpSync(join(FIXTURES, 'broken', 'unknown-reference'), broken, { recursive: true });
    expect(runBin(['validate', 'test/fixtures/rule-sets/minimal']).code).toBe(0);
    expect(runBin(['validate', broken]).code).toBe(1);
    expect(runBin(['audit', 'examples/roster.csv', ...AS_OF]).code).toBe(1);
    expect(runBin(['audit', 'test/fixtures/rosters/tabs-and-quotes.csv', ...AS_OF]).code).toBe(0);
  });

  test('--version prints the version in package.json', () => {
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    expect(runBin(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  test('a usage error: one line on stderr, nothing on stdout, exit 64', () => {
    expect(runBin(['iv-insertio', '--state', 'AK'])).toEqual({
      code: 64,
      stdout: '',
      stderr: "ma-check: unknown task 'iv-insertio'; did you mean 'iv-insertion'?\n",
    });
  });

  test('rules with errors: exit 65, each at file:line:col, no stack trace', () => {
    const { code, stdout, stderr } = runBin(['filing', '--rules', 'test/fixtures/overlays/broken-policy']);
    expect([code, stdout]).toEqual([65, '']);
    expect(stderr).toMatch(
      /^test\/fixtures\/overlays\/broken-policy\/rules\/policy\.yaml:\d+:\d+ {2}error {2}.*unknown-condition/m,
    );
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  test.skipIf(!existsSync('/dev/full'))(
    'an internal error (stdout on a full disk): one line, exit 70, the stack only under DEBUG=ma-check',
    () => {
      const full = openSync('/dev/full', 'w');
      try {
        const args = ['audit', 'examples/roster.csv', '-f', 'ndjson', ...AS_OF];
        expect(runBin(args, {}, REPO, undefined, { stdout: full })).toEqual({
          code: 70,
          stdout: '',
          stderr: 'ma-check: internal error: ENOSPC: no space left on device, write (set DEBUG=ma-check for details)\n',
        });
        const debug = runBin(args, { DEBUG: 'ma-check' }, REPO, undefined, { stdout: full });
        expect(debug.code).toBe(70);
        expect(debug.stderr).toMatch(STACK_TRACE);
      } finally {
        closeSync(full);
      }
    },
  );
});

describe('the real bin: stdin, pipes and terminals', () => {
  test("audit - reads the roster from stdin: the same report, named '-' with the SHA-256 of what was read", () => {
    const text = readFileSync(join(FIXTURES, 'rosters', 'clean.csv'));
    const piped = runBin(['audit', '-', '-f', 'csv', ...AS_OF], {}, REPO, text);
    expect(piped.code).toBe(1);
    expect(piped.stdout).toBe(runBin(['audit', 'test/fixtures/rosters/clean.csv', '-f', 'csv', ...AS_OF]).stdout);
    const json = JSON.parse(runBin(['audit', '-', '-f', 'json', ...AS_OF], {}, REPO, text).stdout);
    // Stdin is read once: the run opens without its digest, the summary ends with it.
    expect(json.summary.inputs).toEqual([
      { role: 'roster', name: '-', sha256: createHash('sha256').update(text).digest('hex') },
    ]);
  });

  test('a reader that stops early (| head) is not an error; the audit still exits on its findings', () => {
    const roster = bigRoster(scratch, 20_000);
    const { stdout, stderr } = runBinPiped(
      ['audit', roster, '-f', 'ndjson', '--fail-on', 'conditional', ...AS_OF],
      'head -c 40',
    );
    expect(stdout).toBe('{"type":"run","schemaVersion":2,"tool":"\nexit=1\n');
    expect(stderr).toBe('');
  });

  test('FORCE_COLOR=1 colours a pipe', () => {
    const { code, stdout } = runBin(AK, { FORCE_COLOR: '1' });
    expect(code).toBe(2);
    expect(stdout).toMatch(ESC);
  });

  test.skipIf(spawnFails('script', ['--version']))(
    'a terminal gets colour; NO_COLOR turns it off (a pseudo-terminal)',
    () => {
      const coloured = runBinInTerminal(AK);
      expect(coloured.code).toBe(2);
      expect(coloured.stdout).toMatch(/\x1b\[[0-9;]*mDISCOURAGED/);
      const plain = runBinInTerminal(AK, { NO_COLOR: '1' });
      expect(plain.code).toBe(2);
      expect(plain.stdout).not.toMatch(ESC);
      expect(plain.stdout).toContain('\nDISCOURAGED  ');
    },
  );
});

describe('the real bin: the build', () => {
  test('a query is answered from the build snapshot while the rule files hold what it was built from, and from the YAML once one changes', async () => {
    // A copy of the install whose snapshot says something the YAML does not: which one answers shows.
    const root = join(scratch, 'install');
    mkdirSync(join(root, 'dist'), { recursive: true });
    cpSync(join(REPO, 'bin'), join(root, 'bin'), { recursive: true });
    cpSync(join(REPO, 'package.json'), join(root, 'package.json'));
    cpSync(join(REPO, 'rules'), join(root, 'rules'), { recursive: true });
    for (const file of ['load-cli.cjs', 'cli.cjs', 'cli.cjs.cache', 'heavy.cjs'])
      cpSync(join(REPO, 'dist', file), join(root, 'dist', file));
    const data = structuredClone(shipped().data);
    data.tasks.find((t) => t.id === 'filing')!.name = 'Filing from the snapshot';
    const snapshot = await createSnapshot(join(root, 'rules'), data, shipped().digest);
    writeFileSync(join(root, 'dist', 'rules.snapshot.json'), snapshotText(snapshot));
    const bin = join(root, 'bin', 'ma-check.js');
    const filing = () => runBin(['filing', '--state', 'AK', ...AS_OF], {}, REPO, undefined, { bin });
    const fromSnapshot = { code: 0, stdout: expect.stringMatching(/^Filing from the snapshot \(filing\)/), stderr: '' };

    expect(filing()).toEqual(fromSnapshot);
    // Touched, not changed (a checkout, a copy): the content is compared and still matches.
    const file = join(root, 'rules', snapshot.sources[0]!.file);
    utimesSync(file, new Date(), new Date(2000, 0, 1));
    const answer = filing();
    expect(answer).toEqual(fromSnapshot);

    // The code cache: without one, with one made for another bundle, or with one V8 refuses, the
    // bundle compiles as usual and answers the same.
    const cache = join(root, 'dist', 'cli.cjs.cache');
    const made = readFileSync(cache);
    const firstLine = made.subarray(0, made.indexOf(10) + 1);
    for (const other of [
      undefined,
      Buffer.concat([Buffer.from(`// ma-check cli ${'0'.repeat(64)}\n`), made.subarray(firstLine.length)]),
      Buffer.concat([firstLine, Buffer.from('not a V8 code cache')]),
    ]) {
      rmSync(cache, { force: true });
      if (other) writeFileSync(cache, other);
      expect(filing()).toEqual(answer);
    }
    // A rebuilt bundle (another first line) beside the old cache: the cache is not used, even though
    // V8 would take it (the same length), and the new code runs.
    const bundle = join(root, 'dist', 'cli.cjs');
    const built = readFileSync(bundle, 'latin1');
    const rebuilt = built
      .replace(/^\/\/ ma-check cli [0-9a-f]{64}/, `// ma-check cli ${'1'.repeat(64)}`)
      .replace('"Confidence"', '"CONFIDENCE"');
    expect([rebuilt.length, rebuilt.includes('"CONFIDENCE"')]).toEqual([built.length, true]);
    writeFileSync(cache, made);
    writeFileSync(bundle, rebuilt, 'latin1');
    expect(filing().stdout).toContain('\nCONFIDENCE ');
    writeFileSync(bundle, built, 'latin1');

    writeFileSync(file, `${readFileSync(file, 'utf8')}# edited\n`);
    const stale = filing();
    expect([stale.code, stale.stderr]).toEqual([0, '']);
    expect(stale.stdout).toMatch(/^Filing \(filing\)/);
  });

  test('an interrupted audit --output never leaves a half report', async () => {
    const dir = mkdtempSync(join(scratch, 'kill-'));
    const big = bigRoster(dir, 200_000);
    const target = join(dir, 'report.ndjson');
    const child = spawn(process.execPath, [BIN, 'audit', big, '-f', 'ndjson', '-o', target, ...AS_OF], {
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    // Wait until the report is being written (the temp file has bytes, so the run is past opening it
    // and its signal handlers are in place), then stop the run.
    const writing = () =>
      readdirSync(dir).some((f) => f.endsWith('.tmp') && statSync(join(dir, f), { throwIfNoEntry: false })?.size);
    const started = Date.now();
    while (!writing() && Date.now() - started < 15_000) await new Promise((r) => setTimeout(r, 20));
    expect(writing()).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual(['big.csv']);
  });
});

/** Whether a command is missing or fails here (util-linux `script` is not everywhere). */
function spawnFails(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status !== 0;
}
