// `toolrisk crawl`: lists the tools of every server in the index, with a concurrency limit,
// incremental skipping, sharding and a progress display. One server's failure is recorded in its
// snapshot and never stops the others.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CrawlSnapshotSchema, type CrawlSnapshot, type LaunchPlan, type Package } from '../data/schema.ts';
import { writeRecord } from '../data/serialize.ts';
import { loadIndex, loadSnapshot, type LoadedEntry } from './index-files.ts';
import { launchPlanFor, packageArguments, placeholderVariables, PlanError } from './launch.ts';
import { defaultNpmCache, listTools, sandboxRun, type ListLimits, type ListOutcome, type SandboxRun } from './list-tools.ts';
import type { Sandbox, SandboxLimits } from './sandbox.ts';
import { snapshotFrom } from './snapshot.ts';
import { createProgress, type ProgressReporter } from './progress.ts';
import { own } from '../data/own.ts';

export interface CrawlOptions {
  dataDir: string;
  concurrency?: number;
  /** Crawl only servers whose name or slug matches one of these. */
  only?: string[];
  /** `[i, n]`: crawl the i-th of n shards (1-based). */
  shard?: [number, number];
  force?: boolean;
  limits?: Partial<ListLimits>;
  npmCache?: string;
  /** Run each server in this sandbox (findSandbox()); without one, as plain child processes. */
  sandbox?: Sandbox;
  sandboxLimits?: Partial<SandboxLimits>;
  /** Folder of installed packages (sandboxStore() by default). */
  store?: string;
  /** Where progress goes (stderr by default). */
  progress?: ProgressReporter;
  now?: () => Date;
}

export interface CrawlSummary {
  ok: number;
  failed: number;
  skipped: number;
  tools: number;
  ms: number;
  errors: string[];
  results: { slug: string; status: 'ok' | 'failed' | 'skipped'; tools: number; reason?: string }[];
}

/** Stable shard assignment: a server stays in its shard however the index grows. */
export function shardOf(slug: string, shards: number): number {
  return (parseInt(createHash('sha256').update(slug).digest('hex').slice(0, 8), 16) % shards) + 1;
}

export function parseShard(text: string): [number, number] {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new Error(`--shard must look like i/n with 1 <= i <= n (for example 2/4), got "${text}"`);
  }
  return [index, count];
}

/** True when npx already has this exact package in its cache (then no install time is needed). */
async function npxHasPackage(npmCache: string, identifier: string, version: string | undefined): Promise<boolean> {
  let dirs: string[];
  try {
    dirs = await readdir(join(npmCache, '_npx'));
  } catch {
    return false;
  }
  for (const dir of dirs) {
    try {
      const manifest = JSON.parse(await readFile(join(npmCache, '_npx', dir, 'node_modules', identifier, 'package.json'), 'utf8')) as { version?: string };
      if (!version || manifest.version === version) return true;
    } catch {
      // not in this npx folder
    }
  }
  return false;
}

export async function needsInstall(plan: LaunchPlan, entry: LoadedEntry['entry'], npmCache: string): Promise<boolean> {
  if (plan.kind !== 'stdio' || !plan.installs) return false;
  if (plan.from !== 'npm') return true;
  const pkg = entry.server.packages?.find((candidate) => candidate.registryType === 'npm');
  return !pkg || !(await npxHasPackage(npmCache, pkg.identifier, pkg.version));
}

function headersFor(loaded: LoadedEntry): Record<string, string> {
  const headers = new Map<string, string>();
  for (const header of loaded.entry.server.remotes?.[0]?.headers ?? []) {
    const value = own(loaded.entry.crawl.placeholders, header.name) ?? header.value ?? header.default;
    if (value !== undefined) headers.set(header.name, value);
    else if (header.isRequired) headers.set(header.name, `toolrisk-placeholder-${header.name.toLowerCase()}`);
  }
  return Object.fromEntries(headers);
}

/** Crawls one index entry and returns its new snapshot (never throws for a server's misbehaviour). */
export async function crawlEntry(
  loaded: LoadedEntry,
  previous: CrawlSnapshot | undefined,
  options: Pick<CrawlOptions, 'dataDir' | 'limits' | 'npmCache' | 'sandbox' | 'sandboxLimits' | 'store'> & { now: string },
): Promise<CrawlSnapshot> {
  const npmCache = options.npmCache ?? defaultNpmCache();
  let plan: LaunchPlan | undefined;
  let outcome: ListOutcome;
  try {
    plan = launchPlanFor(loaded.entry);
    const pkg = loaded.entry.server.packages?.find((candidate) => candidate.registryType === (plan?.kind === 'stdio' ? plan.from : ''));
    const limits = { ...options.limits };
    if (loaded.entry.crawl.timeoutMs) {
      limits.initializeMs = limits.pageMs = loaded.entry.crawl.timeoutMs;
    }
    outcome = await listTools(plan, {
      limits,
      placeholders: placeholderVariables(loaded.entry, pkg),
      headers: headersFor(loaded),
      npmCache,
      dataDir: options.dataDir,
      needsInstall: !options.sandbox && (await needsInstall(plan, loaded.entry, npmCache)),
      sandbox: options.sandbox && plan.kind === 'stdio' ? sandboxRunFor(loaded, plan, pkg, options) : undefined,
    });
  } catch (error) {
    const stage = error instanceof PlanError ? 'plan' : 'start';
    outcome = {
      status: 'failed',
      failure: { stage, reason: (error as Error).message },
      timings: { totalMs: 0 },
      tools: [],
      fingerprints: new Map(),
      invalidTools: [],
      warnings: [],
    };
  }
  return snapshotFrom(loaded.entry, plan, outcome, previous, options.now);
}

