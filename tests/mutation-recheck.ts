// Re-checks the mutants a StrykerJS report calls survived, one at a time, by hand: the mutant is
// written into the source file, the tests that import that file run in a fresh process, and the
// file is put back. Why: a mutant in a module-level constant (a word list, a pattern, a table built
// at load) is evaluated once when the module loads; Stryker's vitest runner switches mutants while
// the module stays loaded, so such a mutant can never take effect and is reported as survived even
// when the tests kill it. What survives this re-check survived for real.
// --status Timeout (or Survived,Timeout) re-runs the mutants Stryker stopped at its time limit: on a
// loaded machine a mutant that only slows the tests down is stopped there and counted as detected;
// re-run alone, with --time-limit seconds (default 600), it is killed, survives, or stays a timeout
// (a real endless loop). --status NoCoverage re-runs the mutants no test reached, against tests written since.
//
//   npm run mutate:recheck -- reports/mutation/data.json [--file data/slug.ts] [--limit 50] [--status Survived,Timeout] [--time-limit 600]
//                                                        [--against tests/x.test.ts,tests/y.test.ts]
//
// The source tree is changed while it runs (one file at a time, restored in a finally block and on
// SIGINT): do not edit the project meanwhile. Prints one line per mutant and a summary per file, and
// writes the results beside the report (`<report>.recheck.json`).
//
// REPORT may also be a kept record (docs/mutation/results/…, written by `mutate:chunks -- --keep`): Stryker's reports
// are lost with the machine, and a record holds what a re-check needs. Its files must read as they did when it was
// measured (a file changed since is named and left out), and the statuses found by hand are written into the record
// itself after each mutant (its rows, for --resume, go to reports/mutation/<record>.recheck.json).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { argsOrUsage, KeptRecord, recheckOutcome, reportFromKept, serializeKept, withKeptStatus, workerSilent, type Outcome } from './mutation-kept.ts';
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

const USAGE = `usage:
  npm run mutate:recheck -- REPORT [--file data/slug.ts] [--limit 50] [--status Survived,NoCoverage,Timeout] [--time-limit 600]
                                   [--against tests/x.test.ts,tests/y.test.ts] [--resume]`;
const { values, positionals } = argsOrUsage({ allowPositionals: true, options: { file: { type: 'string' }, limit: { type: 'string' }, status: { type: 'string', default: 'Survived' }, 'time-limit': { type: 'string', default: '600' }, against: { type: 'string' }, resume: { type: 'boolean', default: false } } }, USAGE);
const reportPath = positionals[0];
if (!reportPath) {
  console.error(`a Stryker JSON report to re-check is needed\n\n${USAGE}`);
  process.exit(2);
}
const limit = values.limit === undefined ? Infinity : Number(values.limit);
if (!(limit > 0)) {
  console.error(`--limit must be a positive number, got ${values.limit}`);
  process.exit(2);
}
const timeLimit = Number(values['time-limit']);
if (!Number.isInteger(timeLimit) || timeLimit < 1) {
  console.error(`--time-limit must be a whole number of seconds, at least 1, got ${values['time-limit']}`);
  process.exit(2);
}
const rechecked = new Set(values.status.split(','));
for (const status of rechecked) {
  if (status !== 'Survived' && status !== 'Timeout' && status !== 'NoCoverage') {
    console.error(`--status takes Survived, Timeout, NoCoverage or several (comma-separated), got ${status}`);
    process.exit(2);
  }
}
// --against a.test.ts,b.test.ts: only these suites (tests written since the run: a mutant that every suite of the run let
// live and one of these kills is killed; one they do not kill keeps the status the run gave it)
const chosen = values.against?.split(',').filter(Boolean);
for (const suite of chosen ?? []) {
  if (!existsSync(join(ROOT, suite))) {
    console.error(`--against: ${suite}: no such test file`);
    process.exit(2);
  }
}
const read = JSON.parse(readFileSync(reportPath, 'utf8')) as unknown;
// a kept record (it has a "report" name and hashed ranges, where a Stryker report has sources)
const keptParse = KeptRecord.safeParse(read);
let kept = keptParse.success ? keptParse.data : undefined;
let report = read as Report;
if (kept) {
  const { report: fromKept, stale } = reportFromKept(kept, (file) => (existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file), 'utf8') : undefined));
  for (const file of stale) {
    console.error(`${reportPath}: ${file} has changed since the record was measured (the lines it speaks for read otherwise); run Stryker again on it (npm run mutate:chunks -- ${file})`);
    process.exitCode = 1;
  }
  report = fromKept;
}

