import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { escapeHtml } from '../../src/format/html-escape.js';
import { CONTENT_SECURITY_POLICY, NOT_LEGAL_ADVICE } from '../../src/format/site-layout.js';
import { DESIGN_TASK_IDS } from '../helpers/design-task-ids.js';
import { runMain, STACK_TRACE } from '../helpers/memory-io.js';
import { MINIMAL, REPO } from '../helpers/paths.js';

const AS_OF = '2026-11-25';
const work = mkdtempSync(join(tmpdir(), 'ma-check-site-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const HOSTILE = '<img src=x onerror=alert(1)>';

/** An overlay whose rule summary, note and citation title are markup. */
function hostileOverlay(dir: string): string {
  mkdirSync(join(dir, 'rules'), { recursive: true });
  writeFileSync(
    join(dir, 'overlay.yaml'),
    'name: hostile-policy\ndescription: Texts that look like markup, for tests.\n',
  );
  writeFileSync(
    join(dir, 'rules', 'policy.yaml'),
    `citations:
  - id: hostile-policy-manual
    title: "Manual <script>alert(1)</script>"
    publisher: Example Clinic
    kind: secondary
    url: https://example.org/policy
    reviewed: 2026-11-25
rules:
  - id: hostile-policy/no-iv
    summary: "Never ${HOSTILE} here."
    basis: policy
    confidence: high
    appliesTo: {tasks: [iv-insertion]}
    verdict: prohibited
    cites: [hostile-policy-manual]
    notes:
      - text: "A note ${HOSTILE} too."
        confidence: low
`,
  );
  return dir;
}

/** Every file under a folder, by its `/`-separated path. */
function filesOf(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(root);
  return files;
}

const site = (dir: string, ...args: string[]) => runMain(['site', '--out', dir, '--as-of', AS_OF, ...args]);

/**
 * An install whose rules are the minimal fixture rule set (five tasks, three state files), with
 * the build's dist/ for the site's app. The tests of overlays and of the folders `site` writes and
 * checks need a site, not the shipped one, and this one takes a fraction of the time.
 */
const smallRoot = mkdtempSync(join(tmpdir(), 'ma-check-site-install-'));
symlinkSync(MINIMAL, join(smallRoot, 'rules'), 'dir');
symlinkSync(join(REPO, 'dist'), join(smallRoot, 'dist'), 'dir');
afterAll(() => rmSync(smallRoot, { recursive: true, force: true }));
const SMALL = { install: { packageRoot: smallRoot, version: '0.0.0-test' } };
const smallSite = (dir: string, ...args: string[]) => runMain(['site', '--out', dir, '--as-of', AS_OF, ...args], SMALL);

/** The site of the shipped rules, written once for every test here (a site takes about a second). */
const first = join(work, 'first');
beforeAll(async () => {
  expect((await site(first)).code).toBe(0);
}, 60_000);

describe('ma-check site (in process)', () => {
  const second = join(work, 'second');
  let files: Map<string, Buffer>;
  let pages: [string, string][];
  let digest: string;

  beforeAll(async () => {
    expect((await site(second)).code).toBe(0);
    files = filesOf(first);
    pages = [...files]
      .filter(([path]) => path.endsWith('.html'))
      .map(([path, bytes]) => [path, bytes.toString('utf8')]);
    digest = JSON.parse(files.get('ma-check-site.json')!.toString('utf8')).digest;
  }, 60_000);

  test('the same rules and date give the same bytes, twice', () => {
    const again = filesOf(second);
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [path, bytes] of files) expect(again.get(path)!.equals(bytes), path).toBe(true);
  });

  test('a page for every state and DC and for every task, the assets and the marker', () => {
    const paths = [...files.keys()];
    expect(paths.filter((p) => /^states\/[A-Z]{2}\.html$/.test(p))).toHaveLength(51);
    expect(paths.filter((p) => p.startsWith('tasks/')).sort()).toEqual(
      DESIGN_TASK_IDS.map((id) => `tasks/${id}.html`).sort(),
    );
    for (const path of ['index.html', 'assets/site.css', 'assets/app.js', 'assets/data.js', 'ma-check-site.json'])
      expect(paths).toContain(path);
    const marker = JSON.parse(files.get('ma-check-site.json')!.toString('utf8'));
    expect(marker).toMatchObject({ generator: 'ma-check site', asOf: AS_OF });
    expect(marker.files).toEqual(paths.filter((p) => p !== 'ma-check-site.json'));
  });

  test('the policy is the one asked for', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'",
    );
  });

  test('every page has the CSP, the not-legal-advice note, the digest, the date, the version, lang and a skip link', () => {
    const version = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version;
    expect(pages).toHaveLength(1 + 51 + 48);
    for (const [path, html] of pages) {
      expect(html, path).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
      expect(html, path).toContain(escapeHtml(NOT_LEGAL_ADVICE));
      expect(html, path).toContain(digest);
      expect(html, path).toContain(`as of <time class="as-of" datetime="${AS_OF}">`);
      expect(html, path).toContain(`ma-check ${version}`);
      expect(html, path).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
      expect(html, path).toContain('<a class="skip-link" href="#main">');
      expect(html, path).toContain('<main id="main"');
    }
  });

  test('nothing the CSP would block and nothing fetched from elsewhere: no inline script or style, no handler', () => {
    for (const [path, html] of pages) {
      expect(html, path).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html, path).not.toMatch(/<style\b|\sstyle="/);
      expect(html, path).not.toMatch(/\son[a-z]+="/);
      for (const tag of html.matchAll(/<(?:link|script|img|iframe|source|object|embed)\b[^>]*>/g))
        expect(tag[0], path).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
      // External addresses only as links to citations.
      for (const a of html.matchAll(/<a\b[^>]*href="https?:[^>]*>/g)) expect(a[0], path).toContain('class="cite-link"');
    }
  });

  test('every relative link reaches a file of the site, and every #anchor an element of its page', () => {
    for (const [path, html] of pages) {
      const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      for (const [, raw] of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
        const target = raw!.replace(/&amp;/g, '&');
        if (/^https?:/.test(target)) continue;
        const [file, anchor] = target.split('#') as [string, string | undefined];
        const where = file.split('?')[0]!;
        if (where === '') {
          expect(ids.has(anchor!), `${path}: #${anchor}`).toBe(true);
          continue;
        }
        const resolved = join(path, '..', where).split('\\').join('/');
        expect(files.has(resolved), `${path}: ${target}`).toBe(true);
      }
    }
  });

  test('the whole site is under 5 MB', () => {
    const bytes = [...files.values()].reduce((n, b) => n + b.length, 0);
    expect(bytes).toBeLessThan(5_000_000);
  });

  test('the app is the build’s browser bundle, and the hooks the browser tests use are there', () => {
    expect(files.get('assets/app.js')!.equals(readFileSync(join(__dirname, '..', '..', 'dist', 'site-app.js')))).toBe(
      true,
    );
    const index = pages.find(([p]) => p === 'index.html')![1];
    for (const hook of ['id="checker"', 'id="answer"', 'id="map"', 'id="map-controls"']) expect(index).toContain(hook);
    expect([...index.matchAll(/<g class="tile \w+" data-state="[A-Z]{2}" data-verdict="\w+">/g)]).toHaveLength(51);
    expect(index).toContain('<a href="states/WA.html"><g class="tile');
    expect(index).toContain(
      '<script src="assets/data.js" defer></script>\n<script src="assets/app.js" defer></script>',
    );
  });

  test('site --check passes on the site it just wrote', async () => {
    const { code, stdout, stderr } = await runMain(['site', '--check', first]);
    expect(stderr).toMatch(/the site is what these rules give \(104 files\)/);
    expect(stdout).toBe('');
    expect(code).toBe(0);
  });
});

describe('ma-check site with an overlay whose texts are markup', () => {
  const overlay = hostileOverlay(join(work, 'hostile'));
  const out = join(work, 'hostile-site');
  let files: Map<string, Buffer>;

  beforeAll(async () => {
    const { code, stderr } = await smallSite(out, '--rules', overlay);
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(code).toBe(0);
    files = filesOf(out);
  }, 60_000);

  test('the summary, the note and the title stay text on the pages', () => {
    const page = files.get('tasks/iv-insertion.html')!.toString('utf8');
    expect(page).toContain(`Never ${escapeHtml(HOSTILE)} here.`);
    expect(page).toContain(`A note ${escapeHtml(HOSTILE)} too.`);
    expect(page).toContain('Manual &lt;script&gt;alert(1)&lt;/script&gt;');
    for (const [path, bytes] of files)
      if (path.endsWith('.html')) expect(bytes.toString('utf8'), path).not.toMatch(/<img|<script>alert/);
  });

  test('and in the data script, where they are \\u-escaped JSON', () => {
    const data = files.get('assets/data.js')!.toString('utf8');
    expect(data).not.toContain('<img');
    expect(data).toContain('Never \\u003cimg src=x onerror=alert(1)\\u003e here.');
  });

  test('site --check fails naming the files once the overlay’s rule file is edited', async () => {
    // That it passes on an unchanged site is the shipped site's test above.
    const check = () => runMain(['site', '--check', out, '--rules', overlay], SMALL);
    const ruleFile = join(overlay, 'rules', 'policy.yaml');
    writeFileSync(ruleFile, readFileSync(ruleFile, 'utf8').replace('Never ', 'Not ever '));
    const { code, stdout, stderr } = await check();
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual(
      expect.arrayContaining([
        'differs  assets/data.js',
        'differs  ma-check-site.json',
        'differs  tasks/iv-insertion.html',
      ]),
    );
    // Every page shows the rules' digest, so every page differs; the marker records the new digest.
    expect(stdout).toContain('differs  states/WA.html');
    expect(stderr).toMatch(/not as the rules give them/);
  });
});

describe('ma-check site: folders it writes and checks', () => {
  /** A site of the small install, copied for each test: a site checks the same wherever it is. */
  const base = join(work, 'small-base');
  beforeAll(async () => {
    expect((await smallSite(base)).code).toBe(0);
  }, 60_000);
  const copyOfSite = (name: string): string => {
    const dir = join(work, name);
    cpSync(base, dir, { recursive: true });
    return dir;
  };

  test('--out into a previous site: removes only the files its marker lists, keeps the rest', async () => {
    const dir = copyOfSite('previous');
    const markerPath = join(dir, 'ma-check-site.json');
    const marker = JSON.parse(readFileSync(markerPath, 'utf8'));
    marker.files.push('tasks/retired-task.html', '../outside.html');
    writeFileSync(markerPath, JSON.stringify(marker));
    writeFileSync(join(dir, 'tasks', 'retired-task.html'), 'old');
    writeFileSync(join(work, 'outside.html'), 'not the site’s');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const { code } = await smallSite(dir);
    expect(code).toBe(0);
    expect(existsSync(join(dir, 'tasks', 'retired-task.html'))).toBe(false);
    expect(readFileSync(join(work, 'outside.html'), 'utf8')).toBe('not the site’s');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    // The user's file is not part of the site: --check says so.
    const check = await runMain(['site', '--check', dir], SMALL);
    expect(check.code).toBe(1);
    expect(check.stdout).toBe('extra    notes.txt\n');
  });

  test('--check names a missing and a changed file, one a line', async () => {
    const dir = copyOfSite('damaged');
    rmSync(join(dir, 'states', 'AK.html'));
    writeFileSync(join(dir, 'tasks', 'filing.html'), 'edited by hand');
    const { code, stdout } = await runMain(['site', '--check', dir], SMALL);
    expect(code).toBe(1);
    expect(stdout).toBe('missing  states/AK.html\ndiffers  tasks/filing.html\n');
  });

  test('--check reads the date from the site’s marker, or takes --as-of', async () => {
    const dir = copyOfSite('dated');
    expect((await runMain(['site', '--check', dir], { ...SMALL, today: '2027-03-01' })).code).toBe(0);
    const other = await runMain(['site', '--check', dir, '--as-of', '2026-11-26'], SMALL);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('differs  index.html');
  });

  test('--out into a folder of someone else’s files is a usage error, and nothing in it changes', async () => {
    const dir = join(work, 'someone');
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.html'), 'my page');
    const { code, stderr } = await smallSite(dir);
    expect(code).toBe(64);
    expect(stderr).toMatch(/holds files but no ma-check-site\.json/);
    expect(readdirSync(dir)).toEqual(['index.html']);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('my page');
  });

  test.each([
    [['site'], 64, /give --out DIR to write the site, or --check DIR/],
    [['site', '--out', 'a', '--check', 'b'], 64, /give --out DIR to write the site, or --check DIR/],
    [['site', '--out', 'x', '--as-of', '2026-02-30'], 64, /--as-of '2026-02-30' is not a date/],
    [
      ['site', '--check', join(tmpdir(), 'ma-check-no-such-site')],
      66,
      /--check '.*ma-check-no-such-site': no such folder/,
    ],
    [['site', '--out', join(work, 'x'), '--rules', join(work, 'no-such-overlay')], 66, /no-such-overlay/],
  ])('%j: exit %i, one line', async (args, exit, message) => {
    const { code, stderr } = await runMain(args);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(code).toBe(exit);
  });

  test('--out into a folder holding only dot-files writes the site and leaves them', async () => {
    const dir = join(work, 'dotted');
    mkdirSync(dir);
    writeFileSync(join(dir, '.gitkeep'), '');
    expect((await smallSite(dir)).code).toBe(0);
    expect(existsSync(join(dir, '.gitkeep'))).toBe(true);
    expect(existsSync(join(dir, 'index.html'))).toBe(true);
  });

  /** A folder `site --out` takes for a site it wrote: a marker listing `files`, and nothing else. */
  const markedFolder = (name: string, files: string[], asOf = AS_OF): string => {
    const dir = join(work, name);
    mkdirSync(dir);
    const marker = { generator: 'ma-check site', version: '0.0.0', digest: 'sha256:0', asOf, files };
    writeFileSync(join(dir, 'ma-check-site.json'), JSON.stringify(marker));
    return dir;
  };

  test('--out through a symbolic link inside the folder is a usage error, and nothing outside changes', async () => {
    const elsewhere = join(work, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'AK.html'), 'not the site’s');
    writeFileSync(join(elsewhere, 'retired.html'), 'not the site’s either');
    const dir = markedFolder('linked', ['states/AK.html', 'states/retired.html']);
    symlinkSync(elsewhere, join(dir, 'states'), 'dir');
    const { code, stderr } = await smallSite(dir);
    expect(stderr).toMatch(/--out '.*linked': 'states' is a symbolic link; the site writes only inside its folder/);
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(code).toBe(64);
    expect(readdirSync(elsewhere).sort()).toEqual(['AK.html', 'retired.html']);
    expect(readFileSync(join(elsewhere, 'AK.html'), 'utf8')).toBe('not the site’s');
    expect(readdirSync(dir).sort()).toEqual(['ma-check-site.json', 'states']);
  });

  test('a marker whose date is not a date: a usage error for --check and --out, naming it', async () => {
    const dir = markedFolder('misdated', ['index.html'], '2026-13-45');
    writeFileSync(join(dir, 'index.html'), 'old');
    const check = await runMain(['site', '--check', dir], SMALL);
    expect(check.stderr).toMatch(
      /--check '.*misdated': its ma-check-site\.json is not one ma-check wrote \(its asOf '2026-13-45' is not a date written YYYY-MM-DD\); give --as-of DATE/,
    );
    expect(check.stderr).not.toMatch(STACK_TRACE);
    expect(check.code).toBe(64);
    const out = await smallSite(dir);
    expect(out.stderr).toMatch(/--out '.*misdated': its ma-check-site\.json is not one ma-check wrote \(its asOf/);
    expect(out.code).toBe(64);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('old');
  });

  test('--out naming a file is a usage error', async () => {
    const file = join(work, 'a-file');
    writeFileSync(file, '');
    const { code, stderr } = await smallSite(file);
    expect(code).toBe(64);
    expect(stderr).toMatch(/is a file, not a folder/);
  });
});
