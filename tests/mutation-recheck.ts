// Re-checks the mutants a StrykerJS report calls survived, one at a time, by hand: the mutant is
// written into the source file, the tests that import that file run in a fresh process, and the
// file is put back. Why: a mutant in a module-level constant (a word list, a pattern, a table built
// at load) is evaluated once when the module loads; Stryker's vitest runner switches mutants while
// the module stays loaded, so such a mutant can never take effect and is reported as survived even
// when the tests kill it. What survives this re-check survived for real.
//
//   npm run mutate:recheck -- reports/mutation/data.json [--file data/slug.ts] [--limit 50]
//
// The source tree is changed while it runs (one file at a time, restored in a finally block and on
// SIGINT): do not edit the project meanwhile. Prints one line per mutant and a summary per file, and
// writes the results beside the report (`<report>.recheck.json`).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './helpers.ts';

interface Position {
  line: number;
  column: number;
}
interface Mutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: Position; end: Position };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { file: { type: 'string' }, limit: { type: 'string' } } });
const reportPath = positionals[0];
if (!reportPath) {
  console.error('usage: npm run mutate:recheck -- <stryker json report> [--file <source file>] [--limit <n>]');
  process.exit(2);
}
const limit = values.limit === undefined ? Infinity : Number(values.limit);
if (!(limit > 0)) {
  console.error(`--limit must be a positive number, got ${values.limit}`);
  process.exit(2);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;

/** The source with the mutant's replacement written over its location (lines and columns 1-based, end exclusive). */
function applyMutant(source: string, mutant: Mutant): string {
  const lines = source.split('\n');
  const offset = (position: Position) => lines.slice(0, position.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + position.column - 1;
  return source.slice(0, offset(mutant.location.start)) + (mutant.replacement ?? '') + source.slice(offset(mutant.location.end));
}

let current: { path: string; original: string } | undefined;
const restore = () => {
  if (current) writeFileSync(current.path, current.original);
  current = undefined;
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    restore();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

/** The suites of the mutation config that import `file` themselves (what Stryker's per-test coverage would credit first). */
function importersOf(file: string): string[] {
  const base = file.replace(/\.ts$/, '');
  const suites = readdirSync(join(ROOT, 'tests'), { recursive: true, encoding: 'utf8' })
    .filter((name) => /^(classifier|crawler|data)\/.*\.test\.ts$/.test(name) || name === join('llm', 'llm.test.ts'))
    .map((name) => join('tests', name));
  return suites.filter((suite) => readFileSync(join(ROOT, suite), 'utf8').includes(`/${base}.ts'`));
}

const results: { file: string; id: string; mutator: string; line: number; replacement: string; killed: boolean }[] = [];
for (const [file, entry] of Object.entries(report.files)) {
  if (values.file && file !== values.file) continue;
  const survivors = entry.mutants.filter((mutant) => mutant.status === 'Survived').slice(0, limit);
  if (survivors.length === 0) continue;
  const path = join(ROOT, file);
  const original = readFileSync(path, 'utf8');
  if (original !== entry.source) {
    console.error(`${file}: changed since the report was written; run Stryker again first`);
    process.exitCode = 1;
    continue;
  }
  let killed = 0;
  const suites = importersOf(file);
  console.log(`${file}: ${survivors.length} reported survivors, re-run against ${suites.length ? suites.join(' ') : 'the suites related to it'}`);
  for (const mutant of survivors) {
    current = { path, original };
    try {
      writeFileSync(path, applyMutant(original, mutant));
      // the suites that import the file (else every suite that reaches it), as Stryker ran them, in a fresh process
      const run = spawnSync('npx', ['vitest', 'run', ...(suites.length ? suites : ['--related', file]), '--config', 'vitest.mutate.config.ts', '--reporter', 'dot'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
      const dead = run.status !== 0;
      if (dead) killed += 1;
      results.push({ file, id: mutant.id, mutator: mutant.mutatorName, line: mutant.location.start.line, replacement: (mutant.replacement ?? '').slice(0, 80), killed: dead });
      console.log(`${dead ? 'killed  ' : 'SURVIVED'} ${file}:${mutant.location.start.line} ${mutant.mutatorName} ${JSON.stringify((mutant.replacement ?? '').slice(0, 80))}`);
    } finally {
      restore();
    }
  }
  console.log(`${file}: ${killed} of ${survivors.length} reported survivors are killed when applied by hand`);
}
writeFileSync(`${reportPath}.recheck.json`, `${JSON.stringify(results, null, 2)}\n`);
