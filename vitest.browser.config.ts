import { defineConfig } from 'vitest/config';

/**
 * The tests in a real browser (Debian's Chromium driven by playwright-core): `npm run test:browser`,
 * which `.ci/run` runs after `npm test`. One worker, since each test file drives its own browser
 * and two Chromiums on two cores only slow each other down.
 */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    maxWorkers: 1,
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
