// Crawler figures: per-server overhead against a bare SDK script listing the same fixture servers
// in the same run, and the wall time of crawling the bundled index at concurrency 1, 4 and 8.
import { cp, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { listTools, sandboxRun, type SandboxRun } from '../crawler/list-tools.ts';
import { crawlIndex } from '../crawler/crawl.ts';
import { findSandbox, type Sandbox } from '../crawler/sandbox.ts';
import type { ProgressReporter } from '../crawler/progress.ts';
import type { LaunchPlan } from '../data/schema.ts';
import { ROOT, SDK_SERVER, RAW_SERVER, tempDir } from '../tests/helpers.ts';

export interface Section {
  title: string;
  markdown: string;
}

const FIXTURES: { label: string; script: string; mode: string }[] = [
  { label: 'SDK server, 3 tools', script: SDK_SERVER, mode: 'basic' },
  { label: 'SDK server, 4 pages', script: SDK_SERVER, mode: 'paginate' },
  { label: 'SDK server, 5,000 tools', script: SDK_SERVER, mode: 'many' },
  { label: 'raw server, stdout noise', script: RAW_SERVER, mode: 'noise' },
];

/** The bare baseline: what any SDK user would write to list a server's tools. */
async function bareSdkList(script: string, mode: string): Promise<number> {
  const client = new Client({ name: 'bare', version: '1' });
  const transport = new StdioClientTransport({ command: process.execPath, args: [script, mode], stderr: 'pipe' });
  await client.connect(transport);
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await client.listTools(cursor ? { cursor } : {});
    count += page.tools.length;
    cursor = page.nextCursor;
  } while (cursor);
  await client.close();
  return count;
}

