// The mutation tools' promises (README, "Mutation testing"): `mutate:recheck` writes a mutant in as
// Stryker's syntax tree has it, tells killed from survived from a real endless loop, and restores the
// file; `mutate:chunks --summary` counts a report only while the lines it speaks for are unchanged,
// and takes the status found by hand from a recheck beside it. Both run as commands, on a small
// project the test writes (TOOLRISK_REPO_ROOT points the tools at it), so the repository is never edited.
// `mutate:chunks --keep` turns reports into kept records that count, and stop a range from running again, without them.
import { mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config, { leftOut } from '../vitest.mutate.config.ts';
import { recheckOutcome, workerSilent } from './mutation-kept.ts';
import { ROOT, runCommand, tempDir } from './helpers.ts';

const SOURCE = [
  'export function all3(a: boolean, b: boolean, c: boolean): boolean {',
  '  return a && b && c;',
  '}',
  'export function sumBelow(n: number): number {',
  '  let total = 0;',
  '  for (let i = 0; i < n; i++) total += i;',
  '  return total;',
  '}',
  '',
].join('\n');

const SUITE = [
  "import { expect, it } from 'vitest';",
  "import { all3, sumBelow } from '../../data/count.ts';",
  "it('is true only when all three are', () => { expect(all3(true, true, false)).toBe(false); expect(all3(true, true, true)).toBe(true); });",
  "it('adds the numbers below n', () => { expect(sumBelow(4)).toBe(6); });",
  '',
].join('\n');

/** A Stryker mutant over the first `text` on 1-based `line` of SOURCE. */
function mutant(id: string, line: number, text: string, mutatorName: string, replacement: string, status: string) {
  const column = SOURCE.split('\n')[line - 1]!.indexOf(text) + 1;
  expect(column, `${text} on line ${line}`).toBeGreaterThan(0);
  return { id, mutatorName, replacement, status, location: { start: { line, column }, end: { line, column: column + text.length } } };
}

/** A Stryker JSON report of `mutants` in one file (data/count.ts with SOURCE unless said otherwise). */
const reportOf = (mutants: unknown[], file = 'data/count.ts', source = SOURCE) =>
  JSON.stringify({ schemaVersion: '1', thresholds: { high: 80, low: 60 }, files: { [file]: { language: 'typescript', source, mutants } } });

/**
 * Runs a mutation tool as a command, through runCommand (asynchronously: a recheck runs the suite in a child process, which
 * on a loaded machine takes more than a minute); `status` is its exit code, null when it was stopped.
 */
const tool = async (project: string, script: string, ...args: string[]) => {
  const { code, stdout, stderr } = await runCommand(process.execPath, [join(ROOT, 'bin', 'run-ts.js'), join(ROOT, 'tests', script), ...args], { cwd: ROOT, env: { ...process.env, TOOLRISK_REPO_ROOT: project }, timeout: 300_000 });
  return { status: code, stdout, stderr };
};

describe('mutation tools', () => {
  let project: { path: string; remove(): Promise<void> };
  const report = () => join(project.path, 'reports', 'data_count@1-8.json');

  beforeAll(async () => {
    project = await tempDir('toolrisk-mutation-');
    mkdirSync(join(project.path, 'data'));
    mkdirSync(join(project.path, 'tests', 'data'), { recursive: true });
    mkdirSync(join(project.path, 'reports'));
    writeFileSync(join(project.path, 'package.json'), '{ "type": "module" }\n');
    symlinkSync(join(ROOT, 'node_modules'), join(project.path, 'node_modules'));
    writeFileSync(join(project.path, 'vitest.mutate.config.ts'), "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['tests/**/*.test.ts'] } });\n");
    writeFileSync(join(project.path, 'data', 'count.ts'), SOURCE);
    writeFileSync(join(project.path, 'tests', 'data', 'count.test.ts'), SUITE);
    const mutants = [
      // `a && b` → `a || b` inside `a && b && c`: as a tree, (a || b) && c, which the suite cannot tell apart;
      // pasted as text it would bind as a || (b && c) and look killed
      mutant('1', 2, 'a && b', 'LogicalOperator', 'a || b', 'Survived'),
      // called survived (as a mutant in a constant can be under Stryker), yet the suite kills it when written in
      mutant('2', 6, 'total += i', 'AssignmentOperator', 'total -= i', 'Survived'),
      // a loop that counts down never ends: stopped at the time limit, it stays a timeout
      mutant('3', 6, 'i++', 'UpdateOperator', 'i--', 'Timeout'),
      // stopped by Stryker under load, but only a change the suite cannot see: it survives when re-run
      mutant('4', 5, '0', 'NumberLiteral', '0 * 1', 'Timeout'),
    ];
    writeFileSync(report(), reportOf(mutants));
  });
  afterAll(async () => project?.remove());

  it('recheck: refuses a status it does not re-run, with the ones it does', async () => {
    const wrong = await tool(project.path, 'mutation-recheck.ts', report(), '--status', 'Killed');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--status takes Survived, Timeout, NoCoverage or several');
  });

  it('recheck: re-runs a mutant no test reached when Stryker ran, against the tests there are now, or only those named', async () => {
    // (a report of its own, so that the others' statuses stay as the tests below expect them)
    const uncovered = join(project.path, 'reports', 'uncovered.json');
    writeFileSync(uncovered, reportOf([mutant('5', 6, 'total += i', 'AssignmentOperator', 'total -= i', 'NoCoverage')]));
    const missing = await tool(project.path, 'mutation-recheck.ts', uncovered, '--status', 'NoCoverage', '--against', 'tests/data/none.test.ts');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--against: tests/data/none.test.ts: no such test file');
    // (only the suite named, as for a test file written since the run)
    const run = await tool(project.path, 'mutation-recheck.ts', uncovered, '--status', 'NoCoverage', '--time-limit', '60', '--against', 'tests/data/count.test.ts');
    expect(run.status, run.stderr).toBe(0);
    const rows = JSON.parse(readFileSync(`${uncovered}.recheck.json`, 'utf8')) as { id: string; status: string; was: string }[];
    expect(rows.map(({ id, was, status }) => `${id} ${was} -> ${status}`)).toEqual(['5 NoCoverage -> Killed']);
    expect(readFileSync(join(project.path, 'data', 'count.ts'), 'utf8')).toBe(SOURCE);
    rmSync(uncovered);
    rmSync(`${uncovered}.recheck.json`);
  });

  it('recheck: counts a mutant that kills the test process itself (V8 gives up on an array grown without end) as killed', async () => {
    const source = ['export function firstN(n: number): number[] {', '  const out: number[] = [];', '  for (let i = 0; i < n; i++) out.push(i);', '  return out;', '}', ''].join('\n');
    writeFileSync(join(project.path, 'data', 'grow.ts'), source);
    writeFileSync(join(project.path, 'tests', 'data', 'grow.test.ts'), "import { expect, it } from 'vitest';\nimport { firstN } from '../../data/grow.ts';\nit('counts', () => { expect(firstN(3)).toEqual([0, 1, 2]); });\n");
    const column = source.split('\n')[2]!.indexOf('i < n') + 1;
    const endless = { id: '1', mutatorName: 'ConditionalExpression', replacement: 'true', status: 'Survived', location: { start: { line: 3, column }, end: { line: 3, column: column + 5 } } };
    mkdirSync(join(project.path, 'reports-died'));
    const died = join(project.path, 'reports-died', 'data_grow@1-5.json');
    writeFileSync(died, reportOf([endless], 'data/grow.ts', source));
    try {
      const run = await tool(project.path, 'mutation-recheck.ts', died, '--time-limit', '120', '--against', 'tests/data/grow.test.ts');
      expect(run.status, run.stderr).toBe(0);
      const rows = JSON.parse(readFileSync(`${died}.recheck.json`, 'utf8')) as { id: string; status: string; was: string }[];
      expect(rows.map(({ id, was, status }) => `${id} ${was} -> ${status}`)).toEqual(['1 Survived -> Killed']);
      expect(readFileSync(join(project.path, 'data', 'grow.ts'), 'utf8')).toBe(source);
    } finally {
      rmSync(join(project.path, 'reports-died'), { recursive: true });
      rmSync(join(project.path, 'data', 'grow.ts'));
      rmSync(join(project.path, 'tests', 'data', 'grow.test.ts'));
    }
  });

  it("recheck: reads a run's outcome from vitest's exit and words, and stops at a failure that is none of them", () => {
    const passed = ' Test Files  2 passed (2)\n      Tests  56 passed (56)\n';
    const failed = ' Test Files  1 failed | 1 passed (2)\n      Tests  1 failed | 55 passed (56)\n';
    // (as Vitest printed them on this machine: a worker V8 stopped, and a worker busy for a minute under load)
    const died = '# Fatal error in , line 0\n# Fatal JavaScript invalid size error 169220804\n⎯⎯ Unhandled Rejection ⎯⎯\nError: Channel closed\nSerialized Error: { code: \'ERR_IPC_CHANNEL_CLOSED\' }\n';
    const silent = `${passed}     Errors  1 error\n⎯⎯ Unhandled Error ⎯⎯\nError: [vitest-worker]: Timeout calling "onTaskUpdate"\n`;
    expect([recheckOutcome(0, passed), recheckOutcome(1, failed), recheckOutcome(1, died), recheckOutcome(124, ''), recheckOutcome(137, '')]).toEqual(['Survived', 'Killed', 'Killed', 'Timeout', 'Timeout']);
    // a silent worker is run once more, and a timeout when it is silent again; a failing test beside it is a kill
    expect([workerSilent(1, silent), workerSilent(1, `${failed}${silent}`), workerSilent(0, passed), workerSilent(1, failed)]).toEqual([true, false, false, false]);
    expect([recheckOutcome(1, silent), recheckOutcome(1, `${failed}${silent}`)]).toEqual(['Timeout', 'Killed']);
    // a run that fails for another reason (a wrong flag, a missing file) is no outcome: the re-check stops and says so
    expect(recheckOutcome(1, 'CACError: Unknown option `--dry`\n')).toBeUndefined();
    expect(recheckOutcome(null, '')).toBeUndefined();
  });

  it('recheck: writes its rows after each mutant, and --resume goes on from them without running those again', async () => {
    // (a report of its own; --limit 1 stands for a re-check stopped after its first mutant)
    const stopped = join(project.path, 'reports', 'stopped.json');
    const mutants = [mutant('6', 6, 'total += i', 'AssignmentOperator', 'total -= i', 'Survived'), mutant('7', 2, 'a && b', 'LogicalOperator', 'a || b', 'Survived')];
    writeFileSync(stopped, reportOf(mutants));
    const rowsOf = () => (JSON.parse(readFileSync(`${stopped}.recheck.json`, 'utf8')) as { id: string; status: string }[]).map(({ id, status }) => `${id} ${status}`);
    const first = await tool(project.path, 'mutation-recheck.ts', stopped, '--limit', '1', '--time-limit', '60', '--against', 'tests/data/count.test.ts');
    expect(first.status, first.stderr).toBe(0);
    expect(rowsOf()).toEqual(['6 Killed']);
    const resumed = await tool(project.path, 'mutation-recheck.ts', stopped, '--resume', '--time-limit', '60', '--against', 'tests/data/count.test.ts');
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('--resume: 1 mutants re-checked before are kept');
    // (only the second is run: the first's line is not printed again)
    expect(resumed.stdout).not.toMatch(/data\/count\.ts:6 /);
    expect(rowsOf()).toEqual(['6 Killed', '7 Survived']);
    // without --resume a re-check starts afresh
    const again = await tool(project.path, 'mutation-recheck.ts', stopped, '--limit', '1', '--time-limit', '60', '--against', 'tests/data/count.test.ts');
    expect(again.status, again.stderr).toBe(0);
    expect(rowsOf()).toEqual(['6 Killed']);
    rmSync(stopped);
    rmSync(`${stopped}.recheck.json`);
  });

  it('recheck: a file left holding one of the report\'s mutants (a re-check killed outright) is named as such, with how to restore it', async () => {
    const path = join(project.path, 'data', 'count.ts');
    const stray = join(project.path, 'reports', 'stray.json');
    const mutants = [mutant('8', 6, 'total += i', 'AssignmentOperator', 'total -= i', 'Survived')];
    writeFileSync(stray, reportOf(mutants));
    try {
      writeFileSync(path, SOURCE.replace('total += i', '(total -= i)'));
      const left = await tool(project.path, 'mutation-recheck.ts', stray, '--time-limit', '60', '--against', 'tests/data/count.test.ts');
      expect(left.status).toBe(1);
      expect(left.stderr).toContain('data/count.ts: holds the mutant at line 6:');
      expect(left.stderr).toContain('git checkout -- data/count.ts');
      // any other change is a file changed since the run
      writeFileSync(path, `${SOURCE}// edited\n`);
      const edited = await tool(project.path, 'mutation-recheck.ts', stray, '--time-limit', '60', '--against', 'tests/data/count.test.ts');
      expect(edited.status).toBe(1);
      expect(edited.stderr).toContain('data/count.ts: changed since the report was written; run Stryker again first');
    } finally {
      writeFileSync(path, SOURCE);
      rmSync(stray, { force: true });
      rmSync(`${stray}.recheck.json`, { force: true });
    }
  });

  it('recheck: writes each mutant in as a tree would, tells killed, survived and endless apart, and puts the file back', async () => {
    const run = await tool(project.path, 'mutation-recheck.ts', report(), '--status', 'Survived,Timeout', '--time-limit', '20');
    expect(run.status, run.stderr).toBe(0);
    const rows = JSON.parse(readFileSync(`${report()}.recheck.json`, 'utf8')) as { id: string; status: string; was: string; killed: boolean }[];
    expect(rows.map(({ id, was, status }) => `${id} ${was} -> ${status}`)).toEqual(['1 Survived -> Survived', '2 Survived -> Killed', '3 Timeout -> Timeout', '4 Timeout -> Survived']);
    expect(rows.filter((row) => row.killed).map((row) => row.id)).toEqual(['2']);
    expect(readFileSync(join(project.path, 'data', 'count.ts'), 'utf8')).toBe(SOURCE);
    expect(run.stdout).toMatch(/2 of 4 re-run mutants are detected/);
  });

  it('summary: counts the statuses found by hand, and leaves a report out once the lines it speaks for change', async () => {
    const table = (dir: string) => tool(project.path, 'mutation-chunks.ts', '--summary', '--dir', dir);
    // (the recheck above: one killed, one endless, two survived)
    const before = await table(join(project.path, 'reports'));
    expect(before.status, before.stderr).toBe(0);
    expect(before.stdout).toContain('| data/count.ts | 4 | 1 | 1 | 2 | 0 | 50.0% |');
    // a change outside the range keeps the report (a line added after line 8 moves nothing in it)
    writeFileSync(join(project.path, 'data', 'count.ts'), `${SOURCE}export const later = 1;\n`);
    expect((await table(join(project.path, 'reports'))).stdout).toContain('| data/count.ts | 4 | 1 | 1 | 2 | 0 | 50.0% |');
    // a change inside it does not
    writeFileSync(join(project.path, 'data', 'count.ts'), SOURCE.replace('let total = 0;', 'let total = 0; // sum'));
    const after = await table(join(project.path, 'reports'));
    expect(after.stdout).toContain('left out, written for another version of the file: data_count@1-8.json (data/count.ts)');
    expect(after.stdout).not.toContain('| data/count.ts |');
    writeFileSync(join(project.path, 'data', 'count.ts'), SOURCE);
  });

  it('keep: writes each report, with the statuses found by hand, as a record that needs no report to count, byte for byte the same on a second run', async () => {
    const kept = join(project.path, 'kept');
    const run = await tool(project.path, 'mutation-chunks.ts', '--keep', '--dir', join(project.path, 'reports'), '--kept', kept);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('data_count@1-8.json: kept (4 mutants)');
    const text = readFileSync(join(kept, 'data_count@1-8.json'), 'utf8');
    // one mutant a line, in source order, with the recheck's statuses (2 killed by hand, 3 a real endless loop, 4 survived when re-run)
    expect(text.split('\n').filter((line) => line.trim().startsWith('["'))).toEqual([
      '        ["2:10-2:16","LogicalOperator","a || b","Survived"],',
      '        ["5:15-5:16","NumberLiteral","0 * 1","Survived"],',
      '        ["6:26-6:29","UpdateOperator","i--","Timeout"],',
      '        ["6:31-6:41","AssignmentOperator","total -= i","Killed"]',
    ]);
    expect((await tool(project.path, 'mutation-chunks.ts', '--keep', '--dir', join(project.path, 'reports'), '--kept', kept)).status).toBe(0);
    expect(readFileSync(join(kept, 'data_count@1-8.json'), 'utf8')).toBe(text);
    // the same report without its recheck (another folder) does not overwrite the statuses found by hand, unless told to
    const bare = join(project.path, 'reports-bare');
    mkdirSync(bare, { recursive: true });
    writeFileSync(join(bare, 'data_count@1-8.json'), readFileSync(report(), 'utf8'));
    const refused = await tool(project.path, 'mutation-chunks.ts', '--keep', '--dir', bare, '--kept', kept);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`data_count@1-8.json: not kept, ${join('kept', 'data_count@1-8.json')} holds for the same lines with other statuses`);
    expect(readFileSync(join(kept, 'data_count@1-8.json'), 'utf8')).toBe(text);
    const replaced = await tool(project.path, 'mutation-chunks.ts', '--keep', '--replace', '--dir', bare, '--kept', kept);
    expect(replaced.status, replaced.stderr).toBe(0);
    expect(readFileSync(join(kept, 'data_count@1-8.json'), 'utf8')).not.toBe(text);
    writeFileSync(join(kept, 'data_count@1-8.json'), text);
    // the summary from the kept record alone (no report folder) is the summary from the report
    const alone = await tool(project.path, 'mutation-chunks.ts', '--summary', '--dir', join(project.path, 'no-reports'), '--kept', kept);
    expect(alone.status, alone.stderr).toBe(0);
    expect(alone.stdout).toContain('0 reports in no-reports, 1 kept records in kept');
    expect(alone.stdout).toContain('| data/count.ts | 4 | 1 | 1 | 2 | 0 | 50.0% |');
    // and, like a report, it stops counting once the lines it speaks for change
    writeFileSync(join(project.path, 'data', 'count.ts'), SOURCE.replace('let total = 0;', 'let total = 0; // sum'));
    const changed = await tool(project.path, 'mutation-chunks.ts', '--summary', '--dir', join(project.path, 'no-reports'), '--kept', kept);
    expect(changed.stdout).toContain('left out, written for another version of the file: data_count@1-8.json (data/count.ts, kept)');
    expect(changed.stdout).not.toContain('| data/count.ts |');
    // a report of lines that have changed is not kept: it measured other code
    const stale = await tool(project.path, 'mutation-chunks.ts', '--keep', '--dir', join(project.path, 'reports'), '--kept', join(project.path, 'kept-stale'));
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('data_count@1-8.json: not kept, the lines it speaks for have changed since (data/count.ts)');
    writeFileSync(join(project.path, 'data', 'count.ts'), SOURCE);
  });

  it('keep: a range whose kept record holds is not run again, and a broken record is an error naming its file', async () => {
    // a report under the name the runner gives the whole of data/count.ts, kept in a folder of its own
    const whole = join(project.path, 'whole');
    const kept = join(project.path, 'kept-whole');
    mkdirSync(whole, { recursive: true });
    const lines = SOURCE.split('\n').length;
    writeFileSync(join(whole, `data_count@1-${lines}.json`), readFileSync(report(), 'utf8'));
    expect((await tool(project.path, 'mutation-chunks.ts', '--keep', '--dir', whole, '--kept', kept)).status).toBe(0);
    const dry = await tool(project.path, 'mutation-chunks.ts', 'data/count.ts', '--dry', '--dir', join(project.path, 'no-reports'), '--kept', kept);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('1 runs over 1 files; 1 done before, 0 to run');
    const none = await tool(project.path, 'mutation-chunks.ts', 'data/count.ts', '--dry', '--dir', join(project.path, 'no-reports'), '--kept', join(project.path, 'no-kept'));
    expect(none.stdout).toContain('1 runs over 1 files; 0 done before, 1 to run');
    // cut smaller than it was measured, the file is still done
    const smaller = await tool(project.path, 'mutation-chunks.ts', 'data/count.ts', '--lines', '3', '--dry', '--dir', join(project.path, 'no-reports'), '--kept', kept);
    expect(smaller.stdout).toContain('2 runs over 1 files; 2 done before, 0 to run');
    // a record of the first function's lines alone (1-3) leaves the rest to run, whatever --lines says
    const first = join(project.path, 'first');
    const firstKept = join(project.path, 'kept-first');
    mkdirSync(first, { recursive: true });
    const onFirst = JSON.parse(readFileSync(report(), 'utf8')) as { files: Record<string, { mutants: { location: { start: { line: number } } }[] }> };
    onFirst.files['data/count.ts']!.mutants = onFirst.files['data/count.ts']!.mutants.filter((m) => m.location.start.line <= 3);
    writeFileSync(join(first, 'data_count@1-3.json'), JSON.stringify(onFirst));
    expect((await tool(project.path, 'mutation-chunks.ts', '--keep', '--dir', first, '--kept', firstKept)).status).toBe(0);
    const rest = await tool(project.path, 'mutation-chunks.ts', 'data/count.ts', '--lines', '100', '--dry', '--dir', join(project.path, 'no-reports'), '--kept', firstKept);
    expect(rest.status, rest.stderr).toBe(0);
    expect(rest.stdout).toContain(`1 runs over 1 files; 0 done before, 1 to run\n[1/1] data/count.ts:4-${lines} (data_count@4-${lines})`);
    writeFileSync(join(kept, 'broken.json'), '{ "report": "broken.json", "files": {} }\n');
    const broken = await tool(project.path, 'mutation-chunks.ts', '--summary', '--dir', join(project.path, 'no-reports'), '--kept', kept);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`${join(kept, 'broken.json')}: not a kept mutation record (measured:`);
    expect(broken.stderr).not.toContain('    at ');
  });

  it('recheck: re-checks a kept record (no Stryker report left) and writes the statuses found into the record itself', async () => {
    // a record kept from the report alone, without its recheck: both survivors as Stryker called them
    const dir = join(project.path, 'reports-for-record');
    const kept = join(project.path, 'kept-recheck');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'data_count@1-8.json'), readFileSync(report(), 'utf8'));
    expect((await tool(project.path, 'mutation-chunks.ts', '--keep', '--dir', dir, '--kept', kept)).status).toBe(0);
    const record = join(kept, 'data_count@1-8.json');
    const rowsOf = () => readFileSync(record, 'utf8').split('\n').filter((line) => line.trim().startsWith('["')).map((line) => line.trim().replace(/,$/, ''));
    expect(rowsOf()).toEqual(['["2:10-2:16","LogicalOperator","a || b","Survived"]', '["5:15-5:16","NumberLiteral","0 * 1","Timeout"]', '["6:26-6:29","UpdateOperator","i--","Timeout"]', '["6:31-6:41","AssignmentOperator","total -= i","Survived"]']);
    const run = await tool(project.path, 'mutation-recheck.ts', record, '--time-limit', '60', '--against', 'tests/data/count.test.ts');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/1 of 2 re-run mutants are detected/);
    // the one the suite kills when written in is killed in the record; the rest as they were
    expect(rowsOf()).toEqual(['["2:10-2:16","LogicalOperator","a || b","Survived"]', '["5:15-5:16","NumberLiteral","0 * 1","Timeout"]', '["6:26-6:29","UpdateOperator","i--","Timeout"]', '["6:31-6:41","AssignmentOperator","total -= i","Killed"]']);
    expect(readFileSync(join(project.path, 'data', 'count.ts'), 'utf8')).toBe(SOURCE);
    // the rows for --resume go beside Stryker's reports, not among the records (where the summary would read them as one)
    expect(JSON.parse(readFileSync(join(project.path, 'reports', 'mutation', 'data_count@1-8.json.recheck.json'), 'utf8'))).toHaveLength(2);
    const summary = await tool(project.path, 'mutation-chunks.ts', '--summary', '--dir', join(project.path, 'no-reports'), '--kept', kept);
    expect(summary.status, summary.stderr).toBe(0);
    expect(summary.stdout).toContain('| data/count.ts | 4 | 1 | 2 | 1 | 0 | 75.0% |');
    // a record of lines that read otherwise now is not re-checked: it would measure other code
    writeFileSync(join(project.path, 'data', 'count.ts'), SOURCE.replace('let total = 0;', 'let total = 0; // sum'));
    try {
      const changed = await tool(project.path, 'mutation-recheck.ts', record, '--time-limit', '60', '--against', 'tests/data/count.test.ts');
      expect(changed.status).toBe(1);
      expect(changed.stderr).toContain(`${record}: data/count.ts has changed since the record was measured`);
      expect(changed.stdout).not.toMatch(/re-run mutants are detected/);
    } finally {
      writeFileSync(join(project.path, 'data', 'count.ts'), SOURCE);
    }
  });

  it('summary: of two kept records of the same mutants, the later measurement counts, whatever the records are named', async () => {
    const dir = join(project.path, 'reports-twice');
    const kept = join(project.path, 'kept-twice');
    mkdirSync(dir, { recursive: true });
    const base = JSON.parse(readFileSync(report(), 'utf8')) as { files: Record<string, { mutants: { status: string }[] }> };
    const withStatus = (status: string) => JSON.stringify({ ...base, files: { 'data/count.ts': { ...base.files['data/count.ts'], mutants: base.files['data/count.ts']!.mutants.map((m) => ({ ...m, status })) } } });
    // a wide run measured first (named to sort last) and the range run again later (named to sort first)
    writeFileSync(join(dir, 'z_wide@1-8.json'), withStatus('Survived'));
    writeFileSync(join(dir, 'a_again@1-8.json'), withStatus('Killed'));
    utimesSync(join(dir, 'z_wide@1-8.json'), new Date('2026-11-26T06:00:00Z'), new Date('2026-11-26T06:00:00Z'));
    utimesSync(join(dir, 'a_again@1-8.json'), new Date('2026-11-26T07:00:00Z'), new Date('2026-11-26T07:00:00Z'));
    const keep = await tool(project.path, 'mutation-chunks.ts', '--keep', '--dir', dir, '--kept', kept);
    expect(keep.status, keep.stderr).toBe(0);
    expect(readFileSync(join(kept, 'a_again@1-8.json'), 'utf8')).toContain('"measured": "2026-11-26T07:00:00Z"');
    const summary = await tool(project.path, 'mutation-chunks.ts', '--summary', '--dir', join(project.path, 'no-reports'), '--kept', kept);
    expect(summary.stdout).toContain('| data/count.ts | 4 | 4 | 0 | 0 | 0 | 100.0% |');
  });

  it('summary: a JSON file in the folder that is not a Stryker report is named and skipped, and the rest counted', async () => {
    const dir = join(project.path, 'mixed');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'data_count@1-8.json'), readFileSync(report(), 'utf8'));
    writeFileSync(join(dir, 'notes.json'), '[{ "id": "1" }]\n');
    const run = await tool(project.path, 'mutation-chunks.ts', '--summary', '--dir', dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('notes.json: not a Stryker JSON report (no "files" map); skipped');
    expect(run.stdout).toContain('| data/count.ts | 4 |');
  });

  it('summary: a folder that is not there is an error that says what to run, not a stack trace', async () => {
    const missing = await tool(project.path, 'mutation-chunks.ts', '--summary', '--dir', join(project.path, 'no-reports'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`${join(project.path, 'no-reports')}: no such folder`);
    expect(missing.stderr).toContain('npm run mutate:chunks');
    expect(missing.stderr).not.toContain('    at ');
  });

  it('both tools: an unknown flag or a flag without its value exits 2 with the usage, not a stack trace; --help prints it', async () => {
    for (const [script, args, named] of [
      ['mutation-chunks.ts', ['--bogus'], "Unknown option '--bogus'"],
      ['mutation-chunks.ts', ['--dir'], "Option '--dir <value>' argument missing"],
      ['mutation-recheck.ts', [report(), '--dry'], "Unknown option '--dry'"],
    ] as const) {
      const wrong = await tool(project.path, script, ...args);
      expect(wrong.status, `${script} ${args.join(' ')}`).toBe(2);
      expect(wrong.stderr).toContain(named);
      expect(wrong.stderr).toContain(`usage:\n  npm run ${script === 'mutation-chunks.ts' ? 'mutate:chunks' : 'mutate:recheck'} -- `);
      expect(wrong.stderr).not.toContain('    at ');
    }
    const help = await tool(project.path, 'mutation-chunks.ts', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('npm run mutate:chunks -- --keep');
  });
});

describe('the mutation suites', () => {
  it('MUTATE_QUICK leaves out the suites that read the catalog and the tuning sets over and over, and only then', () => {
    const slow = ['tests/classifier/catalog.test.ts', 'tests/classifier/poisoning-layout.test.ts', 'tests/classifier/poisoning-speed.test.ts', 'tests/classifier/classify-cli.test.ts'];
    const full = leftOut({});
    expect(full).toContain('tests/crawler/sandbox.test.ts');
    for (const suite of slow) expect(full).not.toContain(suite);
    const quick = leftOut({ MUTATE_QUICK: '1' });
    for (const suite of [...slow, 'tests/crawler/sandbox.test.ts']) expect(quick).toContain(suite);
    // (and the config the runs read is built from it)
    expect(config.test?.exclude).toEqual(leftOut(process.env));
  });
});
