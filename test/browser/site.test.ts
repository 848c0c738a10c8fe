import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ConditionTree } from '../../src/domain/decision.js';
import { describeCondition } from '../../src/domain/describe.js';
import { launchBrowser, NO_BROWSER, type PageWatch, watchPage } from '../helpers/browser.js';
import { runMain } from '../helpers/memory-io.js';
import { REPO } from '../helpers/paths.js';

const AS_OF = '2026-11-25';
/** Screenshots for a person to look at (gitignored). */
const SHOTS = join(REPO, 'test-output', 'site');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The little of the page's DOM these tests touch (the project's tsconfig has no DOM library). */
interface El {
  value: string;
  checked: boolean;
  className: string;
  textContent: string | null;
  classList: { contains(name: string): boolean };
  cloneNode(deep: boolean): El;
  remove(): void;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El>;
  requestSubmit(): void;
}
interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}
interface PageGlobals {
  document: {
    querySelector(selector: string): El;
    querySelectorAll(selector: string): Iterable<El>;
    activeElement: El | null;
    documentElement: { scrollWidth: number };
  };
  location: { search: string };
  axe: { run(): Promise<AxeResult> };
  __pwned?: number;
}

interface SampledQuery {
  task: string;
  state: string;
  cert: string;
  supervision: string;
  delegator: string;
}

/** 50 queries spread over tasks, states and profiles by fixed strides, so every run asks the same ones. */
function sampledQueries(tasks: readonly string[], states: readonly string[]): SampledQuery[] {
  const certs = ['CMA', 'RMA', 'CCMA', 'none', 'NCMA'];
  const levels = ['direct', 'general', 'personal', '', 'none', 'virtual'];
  const delegators = ['physician', 'pa', '', 'np', 'dentist', 'rn', 'podiatrist'];
  return Array.from({ length: 50 }, (_, i) => ({
    task: tasks[(i * 7) % tasks.length]!,
    state: states[(i * 13) % states.length]!,
    cert: certs[i % certs.length]!,
    supervision: levels[i % levels.length]!,
    delegator: delegators[i % delegators.length]!,
  }));
}

/** A page of a site as a file:// address, with its query string (`index.html?task=…`). */
function pageUrl(root: string, path: string): string {
  const [file, query] = path.split('?');
  return pathToFileURL(join(root, file!)).href + (query ? `?${query}` : '');
}

const CLEAN: PageWatch = { errors: [], dialogs: [], outside: [] };

/** A phone's width: no page may be wider (the map, the forms, a digest or an address must fit or break). */
const PHONE = { width: 375, height: 800 };

/** An answer as the reader sees it, or as `check` gives it: the same shape, to compare. */
interface Answer {
  verdict?: string | null;
  summary?: string | null;
  determinedBy?: (string | null)[];
  /** `status|decisive|what it asks|(state basis; rules)`, decisive ones first, as the page lists them. */
  conditions?: string[];
  problems?: (string | null)[];
}

/** The answer on the page (run in the page: it may use nothing from outside). */
function readAnswer(): Answer {
  const doc = (globalThis as unknown as PageGlobals).document;
  const answer = doc.querySelector('#answer');
  if (answer.getAttribute('data-problem') !== null)
    return { problems: [...answer.querySelectorAll('.problems li')].map((li) => li.textContent) };
  return {
    verdict: answer.getAttribute('data-verdict'),
    summary: answer.querySelector('.summary')?.textContent ?? null,
    determinedBy: [...answer.querySelectorAll('#determined-by li code')].map((c) => c.textContent),
    conditions: [...answer.querySelectorAll('li.condition')].map((li) => {
      const status = ['met', 'unmet', 'unknown'].find((s) => li.classList.contains(`status-${s}`));
      const what = li.cloneNode(true);
      for (const part of what.querySelectorAll('.status-mark, .sr-only, .from, .not-decisive-note')) part.remove();
      const from = li.querySelector('.from')?.textContent;
      return `${status}|${li.classList.contains('decisive')}|${what.textContent?.trim()}|${from}`;
    }),
  };
}

interface JsonCondition extends Record<string, unknown> {
  status: string;
  decisive: boolean;
  state?: string;
  basis: string;
  rules: string[];
}

