// Mutation testing in pieces that survive a stop: each source file is cut at top-level declarations
// into ranges of about --lines lines, and StrykerJS runs one range at a time
// (`--mutate file:start-end`), writing reports/mutation/<file>@<start>-<end>.json. A range whose
// report exists, and whose lines read as they did when it was written, is skipped, so a run that is stopped picks up where it was on the next start, and a
// whole folder (thousands of mutants, many hours on two cores) can be done a piece at a time.
// Cutting at top-level declarations keeps every function inside one range: Stryker drops a mutant
// that does not lie wholly inside the range it is given. A function longer than twice --lines is cut
// between the statements of its body instead (tests/mutation-ranges.ts: only its body's `{}` is lost).
//
//   npm run mutate:chunks -- [files or folders…] [--lines 250] [--concurrency 1] [--dry]
//   npm run mutate:chunks -- --summary [--dir reports/mutation] [--kept docs/mutation/results]
//   npm run mutate:chunks -- --keep [--dir reports/mutation] [--kept docs/mutation/results]
//
// --summary reads every report in the folder (chunk reports and whole runs alike; a mutant seen in
// two reports counts once, its latest status winning) and prints the mutation score per file and
// per folder. A `<report>.recheck.json` beside a report (npm run mutate:recheck) overrides the
// status of the survivors (and, with --status Timeout, the timed-out mutants) it re-ran by hand.
//
// --keep writes every report of --dir, with its recheck, as a kept record in --kept (committed: Stryker's
// reports are not, and a score measured in one session must still count in the next; tests/mutation-kept.ts).
// The summary reads the kept records first and the reports after them (a report, newer, wins), and a range
// whose kept record still holds is not run again.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { ROOT } from './helpers.ts';
import { argsOrUsage, keptFrom, keptHolds, mutantWhere, readKept, serializeKept, type RecheckRow, type Report } from './mutation-kept.ts';
import { chunkName, rangeUnchanged, ranges, reportRange, withoutCovered } from './mutation-ranges.ts';

const DEFAULT_FILES = ['classifier', 'crawler', 'data'];
const USAGE = `usage:
  npm run mutate:chunks -- [files or folders…] [--lines 250] [--concurrency 1] [--dry]
  npm run mutate:chunks -- --summary [--dir reports/mutation] [--kept docs/mutation/results]
  npm run mutate:chunks -- --keep [--replace] [--dir reports/mutation] [--kept docs/mutation/results]`;
const { values, positionals } = argsOrUsage({
  allowPositionals: true,
  options: {
    lines: { type: 'string', default: '250' },
    concurrency: { type: 'string', default: '1' },
    dry: { type: 'boolean', default: false },
    summary: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    replace: { type: 'boolean', default: false },
    dir: { type: 'string', default: join('reports', 'mutation') },
    kept: { type: 'string', default: join('docs', 'mutation', 'results') },
  },
}, USAGE);

function positive(flag: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    console.error(`--${flag} must be a whole number of at least 1, got ${value}`);
    process.exit(2);
  }
  return number;
}

function sourceFiles(targets: string[]): string[] {
  return targets.flatMap((target) => {
    const path = join(ROOT, target);
    if (!existsSync(path)) {
      console.error(`${target}: no such file or folder`);
      process.exit(2);
    }
    if (statSync(path).isFile()) return [target];
    return readdirSync(path, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
      .map((name) => join(target, name))
      .sort();
  });
}


/** The Stryker reports of `dir` (none when it is not there), oldest first. */
function reportsIn(dir: string) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.endsWith('.recheck.json'))
    .map((name) => ({ name, path: join(dir, name), time: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => a.time - b.time);
}

/** A report and its recheck rows, or undefined (with a message) when it is not a Stryker JSON report. */
function readReport(report: { name: string; path: string }): { files: Report['files']; rechecks: RecheckRow[] } | undefined {
  try {
    const { files } = (JSON.parse(readFileSync(report.path, 'utf8')) ?? {}) as Report;
    if (!files || typeof files !== 'object') throw new Error('no "files" map');
    const rechecks = existsSync(`${report.path}.recheck.json`) ? (JSON.parse(readFileSync(`${report.path}.recheck.json`, 'utf8')) as RecheckRow[]) : [];
    return { files, rechecks };
  } catch (error) {
    console.error(`${report.name}: not a Stryker JSON report (${(error as Error).message}); skipped`);
    return undefined;
  }
}

const current = (file: string) => (existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file), 'utf8') : undefined);

