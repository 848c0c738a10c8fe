import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, NO_BROWSER, watchPage } from '../helpers/browser.js';
import { runMain } from '../helpers/memory-io.js';

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '"><svg onload="window.__pwned=3">',
  'javascript:window.__pwned=4',
];

describe.skipIf(NO_BROWSER !== null)(
  `the audit HTML report in Chromium${NO_BROWSER ? ` (skipped: ${NO_BROWSER})` : ''}`,
  () => {
    let browser: Browser;
    const dir = mkdtempSync(join(tmpdir(), 'ma-check-browser-audit-'));
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('hostile staff names and ids stay text: no script runs, no request leaves the file', async () => {
      const rows = HOSTILE.map(
        (name, i) =>
          `"${`X-${i}${name}`.replace(/"/g, '""')}","${name.replace(/"/g, '""')}",AK,CMA,,direct,physician,,filing;im-injection`,
      );
      const roster = join(dir, 'hostile.csv');
      writeFileSync(
        roster,
        `staff_id,name,state,credentials,trainings,supervision,delegator,setting,tasks\n${rows.join('\n')}\n`,
      );
      const { code, stdout } = await runMain(['audit', roster, '--format', 'html', '--as-of', '2026-11-25']);
      expect(code).toBeLessThan(64); // an answer, whatever the verdicts: not a usage or input error
      const report = join(dir, 'report.html');
      writeFileSync(report, stdout);

      const page = await browser.newPage();
      const watch = await watchPage(page, pathToFileURL(dir).href);
      await page.goto(pathToFileURL(report).href);
      await page.waitForLoadState('load');
      expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(watch.dialogs).toEqual([]);
      expect(watch.errors).toEqual([]);
      expect(watch.outside).toEqual([]);
      const text = await page.locator('body').textContent();
      for (const name of HOSTILE) expect(text).toContain(name);
      expect(await page.locator('img, svg[onload], script').count()).toBe(0);
      await page.close();
    });
  },
);