/**
 * What `ma-check check` answers for the options as the checker's address gives them (lists as
 * `check` takes them, comma-separated): the decision's JSON, or each problem line of stderr as the
 * page words it (without the `ma-check:` prefix and the pointer to the browse commands).
 */
async function checkAnswer(options: Record<string, string>): Promise<Answer> {
  const args = ['check', options.task ?? '', '--as-of', AS_OF, '--format', 'json'];
  for (const [name, value] of Object.entries(options)) if (name !== 'task' && value) args.push(`--${name}`, value);
  const { code, stdout, stderr } = await runMain(args);
  if (code === 64)
    return {
      problems: stderr
        .trim()
        .split('\n')
        .map((line) => line.replace(/^ma-check: /, '').replace(/ \(run 'ma-check \w+' for the list\)$/, '')),
    };
  const json = JSON.parse(stdout) as {
    verdict: string;
    summary: string;
    determinedBy: string[];
    conditions: JsonCondition[];
  };
  const ordered = [...json.conditions.filter((c) => c.decisive), ...json.conditions.filter((c) => !c.decisive)];
  return {
    verdict: json.verdict,
    summary: json.summary,
    determinedBy: json.determinedBy,
    conditions: ordered.map(
      (c) =>
        `${c.status}|${c.decisive}|${describeCondition(c as unknown as ConditionTree)}|(${c.state ? `${c.state} ` : ''}${c.basis}; ${c.rules.join(', ')})`,
    ),
  };
}

/** The options of a checker address, one value each, lists joined with commas as `check` takes them. */
const optionsOf = (search: string): Record<string, string> => {
  const params = new URLSearchParams(search);
  return Object.fromEntries([...new Set(params.keys())].map((name) => [name, params.getAll(name).join(',')]));
};

