// Crawler figures: per-server overhead against a bare SDK script listing the same fixture servers
// in the same run, and the wall time of crawling the bundled index at concurrency 1, 4 and 8.
import { cp, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { listTools } from '../crawler/list-tools.ts';
import { crawlIndex } from '../crawler/crawl.ts';
import type { ProgressReporter } from '../crawler/progress.ts';
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

export async function benchCrawlerOverhead(rounds = 7): Promise<Section> {
  const rows: string[] = [];
  for (const fixture of FIXTURES) {
    const bare: number[] = [];
    const ours: number[] = [];
    // warm-up, then alternate so both see the same machine load
    await bareSdkList(fixture.script, fixture.mode);
    await toolriskList(fixture.script, fixture.mode);
    for (let round = 0; round < rounds; round++) {
      bare.push(await timed(() => bareSdkList(fixture.script, fixture.mode)));
      ours.push(await timed(() => toolriskList(fixture.script, fixture.mode)));
    }
    const b = median(bare);
    const o = median(ours);
    rows.push(`| ${fixture.label} | ${b.toFixed(0)} | ${o.toFixed(0)} | ${(o - b).toFixed(0)} | ${(o / b).toFixed(2)}× |`);
    console.error(`  ${fixture.label}: bare ${b.toFixed(0)} ms, toolrisk ${o.toFixed(0)} ms`);
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

const quiet: ProgressReporter = { started() {}, finished() {}, skipped() {}, close() {} };

export async function benchIndexCrawl(levels = [1, 4, 8]): Promise<Section> {
  const rows: string[] = [];
  const indexFiles = (await readdir(join(ROOT, 'data', 'index'))).filter((name) => name.endsWith('.json'));
  // one crawl first so npx's cache holds every package: the figures then measure crawling, not downloading
  const warm = await tempDir('toolrisk-bench-');
  try {
    await cp(join(ROOT, 'data', 'index'), join(warm.path, 'index'), { recursive: true });
    await cp(join(ROOT, 'data', 'recorded'), join(warm.path, 'recorded'), { recursive: true });
    console.error(`  warming the npm cache with one crawl of ${indexFiles.length} servers…`);
    await crawlIndex({ dataDir: warm.path, concurrency: 4, progress: quiet });
  } finally {
    await warm.remove();
  }
  for (const concurrency of levels) {
    const dir = await tempDir('toolrisk-bench-');
    try {
      await cp(join(ROOT, 'data', 'index'), join(dir.path, 'index'), { recursive: true });
      await cp(join(ROOT, 'data', 'recorded'), join(dir.path, 'recorded'), { recursive: true });
      await mkdir(join(dir.path, 'crawled'), { recursive: true });
      const started = performance.now();
      const summary = await crawlIndex({ dataDir: dir.path, concurrency, force: true, progress: quiet });
      const seconds = (performance.now() - started) / 1000;
      rows.push(`| ${concurrency} | ${seconds.toFixed(1)} | ${summary.ok} | ${summary.failed} | ${summary.tools} | ${(seconds / indexFiles.length).toFixed(2)} |`);
      console.error(`  concurrency ${concurrency}: ${seconds.toFixed(1)} s (${summary.ok} ok, ${summary.failed} failed, ${summary.tools} tools)`);
    } finally {
      await dir.remove();
    }
  }
  return {
    title: 'Crawling the bundled index',
    markdown: [
      `All ${indexFiles.length} entries of data/index/ with --force, npm cache warm (one crawl before the timed runs).`,
      '',
      '| concurrency | wall s | ok | failed | tools | s per server |',
      '|---:|---:|---:|---:|---:|---:|',
      ...rows,
    ].join('\n'),
  };
}
