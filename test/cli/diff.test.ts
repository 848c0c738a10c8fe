import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RuleData, RuleRecord, RuleSet } from '../../src/domain/rule-set.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { indexRules } from '../../src/rules/index-rules.js';
import { readSnapshot } from '../../src/rules/snapshot.js';
import { decisionRow, sameRow } from '../../src/space/decision-row.js';
import { profileGrid } from '../../src/space/profile-grid.js';
import { cellPoints, spaceCells } from '../../src/space/query-space.js';
import { shipped } from '../helpers/load.js';
import { runMain, STACK_TRACE } from '../helpers/memory-io.js';
import { BIN, FIXTURES, MINIMAL, REPO, SHIPPED_RULES } from '../helpers/paths.js';
import { runBin } from '../helpers/run-bin.js';

// Exit codes (src/cli/exit-codes.ts): 0 ok, 1 a change of the --fail-on kind, 64 usage, 65 invalid rules, 66 no input.
const AS_OF = '2026-11-25';
const RULE = 'CA/no-iv-medications';

let temp: string;
/** The git commands of the tests: no system or user configuration, an author of their own. */
let gitEnv: Record<string, string | undefined>;
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], {
    cwd,
    env: gitEnv,
    stdio: 'pipe',
  });

/** A copy of the shipped rules at `dir`. */
const copyRules = (dir: string) =>
  cpSync(SHIPPED_RULES, dir, { recursive: true, filter: (path) => !path.includes(`${SHIPPED_RULES}/research`) });

/** Makes `CA/no-iv-medications` discouraged instead of prohibited: the one line checked before it is changed. */
function loosenRule(rulesDir: string): void {
  const file = join(rulesDir, 'states', 'CA.yaml');
  const lines = readFileSync(file, 'utf8').split('\n');
  const at = lines.indexOf(`  - id: ${RULE}`);
  const verdict = lines.findIndex((line, i) => i > at && line.startsWith('    verdict:'));
  expect(at).toBeGreaterThan(-1);
  expect(lines.slice(at + 1, verdict).some((line) => line.startsWith('  - id:'))).toBe(false);
  expect(lines[verdict]).toBe('    verdict: prohibited');
  lines[verdict] = '    verdict: discouraged';
  writeFileSync(file, lines.join('\n'));
}

/** What the runs left in the temp folder they are given (TMPDIR), where a git ref's rules are written. */
const leftovers = () => readdirSync(gitEnv.TMPDIR!);

let edited: string;
let repo: string;
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'diff-cli-test-'));
  gitEnv = { PATH: process.env.PATH, HOME: temp, GIT_CONFIG_NOSYSTEM: '1', TMPDIR: join(temp, 'tmp') };
  mkdirSync(gitEnv.TMPDIR!);
  edited = join(temp, 'edited');
  copyRules(edited);
  loosenRule(edited);
  repo = join(temp, 'repo');
  copyRules(join(repo, 'rules'));
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'rules');
});

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

/** The shipped rules: from the build's snapshot when it is fresh (instant), else from the YAML. */
async function shippedRules(): Promise<RuleSet> {
  const snapshot = await readSnapshot(join(REPO, 'dist', 'rules.snapshot.json'), SHIPPED_RULES);
  return snapshot.fresh ? snapshot.ruleSet : shipped();
}

/** The points of the cells of the rule's tasks in CA whose rows differ between the shipped rules and the edit. */
async function expectedChanges(): Promise<Set<string>> {
  const base = await shippedRules();
  const data: RuleData = { ...base.data };
  data.rules = data.rules.map((r) => (r.id === RULE ? ({ ...r, verdict: 'discouraged' } as RuleRecord) : r));
  const head = indexRules(data, 'sha256:edited');
  const tasks = [...head.tasks.keys()].filter((task) =>
    head
      .rulesOf(task)
      .byState.get('CA')
      ?.some((r) => r.id === RULE),
  );
  const options = { asOf: AS_OF, tasks, jurisdictions: ['CA'] };
  const grid = profileGrid([base, head]);
  const found = new Set<string>();
  for (const cell of spaceCells([base, head], options))
    for (const point of cellPoints(cell, grid, AS_OF))
      if (!sameRow(decisionRow(evaluate(base, point.query)), decisionRow(evaluate(head, point.query))))
        found.add(`${point.jurisdiction} ${point.task} ${JSON.stringify(point.profile)}`);
  return found;
}