describe.skipIf(NO_BROWSER !== null)(
  `the static site in Chromium${NO_BROWSER ? ` (skipped: ${NO_BROWSER})` : ''}`,
  () => {
    let browser: Browser;
    const work = mkdtempSync(join(tmpdir(), 'ma-check-browser-site-'));
    const site = join(work, 'site');

    beforeAll(async () => {
      const [launched, built] = await Promise.all([
        launchBrowser(),
        runMain(['site', '--out', site, '--as-of', AS_OF]),
      ]);
      browser = launched;
      expect(built.code, built.stderr).toBe(0);
      mkdirSync(SHOTS, { recursive: true });
    });
    afterAll(async () => {
      await browser?.close();
      rmSync(work, { recursive: true, force: true });
    });

    /** A page whose console errors, exceptions, dialogs and requests outside `root` are recorded. */
    async function open(path: string, root = site): Promise<{ page: Page; watch: PageWatch }> {
      const page = await browser.newPage();
      const watch = await watchPage(page, pathToFileURL(root).href);
      await page.goto(pageUrl(root, path));
      return { page, watch };
    }

    test('every page loads with no console error and no request outside the site folder, and fits a phone', async () => {
      const pages = [
        'index.html',
        ...readdirSync(join(site, 'states')).map((f) => `states/${f}`),
        ...readdirSync(join(site, 'tasks')).map((f) => `tasks/${f}`),
      ];
      expect(pages).toHaveLength(1 + 51 + 48);
      const page = await browser.newPage({ viewport: PHONE });
      const watch = await watchPage(page, pathToFileURL(site).href);
      for (const path of pages) {
        await page.goto(pageUrl(site, path));
        expect(await page.locator('.not-legal-advice').count(), path).toBeGreaterThan(0);
        const width = await page.evaluate(
          () => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth,
        );
        expect(width, `${path} at ${PHONE.width}px`).toBeLessThanOrEqual(PHONE.width);
      }
      expect(watch).toEqual(CLEAN);
      await page.close();
    });

    test('index: the app starts, the map has 51 tiles linking to state pages, and it redraws for another task', async () => {
      const { page, watch } = await open('index.html');
      await page.waitForSelector('body[data-ready="true"]');
      expect(await page.locator('#map g.tile[data-state][data-verdict]').count()).toBe(51);
      expect(await page.locator('#map a[href="states/AK.html"]').count()).toBe(1);
      await page.locator('#map').screenshot({ path: join(SHOTS, 'map.png') });
      await page.selectOption('#map-task', 'triage');
      await page.waitForSelector('#map[data-task="triage"]');
      expect(await page.locator('#map g.tile[data-verdict]').count()).toBe(51);
      expect(watch).toEqual(CLEAN);
      await page.close();
    });

    test('the checker gives the verdict, summary, conditions and determining rules of `check --format json` for 50 sampled queries', async () => {
      const { page, watch } = await open('index.html');
      await page.waitForSelector('body[data-ready="true"]');
      const valuesOf = (selector: string) =>
        page.$$eval(selector, (elements) => elements.map((e) => (e as unknown as El).value).filter(Boolean));
      const tasks = await valuesOf('#checker-task option');
      const states = (await valuesOf('input[name=state]')).filter((s) => s !== 'US');
      expect(tasks).toHaveLength(48);
      expect(states).toHaveLength(51);
      for (const q of sampledQueries(tasks, states)) {
        const expected = await checkAnswer({ ...q });
        await page.evaluate((query) => {
          const doc = (globalThis as unknown as PageGlobals).document;
          doc.querySelector('#checker-task').value = query.task;
          for (const box of doc.querySelectorAll('input[name=state]')) box.checked = box.value === query.state;
          for (const box of doc.querySelectorAll('input[name=cert]')) box.checked = box.value === query.cert;
          for (const box of doc.querySelectorAll('input[name=training]')) box.checked = false;
          doc.querySelector('#checker-supervision').value = query.supervision;
          doc.querySelector('#checker-delegator').value = query.delegator;
          doc.querySelector('#checker').requestSubmit();
        }, q);
        expect(await page.evaluate(readAnswer), JSON.stringify(q)).toEqual(expected);
      }
      expect(watch).toEqual(CLEAN);
      await page.close();
    });

    test('an address with trainings, a setting, US, several states, an open list or an unknown name: the answer of `check`, and Check asks the same again', async () => {
      const addresses = [
        'task=im-injection&state=CA&cert=CMA&training=CA-injection-training&supervision=direct&delegator=physician',
        'task=iv-insertion&state=AK&setting=hospital-inpatient',
        'task=iv-insertion&state=US',
        // States in the form's order: a link is answered as its form asks it (see the address test below).
        'task=im-injection&state=CA,NY&state=WA&cert=CMA&supervision=direct',
        // An open list: "at least CMA" is conditional; CMA alone is prohibited. The form must say "at least".
        'task=xray-operation&state=CA&cert=CMA,...',
        'task=iv-insertion&state=AK&cert=CMA&training=infusion-therapy-course,...',
        'task=foo&state=ZZ&cert=XYZ',
        'task=iv-insertion&state=AK&setting=nowhere&delegator=MD',
      ];
      const page = await browser.newPage({ viewport: PHONE });
      const watch = await watchPage(page, pathToFileURL(site).href);
      for (const search of addresses) {
        await page.goto(pageUrl(site, `index.html?${search}`));
        await page.waitForSelector('#answer[data-verdict], #answer[data-problem]');
        const expected = await checkAnswer(optionsOf(search));
        const shown = await page.evaluate(readAnswer);
        expect(shown, search).toEqual(expected);
        const width = await page.evaluate(
          () => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth,
        );
        expect(width, `${search} at ${PHONE.width}px`).toBeLessThanOrEqual(PHONE.width);
        if (expected.problems) continue;
        for (const [name, value] of Object.entries(optionsOf(search)))
          if (value.endsWith(',...'))
            expect(await page.isChecked(`input[name=${name}][value="..."]`), search).toBe(true);
        // The form shows the question it answered: pressing Check gives the same answer.
        await page.locator('#checker button[type=submit]').click();
        expect(await page.evaluate(readAnswer), `${search}, then Check`).toEqual(expected);
      }
      expect(watch).toEqual(CLEAN);
      await page.close();
    });

    test('an unknown task in the address: the problem as `check` says it, and the form still answers', async () => {
      const { page, watch } = await open('index.html?task=foo&state=CA');
      await page.waitForSelector('#answer[data-problem]');
      expect(await page.locator('#answer .problems li').allTextContents()).toEqual(
        (await checkAnswer({ task: 'foo', state: 'CA' })).problems,
      );
      const task = await page.$eval('#checker-task', (select) => (select as unknown as El).value);
      expect(task).not.toBe('');
      await page.locator('#checker button[type=submit]').click();
      await page.waitForSelector('#answer[data-verdict]');
      expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).location.search)).toBe(
        `?task=${task}&state=CA`,
      );
      expect(watch).toEqual(CLEAN);
      await page.close();
    });

    test('the query lives in the address: a shared link answers, the back button restores the earlier answer', async () => {
      const { page, watch } = await open('index.html?task=start-iv&state=Alaska&cert=CMA');
      await page.waitForSelector('#answer[data-verdict]');
      expect(await page.getAttribute('#answer', 'data-verdict')).toBe('discouraged');
      await page.locator('#answer').screenshot({ path: join(SHOTS, 'checker-answer.png') });
      await page.selectOption('#checker-task', 'triage');
      await page.locator('#checker button[type=submit]').click();
      await page.waitForFunction(() => (globalThis as unknown as PageGlobals).location.search.includes('task=triage'));
      expect(await page.getAttribute('#answer', 'data-verdict')).toBe('prohibited');
      await page.goBack();
      await page.waitForFunction(
        () => (globalThis as unknown as PageGlobals).document.querySelector('#checker-task').value === 'iv-insertion',
      );
      expect(await page.getAttribute('#answer', 'data-verdict')).toBe('discouraged');
      // A link that lists states in another order than the form is answered as the form asks it
      // (the first state's reason leads the summary), so that Check says the same again.
      await page.goto(pageUrl(site, 'index.html?task=im-injection&state=WA,CA,NY&cert=CMA'));
      await page.waitForSelector('#answer[data-verdict]');
      const linked = await page.evaluate(readAnswer);
      expect(linked).toEqual(await checkAnswer({ task: 'im-injection', state: 'CA,NY,WA', cert: 'CMA' }));
      await page.locator('#checker button[type=submit]').click();
      expect(await page.evaluate(readAnswer)).toEqual(linked);
      expect(watch).toEqual(CLEAN);
      await page.close();
    });

    test('the form works from the keyboard alone', async () => {
      const { page, watch } = await open('index.html');
      await page.waitForSelector('body[data-ready="true"]');
      await page.focus('#checker-task');
      await page.keyboard.press('End'); // the last task of the list
      const task = await page.$eval('#checker-task', (select) => (select as unknown as El).value);
      await page.focus('input[name=state][value=AK]');
      await page.keyboard.press('Space');
      await page.focus('input[name=cert][value=CMA]');
      await page.keyboard.press('Space');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#answer[data-verdict]');
      const focused = await page.evaluate(
        () => (globalThis as unknown as PageGlobals).document.activeElement?.className,
      );
      expect(focused).toContain('decision-title');
      expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).location.search)).toContain(
        `task=${task}`,
      );
      expect(watch).toEqual(CLEAN);
      await page.close();
    });

    test('axe-core finds no serious or critical violation on the index, its problems, a state page and a task page', async () => {
      // The decision view is on the task page (its baseline); the problems are only the checker's.
      for (const path of ['index.html', 'index.html?task=foo&state=CA', 'states/WA.html', 'tasks/iv-insertion.html']) {
        const { page } = await open(path);
        await page.evaluate(AXE); // evaluated through the debugger protocol, which the page's CSP does not govern
        const violations = await page.evaluate(async () => {
          const result = await (globalThis as unknown as PageGlobals).axe.run();
          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        expect(violations, path).toEqual([]);
        if (path.startsWith('states/')) await page.screenshot({ path: join(SHOTS, 'state-page.png') });
        await page.close();
      }
    });

    test('a state page prints cleanly: no navigation or form, each source with its address', async () => {
      const { page, watch } = await open('states/WA.html');
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      expect(await page.locator('h1').isVisible()).toBe(true);
      const after = await page.$eval('a.cite-link[href^="http"]', (a) => {
        const view = globalThis as unknown as { getComputedStyle(e: unknown, pseudo: string): { content: string } };
        return view.getComputedStyle(a, '::after').content;
      });
      expect(after).toMatch(/^" <" attr\(href\) ">"$|^" <https?:\/\/.+>"$/);
      const pdf = await page.pdf({ format: 'Letter' });
      writeFileSync(join(SHOTS, 'state-page.pdf'), pdf);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(watch).toEqual(CLEAN);
      await page.close();
    });

    test('the checker’s answer prints, its form does not', async () => {
      const { page, watch } = await open('index.html?task=iv-insertion&state=AK&cert=CMA');
      await page.waitForSelector('#answer[data-verdict]');
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('#checker').isVisible()).toBe(false);
      expect(await page.locator('#answer .decision-title').isVisible()).toBe(true);
      expect(await page.locator('#answer #determined-by').isVisible()).toBe(true);
      expect(watch).toEqual(CLEAN);
      await page.close();
    });

    test('a map that cannot start leaves the checker working, and says so', async () => {
      // The index without the map's caption: the map's part of the app throws as it starts.
      const index = readFileSync(join(site, 'index.html'), 'utf8');
      expect(index).toContain('id="map-caption"');
      writeFileSync(join(site, 'no-map-caption.html'), index.replace('id="map-caption"', 'id="not-the-caption"'));
      const { page, watch } = await open('no-map-caption.html?task=iv-insertion&state=AK&cert=CMA');
      await page.waitForSelector('body[data-ready="error"]');
      expect(await page.locator('#map-section .app-error').textContent()).toBe(
        'The map could not start: the page has no #map-caption',
      );
      expect(await page.getAttribute('#answer', 'data-verdict')).toBe('discouraged');
      expect(watch).toEqual(CLEAN);
      rmSync(join(site, 'no-map-caption.html'));
      await page.close();
    });

    test('`ma-check map` writes an SVG that Chromium parses, with 51 tiles, a title and a description', async () => {
      const svgPath = join(work, 'm.svg');
      const args = ['map', 'iv-insertion', '--cert', 'CMA', '--supervision', 'direct', '--delegator', 'physician'];
      const made = await runMain([...args, '--as-of', AS_OF, '--out', svgPath]);
      expect(made.code, made.stderr).toBe(0);
      const page = await browser.newPage();
      const watch = await watchPage(page, pathToFileURL(work).href);
      await page.goto(pathToFileURL(svgPath).href);
      // An XML error would replace the document with Chromium's parser error page.
      expect(await page.locator('parsererror').count()).toBe(0);
      expect(await page.locator('svg > title').textContent()).toContain('Peripheral IV insertion');
      expect(await page.locator('svg > desc').textContent()).toMatch(/discouraged: .*AK/);
      expect(await page.locator('g.tile[data-state]').count()).toBe(51);
      await page.screenshot({ path: join(SHOTS, 'map-command.png') });
      expect(watch).toEqual(CLEAN);
      await page.close();
    });

    test('hostile text from an overlay stays text: no script runs on the pages it reaches', async () => {
      const overlay = join(work, 'hostile');
      mkdirSync(join(overlay, 'rules'), { recursive: true });
      writeFileSync(join(overlay, 'overlay.yaml'), 'name: hostile-policy\ndescription: Markup-like texts.\n');
      writeFileSync(
        join(overlay, 'rules', 'policy.yaml'),
        `citations:
  - id: hostile-policy-manual
    title: "Manual <script>window.__pwned=1</script>"
    publisher: "<img src=x onerror=window.__pwned=2>"
    kind: secondary
    url: https://example.org/policy
    reviewed: 2026-11-25
rules:
  - id: hostile-policy/no-iv
    summary: "Never <img src=x onerror=window.__pwned=3> here."
    basis: policy
    confidence: high
    appliesTo: {tasks: [iv-insertion]}
    states: [AK]
    verdict: prohibited
    cites: [hostile-policy-manual]
`,
      );
      const hostile = join(work, 'hostile-site');
      const built = await runMain(['site', '--out', hostile, '--rules', overlay, '--as-of', AS_OF]);
      expect(built.code, built.stderr).toBe(0);
      for (const path of ['states/AK.html', 'tasks/iv-insertion.html', 'index.html?task=iv-insertion&state=AK']) {
        const { page, watch } = await open(path, hostile);
        await page.waitForLoadState('load');
        if (path.startsWith('index')) {
          // The checker answers with the overlay's rule: its texts are shown as they were written.
          await page.waitForSelector('#answer[data-verdict="prohibited"]');
          const answer = await page.locator('#answer').textContent();
          expect(answer).toContain('Never <img src=x onerror=window.__pwned=3> here.');
          expect(answer).toContain('Manual <script>window.__pwned=1</script>');
        }
        expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).__pwned), path).toBeUndefined();
        expect(watch, path).toEqual(CLEAN);
        await page.close();
      }
    });
  },
);
