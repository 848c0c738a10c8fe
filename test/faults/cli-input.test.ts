import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { suggest } from '../../src/domain/suggest.js';
import { dataReport } from '../../src/evaluate/source-stats.js';
import { stateProfile } from '../../src/evaluate/state-profile.js';
import { dataReportMarkdown } from '../../src/format/data-report.js';
import { decisionMarkdown } from '../../src/format/decision-markdown.js';
import { renderListing } from '../../src/format/listing.js';
import { markdownCitation } from '../../src/format/markdown-citation.js';
import { stateProfileMarkdown } from '../../src/format/state-profile-text.js';
import { decide, minimal } from '../helpers/load.js';
import { runMain } from '../helpers/memory-io.js';
import { BIN, REPO } from '../helpers/paths.js';
import { runBin } from '../helpers/run-bin.js';

/**
 * Issue 10, the command line's own input and output: a closed or full stdout, values that would
 * silently mean something else (an empty list, an option given twice, `-q -f json`), arguments
 * echoed raw or whole into a one-line error, Markdown that printed rule-file text as markup, and
 * an undocumented default date.
 */

const AS_OF = ['--as-of', '2026-11-25'];

/** Where a run that wrongly went ahead would write its reports: never the repository. */
const SCRATCH = mkdtempSync(join(tmpdir(), 'ma-check-cli-input-'));
afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));

/**
 * Runs the real bin with stdout and stderr pipes whose reading ends the test closes at once, as
 * `| true` does once `true` has exited: every write the bin makes meets a closed pipe (EPIPE).
 */
function runIntoClosedPipes(args: readonly string[]): Promise<number | null> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, DEBUG: undefined },
  });
  child.stdout.destroy();
  child.stderr.destroy();
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('a closed stdout or stderr ends quietly with the command’s own exit code (real process)', () => {
  test('check | true, tasks | true, state WA | true, nosuchtask 2>&1 | true', async () => {
    // Without a listener, Node turned the EPIPE into an uncaught exception: exit 1, whatever the verdict.
    const codes = await Promise.all([
      runIntoClosedPipes(['iv-insertion', '-s', 'AK', ...AS_OF]),
      runIntoClosedPipes(['tasks']),
      runIntoClosedPipes(['state', 'WA']),
      runIntoClosedPipes(['nosuchtask']),
    ]);
    expect(codes).toEqual([2, 0, 0, 64]);
  });

  test.skipIf(!existsSync('/dev/full'))(
    'a stdout that cannot take the output (a full disk): one line, exit 70, no stack',
    () => {
      const full = openSync('/dev/full', 'w');
      try {
        expect(runBin(['tasks'], {}, REPO, undefined, { stdout: full })).toEqual({
          code: 70,
          stdout: '',
          stderr: 'ma-check: internal error: ENOSPC: no space left on device, write (set DEBUG=ma-check for details)\n',
        });
      } finally {
        closeSync(full);
      }
    },
  );
});

