// What a mutation run found, kept in the repository (docs/mutation/results/), so that a score measured in
// one session still counts in the next. Stryker's own reports (reports/mutation/, not committed) hold the
// whole source of every file they cover and are lost with the machine; a kept record holds, per file, the
// lines it speaks for, a hash of those lines as they read when it was measured, and one line per mutant
// (where, which mutator, what replacement, what status, with the statuses found by `mutate:recheck` in
// place of Stryker's). A record counts only while the lines it speaks for read as they did.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { reportRange } from './mutation-ranges.ts';

export interface ReportMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
export interface Report {
  files: Record<string, { source: string; mutants: ReportMutant[] }>;
}
export interface RecheckRow {
  file: string;
  id: string;
  killed: boolean;
  status?: string;
}

const Status = z.enum(['Killed', 'Survived', 'NoCoverage', 'Timeout', 'CompileError', 'RuntimeError', 'Ignored', 'Pending']);
const KeptFile = z.strictObject({
  range: z.tuple([z.number().int().positive(), z.number().int().nonnegative()]),
  lines: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  // [where "line:column-line:column", mutator, replacement, status]
  mutants: z.array(z.tuple([z.string().regex(/^\d+:\d+-\d+:\d+$/), z.string().min(1), z.string(), Status])),
});
export const KeptRecord = z.strictObject({
  report: z.string().min(1),
  // (when the report was written, to the second; older records say only the day, and count as its start)
  measured: z.string().regex(/^\d{4}-\d\d-\d\d(?:T\d\d:\d\d:\d\dZ)?$/),
  files: z.record(z.string().min(1), KeptFile),
});
export type KeptRecord = z.infer<typeof KeptRecord>;

/** A hash of lines start..end (1-based, inclusive) of `source`, or undefined when the file is shorter. */
export function linesHash(source: string, [start, end]: readonly [number, number]): string | undefined {
  const lines = source.split('\n');
  if (end > lines.length) return undefined;
  return `sha256:${createHash('sha256').update(lines.slice(start - 1, end).join('\n')).digest('hex')}`;
}

/** Where a mutant stands, as a kept record writes it ("line:column-line:column"); the summary keys reports and records alike by it. */
export function mutantWhere({ location: { start, end } }: Pick<ReportMutant, 'location'>): string {
  return `${start.line}:${start.column}-${end.line}:${end.column}`;
}

/** The kept form of a Stryker report (`name` is its file name), with the statuses of its recheck rows in place of Stryker's. */
export function keptFrom(name: string, report: Report, rechecks: readonly RecheckRow[], measured: string): KeptRecord {
  const byHand = new Map(rechecks.map((row) => [`${row.file}#${row.id}`, row.status ?? (row.killed ? 'Killed' : undefined)]));
  const files: KeptRecord['files'] = {};
  for (const file of Object.keys(report.files).sort()) {
    const { source, mutants } = report.files[file]!;
    const range = reportRange(name, file, mutants.map((mutant) => mutant.location.start.line));
    const lines = linesHash(source, range);
    if (!lines) throw new Error(`${name}: ${file} has fewer lines than the range ${range.join('-')} it speaks for`);
    const rows = mutants.map((mutant) => {
      return [mutantWhere(mutant), mutant.mutatorName, mutant.replacement ?? '', Status.parse(byHand.get(`${file}#${mutant.id}`) ?? mutant.status)] as [string, string, string, z.infer<typeof Status>];
    });
    // (in source order, so that two runs of the same lines give the same bytes)
    rows.sort((a, b) => compareWhere(a[0], b[0]) || a[1].localeCompare(b[1]) || a[2].localeCompare(b[2]));
    files[file] = { range, lines, mutants: rows };
  }
  return KeptRecord.parse({ report: name, measured, files });
}

function compareWhere(a: string, b: string): number {
  const [x, y] = [a, b].map((where) => where.split(/[:-]/).map(Number));
  for (let i = 0; i < 4; i++) if (x![i] !== y![i]) return x![i]! - y![i]!;
  return 0;
}

/** A kept record as text: fixed key order, one mutant a line, a trailing newline (clean diffs, the same bytes for the same record). */
export function serializeKept(record: KeptRecord): string {
  const out = ['{', `  "report": ${JSON.stringify(record.report)},`, `  "measured": ${JSON.stringify(record.measured)},`, '  "files": {'];
  const files = Object.keys(record.files).sort();
  files.forEach((file, i) => {
    const entry = record.files[file]!;
    out.push(`    ${JSON.stringify(file)}: {`, `      "range": ${JSON.stringify(entry.range)},`, `      "lines": ${JSON.stringify(entry.lines)},`, '      "mutants": [');
    entry.mutants.forEach((row, j) => out.push(`        ${JSON.stringify(row)}${j < entry.mutants.length - 1 ? ',' : ''}`));
    out.push('      ]', `    }${i < files.length - 1 ? ',' : ''}`);
  });
  out.push('  }', '}', '');
  return out.join('\n');
}