/** The source with the mutant's replacement written over its location (lines and columns 1-based, end exclusive). */
function applyMutant(source: string, mutant: Mutant): string {
  const lines = source.split('\n');
  const offset = (position: Position) => lines.slice(0, position.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + position.column - 1;
  // Stryker mutates the syntax tree: its replacement text is one node, so an expression goes in
  // parenthesized (`a && b || c` pasted for `b` would bind as `(a && b) || c`); a block or a switch
  // case (an emptied case) is not an expression
  const replacement = mutant.replacement ?? '';
  const statement = mutant.mutatorName === 'BlockStatement' || replacement === '' || /^(case\b|default\s*:)/.test(replacement);
  const node = statement ? replacement : `(${replacement})`;
  return source.slice(0, offset(mutant.location.start)) + node + source.slice(offset(mutant.location.end));
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
    .filter((name) => /^(classifier|crawler|data)\/.*\.test\.ts$/.test(name) || /^llm\/[^/]*\.test\.ts$/.test(name))
    .map((name) => join('tests', name));
  return suites.filter((suite) => readFileSync(join(ROOT, suite), 'utf8').includes(`/${base}.ts'`));
}

type Row = { file: string; id: string; mutator: string; line: number; replacement: string; was: string; status: Outcome; killed: boolean };
// (a kept record's rows go beside Stryker's reports, not into the folder of records)
const resultsPath = kept ? join(ROOT, 'reports', 'mutation', `${basename(reportPath)}.recheck.json`) : `${reportPath}.recheck.json`;
mkdirSync(dirname(resultsPath), { recursive: true });
// --resume: the rows an earlier re-check of this report wrote are kept, and their mutants not run again (a long re-check
// stopped part way, by a session's end, goes on where it stopped: the rows are written after every mutant)
const results: Row[] = values.resume && existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as Row[]) : [];
const done = new Set(results.map((row) => `${row.file}\u0000${row.id}`));
if (values.resume) console.log(`--resume: ${results.length} mutants re-checked before are kept (${resultsPath})`);
const writeResults = () => writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
for (const [file, entry] of Object.entries(report.files)) {
  if (values.file && file !== values.file) continue;
  const survivors = entry.mutants.filter((mutant) => rechecked.has(mutant.status) && !done.has(`${file}\u0000${mutant.id}`)).slice(0, limit);
  if (survivors.length === 0) continue;
  const path = join(ROOT, file);
  const original = readFileSync(path, 'utf8');
  if (original !== entry.source) {
    // (a re-check killed outright, by a session's end, cannot put the file back: the file then holds one of the
    // report's own mutants, and what to do is restore it, not measure again)
    const left = entry.mutants.find((mutant) => applyMutant(entry.source, mutant) === original);
    if (left) console.error(`${file}: holds the mutant at line ${left.location.start.line}:${left.location.start.column} (${left.mutatorName}), left by a re-check that was stopped before it could put the file back; restore the file (git checkout -- ${file}) and run again`);
    else console.error(`${file}: changed since the report was written; run Stryker again first`);
    process.exitCode = 1;
    continue;
  }
  let killed = 0;
  const suites = chosen ?? importersOf(file);
  // A survivor is re-run against the suites that import the file (killed there, it is killed); a
  // timed-out mutant against every suite that reaches the file, as Stryker ran it (it may only have
  // been stopped on its way to the suite that kills it).
  // (a mutant no test reached when Stryker ran, NoCoverage, is re-run like a survivor: tests written since may reach it)
  const against = (mutant: Mutant) => (mutant.status !== 'Timeout' && suites.length ? ['run', ...suites] : ['related', file, '--run']);
  console.log(`${file}: ${survivors.length} mutants reported ${[...rechecked].join(' or ')}, re-run against ${suites.length ? suites.join(' ') : 'the suites related to it'}${rechecked.has('Timeout') ? ' (timeouts: every suite related to it)' : ''}`);
  for (const mutant of survivors) {
    current = { path, original };
    try {
      writeFileSync(path, applyMutant(original, mutant));
      // the suites that import the file (else every suite that reaches it), as Stryker ran them, in a
      // fresh process; coreutils' timeout stops the whole process group (vitest's workers too) at the limit
      const runOnce = () => spawnSync('timeout', ['-k', '10', String(timeLimit), 'npx', 'vitest', ...against(mutant), '--config', 'vitest.mutate.config.ts', '--reporter', 'dot'], { cwd: ROOT, encoding: 'utf8' });
      let run = runOnce();
      let output = `${run.stdout}${run.stderr}`;
      // (a worker Vitest gave up on may only have waited for a busy machine: once more, and a timeout if it happens again)
      if (workerSilent(run.status, output)) {
        console.log(`(a test worker was silent for a minute under the mutant at ${file}:${mutant.location.start.line}:${mutant.location.start.column}: running it once more)`);
        run = runOnce();
        output = `${run.stdout}${run.stderr}`;
      }
      const status = recheckOutcome(run.status, output);
      if (!status) throw new Error(`vitest exited ${run.status} without a failing test for the mutant at ${file}:${mutant.location.start.line}:${mutant.location.start.column}:\n${output.slice(-2000)}`);
      if (status !== 'Survived') killed += 1;
      results.push({ file, id: mutant.id, mutator: mutant.mutatorName, line: mutant.location.start.line, replacement: (mutant.replacement ?? '').slice(0, 80), was: mutant.status, status, killed: status === 'Killed' });
      writeResults();
      if (kept) {
        kept = withKeptStatus(kept, file, mutant.id, status);
        writeFileSync(reportPath, serializeKept(kept));
      }
      console.log(`${status === 'Killed' ? 'killed  ' : status === 'Timeout' ? 'TIMEOUT ' : 'SURVIVED'} ${file}:${mutant.location.start.line} ${mutant.mutatorName} ${JSON.stringify((mutant.replacement ?? '').slice(0, 80))} (was ${mutant.status})`);
    } finally {
      restore();
    }
  }
  console.log(`${file}: ${killed} of ${survivors.length} re-run mutants are detected (killed or stopped at ${timeLimit} s) when applied by hand`);
}
writeResults();
