import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/domain/diagnostic.js';
import { PLAIN } from '../../src/format/paint.js';
import { reportText } from '../../src/format/report/report-text.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { MAX_RULE_FILE_BYTES, readSource } from '../../src/rules/read-source.js';
import { runMain, STACK_TRACE } from '../helpers/memory-io.js';
import { BIN, FIXTURES, MINIMAL, REPO } from '../helpers/paths.js';

/**
 * Issue 10, reading rule folders and case files: special files (a FIFO, a link to /dev/zero) that
 * hung `validate` or grew without bound, oversized and deeply nested YAML, alias bombs located at
 * 1:1, folders that could not be read passing as empty, `*.yml` files silently ignored, case
 * references `validate` never checked, a citation URL that carried markup, and a report that grew
 * quadratically with the findings in one file.
 */

const SCRATCH = mkdtempSync(join(tmpdir(), 'ma-check-rules-input-'));
/** Folders a test made unreadable: restored even when the test failed before restoring them. */
const chmodded: string[] = [];
afterAll(() => {
  for (const dir of chmodded) if (existsSync(dir)) chmodSync(dir, 0o755);
  rmSync(SCRATCH, { recursive: true, force: true });
});

let copies = 0;
/** A fresh copy of the minimal rule set, with the fixture cases when asked. */
function ruleSet(withCases = false): string {
  const dir = join(SCRATCH, `rules-${++copies}`);
  cpSync(MINIMAL, dir, { recursive: true });
  if (withCases) cpSync(join(FIXTURES, 'cases'), join(dir, 'cases'), { recursive: true });
  return dir;
}

