import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Three projects: Node suites (unit, corpus, and build: what the built extension ships) first, two files at a time; then the real-browser suites one
// file at a time, each launching its own Chromium, then Firefox's the same way. On a 2-core machine two browsers plus Node workers
// starve each other and turn timing-sensitive checks flaky; running the browsers alone keeps them stable.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    mockReset: true,
    restoreMocks: true,
    // Browser suites launch Chromium once per file; corpus suites parse real pages.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/corpus/**/*.test.ts', 'tests/build/**/*.test.ts'],
          sequence: { groupOrder: 0 },
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          sequence: { groupOrder: 1 },
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // Real Firefox (tests/support/firefox.ts), after the Chromium suites and alone for the same reason.
          name: 'firefox',
          include: ['tests/firefox/**/*.test.ts'],
          sequence: { groupOrder: 2 },
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
