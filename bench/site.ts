// Site build figures: synthetic catalogs of 10,000 and 100,000 tools built with `toolrisk build`
// (Astro plus the tool JSON files), beside a floor measured in the same run (bench/site-floor.ts:
// the same pages from template strings). Wall time and peak RSS come from GNU time.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CrawlSnapshotSchema } from '../data/schema.ts';
import { writeRecord } from '../data/serialize.ts';
import { classifyCatalog } from '../classifier/run.ts';
import { syntheticCatalog } from './synthetic.ts';
import { ROOT } from '../tests/helpers.ts';
import type { Section } from './crawler.ts';

const run = promisify(execFile);

interface Measured {
  seconds: number;
  peakMiB: number;
}

/** Runs a command under GNU time and returns its wall time and peak RSS. */
async function timed(args: string[], env: Record<string, string>): Promise<Measured> {
  const { stderr } = await run('/usr/bin/time', ['-f', 'TIME %e %M', ...args], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 });
  const match = /TIME ([\d.]+) (\d+)/.exec(stderr);
  if (!match) throw new Error(`no timing in: ${stderr.slice(-500)}`);
  return { seconds: Number(match[1]), peakMiB: Number(match[2]) / 1024 };
}

async function prepare(count: number): Promise<{ dataDir: string; servers: number }> {
  const dataDir = join(ROOT, 'bench', '.work', `site-${count}`, 'data');
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(join(dataDir, 'crawled'), { recursive: true });
  const snapshots = syntheticCatalog(count);
  for (const snapshot of snapshots) await writeRecord(join(dataDir, 'crawled', `${snapshot.slug}.json`), CrawlSnapshotSchema, snapshot);
  await classifyCatalog(dataDir);
  return { dataDir, servers: snapshots.length };
}

async function countHtml(dir: string): Promise<number> {
  return (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.html')).length;
}

export async function benchSite(counts = [10_000, 100_000]): Promise<Section> {
  if (!existsSync('/usr/bin/time')) throw new Error('the site benchmark needs GNU time (Debian package "time")');
  const rows: string[] = [];
  const results: { count: number; build: Measured; pages: number }[] = [];
  for (const count of counts) {
    console.error(`  preparing a synthetic catalog of ${count} tools…`);
    const { dataDir, servers } = await prepare(count);
    const outDir = join(ROOT, 'bench', '.work', `site-${count}`, 'dist');
    const floorDir = join(ROOT, 'bench', '.work', `site-${count}`, 'floor');
    await rm(outDir, { recursive: true, force: true });
    await rm(floorDir, { recursive: true, force: true });
    console.error(`  building ${count} tools with toolrisk build…`);
    const build = await timed([process.execPath, 'bin/toolrisk.js', 'build', '--data', dataDir], { TOOLRISK_OUT_DIR: outDir });
    const pages = await countHtml(outDir);
    console.error(`  floor for ${count} tools…`);
    const floor = await timed([process.execPath, 'bin/run-ts.js', 'bench/site-floor.ts', dataDir, floorDir], {});
    const floorPages = await countHtml(floorDir);
    results.push({ count, build, pages });
    rows.push(
      `| ${count.toLocaleString('en-US')} tools, ${servers.toLocaleString('en-US')} servers | ${pages.toLocaleString('en-US')} | ${build.seconds.toFixed(0)} s | ${build.peakMiB.toFixed(0)} MiB | ${((build.seconds * 1000) / pages).toFixed(2)} | ${floor.seconds.toFixed(0)} s | ${floor.peakMiB.toFixed(0)} MiB | ${((floor.seconds * 1000) / floorPages).toFixed(2)} |`,
    );
    console.error(`  ${count}: build ${build.seconds}s, ${build.peakMiB.toFixed(0)} MiB; floor ${floor.seconds}s`);
    await rm(join(ROOT, 'bench', '.work', `site-${count}`), { recursive: true, force: true });
  }
  // the real catalog in data/ (classified by `npm run classify`), built the same way
  {
    const outDir = join(ROOT, 'bench', '.work', 'site-real', 'dist');
    const floorDir = join(ROOT, 'bench', '.work', 'site-real', 'floor');
    await rm(join(ROOT, 'bench', '.work', 'site-real'), { recursive: true, force: true });
    console.error('  building the real catalog in data/ with toolrisk build…');
    const build = await timed([process.execPath, 'bin/toolrisk.js', 'build', '--data', join(ROOT, 'data')], { TOOLRISK_OUT_DIR: outDir });
    const pages = await countHtml(outDir);
    const floor = await timed([process.execPath, 'bin/run-ts.js', 'bench/site-floor.ts', join(ROOT, 'data'), floorDir], {});
    const floorPages = await countHtml(floorDir);
    const servers = (await readdir(join(ROOT, 'data', 'classified'))).filter((name) => name.endsWith('.json')).length;
    rows.push(
      `| the real catalog (data/), ${servers.toLocaleString('en-US')} classified servers | ${pages.toLocaleString('en-US')} | ${build.seconds.toFixed(0)} s | ${build.peakMiB.toFixed(0)} MiB | ${((build.seconds * 1000) / pages).toFixed(2)} | ${floor.seconds.toFixed(0)} s | ${floor.peakMiB.toFixed(0)} MiB | ${((floor.seconds * 1000) / floorPages).toFixed(2)} |`,
    );
    console.error(`  real catalog: build ${build.seconds}s, ${build.peakMiB.toFixed(0)} MiB; floor ${floor.seconds}s`);
    await rm(join(ROOT, 'bench', '.work', 'site-real'), { recursive: true, force: true });
  }
  const growth = results.length === 2 ? results[1]!.build.seconds / results[0]!.build.seconds : undefined;
  return {
    title: 'Site build',
    markdown: [
      'Synthetic catalogs recombined from the real tools (bench/synthetic.ts), classified, then built by `toolrisk build` (Astro pages, then one JSON file per tool and the sitemap). The floor writes the same tool and server pages and tool JSON from template strings in plain Node (bench/site-floor.ts). Targets on this 2-core machine: 100,000 tool pages in under 4 minutes, peak RSS under 3 GB, growing linearly.',
      '',
      '| catalog | HTML pages | build wall | build peak RSS | build ms/page | floor wall | floor peak RSS | floor ms/page |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
      ...rows,
      '',
      growth ? `Build time grows ${growth.toFixed(1)}× from 10,000 to 100,000 tools (10× would be linear).` : '',
    ].join('\n'),
  };
}
