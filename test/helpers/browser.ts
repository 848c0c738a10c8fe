import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

/**
 * Debian's Chromium (`apt-get install -y chromium`; `.ci/run` installs it), or the one
 * CHROMIUM_PATH names. playwright-core drives it; nothing here downloads a browser.
 */
export const CHROMIUM_PATH = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => path !== undefined && path !== '' && existsSync(path),
);

/** Why the browser tests skip here, or null when they run. In CI they never skip: a missing Chromium fails them. */
export const NO_BROWSER: string | null =
  CHROMIUM_PATH !== undefined || process.env.CI === 'true'
    ? null
    : 'no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH)';

/**
 * Headless Chromium with the flags this sandbox needs: no sandbox as root, and no background
 * networking, component updates or sync, which would reach for Google's hosts at every start.
 */
export function launchBrowser(): Promise<Browser> {
  if (CHROMIUM_PATH === undefined) throw new Error(`the browser tests need Chromium: ${NO_BROWSER ?? 'none found'}`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** What a page did that a test must see: console errors, uncaught exceptions, dialogs, requests outside `allowedPrefix`. */
export interface PageWatch {
  errors: string[];
  dialogs: string[];
  outside: string[];
}

/**
 * Records every console error, page error and dialog of `page`, and refuses (and records) every
 * request whose URL does not start with `allowedPrefix` (the site's folder as a file:// URL).
 */
export async function watchPage(page: Page, allowedPrefix: string): Promise<PageWatch> {
  const watch: PageWatch = { errors: [], dialogs: [], outside: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(String(error)));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(allowedPrefix) || url.startsWith('data:')) return route.continue();
    watch.outside.push(url);
    return route.abort();
  });
  return watch;
}
