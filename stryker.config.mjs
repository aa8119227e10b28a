// Mutation testing (`npm run mutate`, outside CI's time budget): StrykerJS plants small bugs in the
// classifier, the crawler and the data layer and reports which ones the tests fail to notice.
// `npm run mutate -- --mutate 'classifier/**/*.ts'` runs one folder. Reports: reports/mutation/.
// MUTATE_NAME names a run's reports and its temp folder, so two runs over different files can go side by side.
const name = process.env.MUTATE_NAME ?? 'mutation';
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['classifier/**/*.ts', 'crawler/**/*.ts', 'data/**/*.ts'],
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  // two cores, shared with the servers the tests spawn
  concurrency: 2,
  // a mutant is stopped at twice its tests' time plus two minutes: on this shared machine a minute on
  // top let load alone stop mutants that only slow the tests (11 in one range beside a full npm test),
  // and Stryker counts a stopped mutant as detected
  timeoutFactor: 2,
  timeoutMS: 120_000,
  // constants built once at load (word lists, patterns) would need every test per mutant
  ignoreStatic: true,
  tempDirName: name === 'mutation' ? '.stryker-tmp' : `.stryker-tmp-${name}`,
  cleanTempDir: 'always',
  // another run's sandbox is not part of the project
  ignorePatterns: ['/.stryker-tmp*'],
};
