import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BIN, REPO } from '../helpers/paths.js';

/*
 * Every shell example in README.md runs as written from the repository root, and ends with the exit
 * code the README says.
 *
 * Which blocks: fenced code blocks whose info string is `sh`, `bash`, `shell` or `console`.
 * - `sh`/`bash`/`shell`: every line that is not blank or a comment is a command (a line ending in `\`
 *   continues on the next).
 * - `console`: a transcript; lines starting with `$ ` are commands, every other line is output.
 *
 * The exit-code convention: a command is expected to exit 0 unless its line ends with a comment that
 * says `exit N` (`# exit 1`, `# summary and findings; exit 1`). In a `console` transcript,
 * `$ echo $?` followed by the line `N` says the same of the command before it.
 *
 * In a pipeline (`cat examples/roster.ndjson | ma-check audit -`) the exit code is the last
 * command's, as bash reports it, and every command before it must exit 0: a `cat` of a missing file
 * fails the test even though `ma-check` happily audits the empty input.
 *
 * How: all commands run in ONE bash process (a generated script, each command in its own subshell
 * with stdin from /dev/null, `PIPESTATUS` saved), so the file stays fast. `ma-check` is a shim on PATH
 * that runs this repository's `bin/ma-check.js` (the built `dist/`). The working directory is a
 * temporary stand-in for the repository root: a copy of `examples/` (so that an example that writes
 * a file, such as `--output nightly.csv`, writes into the temporary folder) and a symlink to every
 * other top-level entry.
 */

/** Commands that are not meant to run here, each with its reason. A stale entry fails the test. */
const SKIP: ReadonlyMap<string, string> = new Map([
  [
    'npm ci && npx ma-check iv-insertion --state AK --cert CMA',
    'installs from the npm registry (network, a minute or more); the console transcript runs the same check',
  ],
  ['npm test', 'runs the whole suite, this file included'],
]);

const SHELL_BLOCKS = new Set(['sh', 'bash', 'shell', 'console']);

interface Example {
  /** 1-based line in README.md where the command starts. */
  line: number;
  command: string;
  expected: number;
}

/** `# …exit N` at the end of a command line: the command and its expected exit code. */
function splitComment(text: string): { command: string; expected: number } {
  const hash = /(^|\s)#\s?(.*)$/.exec(text);
  if (!hash) return { command: text.trim(), expected: 0 };
  const exit = /\bexit (\d+)\s*$/.exec(hash[2] ?? '');
  return { command: text.slice(0, hash.index).trim(), expected: exit ? Number(exit[1]) : 0 };
}

function extractExamples(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  let i = 0;
  while (i < lines.length) {
    const fence = /^```(\S*)\s*$/.exec(lines[i]!);
    i++;
    if (!fence) continue;
    const lang = fence[1]!;
    const start = i;
    while (i < lines.length && !lines[i]!.startsWith('```')) i++;
    const body = lines.slice(start, i);
    i++;
    if (!SHELL_BLOCKS.has(lang)) continue;
    const transcript = lang === 'console';
    const first = examples.length;
    for (let j = 0; j < body.length; j++) {
      let text = body[j]!;
      const line = start + j + 1;
      if (transcript) {
        if (!text.startsWith('$ ')) continue;
        text = text.slice(2);
        if (text.trim() === 'echo $?') {
          const shown = /^\d+$/.exec(body[j + 1]?.trim() ?? '');
          const previous = examples.length > first ? examples.at(-1) : undefined;
          if (shown && previous) previous.expected = Number(shown[0]);
          continue;
        }
      } else if (text.trim() === '' || text.trim().startsWith('#')) continue;
      while (text.endsWith('\\') && j + 1 < body.length) text = `${text.slice(0, -1)} ${body[++j]!.trim()}`;
      examples.push({ line, ...splitComment(text) });
    }
  }
  return examples;
}

const README = readFileSync(join(REPO, 'README.md'), 'utf8');
const examples = extractExamples(README);
const runnable = examples.filter((e) => !SKIP.has(e.command));

interface Outcome {
  /** The exit code of each command of the last pipeline the line ran (one for a simple command). */
  codes: number[];
  stdout: string;
  stderr: string;
}