describe('no value means something by accident', () => {
  const WA = ['im-injection', '-s', 'WA', ...AS_OF];

  test.each([[''], [' '], [','], ['CMA,']])("--cert '%s' is a usage error, not 'holds no credential'", async (v) => {
    const { code, stdout, stderr } = await runMain([...WA, '--cert', v]);
    expect([code, stdout]).toEqual([64, '']);
    expect(stderr).toMatch(/^ma-check: --cert '.*' (is empty|has an empty item); .*'none' for none/);
  });

  test("'none' still says none, and leaving --cert out still says unknown", async () => {
    expect((await runMain([...WA, '--cert', 'none', '-q'])).code).toBe(3);
    expect((await runMain([...WA, '-q'])).code).toBe(1);
  });

  test.each([
    [['--training', ''], /^ma-check: --training '' is empty; .*'none' for none/],
    [['--rules', ''], /^ma-check: --rules '' is empty; name each one, or leave the option out\n$/],
    [['--setting', ' '], /^ma-check: --setting ' ' is empty; give a value or leave it out\n$/],
  ])('%j is a usage error', async (extra, message) => {
    const { code, stderr } = await runMain([...WA, ...extra]);
    expect(code).toBe(64);
    expect(stderr).toMatch(message);
  });

  test("audit --only '' is a usage error, not 'list nothing'", async () => {
    const { code, stdout, stderr } = await runMain(['audit', 'examples/roster.csv', '--only', '', ...AS_OF]);
    expect([code, stdout, stderr]).toEqual([
      64,
      '',
      "ma-check: --only '' is empty; name each one, or leave the option out\n",
    ]);
  });

  test.each([
    [['iv-insertion', '-s', 'AK', '--setting', 'hospital-inpatient', '--setting', 'physician-office']],
    [['iv-insertion', '-s', 'AK', '-f', 'markdown', '-f', 'json']],
    [['iv-insertion', '-s', 'AK', '--as-of', '2026-01-01', '--as-of', '2026-11-25']],
    [['sources', '-s', 'WA', '-s', 'OR']],
    [['validate', '--max-age', '1', '--max-age', '2']],
    [['audit', 'examples/roster.csv', '-o', join(SCRATCH, 'a.txt'), '-o', join(SCRATCH, 'b.txt')]],
  ])('a single-valued option given twice is a usage error: %j', async (args) => {
    const { code, stdout, stderr } = await runMain(args);
    expect([code, stdout]).toEqual([64, '']);
    expect(stderr).toMatch(/^ma-check: --[a-z-]+ is given twice \('.*', then '.*'\); give it once\n$/);
  });

  test('list options still repeat', async () => {
    expect((await runMain(['iv-insertion', '-s', 'AK', '-s', 'WA', '-q', ...AS_OF])).code).toBe(2);
  });

  test('-q with a machine format is a usage error; -q alone prints the verdict', async () => {
    for (const format of ['json', 'yaml', 'markdown']) {
      const { code, stdout, stderr } = await runMain(['iv-insertion', '-s', 'AK', '-q', '-f', format, ...AS_OF]);
      expect([code, stdout]).toEqual([64, '']);
      expect(stderr).toBe(
        `ma-check: --quiet prints only the verdict, as plain text; leave out --quiet or --format ${format}\n`,
      );
    }
    expect(await runMain(['iv-insertion', '-s', 'AK', '-q', ...AS_OF])).toEqual({
      code: 2,
      stdout: 'discouraged\n',
      stderr: '',
    });
  });
});

