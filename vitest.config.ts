import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The real-browser tests have their own run (`npm run test:browser`, vitest.browser.config.ts):
    // each page load in Chromium costs about a tenth of a second, which this suite cannot afford.
    exclude: ['test/browser/**', '**/node_modules/**'],
    // Builds dist/ when it is missing or older than src/ or rules/: the bin tests and the in-process
    // runs (which answer from dist/rules.snapshot.json) never see a stale build.
    globalSetup: ['test/global-setup.ts'],
    // Vitest's default is one worker fewer than the cores: on a 2-core machine, one. Use them all.
    maxWorkers: '100%',
    // Each worker imports src/ once instead of once per test file (about half the suite's time on
    // two cores). Safe because no test mocks modules or changes module state; the suite also passes
    // with `npx vitest run --isolate`.
    isolate: false,
    testTimeout: 20_000,
  },
});
