import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/corpus/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    environment: 'node',
    mockReset: true,
    restoreMocks: true,
    // Browser suites launch Chromium once per file; corpus suites parse real pages.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