describe('what was typed is shown escaped and cut', () => {
  const oneLine = (stderr: string) => {
    expect(stderr.endsWith('\n')).toBe(true);
    expect(stderr.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  };

  test.each([
    [['nosuch\ntask', '-s', 'AK'], "unknown task 'nosuch\\ntask'"],
    [['iv\u001b[31minsertion', '-s', 'AK'], "unknown task 'iv\\u001b[31minsertion'; did you mean 'iv-insertion'?"],
    [['iv-insertion', '-s', 'A\nK'], "unknown state 'A\\nK'; did you mean 'AK'?"],
    [['iv-insertion', '--as-of', '2020\n01-01'], "'2020\\n01-01' is not a date"],
    [['iv-insertion', '-f', 'x\u001b[2Jy'], "argument 'x\\u001b[2Jy' is invalid"],
    [['iv-insertion', '--x\u001b[2Jy'], "unknown option '--x\\u001b[2Jy'"],
    [['audit', 'examples/roster.csv', '--only', 'pro\nhibited'], "unknown verdict 'pro\\nhibited'"],
    [['audit', 'examples/roster.csv', '--as-of', '2020\n01-01'], "'2020\\n01-01' is not a date"],
  ])('%j', async (args, shown) => {
    const { code, stderr } = await runMain(args);
    expect(code).toBe(64);
    oneLine(stderr);
    expect(stderr).toContain(shown);
  });

  test.each([
    [['TASK', '-s', 'AK'], 'unknown task'],
    [['iv-insertion', '-s', 'TASK'], 'unknown state'],
    [['state', 'TASK'], 'unknown state'],
    [['iv-insertion', '--cert', 'TASK'], 'unknown credential'],
    [['iv-insertion', '-f', 'TASK'], 'is invalid'],
    [['iv-insertion', '--TASK'], 'unknown option'],
    [['audit', 'examples/roster.csv', '--only', 'TASK'], 'unknown verdict'],
  ])('a 100,000-character value is rejected at once and shown cut: %j', async (args, what) => {
    const long = 'a'.repeat(100_000);
    const started = performance.now();
    const { code, stderr } = await runMain(args.map((a) => a.replace('TASK', long)));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(code).toBe(64);
    expect(stderr).toContain(what);
    expect(stderr).toMatch(/'(--)?a{58,60}…'/);
    expect(stderr.length).toBeLessThan(300);
  });

  test('did-you-mean measures only names whose length is within reach, and is as before on them', () => {
    const names = ['iv-insertion', 'im-injection', 'filing', 'a'.repeat(50_000)];
    const started = performance.now();
    expect(suggest('b'.repeat(100_000), names)).toEqual([]);
    expect(suggest('b'.repeat(150), names)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(200);
    expect(suggest('iv-insrtion', names)).toEqual(['iv-insertion']);
    expect(suggest('fil', names)).toEqual(['filing']);
  });
});

describe('Markdown output escapes what it prints from rule files, URLs included', () => {
  const HOSTILE_URL = 'https://example.org/a"><script>alert(1)</script>';
  const HOSTILE_TEXT = '<img src=x onerror=alert(1)> [click](javascript:alert(1)) *bold* `code` &lt; | x';
  /** Markup a renderer would act on: a hostile fragment without a backslash in front of it. */
  const inert = (markdown: string) => {
    for (const markup of [/(?<!\\)<(script|img|\/script)/, /(?<!\\)\]\(javascript:/, /(?<!\\)\*bold/, /(?<!\\)&lt;/])
      expect(markdown).not.toMatch(markup);
    expect(markdown).toContain('\\<');
  };

  test('check --format markdown: task name, summary and citation URL', () => {
    const decision = decide(minimal(), { task: 'im-injection', states: ['AK'] });
    expect(decision.citations.length).toBeGreaterThan(0);
    const hostile = {
      ...decision,
      task: { ...decision.task, name: HOSTILE_TEXT },
      summary: HOSTILE_TEXT,
      citations: decision.citations.map((c) => ({ ...c, url: HOSTILE_URL, title: HOSTILE_TEXT })),
    };
    const markdown = decisionMarkdown(hostile);
    inert(markdown);
    expect(markdown).toContain('https://example.org/a"\\>\\<script\\>alert(1)\\</script\\>');
    expect(markdown).toContain('\\<img src=x onerror=alert(1)\\> \\[click\\](javascript:alert(1))');
  });

  test('a plain address is printed as it is, so renderers link it', () => {
    const decision = decide(minimal(), { task: 'im-injection', states: ['AK'] });
    const [citation] = decision.citations;
    expect(markdownCitation({ ...citation!, url: 'https://example.org/a_b?c=1&d=(2)' })).toMatch(
      / https:\/\/example\.org\/a_b\?c=1&d=\(2\)$/,
    );
  });

  test('state XX --format markdown: definitions, summaries and citations', () => {
    const profile = stateProfile(minimal(), 'AK');
    expect(profile.citations.length).toBeGreaterThan(0);
    const markdown = stateProfileMarkdown({
      ...profile,
      notes: [{ confidence: 'low', text: HOSTILE_TEXT, cites: [] }],
      citations: profile.citations.map((c) => ({ ...c, url: HOSTILE_URL })),
    });
    inert(markdown);
    expect(markdown).toContain('\\<script\\>');
  });

  test('listings and the data report', () => {
    const listing = renderListing(
      { key: 'x', items: [HOSTILE_TEXT, HOSTILE_URL], columns: [{ header: 'x', value: (s) => s }], json: (s) => s },
      'markdown',
    );
    inert(listing);
    const report = dataReport(minimal(), '2026-11-25');
    inert(
      dataReportMarkdown({
        ...report,
        overall: { ...report.overall, lawRulesCommentaryOnly: [HOSTILE_URL, HOSTILE_TEXT] },
      }),
    );
  });
});

describe('the default --as-of is documented', () => {
  test.each([['check'], ['states'], ['sources'], ['audit']])('%s --help says how it defaults', async (command) => {
    const { code, stdout } = await runMain([command, '--help']);
    expect(code).toBe(0);
    expect(stdout.replace(/\s+/g, ' ')).toContain("default: today's date in the local time zone, as TZ sets it");
  });

  test('the README says so, and how to pin it', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    expect(readme).toMatch(
      /`--as-of DATE` \| .*today's date in the machine's local time zone, which `TZ` sets.*pin it/,
    );
  });
});