describe('ma-check diff (in process)', () => {
  test('the whole space, one state rule edited: exactly the decisions that rule moves, each naming it; --fail-on any exits 1', async () => {
    const run = await runMain([
      'diff',
      '--base',
      'rules',
      '--head',
      edited,
      '--format',
      'json',
      '--fail-on',
      'any',
      '--as-of',
      AS_OF,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.base.source).toBe('rules');
    expect(json.head.digest).not.toBe(json.base.digest);
    expect(json.rules).toEqual([{ id: RULE, change: 'edited' }]);
    expect(json.summary.compared).toBeGreaterThan(100_000);
    const expected = await expectedChanges();
    expect(expected.size).toBeGreaterThan(0);
    const changes = json.changes as { jurisdiction: string; task: string; profile: object; rules: unknown }[];
    expect(new Set(changes.map((c) => `${c.jurisdiction} ${c.task} ${JSON.stringify(c.profile)}`))).toEqual(expected);
    expect(changes).toHaveLength(expected.size);
    for (const c of changes) expect(c.rules).toEqual([{ id: RULE, change: 'edited' }]);
    expect(json.summary.byState.map((s: { jurisdiction: string }) => s.jurisdiction)).toEqual(['CA']);
  });

  test('--base HEAD: no change while the rules are as committed; after an edit, the change (markdown; --fail-on stricter ignores a looser one)', async () => {
    const head = join(repo, 'rules');
    expect(leftovers()).toEqual([]);
    const same = await runMain(['diff', '--base', 'HEAD', '--head', head, '--as-of', AS_OF], { env: gitEnv });
    expect(same.stderr).toBe('');
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/^no decision changed \(\d+ decisions compared\)\n/);
    expect(same.stdout).toContain('base HEAD:rules (sha256:');
    // The one run of the built bin: the bundle reads a git ref the same way.
    const bin = runBin(['diff', '--base', 'HEAD', '--head', head, '--fail-on', 'any'], {
      HOME: temp,
      TMPDIR: gitEnv.TMPDIR,
    });
    expect(bin.stderr).toBe('');
    expect(bin.stdout).toMatch(/^no decision changed/);
    expect(bin.code).toBe(0);

    loosenRule(head);
    const narrowed = ['--states', 'CA', '--tasks', 'iv-medication-administration', '--as-of', AS_OF];
    const args = ['diff', '--base', 'HEAD', '--head', head, '--format', 'markdown', '--max-rows', '3', ...narrowed];
    const changed = await runMain([...args, '--fail-on', 'stricter'], { env: gitEnv });
    expect(changed.stderr).toBe('');
    expect(changed.code).toBe(0); // looser changes only
    const md = changed.stdout;
    expect(md).toMatch(/^### ma-check diff: \d+ decisions changed\n/);
    expect(md).toContain('Base `HEAD:rules`');
    expect(md).toContain(`Rules edited: \`${RULE}\`.`);
    const [shown, collapsed] = md.split('<details>');
    const rows = (part: string) =>
      part.split('\n').filter((l) => l.startsWith('| CA | iv-medication-administration |'));
    expect(rows(shown!)).toHaveLength(3);
    expect(rows(collapsed!).length).toBeGreaterThan(0);
    expect(shown).toContain(`Showing 3 of ${3 + rows(collapsed!).length};`);
    expect(leftovers()).toEqual([]);
  });

  test('an unknown ref, or a head outside any git work tree: exit 64, one line with git’s reason', async () => {
    const unknown = await runMain(['diff', '--base', 'nope', '--head', join(repo, 'rules')], { env: gitEnv });
    expect(unknown.code).toBe(64);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe(
      `ma-check: --base 'nope': not a directory, and not a git ref in ${repo} (git: fatal: Not a valid object name nope^{commit})\n`,
    );
    const outside = await runMain(['diff', '--base', 'HEAD', '--head', edited], { env: gitEnv });
    expect(outside.code).toBe(64);
    expect(outside.stderr).toMatch(
      /^ma-check: --base 'HEAD': not a directory, and the head rules .* are not in a git work tree \(git: fatal: not a git repository[^\n]*\)\n$/,
    );
    expect(outside.stderr).not.toMatch(STACK_TRACE);
  });

  test('an invalid base folder: exit 65, its findings located as validate locates them', async () => {
    const broken = join(temp, 'broken');
    cpSync(join(FIXTURES, 'rule-sets', 'minimal'), broken, { recursive: true });
    cpSync(join(FIXTURES, 'broken', 'yaml-syntax', 'tasks', 'filing.yaml'), join(broken, 'tasks', 'filing.yaml'));
    const run = await runMain(['diff', '--base', broken]);
    expect(run.code).toBe(65);
    expect(run.stdout).toBe('');
    const file = relative(REPO, join(broken, 'tasks', 'filing.yaml'));
    expect(run.stderr).toBe(
      `${file}:7:14  error  Nested mappings are not allowed in compact mappings  yaml-syntax\n` +
        `ma-check: --base '${broken}': 1 error(s) in the rule files; fix them or run 'ma-check validate'\n`,
    );
  });

  test('a base folder that does not exist and is no ref either, without git on PATH: exit 66, one line', async () => {
    const run = await runMain(['diff', '--base', 'no-such-rules', '--head', join(repo, 'rules')], {
      env: { PATH: temp },
    });
    expect(run.code).toBe(66);
    expect(run.stderr).toBe(
      "ma-check: --base 'no-such-rules': not a directory, and git, needed to read it as a git ref, is not installed (or not on PATH)\n",
    );
  });

  test('--category alone picks the tasks of both sides: a category only the base has comes out removed', async () => {
    const imaging = [...(await shippedRules()).tasks.values()].filter((t) => t.category === 'imaging').map((t) => t.id);
    expect(imaging.length).toBeGreaterThan(0);
    const run = await runMain(
      [
        'diff',
        '--base',
        'rules',
        '--head',
        MINIMAL,
        '--category',
        'imaging',
        '--states',
        'AK',
        '--format',
        'json',
      ].concat(['--as-of', AS_OF]),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const changes = JSON.parse(run.stdout).changes as { task: string; direction: string; after: unknown }[];
    expect([...new Set(changes.map((c) => c.task))]).toEqual(imaging);
    for (const c of changes) expect(c).toMatchObject({ direction: 'removed', after: null });
  });

  test('a --base written as a path that is not there: exit 66, without asking git', async () => {
    const run = await runMain(['diff', '--base', './typo-dir', '--as-of', AS_OF], { env: { PATH: temp } });
    expect(run.code).toBe(66);
    expect(run.stderr).toBe("ma-check: --base './typo-dir': no such folder\n");
  });

  test('a file for --base (no ref of that name) or for --head: exit 66, "is a file, not a folder"', async () => {
    const asBase = await runMain(['diff', '--base', 'rules/national.yaml', '--head', 'rules'], {
      env: gitEnv,
      cwd: repo,
    });
    expect(asBase.code).toBe(66);
    expect(asBase.stderr).toMatch(
      /^ma-check: --base 'rules\/national\.yaml' is a file, not a folder \(nor a git ref: fatal: [^\n]*\)\n$/,
    );
    const asHead = await runMain(['diff', '--base', 'HEAD', '--head', 'rules/national.yaml'], {
      env: gitEnv,
      cwd: repo,
    });
    expect(asHead.code).toBe(66);
    expect(asHead.stderr).toBe("ma-check: --head 'rules/national.yaml' is a file, not a folder\n");
  });

  test('a ref with a slash in its name is still a ref', async () => {
    git(repo, 'branch', '-f', 'topic/same-rules', 'HEAD');
    const run = await runMain(
      ['diff', '--base', 'topic/same-rules', '--head', join(repo, 'rules'), '--tasks', 'filing', '--states', 'AK'],
      { env: gitEnv },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('base topic/same-rules:rules (sha256:');
  });

  test('a TMPDIR that cannot hold a folder: exit 66, one line (was 70, an internal error)', async () => {
    const notAFolder = join(temp, 'tmpdir-is-a-file');
    writeFileSync(notAFolder, '');
    const run = await runMain(['diff', '--base', 'HEAD', '--head', join(repo, 'rules'), '--tasks', 'filing'], {
      env: { ...gitEnv, TMPDIR: notAFolder },
    });
    expect(run.code).toBe(66);
    expect(run.stderr).toBe(
      `ma-check: cannot make a temporary folder in '${notAFolder}' (TMPDIR): it is not a folder\n`,
    );
  });
});

describe('ma-check diff: signals', () => {
  /**
   * A run of the built bin whose git stops where the ref's rules are being written out, with the
   * temporary folder made: a stand-in for git on PATH runs the real one for everything else.
   */
  function stoppedInCheckout(name: string) {
    const dir = join(temp, `signal-${name}`);
    const bin = join(dir, 'bin');
    const tmp = join(dir, 'tmp');
    mkdirSync(bin, { recursive: true });
    mkdirSync(tmp);
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const waiting = join(dir, 'waiting.pid');
    writeFileSync(
      join(bin, 'git'),
      `#!/bin/sh\nfor arg in "$@"; do\n  if [ "$arg" = checkout-index ]; then echo $$ > '${waiting}'; exec sleep 30; fi\ndone\nexec '${realGit}' "$@"\n`,
    );
    chmodSync(join(bin, 'git'), 0o755);
    const child = spawn(process.execPath, [BIN, 'diff', '--base', 'HEAD', '--head', join(repo, 'rules')], {
      env: { ...gitEnv, PATH: `${bin}:${gitEnv.PATH}`, TMPDIR: tmp },
      stdio: 'ignore',
    });
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    return { child, ended, tmp, waiting };
  }

  test.skipIf(process.platform === 'win32')(
    'SIGINT or SIGHUP while git writes the ref out: the temporary folder goes, and the run ends by the signal',
    async () => {
      const runs = (['SIGINT', 'SIGHUP'] as const).map(async (signal) => {
        const { child, ended, tmp, waiting } = stoppedInCheckout(signal);
        const started = Date.now();
        while (!existsSync(waiting) && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 10));
        expect(existsSync(waiting)).toBe(true);
        expect(readdirSync(tmp)).toHaveLength(1);
        child.kill(signal);
        const endedBy = await ended;
        // The stand-in's sleep outlives the run; it is this test's to stop.
        process.kill(Number(readFileSync(waiting, 'utf8')), 'SIGTERM');
        return { signal, endedBy, left: readdirSync(tmp) };
      });
      for (const { signal, endedBy, left } of await Promise.all(runs)) {
        expect(endedBy, signal).toBe(signal);
        expect(left, signal).toEqual([]);
      }
    },
  );
});