describe.skipIf(process.platform === 'win32')('README.md shell examples (bash)', () => {
  let work = '';
  const outcomes = new Map<number, Outcome>();

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'ma-check-readme-'));
    const root = join(work, 'repo');
    const shims = join(work, 'bin');
    const out = join(work, 'out');
    for (const dir of [root, shims, out]) mkdirSync(dir);
    for (const entry of readdirSync(REPO)) {
      if (entry === '.git' || entry === 'examples') continue;
      symlinkSync(join(REPO, entry), join(root, entry));
    }
    cpSync(join(REPO, 'examples'), join(root, 'examples'), { recursive: true });
    writeFileSync(join(shims, 'ma-check'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
    chmodSync(join(shims, 'ma-check'), 0o755);

    const script = [`cd '${root}'`];
    runnable.forEach((e, k) => {
      const save = `echo "\${PIPESTATUS[*]}" >'${out}/${k}.codes'`;
      script.push(`(\n${e.command}\n${save}\n) >'${out}/${k}.out' 2>'${out}/${k}.err' </dev/null`, `echo "${k} $?"`);
    });
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${shims}:${process.env.PATH ?? ''}` };
    for (const name of ['NO_COLOR', 'FORCE_COLOR', 'DEBUG']) delete env[name];
    const run = spawnSync('bash', ['--noprofile', '--norc', '-c', script.join('\n')], {
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
    if (run.status !== 0) throw new Error(`the examples script failed: ${run.error ?? run.stderr}`);
    for (const [, k, code] of run.stdout.matchAll(/^(\d+) (\d+)$/gm)) {
      const read = (ext: string) => readFileSync(join(out, `${k}.${ext}`), 'utf8');
      // No saved PIPESTATUS: the line ended its subshell itself (`exit N`); its status is the code.
      const codes = existsSync(join(out, `${k}.codes`)) ? read('codes').trim().split(' ').map(Number) : [Number(code)];
      outcomes.set(Number(k), { codes, stdout: read('out'), stderr: read('err') });
    }
    // As long as the script may take: each example starts a process, several of them whole-space reports.
  }, 30_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('the README has shell examples, and every skipped one is still in it', () => {
    expect(runnable.length).toBeGreaterThanOrEqual(5);
    const commands = new Set(examples.map((e) => e.command));
    for (const [command, reason] of SKIP)
      expect(commands.has(command), `stale skip: ${command} (${reason})`).toBe(true);
  });

  test.each(runnable.map((e, k) => [e.line, e.command, e.expected, k] as const))(
    'README.md:%i  %s  exits %i',
    (_line, command, expected, k) => {
      const outcome = outcomes.get(k);
      expect(outcome, `${command}: did not run`).toBeDefined();
      const tail = (text: string) => text.split('\n').slice(-15).join('\n');
      const shown = `${command}\n--- stderr (end) ---\n${tail(outcome!.stderr)}\n--- stdout (end) ---\n${tail(outcome!.stdout)}`;
      const feeders = outcome!.codes.slice(0, -1);
      expect(feeders, `every command before the last of the pipeline exits 0: ${shown}`).toEqual(feeders.map(() => 0));
      expect(outcome!.codes.at(-1), shown).toBe(expected);
    },
  );
});

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
const slug = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');

const DOCS = [
  'README.md',
  ...readdirSync(join(REPO, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

describe('README.md and docs/ stand alone', () => {
  test.each(DOCS)('%s links only to files of the repository or to https addresses', (file) => {
    const text = readFileSync(join(REPO, file), 'utf8');
    expect(text).not.toMatch(/\.\.\/shared|\/work\/shared/);
    const anchors = new Set([...text.matchAll(/^#+\s+(.+)$/gm)].map((m) => slug(m[1]!)));
    const targets = [
      ...[...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!),
      ...[...text.matchAll(/^\[[^\]]+\]:\s+(\S+)/gm)].map((m) => m[1]!),
      ...[...text.matchAll(/<([a-z][a-z0-9+.-]*:[^>\s]+)>/gi)].map((m) => m[1]!),
    ];
    for (const target of targets) {
      if (/^https:\/\//.test(target)) continue;
      expect(target, `${file}: only https addresses leave the repository`).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
      const [path, anchor] = target.split('#') as [string, string | undefined];
      if (path === '') {
        expect(anchors, `${file}: no heading for ${target}`).toContain(anchor);
        continue;
      }
      const resolved = join(dirname(join(REPO, file)), path);
      expect(relative(REPO, resolved), `${file}: ${target} leaves the repository`).not.toMatch(/^\.\./);
      expect(existsSync(resolved), `${file}: ${target} does not exist`).toBe(true);
    }
  });
});