async function toolriskList(script: string, mode: string): Promise<number> {
  const outcome = await listTools({ kind: 'stdio', from: 'command', command: process.execPath, args: [script, mode], placeholderVariables: [], installs: false });
  if (outcome.status !== 'ok') throw new Error(`${mode}: ${outcome.failure?.reason}`);
  return outcome.tools.length;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * One table row comparing a baseline with a candidate: a warm-up of each, then `rounds` timings
 * alternating the two so both see the same machine load; medians, their difference and ratio.
 */
async function compareRow(label: string, names: [string, string], baseline: () => Promise<unknown>, candidate: () => Promise<unknown>, rounds: number): Promise<string> {
  await baseline();
  await candidate();
  const first: number[] = [];
  const second: number[] = [];
  for (let round = 0; round < rounds; round++) {
    first.push(await timed(baseline));
    second.push(await timed(candidate));
  }
  const a = median(first);
  const b = median(second);
  console.error(`  ${label}: ${names[0]} ${a.toFixed(0)} ms, ${names[1]} ${b.toFixed(0)} ms`);
  return `| ${label} | ${a.toFixed(0)} | ${b.toFixed(0)} | ${(b - a).toFixed(0)} | ${(b / a).toFixed(2)}× |`;
}

export async function benchCrawlerOverhead(rounds = 7): Promise<Section> {
  const rows: string[] = [];
  for (const fixture of FIXTURES) {
    rows.push(await compareRow(fixture.label, ['bare', 'toolrisk'], () => bareSdkList(fixture.script, fixture.mode), () => toolriskList(fixture.script, fixture.mode), rounds));
  }
  return {
    title: 'Crawler overhead per server',
    markdown: [
      `Median of ${rounds} rounds (after one warm-up each), alternating the two in the same process. "Bare SDK" is`,
      'Client + StdioClientTransport + listTools following nextCursor + close. "toolrisk" adds what the',
      'crawler does for safety: fresh HOME and working folder (created and removed), process group kill',
      'with a wait until the group is gone, per-tool validation, fingerprints and warnings.',
      '',
      '| server | bare SDK ms | toolrisk ms | overhead ms | ratio |',
      '|---|---:|---:|---:|---:|',
      ...rows,
    ].join('\n'),
  };
}

/**
 * What the sandbox costs per server: the same servers listed as plain child processes and inside
 * bubblewrap, alternating in one run. A local fixture (its project bound read-only), and a real npm
 * server: `npx -y` with a warm npx cache against its installed folder in the store.
 */
export async function benchSandboxOverhead(rounds = 7): Promise<Section> {
  const sandbox: Sandbox = await findSandbox();
  const run = (extra: Partial<SandboxRun> = {}): SandboxRun => ({ ...sandboxRun(sandbox), ...extra });
  const memory = { identifier: '@modelcontextprotocol/server-memory', version: '2025.9.25' };
  const cases: { label: string; plain: () => Promise<unknown>; sandboxed: () => Promise<unknown> }[] = [
    ...FIXTURES.slice(0, 3).map((fixture) => {
      const plan: LaunchPlan = { kind: 'stdio', from: 'command', command: process.execPath, args: [fixture.script, fixture.mode], placeholderVariables: [], installs: false };
      return { label: fixture.label, plain: () => listed(listTools(plan)), sandboxed: () => listed(listTools(plan, { sandbox: run({ paths: [ROOT] }) })) };
    }),
    {
      label: `${memory.identifier}@${memory.version} (npx warm / installed)`,
      plain: () => listed(listTools({ kind: 'stdio', from: 'npm', command: 'npx', args: ['-y', `${memory.identifier}@${memory.version}`], placeholderVariables: [], installs: true })),
      sandboxed: () => listed(listTools({ kind: 'stdio', from: 'npm', command: 'npx', args: [], placeholderVariables: [], installs: true }, { sandbox: run({ install: { ...memory, args: [] } }) })),
    },
  ];
  const rows: string[] = [];
  for (const item of cases) rows.push(await compareRow(item.label, ['plain', 'sandboxed'], item.plain, item.sandboxed, rounds));
  return {
    title: 'Sandbox overhead per server',
    markdown: [
      `Median of ${rounds} rounds (after one warm-up each), alternating plain and sandboxed in the same process. "Plain" is`,
      "the crawler without a sandbox (a child process in its own group, fresh folders); \"sandboxed\" runs the same",
      'server in bubblewrap with prlimit limits (and, as root, setpriv to a user of its own). The npm row compares',
      '`npx -y` with a warm npx cache against the package installed in the store (the install is not timed).',
      '',
      '| server | plain ms | sandboxed ms | overhead ms | ratio |',
      '|---|---:|---:|---:|---:|',
      ...rows,
    ].join('\n'),
  };
}

async function listed(outcome: ReturnType<typeof listTools>): Promise<void> {
  const result = await outcome;
  if (result.status !== 'ok') throw new Error(`${result.failure?.stage}: ${result.failure?.reason}`);
}

const quiet: ProgressReporter = { started() {}, finished() {}, skipped() {}, close() {} };

export async function benchIndexCrawl(levels = [1, 4, 8], sandboxedLevels = [2, 4]): Promise<Section> {
  const rows: string[] = [];
  const sandbox = await findSandbox();
  const indexFiles = (await readdir(join(ROOT, 'data', 'index'))).filter((name) => name.endsWith('.json'));
  // one crawl first so npx's cache holds every package: the figures then measure crawling, not downloading
  const warm = await tempDir('toolrisk-bench-');
  try {
    await cp(join(ROOT, 'data', 'index'), join(warm.path, 'index'), { recursive: true });
    await cp(join(ROOT, 'data', 'recorded'), join(warm.path, 'recorded'), { recursive: true });
    console.error(`  warming the npm cache with one crawl of ${indexFiles.length} servers…`);
    await crawlIndex({ dataDir: warm.path, concurrency: 4, progress: quiet });
    // and the sandbox's store (each package installed once)
    await crawlIndex({ dataDir: warm.path, concurrency: 4, force: true, progress: quiet, sandbox });
  } finally {
    await warm.remove();
  }
  for (const [concurrency, boxed] of [...levels.map((level) => [level, false] as const), ...sandboxedLevels.map((level) => [level, true] as const)]) {
    const dir = await tempDir('toolrisk-bench-');
    try {
      await cp(join(ROOT, 'data', 'index'), join(dir.path, 'index'), { recursive: true });
      await cp(join(ROOT, 'data', 'recorded'), join(dir.path, 'recorded'), { recursive: true });
      await mkdir(join(dir.path, 'crawled'), { recursive: true });
      const started = performance.now();
      const summary = await crawlIndex({ dataDir: dir.path, concurrency, force: true, progress: quiet, sandbox: boxed ? sandbox : undefined });
      const seconds = (performance.now() - started) / 1000;
      rows.push(`| ${boxed ? 'bubblewrap' : 'none'} | ${concurrency} | ${seconds.toFixed(1)} | ${summary.ok} | ${summary.failed} | ${summary.tools} | ${(seconds / indexFiles.length).toFixed(2)} |`);
      console.error(`  ${boxed ? 'sandboxed, ' : ''}concurrency ${concurrency}: ${seconds.toFixed(1)} s (${summary.ok} ok, ${summary.failed} failed, ${summary.tools} tools)`);
    } finally {
      await dir.remove();
    }
  }
  return {
    title: 'Crawling the bundled index',
    markdown: [
      `All ${indexFiles.length} entries of data/index/ with --force, npm cache and the sandbox's store warm (one crawl of each`,
      'before the timed runs), plain and in the sandbox (each npm package installed in the store, run in bubblewrap).',
      '',
      '| sandbox | concurrency | wall s | ok | failed | tools | s per server |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...rows,
    ].join('\n'),
  };
}