/** Every kept record in `dir` (none when it is not there); a file that is not one is named in the error. */
export function readKept(dir: string): { name: string; record: KeptRecord }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      let value: unknown;
      try {
        value = JSON.parse(readFileSync(path, 'utf8'));
      } catch (error) {
        throw new Error(`${path}: not JSON (${(error as Error).message})`);
      }
      const parsed = KeptRecord.safeParse(value);
      if (!parsed.success) throw new Error(`${path}: not a kept mutation record (${parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`).join('; ')})`);
      return { name, record: parsed.data };
    });
}

/**
 * A kept record as a Stryker report over the files as they read now (a re-check on a machine that no longer has the
 * report: the record holds what a re-check needs, where, which mutator, what replacement, what status). A mutant's id is
 * its key in the record (where, mutator, replacement). The files whose lines have changed since are left out and named
 * in `stale`: a re-check of them would measure other code.
 */
export function reportFromKept(record: KeptRecord, now: (file: string) => string | undefined): { report: Report; stale: string[] } {
  const report: Report = { files: {} };
  const stale: string[] = [];
  for (const [file, entry] of Object.entries(record.files)) {
    const source = now(file);
    if (source === undefined || !keptHolds(entry, source)) {
      stale.push(file);
      continue;
    }
    const mutants = entry.mutants.map(([where, mutatorName, replacement, status]) => {
      const [startLine, startColumn, endLine, endColumn] = where.split(/[:-]/).map(Number) as [number, number, number, number];
      return { id: keptKey(where, mutatorName, replacement), mutatorName, replacement, status, location: { start: { line: startLine, column: startColumn }, end: { line: endLine, column: endColumn } } };
    });
    report.files[file] = { source, mutants };
  }
  return { report, stale };
}

/** A mutant's key in a kept record (where, mutator, replacement: unique within a file). */
export const keptKey = (where: string, mutator: string, replacement: string): string => `${where} ${mutator} ${replacement}`;

/** `record` with the status of the mutant `key` of `file` (a keptKey) set to `status`; the record itself is not changed. */
export function withKeptStatus(record: KeptRecord, file: string, key: string, status: z.infer<typeof Status>): KeptRecord {
  const entry = record.files[file];
  if (!entry) throw new Error(`${record.report}: no file ${file}`);
  let found = false;
  const mutants = entry.mutants.map((row) => {
    if (keptKey(row[0], row[1], row[2]) !== key) return row;
    found = true;
    return [row[0], row[1], row[2], status] as typeof row;
  });
  if (!found) throw new Error(`${record.report}: no mutant ${key} in ${file}`);
  return { ...record, files: { ...record.files, [file]: { ...entry, mutants } } };
}

/** Whether a kept file entry still speaks for `now` (the file as it reads today). */
export function keptHolds(entry: KeptRecord['files'][string], now: string | undefined): boolean {
  return now !== undefined && linesHash(now, entry.range) === entry.lines;
}

/**
 * The command line of a mutation tool, or exit 2 with what is wrong and its usage: Node's parseArgs
 * throws a TypeError (a stack trace) at an unknown flag or a flag without its value.
 */
export function argsOrUsage<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs(config);
  } catch (error) {
    console.error(`${(error as Error).message.split('. ')[0]}\n\n${usage}`);
    process.exit(2);
  }
}

export type Outcome = 'Killed' | 'Survived' | 'Timeout';

/** What a test process prints when V8 stops it (a fatal error, the heap used up), and Vitest when a worker dies so. */
const DIED = /# Fatal JavaScript|FATAL ERROR: .*JavaScript heap out of memory|ERR_IPC_CHANNEL_CLOSED/;
/** Vitest's own limit on a worker that does not answer for a minute (a test busy that long without a pause). */
const WORKER_SILENT = /Timeout calling "on\w+"/;

/**
 * A mutant's outcome from its test run (`mutate:recheck`): killed when a test failed or the test process died of the
 * mutant (V8 gave up on an array or a string grown without end, the heap used up: Stryker's dry run passed without it);
 * a timeout when coreutils' `timeout` stopped the run (124, or 137 after its KILL) or Vitest gave up on a worker busy
 * for a minute on end (the mutant slowed a test that much); survived when the run passed. Undefined when the run
 * failed otherwise (a wrong flag, a missing file): not a kill, and the caller says so.
 */
export function recheckOutcome(status: number | null, output: string): Outcome | undefined {
  if (status === 0) return 'Survived';
  if (status === 124 || status === 137) return 'Timeout';
  if (/\bTests?\s+.*\d+ failed/.test(output) || DIED.test(output)) return 'Killed';
  if (WORKER_SILENT.test(output)) return 'Timeout';
  return undefined;
}

/** Whether the run's only failure is Vitest giving up on a silent worker (worth one more run: the machine may only have been busy). */
export function workerSilent(status: number | null, output: string): boolean {
  // (the one timeout that `timeout` itself did not call)
  return status !== 124 && status !== 137 && recheckOutcome(status, output) === 'Timeout';
}