/** How a package server runs in the sandbox: npm packages are installed first, then their bin runs. */
function sandboxRunFor(loaded: LoadedEntry, plan: Extract<LaunchPlan, { kind: 'stdio' }>, pkg: Package | undefined, options: Pick<CrawlOptions, 'sandbox' | 'sandboxLimits' | 'store'>): SandboxRun {
  const sandbox = options.sandbox!;
  const crawl = loaded.entry.crawl;
  if (plan.from !== 'npm' || !pkg) {
    // uvx and docker fetch their package at start, which needs the network and (docker) a daemon outside
    throw new PlanError(`${plan.from} packages are not run in the sandbox yet (only npm); crawl with --sandbox off to run \`${plan.command}\` unconfined`);
  }
  return {
    ...sandboxRun(sandbox, { limits: options.sandboxLimits, network: crawl.network, store: options.store }),
    install: { identifier: pkg.identifier, version: pkg.version, scripts: crawl.installScripts, bin: crawl.bin, args: packageArguments(loaded.entry, pkg) },
  };
}

function matchesOnly(loaded: LoadedEntry, only: string[]): boolean {
  return only.some((wanted) => wanted === loaded.entry.server.name || wanted === loaded.slug);
}

/** Runs `worker` over `items` with at most `limit` at once. */
export async function runPool<T>(items: readonly T[], limit: number, worker: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await worker(item);
    }
  });
  await Promise.all(lanes);
}

export async function crawlIndex(options: CrawlOptions): Promise<CrawlSummary> {
  const started = performance.now();
  const indexDir = join(options.dataDir, 'index');
  const crawledDir = join(options.dataDir, 'crawled');
  const { items, errors } = await loadIndex(indexDir);
  let selected = items;
  if (options.only?.length) {
    selected = selected.filter((loaded) => matchesOnly(loaded, options.only!));
    const unknown = options.only.filter((wanted) => !items.some((loaded) => matchesOnly(loaded, [wanted])));
    for (const wanted of unknown) errors.push(`--only ${wanted}: no server in ${indexDir} has that name or slug`);
  }
  if (options.shard) {
    const [index, count] = options.shard;
    selected = selected.filter((loaded) => shardOf(loaded.slug, count) === index);
  }
  const summary: CrawlSummary = { ok: 0, failed: 0, skipped: 0, tools: 0, ms: 0, errors, results: [] };
  const progress = options.progress ?? createProgress(selected.length);
  const now = options.now ?? (() => new Date());
  await runPool(selected, options.concurrency ?? 4, async (loaded) => {
    const file = join(crawledDir, `${loaded.slug}.json`);
    let previous: CrawlSnapshot | undefined;
    try {
      previous = await loadSnapshot(file);
    } catch (error) {
      // a broken snapshot is replaced by a fresh crawl; say so
      summary.errors.push(`${(error as Error).message.split('\n')[0]} (it will be overwritten by this crawl)`);
    }
    if (!options.force && previous?.status === 'ok' && previous.lastOkVersion === loaded.entry.server.version) {
      summary.skipped += 1;
      summary.tools += previous.tools.length;
      summary.results.push({ slug: loaded.slug, status: 'skipped', tools: previous.tools.length });
      progress.skipped(loaded.entry.server.name, `skip ${loaded.entry.server.name} (version ${loaded.entry.server.version || '(none)'} unchanged; --force to crawl again)`);
      return;
    }
    progress.started(loaded.entry.server.name);
    const snapshot = await crawlEntry(loaded, previous, { ...options, now: now().toISOString() });
    await writeRecord(file, CrawlSnapshotSchema, snapshot);
    const seconds = (snapshot.timings.totalMs / 1000).toFixed(1);
    if (snapshot.status === 'ok') {
      summary.ok += 1;
      summary.tools += snapshot.tools.length;
      summary.results.push({ slug: loaded.slug, status: 'ok', tools: snapshot.tools.length });
      const notes = snapshot.warnings.length ? `, ${snapshot.warnings.length} warning(s)` : '';
      progress.finished(loaded.entry.server.name, `ok   ${loaded.entry.server.name}: ${snapshot.tools.length} tools in ${seconds}s${notes}`, true);
    } else {
      summary.failed += 1;
      const reason = `${snapshot.failure?.stage}: ${snapshot.failure?.reason}`;
      summary.results.push({ slug: loaded.slug, status: 'failed', tools: 0, reason });
      progress.finished(loaded.entry.server.name, `FAIL ${loaded.entry.server.name} after ${seconds}s at ${reason.slice(0, 300)}`, false);
    }
  });
  progress.close();
  summary.ms = Math.round(performance.now() - started);
  return summary;
}