/** `file:line:col code` of each diagnostic, for compact assertions. */
const located = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`);

/** Root ignores file modes, so `chmod 000` cannot make a folder unreadable for it. */
const IS_ROOT = process.getuid?.() === 0;
const ROOT_SKIP = ' (skipped: running as root, where chmod 000 does not stop reads)';

/**
 * Runs the real, built bin with a time limit: a read that blocks (a FIFO) or never ends
 * (/dev/zero) blocks the whole process, so it is tested in a child the limit can kill.
 */
function runBinWithin(args: readonly string[], cwd: string, ms = 5000) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: ms,
    killSignal: 'SIGKILL',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, DEBUG: undefined },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

describe('only regular files are read (real process, 5 s limit)', () => {
  test('a FIFO, a link to a FIFO and a link to /dev/zero: located at once, never opened', () => {
    const dir = ruleSet();
    spawnSync('mkfifo', [join(dir, 'tasks', 'pipe.yaml')]);
    symlinkSync(join(dir, 'tasks', 'pipe.yaml'), join(dir, 'tasks', 'to-pipe.yaml'));
    symlinkSync('/dev/zero', join(dir, 'tasks', 'zero.yaml'));
    expect(statSync(join(dir, 'tasks', 'pipe.yaml')).isFIFO()).toBe(true);
    // Before: `validate` blocked on the FIFO forever; the /dev/zero link grew to 6.4 GB in 15 s.
    const { code, stdout, stderr, ms } = runBinWithin(['validate', '.'], dir);
    expect(ms).toBeLessThan(5000);
    expect(code).toBe(1);
    expect(stdout).toContain(
      'tasks/pipe.yaml:1:1  error  is a FIFO (named pipe), not a regular file; only regular files are read  not-regular-file',
    );
    expect(stdout).toContain('tasks/to-pipe.yaml:1:1  error  is a FIFO (named pipe)');
    expect(stdout).toContain(
      'tasks/zero.yaml:1:1  error  is a device, not a regular file; only regular files are read  not-regular-file',
    );
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  test('check --rules with a FIFO in the overlay: exit 65 with the located finding, no hang', () => {
    const overlay = join(SCRATCH, 'fifo-overlay');
    cpSync(join(FIXTURES, 'overlays', 'clinic-policy'), overlay, { recursive: true });
    spawnSync('mkfifo', [join(overlay, 'rules', 'pipe.yaml')]);
    const { code, stderr, ms } = runBinWithin(['check', 'filing', '-s', 'AK', '--rules', overlay], SCRATCH);
    expect(ms).toBeLessThan(5000);
    expect(code).toBe(65);
    expect(stderr).toContain('fifo-overlay/rules/pipe.yaml:1:1  error  is a FIFO (named pipe)');
  });
});

describe('a size limit per file, and growth cut at the limit', () => {
  test('a file over 1 MiB is file-too-large at 1:1, without being parsed', () => {
    const dir = ruleSet();
    // Comment lines only: parsed, they would be cheap and valid; the limit refuses them unread.
    writeFileSync(join(dir, 'tasks', 'huge.yaml'), `${'#'.repeat(99)}\n`.repeat(MAX_RULE_FILE_BYTES / 100 + 1));
    const result = loadRules({ root: dir, cwd: dir });
    expect(located(result.diagnostics)).toEqual(['tasks/huge.yaml:1:1 file-too-large']);
    expect(result.diagnostics[0]!.message).toBe(
      'file is 1048600 bytes, over the limit of 1048576 bytes (1 MiB) for one rule or case file',
    );
  });

  test.skipIf(!existsSync('/proc/kallsyms') || statSync('/proc/kallsyms').size !== 0)(
    'a file that yields more than its size (it grew while read) is cut at the limit (needs Linux /proc/kallsyms)',
    () => {
      // /proc/kallsyms reports size 0 and yields megabytes: to a reader, a file growing under it.
      const read = readSource('/proc/kallsyms');
      if (read.ok) {
        // A kernel that hides its symbols yields less than the limit: nothing to cut.
        expect(read.text.length).toBeLessThanOrEqual(MAX_RULE_FILE_BYTES);
        return;
      }
      expect(read).toEqual({
        ok: false,
        code: 'file-too-large',
        message: 'file grew while it was read, past the limit of 1048576 bytes (1 MiB) for one rule or case file',
      });
    },
  );

  test('a flood of tiny items under 1 MiB (200,000 in a flow list) is refused before any node is built', () => {
    const dir = ruleSet();
    const tags = readFileSync(join(dir, 'tags.yaml'), 'utf8');
    writeFileSync(join(dir, 'tags.yaml'), `${tags}flood: [${'1,'.repeat(200_000)}1]\n`);
    const started = Date.now();
    const result = loadRules({ root: dir, cwd: dir });
    expect(located(result.diagnostics)).toEqual(['tags.yaml:1:1 file-too-large']);
    expect(result.diagnostics[0]!.message).toMatch(/more than 300000 YAML tokens/);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('deep nesting and alias bombs get their own message at their place', () => {
  test.each([
    ['a 900-deep flow list', `deep: ${'['.repeat(900)}${']'.repeat(900)}\n`, '3:106'],
    [
      'a 900-deep block map',
      `deep:\n${Array.from({ length: 900 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} 1\n`,
      '103:201',
    ],
  ])('%s: nesting-limit, not "Maximum call stack size exceeded"', (_name, text, at) => {
    const dir = ruleSet();
    writeFileSync(join(dir, 'tags.yaml'), `tags:\n  - {id: injection, description: An injection.}\n${text}`);
    const result = loadRules({ root: dir, cwd: dir });
    expect(located(result.diagnostics)).toEqual([`tags.yaml:${at} nesting-limit`]);
    expect(result.diagnostics[0]!.message).toBe(
      'lists and maps are nested deeper than 100 levels here; rule files are flat data',
    );
  });

  test('100 levels are fine', () => {
    const dir = ruleSet();
    writeFileSync(
      join(dir, 'tags.yaml'),
      `tags:\n  - {id: injection, description: An injection.}\ndeep: ${'['.repeat(99)}${']'.repeat(99)}\n`,
    );
    const result = loadRules({ root: dir, cwd: dir });
    expect(located(result.diagnostics)).toEqual(['tags.yaml:3:1 unknown-field']);
  });

  test('an alias bomb is located at the alias that crosses the limit, not at 1:1', () => {
    const dir = ruleSet();
    cpSync(join(FIXTURES, 'broken', 'alias-bomb', 'tags.yaml'), join(dir, 'tags.yaml'));
    const result = loadRules({ root: dir, cwd: dir });
    // Line 3 is `b: &b [*a, …]`: its tenth *a (column 44) brings the expansion to 110 nodes.
    expect(located(result.diagnostics)).toEqual(['tags.yaml:3:44 alias-limit']);
    expect(result.diagnostics[0]!.message).toBe('aliases expand beyond 100 nodes here (*a is 11 node(s))');
  });

  test('an alias that names no anchor is located at the alias', () => {
    const dir = ruleSet();
    writeFileSync(join(dir, 'tags.yaml'), 'tags: *missing\n');
    const result = loadRules({ root: dir, cwd: dir });
    expect(located(result.diagnostics)).toEqual(['tags.yaml:1:7 yaml-syntax']);
  });
});

describe('missing and unreadable folders are errors with their path', () => {
  test('validate: a cases "folder" that cannot be listed is an error, exit 1 (was 0 errors, exit 0)', async () => {
    const dir = ruleSet();
    writeFileSync(join(dir, 'cases'), 'not a folder\n');
    const { code, stdout } = await runMain(['validate', dir], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('cases:1:1  error  is not a folder  missing-folder');
  });

  test('test: a cases "folder" that cannot be listed is an error, exit 1 (was "0 passed, 0 failed", exit 0)', async () => {
    const dir = ruleSet();
    writeFileSync(join(dir, 'cases'), 'not a folder\n');
    const { code, stdout } = await runMain(['test', dir], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('cases:1:1  error  is not a folder  missing-folder');
  });

  test('test: no cases folder, or one with no case file, is nothing to test: exit 66 (was exit 0)', async () => {
    const dir = ruleSet();
    const missing = await runMain(['test', dir], { cwd: dir });
    expect(missing.code).toBe(66);
    expect(missing.stderr).toBe(`ma-check: nothing to test: no cases folder: ${join(dir, 'cases')}\n`);
    mkdirSync(join(dir, 'cases'));
    const empty = await runMain(['test', dir], { cwd: dir });
    expect(empty.code).toBe(66);
    expect(empty.stderr).toBe(`ma-check: nothing to test: no case files (*.yaml) in ${join(dir, 'cases')}\n`);
  });

  test('a missing states/ folder is one error at its path, not warnings with exit 0 nor a cascade', () => {
    // The shipped rules: national.yaml cites sources that only a state file defines.
    const dir = join(SCRATCH, 'shipped-without-states');
    cpSync(join(REPO, 'rules'), dir, { recursive: true });
    rmSync(join(dir, 'states'), { recursive: true });
    const result = loadRules({ root: dir, cwd: dir });
    expect(located(result.diagnostics.filter((d) => d.severity === 'error'))).toEqual(['states:1:1 missing-folder']);
    expect(result.diagnostics.find((d) => d.code === 'missing-folder')!.message).toBe('folder is missing');
  });

  test.skipIf(IS_ROOT)(
    `chmod 000 cases/ and states/: errors at their paths, exit 1${IS_ROOT ? ROOT_SKIP : ''}`,
    async () => {
      const dir = ruleSet(true);
      for (const sub of ['cases', 'states']) {
        chmodSync(join(dir, sub), 0o000);
        chmodded.push(join(dir, sub));
      }
      const validate = await runMain(['validate', dir], { cwd: dir });
      const run = await runMain(['test', dir], { cwd: dir });
      for (const sub of ['cases', 'states']) chmodSync(join(dir, sub), 0o755);
      expect(validate.code).toBe(1);
      expect(validate.stdout).toContain('cases:1:1  error  cannot read folder (permission denied)  missing-folder');
      expect(validate.stdout).toContain('states:1:1  error  cannot read folder (permission denied)  missing-folder');
      expect(run.code).toBe(1);
    },
  );

  test.skipIf(IS_ROOT)(
    `chmod 000 on the rules folder: exit 66 naming it, not "overlay.yaml:1:1 file is missing"${IS_ROOT ? ROOT_SKIP : ''}`,
    async () => {
      const dir = ruleSet();
      chmodSync(dir, 0o000);
      chmodded.push(dir);
      const { code, stderr } = await runMain(['validate', dir], { cwd: SCRATCH });
      chmodSync(dir, 0o755);
      expect(code).toBe(66);
      expect(stderr).toBe(`ma-check: cannot read folder (permission denied): ${dir}\n`);
    },
  );
});

describe('.yml is rejected everywhere, at the file', () => {
  test('a case file named *.yml: an error in validate and test (was silently ignored)', async () => {
    const dir = ruleSet(true);
    cpSync(join(dir, 'cases', 'AK.yaml'), join(dir, 'cases', 'CT.yml'));
    for (const command of ['validate', 'test']) {
      const { code, stdout } = await runMain([command, dir], { cwd: dir });
      expect(code, command).toBe(1);
      expect(stdout, command).toContain(
        'cases/CT.yml:1:1  error  rule and case files end in .yaml; rename it to CT.yaml  yml-extension',
      );
    }
  });

  test('a task, a state and a definition file named *.yml: each an error (a task .yml was read before)', () => {
    const dir = ruleSet();
    cpSync(join(dir, 'tasks', 'filing.yaml'), join(dir, 'tasks', 'extra.yml'));
    writeFileSync(join(dir, 'states', 'WA.yml'), 'code: WA\n');
    writeFileSync(join(dir, 'roles.yml'), 'roles: []\n');
    const result = loadRules({ root: dir, cwd: dir });
    expect(located(result.diagnostics)).toEqual([
      'roles.yml:1:1 yml-extension',
      'states/WA.yml:1:1 yml-extension',
      'tasks/extra.yml:1:1 yml-extension',
    ]);
  });
});

describe('validate checks what cases name', () => {
  /** The fixture cases with one edit. */
  function casesWith(edit: (text: string) => string): string {
    const dir = ruleSet(true);
    const file = join(dir, 'cases', 'AK.yaml');
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    return dir;
  }

  test('a determinedBy rule that does not exist: unknown-rule at the id, with did-you-mean (was accepted)', async () => {
    const dir = casesWith((t) =>
      t.replace('determinedBy: [AK/injections-direct]', 'determinedBy: [AK/injections-drect]'),
    );
    const { code, stdout } = await runMain(['validate', dir], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain(
      "cases/AK.yaml:13:22  error  case AK/injection-general-supervision: unknown rule 'AK/injections-drect'; did you mean 'AK/injections-direct'?  unknown-rule",
    );
  });

  test('an unknown source, task and credential, and an expected citation nothing defines', async () => {
    const dir = casesWith((t) =>
      t
        .replace('source: src-b', 'source: src-z')
        .replace('query: {task: filing, states: [AK]}', 'query: {task: fileing, states: [AK], credentials: [RMAX]}')
        .replace('determinedBy: [filing/baseline]}', 'determinedBy: [filing/baseline], citations: [src-q]}'),
    );
    const { code, stdout } = await runMain(['validate', dir], { cwd: dir });
    expect(code).toBe(1);
    const lines = stdout.split('\n').filter((l) => l.includes('  error  '));
    expect(lines).toEqual([
      "cases/AK.yaml:5:13  error  case AK/filing-allowed: unknown citation 'src-z'; did you mean 'src-a' or 'src-b'?  unknown-citation",
      "cases/AK.yaml:6:19  error  case AK/filing-allowed: unknown task 'fileing'; did you mean 'filing'?  unknown-task",
      "cases/AK.yaml:6:56  error  case AK/filing-allowed: unknown credential 'RMAX'; did you mean 'RMA'?  unknown-credential",
      "cases/AK.yaml:7:77  error  case AK/filing-allowed: unknown citation 'src-q'; did you mean 'src-a' or 'src-b'?  unknown-citation",
    ]);
  });
});

describe('a citation URL is a plain http(s) address', () => {
  test.each([
    ['"https://example.org/\\"><script>alert(1)</script>"'],
    ['"https://example.org/a b"'],
    ['javascript:alert(1)'],
    ['"https://example.org/<b>"'],
  ])('url: %s is invalid-value at the url (markup passed validate before)', (url) => {
    const dir = ruleSet();
    const file = join(dir, 'citations.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('url: https://example.org/b', `url: ${url}`));
    const result = loadRules({ root: dir, cwd: dir });
    expect(located(result.diagnostics)).toEqual(['citations.yaml:16:10 invalid-value']);
  });
});

describe('many findings in one file are reported in linear time', () => {
  test('40,000 findings in one file render in well under 2 s (was quadratic: 8 s and up)', () => {
    const diagnostics: Diagnostic[] = Array.from({ length: 40_000 }, (_, i) => ({
      code: 'unused-citation',
      severity: 'warning',
      file: 'citations.yaml',
      line: i + 1,
      column: 5,
      endLine: i + 1,
      endColumn: 10,
      pointer: '',
      message: `citation 'gen-${i}' is not cited`,
    }));
    const started = Date.now();
    const text = reportText(
      { command: 'validate', version: '0', files: ['citations.yaml'], diagnostics },
      new Map(),
      PLAIN,
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(text.endsWith('1 file(s) checked: 0 error(s), 40000 warning(s)\n')).toBe(true);
  });
});
