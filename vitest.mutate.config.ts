// The suites mutation testing (`npm run mutate`) runs against: the classifier's, the crawler's and
// the data layer's own tests, which exercise that code in the test process. The site, browser and
// command-line suites are left out: they build pages or spawn the CLI, so they cannot see which
// mutant is active (a child process reports no coverage to Stryker) and would only slow every mutant.
import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default defineConfig({
  test: {
    ...base.test,
    include: ['tests/classifier/**/*.test.ts', 'tests/crawler/**/*.test.ts', 'tests/data/**/*.test.ts', 'tests/llm/llm.test.ts'],
    // (the sandbox suite runs the CLI under bubblewrap, and binds the project's node_modules: inside Stryker's copy, a link, it cannot)
    exclude: [...configDefaults.exclude, 'tests/crawler/sandbox.test.ts'],
    reporters: ['default'],
  },
});
