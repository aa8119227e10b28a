// The suites mutation testing (`npm run mutate`) runs against: the classifier's, the crawler's and
// the data layer's own tests, which exercise that code in the test process. The site, browser and
// command-line suites are left out: they build pages or spawn the CLI, so they cannot see which
// mutant is active (a child process reports no coverage to Stryker) and would only slow every mutant.
import { relative } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import base from './vitest.config.ts';

// The longest time each test file has taken in this process (Stryker's runner keeps one Vitest for
// the whole run and asks the sequencer again for every mutant).
const longest = new Map<string, number>();

/**
 * Cheapest file first. Stryker stops a mutant's run at its first failing test, so a mutant that a
 * quick unit test kills should not first wait for a catalog-wide test (10 s and more) that kills it
 * too. Vitest's own order is the reverse: the file that failed last, then the longest.
 */
class CheapestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cost = (spec: TestSpecification): number => {
      const key = `${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`;
      const seen = this.ctx.cache.getFileTestResults(key)?.duration ?? 0;
      const most = Math.max(longest.get(key) ?? 0, seen);
      longest.set(key, most);
      return most;
    };
    const costs = new Map(files.map((spec) => [spec, cost(spec)]));
    return [...files].sort((a, b) => costs.get(a)! - costs.get(b)! || a.moduleId.localeCompare(b.moduleId));
  }
}

// MUTATE_QUICK=1 leaves out the suites that read the whole catalog or the tuning sets over and over: a
// survivor runs every suite that reaches it, and with them a mutant of the rules took minutes. Check what
// survives a quick run against those suites afterwards.
const SLOW_SUITES = ['tests/classifier/catalog.test.ts', 'tests/classifier/poisoning-layout.test.ts', 'tests/classifier/poisoning-speed.test.ts', 'tests/classifier/classify-cli.test.ts'];

/** The test files the mutation runs leave out, given the environment. */
export function leftOut(env: Record<string, string | undefined>): string[] {
  // (the sandbox suite runs the CLI under bubblewrap, and binds the project's node_modules: inside Stryker's copy, a link, it cannot)
  return [...configDefaults.exclude, 'tests/crawler/sandbox.test.ts', ...(env.MUTATE_QUICK ? SLOW_SUITES : [])];
}

export default defineConfig({
  test: {
    ...base.test,
    include: ['tests/classifier/**/*.test.ts', 'tests/crawler/**/*.test.ts', 'tests/data/**/*.test.ts', 'tests/llm/*.test.ts'],
    exclude: leftOut(process.env),
    reporters: ['default'],
    sequence: { sequencer: CheapestFirst },
  },
});