/** Kept records of --kept, or exit 1 naming the file that is not one. */
function keptRecords(keptDir: string) {
  try {
    return readKept(keptDir);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

function summary(dir: string, keptDir: string): void {
  const reports = reportsIn(dir);
  const kept = keptRecords(keptDir);
  if (reports.length === 0 && kept.length === 0) {
    const where = existsSync(dir) ? `${dir}: no Stryker reports` : `${dir}: no such folder (Stryker writes its reports there: name another with --dir)`;
    console.error(`${where}, and no kept records in ${keptDir}: run npm run mutate:chunks first`);
    process.exit(1);
  }
  // file -> mutant key -> status (kept records first, then the reports, later ones winning)
  const status = new Map<string, Map<string, string>>();
  const stale = new Set<string>();
  const statuses = (file: string) => {
    const byKey = status.get(file) ?? new Map<string, string>();
    status.set(file, byKey);
    return byKey;
  };
  // (the later measurement wins: a range run again, or a file a wider run measured too; by the second since
  // records say when, and by name between records that say only the same day)
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (const { name, record } of [...kept].sort((a, b) => order(a.record.measured, b.record.measured) || order(a.name, b.name))) {
    for (const [file, entry] of Object.entries(record.files)) {
      if (!keptHolds(entry, current(file))) {
        stale.add(`${name} (${file}, kept)`);
        continue;
      }
      const byKey = statuses(file);
      for (const [where, mutator, replacement, state] of entry.mutants) byKey.set(`${where} ${mutator} ${replacement}`, state);
    }
  }
  for (const report of reports) {
    const read = readReport(report);
    if (!read) continue;
    // file#id -> the status found by hand (older recheck files only say whether it was killed)
    const rechecked = new Map(read.rechecks.map((row) => [`${row.file}#${row.id}`, row.status ?? (row.killed ? 'Killed' : undefined)]));
    for (const [file, entry] of Object.entries(read.files)) {
      // (a report of an older version of the file counts only if the lines it speaks for are today's)
      const range = reportRange(report.name, file, entry.mutants.map((mutant) => mutant.location.start.line));
      if (!rangeUnchanged(entry.source, current(file), range)) {
        stale.add(`${report.name} (${file})`);
        continue;
      }
      const byKey = statuses(file);
      for (const mutant of entry.mutants) {
        const key = `${mutantWhere(mutant)} ${mutant.mutatorName} ${mutant.replacement ?? ''}`;
        byKey.set(key, rechecked.get(`${file}#${mutant.id}`) ?? mutant.status);
      }
    }
  }
  const tally = () => ({ killed: 0, survived: 0, noCoverage: 0, timeout: 0, other: 0 });
  const add = (into: ReturnType<typeof tally>, state: string) => {
    if (state === 'Killed') into.killed += 1;
    else if (state === 'Survived') into.survived += 1;
    else if (state === 'NoCoverage') into.noCoverage += 1;
    else if (state === 'Timeout') into.timeout += 1;
    else into.other += 1;
  };
  // Stryker's score: detected (killed + timed out) over valid (detected + survived + no coverage)
  const score = (t: ReturnType<typeof tally>) => {
    const valid = t.killed + t.timeout + t.survived + t.noCoverage;
    return valid === 0 ? '-' : `${(((t.killed + t.timeout) / valid) * 100).toFixed(1)}%`;
  };
  const row = (name: string, t: ReturnType<typeof tally>) =>
    `| ${name} | ${t.killed + t.timeout + t.survived + t.noCoverage} | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.noCoverage} | ${score(t)} |`;
  const folders = new Map<string, ReturnType<typeof tally>>();
  const lines = ['| file | mutants | killed | timed out | survived | no coverage | score |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const file of [...status.keys()].sort()) {
    const t = tally();
    for (const state of status.get(file)!.values()) add(t, state);
    const folder = file.split('/')[0]!;
    const f = folders.get(folder) ?? tally();
    for (const state of status.get(file)!.values()) add(f, state);
    folders.set(folder, f);
    lines.push(row(file, t));
  }
  lines.push(...[...folders].sort().map(([folder, t]) => row(`**${folder}/**`, t)));
  console.log(`${reports.length} reports in ${relative(ROOT, dir) || dir}, ${kept.length} kept records in ${relative(ROOT, keptDir) || keptDir}`);
  if (stale.size) console.log(`left out, written for another version of the file: ${[...stale].join(', ')}`);
  console.log('');
  console.log(lines.join('\n'));
}

/** Writes every report of `dir` (with its recheck) as a kept record in `keptDir`; a record already there for the same report is replaced. */
function keep(dir: string, keptDir: string): void {
  const reports = reportsIn(dir);
  if (reports.length === 0) {
    console.error(`${dir}: ${existsSync(dir) ? 'no Stryker reports' : 'no such folder'}: nothing to keep (run npm run mutate:chunks first)`);
    process.exit(1);
  }
  mkdirSync(keptDir, { recursive: true });
  // (the records there now, read once: a report is compared with the record of its own name)
  const keptNow = new Map(keptRecords(keptDir).map(({ name, record }) => [name, record]));
  let written = 0;
  for (const report of reports) {
    const read = readReport(report);
    if (!read) continue;
    // (a report of lines that have changed since is no measurement of today's code)
    const changed = Object.entries(read.files).filter(([file, entry]) => !rangeUnchanged(entry.source, current(file), reportRange(report.name, file, entry.mutants.map((mutant) => mutant.location.start.line))));
    if (changed.length) {
      console.error(`${report.name}: not kept, the lines it speaks for have changed since (${changed.map(([file]) => file).join(', ')})`);
      continue;
    }
    const record = keptFrom(report.name, { files: read.files }, read.rechecks, new Date(report.time).toISOString().slice(0, 19) + 'Z');
    // a record of the same lines with other statuses (often the statuses a re-check found by hand, in a folder whose
    // report has no recheck beside it) is kept unless --replace says the report is the newer measurement
    const target = join(keptDir, report.name);
    const before = keptNow.get(report.name);
    const holds = before !== undefined && Object.entries(before.files).every(([file, entry]) => keptHolds(entry, current(file)));
    if (holds && !values.replace && JSON.stringify(before.files) !== JSON.stringify(record.files)) {
      console.error(`${report.name}: not kept, ${relative(ROOT, target)} holds for the same lines with other statuses (perhaps found by a re-check this folder does not have); --replace to replace it`);
      continue;
    }
    writeFileSync(target, serializeKept(record));
    written += 1;
    const count = Object.values(record.files).reduce((sum, entry) => sum + entry.mutants.length, 0);
    console.log(`${report.name}: kept (${count} mutants) in ${relative(ROOT, join(keptDir, report.name))}`);
  }
  console.log(`${written} of ${reports.length} reports kept`);
  if (written < reports.length) process.exitCode = 1;
}

if (values.summary) {
  summary(resolve(ROOT, values.dir!), resolve(ROOT, values.kept!));
} else if (values.keep) {
  keep(resolve(ROOT, values.dir!), resolve(ROOT, values.kept!));
} else {
  const size = positive('lines', values.lines!);
  const concurrency = positive('concurrency', values.concurrency!);
  const files = sourceFiles(positionals.length ? positionals : DEFAULT_FILES);
  const keptList = keptRecords(resolve(ROOT, values.kept!));
  // (lines a kept record of one file's chunk still holds are left out of the cut, whatever --lines it was measured with;
  // a record of small files run together speaks for the lines its mutants span, and counts only for a run of the same name)
  const coveredIn = (file: string) =>
    keptList.flatMap(({ name, record }) => {
      const entry = record.files[file];
      return entry && name === `${chunkName(file, entry.range)}.json` && keptHolds(entry, current(file)) ? [entry.range] : [];
    });
  let keptWhole = 0;
  const pieces = files.flatMap((file) => {
    const covered = coveredIn(file);
    return ranges(readFileSync(join(ROOT, file), 'utf8'), size).flatMap((range) => {
      const left = withoutCovered(range, covered);
      if (left.length === 0) keptWhole += 1;
      return left.map((piece) => ({ file, range: piece }));
    });
  });
  // small files share a run (one dry run of the suites each run costs a minute or two)
  const plan: { specs: string[]; name: string }[] = [];
  let lines = Infinity;
  for (const { file, range } of pieces) {
    const length = range[1] - range[0] + 1;
    const spec = `${file}:${range[0]}-${range[1]}`;
    const open = plan.at(-1);
    if (open && lines + length <= size) {
      open.specs.push(spec);
      open.name = `${open.name.replace(/\+\d+$/, '')}+${open.specs.length - 1}`;
      lines += length;
    } else {
      plan.push({ specs: [spec], name: chunkName(file, range) });
      lines = length;
    }
  }
  // a run is done when its report exists and every range it covers reads as it did then; a report
  // whose range has changed since moves to <dir>/stale/ (with its recheck) and the range runs again
  const dir = resolve(ROOT, values.dir!);
  const kept = new Map(keptList.map(({ name, record }) => [name, record]));
  const done = ({ specs, name }: { specs: string[]; name: string }) => {
    // a kept record of the same lines (an earlier session's run) is as good as a report
    const record = kept.get(`${name}.json`);
    if (record && specs.every((spec) => {
      const file = /^(.*):\d+-\d+$/.exec(spec)![1]!;
      return record.files[file] !== undefined && keptHolds(record.files[file], current(file));
    })) return true;
    const path = join(dir, `${name}.json`);
    if (!existsSync(path)) return false;
    const files = (JSON.parse(readFileSync(path, 'utf8')) as { files: Record<string, { source: string }> }).files;
    const unchanged = specs.every((spec) => {
      const [, file, start, end] = /^(.*):(\d+)-(\d+)$/.exec(spec)!;
      const then = files[file!]?.source;
      return then !== undefined && rangeUnchanged(then, readFileSync(join(ROOT, file!), 'utf8'), [Number(start), Number(end)]);
    });
    if (!unchanged) {
      mkdirSync(join(dir, 'stale'), { recursive: true });
      for (const old of [path, `${path}.recheck.json`]) if (existsSync(old)) renameSync(old, join(dir, 'stale', basename(old)));
      console.log(`${name}: its lines have changed since its report; moved to ${relative(ROOT, join(dir, 'stale')) || 'stale'}/, it runs again`);
    }
    return unchanged;
  };
  const todo = plan.filter((run) => !done(run));
  console.log(`${plan.length + keptWhole} runs over ${files.length} files; ${plan.length - todo.length + keptWhole} done before, ${todo.length} to run`);
  for (const [i, { specs, name }] of todo.entries()) {
    const started = Date.now();
    console.log(`[${i + 1}/${todo.length}] ${specs.join(',')} (${name})`);
    if (values.dry) continue;
    const run = spawnSync('npx', ['stryker', 'run', '--mutate', specs.join(','), '--concurrency', String(concurrency), '--reporters', 'json,progress-append-only'], {
      cwd: ROOT,
      env: { ...process.env, MUTATE_NAME: name },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const minutes = ((Date.now() - started) / 60_000).toFixed(1);
    if (run.status !== 0) console.error(`${name}: Stryker exited ${run.status ?? run.signal} after ${minutes} min; its range stays to do`);
    else console.log(`${name}: done in ${minutes} min`);
  }
}
