import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // the crawler spawns real servers; two cores are shared by every test file
    maxWorkers: 2,
    minWorkers: 1,
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
