// The parts of crawler/crawl.ts a mutation run left untested: crawl.test.ts does not look at the headers sent to a
// remote, the limits, the sandbox choices, npx's install allowance or the progress lines, and launch.test.ts reaches
// needsInstall only through a dynamic import a mutation run does not relate to this file. Every server here is real:
// an SDK server over Streamable HTTP on 127.0.0.1, the SDK fixture started by the real `npx -y`, and recorded files.
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlEntry, crawlIndex, needsInstall, runPool, type CrawlOptions } from '../../crawler/crawl.ts';
import { launchPlanFor } from '../../crawler/launch.ts';
import type { LoadedEntry } from '../../crawler/index-files.ts';
import type { ProgressReporter } from '../../crawler/progress.ts';
import type { Sandbox } from '../../crawler/sandbox.ts';
import { CrawlSnapshotSchema, IndexEntrySchema, type IndexEntry } from '../../data/schema.ts';
import { readRecord, writeRecord } from '../../data/serialize.ts';
import { SDK_SERVER, tempDir } from '../helpers.ts';

const NOW = '2026-01-01T00:00:00.000Z';
const tool = (name: string, description = `the ${name} tool`) => ({ name, description, inputSchema: { type: 'object' as const } });

function entryOf(server: Record<string, unknown>, crawl: Record<string, unknown> = {}): IndexEntry {
  return IndexEntrySchema.parse({ server: { version: '1.0.0', ...server }, crawl });
}

function loaded(entry: IndexEntry): LoadedEntry {
  const slug = entry.server.name.replace('/', '__');
  return { file: `${slug}.json`, slug, entry };
}

let work: Awaited<ReturnType<typeof tempDir>>;
let http: HttpServer;
let base: string;

/**
 * `/mcp` lists three tools; `/echo-headers` one tool whose description is the `x-` headers it was sent;
 * `/loop` answers every tools/list page with the same cursor (the crawler stops and warns).
 */
async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (req.method !== 'POST' || !['/mcp', '/echo-headers', '/loop'].includes(path)) {
    res.writeHead(404).end();
    return;
  }
  const server = new Server({ name: 'crawl-parts', version: '1.0.0' }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, async (request, extra) => {
    if (path === '/echo-headers') {
      const sent = Object.fromEntries(Object.entries(extra.requestInfo?.headers ?? {}).filter(([name]) => name.startsWith('x-')));
      return { tools: [tool('echo', JSON.stringify(sent))] };
    }
    if (path === '/loop') return { tools: [tool(request.params?.cursor ? 'again' : 'first')], nextCursor: 'same' };
    return { tools: [tool('alpha'), tool('beta'), tool('gamma')] };
  });
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  res.on('close', () => void transport.close().then(() => server.close()));
  await server.connect(transport);
  await transport.handleRequest(req, res);
}

beforeAll(async () => {
  work = await tempDir('toolrisk-crawl-parts-');
  http = createServer((req, res) => void route(req, res));
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
});
afterAll(async () => {
  http?.closeAllConnections();
  await new Promise((done) => (http ? http.close(done) : done(undefined)));
  await work?.remove();
});

describe('needsInstall', () => {
  it('a remote server and a docker image never wait for an install', async () => {
    const remote = entryOf({ name: 'test.local/remote', remotes: [{ type: 'streamable-http', url: 'https://example.com/mcp' }] });
    expect(await needsInstall(launchPlanFor(remote), remote, join(work.path, 'npm-cache'))).toBe(false);
    const docker = entryOf({ name: 'test.local/docker', packages: [{ registryType: 'oci', identifier: 'example/server', version: '1.0.0' }] });
    expect(launchPlanFor(docker)).toMatchObject({ kind: 'stdio', from: 'oci', installs: false });
    expect(await needsInstall(launchPlanFor(docker), docker, join(work.path, 'npm-cache'))).toBe(false);
  });

  it("looks for the npm package itself in npx's cache, and always gives uvx its install time", async () => {
    const cache = join(work.path, 'npx-cache');
    const installed = join(cache, '_npx', 'f00d', 'node_modules', '@scope', 'server');
    await mkdir(installed, { recursive: true });
    await writeFile(join(installed, 'package.json'), JSON.stringify({ name: '@scope/server', version: '1.2.0' }));
    // the python package is listed first, yet npm is launched and its package is the one looked up
    const both = entryOf({
      name: 'test.local/both',
      packages: [
        { registryType: 'pypi', identifier: 'scope-server', version: '1.2.0' },
        { registryType: 'npm', identifier: '@scope/server', version: '1.2.0' },
      ],
    });
    expect(launchPlanFor(both)).toMatchObject({ from: 'npm' });
    expect(await needsInstall(launchPlanFor(both), both, cache)).toBe(false);
    // an npm package that serves HTTP itself cannot be launched: uvx runs the python one, which npx's cache says nothing about
    const python = entryOf({
      name: 'test.local/python',
      packages: [
        { registryType: 'npm', identifier: '@scope/server', version: '1.2.0', transport: { type: 'streamable-http', url: 'http://localhost:3000/mcp' } },
        { registryType: 'pypi', identifier: 'scope-server', version: '1.2.0' },
      ],
    });
    expect(launchPlanFor(python)).toMatchObject({ from: 'pypi' });
    expect(await needsInstall(launchPlanFor(python), python, cache)).toBe(true);
  });
});

describe('crawlEntry', () => {
  const options = () => ({ dataDir: work.path, now: NOW, limits: { initializeMs: 30_000 } });

  it("sends a remote's headers: placeholders first, then the value, then the default; required ones get a placeholder, optional ones without a value none", async () => {
    const entry = entryOf(
      {
        name: 'test.local/headers',
        remotes: [
          {
            type: 'streamable-http',
            url: `${base}/echo-headers`,
            headers: [
              { name: 'X-Api-Key', isRequired: true, isSecret: true },
              { name: 'X-Tenant', value: 'from-entry', isRequired: true },
              { name: 'X-Token' },
              { name: 'X-Mode', value: 'fixed', default: 'other' },
              { name: 'X-Region', default: 'eu' },
              { name: 'X-Optional', description: 'left out when it has no value' },
            ],
          },
        ],
      },
      { placeholders: { 'X-Tenant': 'from-placeholders', 'X-Token': 'token-placeholder' } },
    );
    const snapshot = await crawlEntry(loaded(entry), undefined, options());
    expect(snapshot.status).toBe('ok');
    expect(JSON.parse(snapshot.tools[0]!.description!)).toEqual({
      'x-api-key': 'toolrisk-placeholder-x-api-key',
      'x-tenant': 'from-placeholders',
      'x-token': 'token-placeholder',
      'x-mode': 'fixed',
      'x-region': 'eu',
    });
  }, 60_000);

  it('an empty remotes list beside another source is no remote to send headers to', async () => {
    await writeFile(join(work.path, 'recorded-empty-remotes.json'), JSON.stringify({ server: { name: 'x/y' }, tools: [tool('recorded_tool')] }));
    const entry = entryOf({ name: 'test.local/empty-remotes', remotes: [] }, { source: { kind: 'recorded', file: 'recorded-empty-remotes.json' } });
    const snapshot = await crawlEntry(loaded(entry), undefined, options());
    expect(snapshot.failure).toBeUndefined();
    expect(snapshot.tools.map((listed) => listed.name)).toEqual(['recorded_tool']);
  });

  it("an entry's own timeoutMs replaces the crawl's initialize and page limits", async () => {
    const entry = entryOf({ name: 'test.local/patient', remotes: [{ type: 'streamable-http', url: `${base}/mcp` }] }, { timeoutMs: 60_000 });
    // limits no server could meet: only the entry's own time limit lets this crawl succeed
    const snapshot = await crawlEntry(loaded(entry), undefined, { ...options(), limits: { initializeMs: 1, pageMs: 1 } });
    expect(snapshot.failure).toBeUndefined();
    expect(snapshot.tools.map((listed) => listed.name)).toEqual(['alpha', 'beta', 'gamma']);
  }, 60_000);

  it("keeps the crawl's other limits beside an entry's timeoutMs", async () => {
    const entry = entryOf({ name: 'test.local/capped', remotes: [{ type: 'streamable-http', url: `${base}/mcp` }] }, { timeoutMs: 60_000 });
    const snapshot = await crawlEntry(loaded(entry), undefined, { ...options(), limits: { maxTools: 2 } });
    expect(snapshot.tools.map((listed) => listed.name)).toEqual(['alpha', 'beta']);
    expect(snapshot.warnings.map((warning) => warning.code)).toEqual(['tool-cap']);
  }, 60_000);

  it('a remote URL that cannot be parsed fails the server at start instead of throwing', async () => {
    const entry = entryOf({ name: 'test.local/bad-url', remotes: [{ type: 'streamable-http', url: 'example.com/mcp' }] });
    const snapshot = await crawlEntry(loaded(entry), undefined, options());
    expect(snapshot.status).toBe('failed');
    expect(snapshot.failure).toEqual({ stage: 'start', reason: 'Invalid URL' });
  });

  it("gives a package npx has yet to install the install time on top of initialize's limit, its variables, and the crawl's npm cache", async () => {
    const packageDir = join(work.path, 'npx-package');
    await mkdir(packageDir, { recursive: true });
    await writeFile(
      join(packageDir, 'package.json'),
      JSON.stringify({ name: 'toolrisk-crawl-parts-server', version: '1.0.0', private: true, type: 'module', bin: { 'toolrisk-crawl-parts-server': 'server.mjs' } }),
    );
    await writeFile(join(packageDir, 'server.mjs'), `#!/usr/bin/env node\nprocess.argv.splice(2, 0, process.env.FIXTURE_MODE ?? 'basic');\nawait import(${JSON.stringify(SDK_SERVER)});\n`);
    const npmCache = join(work.path, 'crawl-npm-cache');
    const entry = entryOf({
      name: 'test.local/npx-env',
      packages: [
        // listed first, but npm is what runs: its variables are the ones the server gets
        { registryType: 'pypi', identifier: 'crawl-parts-server', environmentVariables: [{ name: 'PYTHON_ONLY', isRequired: true }] },
        {
          registryType: 'npm',
          identifier: packageDir,
          transport: { type: 'stdio' },
          environmentVariables: [
            { name: 'FIXTURE_MODE', isRequired: true, default: 'env-report' },
            { name: 'PROBE_TOKEN', isRequired: true },
          ],
        },
      ],
    });
    // initialize alone gets 1 ms: only the install time npx is given on top lets the server answer
    const snapshot = await crawlEntry(loaded(entry), undefined, { ...options(), npmCache, limits: { initializeMs: 1, installMs: 120_000 } });
    expect(snapshot.failure).toBeUndefined();
    expect(snapshot.tools.map((listed) => listed.name)).toEqual(['env_report']);
    const { env } = JSON.parse(snapshot.tools[0]!.description!) as { env: Record<string, string> };
    expect(env).toMatchObject({ FIXTURE_MODE: 'env-report', PROBE_TOKEN: 'toolrisk-placeholder-probe_token', npm_config_cache: npmCache });
    expect(env.PYTHON_ONLY).toBeUndefined();
  }, 120_000);
});

describe('crawlEntry with a sandbox', () => {
  // A sandbox record as findSandbox() returns one. None of these cases gets as far as starting it (each is decided
  // before anything runs), so its tools are paths that do not exist: a regression that did start it fails at once.
  const sandbox = (): Sandbox => ({ bwrap: join(work.path, 'no-bwrap'), prlimit: join(work.path, 'no-prlimit'), user: { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 } });
  const options = () => ({ dataDir: work.path, now: NOW, sandbox: sandbox(), store: join(work.path, 'store'), limits: { initializeMs: 30_000 } });

  it('reaches a remote server directly, as the sandbox is for running code', async () => {
    const entry = entryOf({ name: 'test.local/sandboxed-remote', remotes: [{ type: 'streamable-http', url: `${base}/mcp` }] });
    const snapshot = await crawlEntry(loaded(entry), undefined, options());
    expect(snapshot.failure).toBeUndefined();
    expect(snapshot.tools.map((listed) => listed.name)).toEqual(['alpha', 'beta', 'gamma']);
    expect(snapshot.sandbox).toBeUndefined();
  }, 60_000);

  it('refuses a python package at plan, saying how to run it unconfined', async () => {
    const entry = entryOf({ name: 'test.local/sandboxed-python', packages: [{ registryType: 'pypi', identifier: 'crawl-parts-server', version: '1.0.0' }] });
    const snapshot = await crawlEntry(loaded(entry), undefined, options());
    expect(snapshot.failure).toEqual({
      stage: 'plan',
      reason: 'pypi packages are not run in the sandbox yet (only npm); crawl with --sandbox off to run `uvx` unconfined',
    });
  });

  it('sends an npm package to the sandboxed install first, with the network its entry asks for; an identifier that is no npm package name stops there', async () => {
    const entry = entryOf({ name: 'test.local/sandboxed-npm', packages: [{ registryType: 'npm', identifier: 'Not A Package', version: '1.0.0' }] }, { network: true });
    const snapshot = await crawlEntry(loaded(entry), undefined, options());
    expect(snapshot.failure).toEqual({ stage: 'install', reason: '"Not A Package" is not an npm package name' });
    expect(snapshot.sandbox).toEqual({ kind: 'bubblewrap', network: true });
  });
});

describe('runPool', () => {
  it('runs every item once, in order, with at most `limit` at once', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    await runPool([1, 2, 3, 4, 5], 2, async (item) => {
      running += 1;
      most = Math.max(most, running);
      started.push(item);
      await new Promise((done) => setImmediate(done));
      running -= 1;
    });
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });
});

describe('crawlIndex', () => {
  /** A progress reporter that keeps every call. */
  function recorder(): ProgressReporter & { calls: unknown[][] } {
    const calls: unknown[][] = [];
    return {
      calls,
      started: (name) => calls.push(['started', name]),
      finished: (name, line, ok) => calls.push(['finished', name, line, ok]),
      skipped: (name, line) => calls.push(['skipped', name, line]),
      close: () => calls.push(['close']),
    };
  }

  async function dataDirWith(...entries: IndexEntry[]): Promise<string> {
    const dataDir = (await tempDir('toolrisk-crawl-parts-data-')).path;
    for (const entry of entries) await writeRecord(join(dataDir, 'index', `${entry.server.name.replace('/', '__')}.json`), IndexEntrySchema, entry);
    return dataDir;
  }

  const seconds = async (dataDir: string, slug: string) =>
    ((await readRecord(join(dataDir, 'crawled', `${slug}.json`), CrawlSnapshotSchema)).timings.totalMs / 1000).toFixed(1);

  const dataDirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("sums up each server's result and reports each start and finish, with its time and warnings", async () => {
    const dataDir = await dataDirWith(
      entryOf({ name: 'test.local/a-plain', remotes: [{ type: 'streamable-http', url: `${base}/mcp` }] }),
      entryOf({ name: 'test.local/b-looping', remotes: [{ type: 'streamable-http', url: `${base}/loop` }] }),
      entryOf({ name: 'test.local/c-bad-url', remotes: [{ type: 'streamable-http', url: 'example.com/mcp' }] }),
    );
    dataDirs.push(dataDir);
    const progress = recorder();
    const options: CrawlOptions = { dataDir, progress, concurrency: 1, limits: { initializeMs: 30_000 } };
    const before = performance.now();
    const summary = await crawlIndex(options);
    const elapsed = performance.now() - before;
    expect(summary.results).toEqual([
      { slug: 'test.local__a-plain', status: 'ok', tools: 3 },
      { slug: 'test.local__b-looping', status: 'ok', tools: 2 },
      { slug: 'test.local__c-bad-url', status: 'failed', tools: 0, reason: 'start: Invalid URL' },
    ]);
    expect(summary).toMatchObject({ ok: 2, failed: 1, skipped: 0, tools: 5, errors: [] });
    expect(progress.calls).toEqual([
      ['started', 'test.local/a-plain'],
      ['finished', 'test.local/a-plain', `ok   test.local/a-plain: 3 tools in ${await seconds(dataDir, 'test.local__a-plain')}s`, true],
      ['started', 'test.local/b-looping'],
      ['finished', 'test.local/b-looping', `ok   test.local/b-looping: 2 tools in ${await seconds(dataDir, 'test.local__b-looping')}s, 1 warning(s)`, true],
      ['started', 'test.local/c-bad-url'],
      ['finished', 'test.local/c-bad-url', 'FAIL test.local/c-bad-url after 0.0s at start: Invalid URL', false],
      ['close'],
    ]);
    // the summary's time is the run's own duration (it cannot exceed the time measured around the call)
    expect(summary.ms).toBeGreaterThanOrEqual(0);
    expect(summary.ms).toBeLessThanOrEqual(Math.ceil(elapsed));
  }, 60_000);

  it("replaces a snapshot that is no crawl record, and says so with the problem's first line", async () => {
    const dataDir = await dataDirWith(entryOf({ name: 'test.local/recorded' }, { source: { kind: 'recorded', file: 'recorded.json' } }));
    dataDirs.push(dataDir);
    await writeFile(join(dataDir, 'recorded.json'), JSON.stringify({ server: { name: 'x/y' }, tools: [tool('recorded_tool')] }));
    const file = join(dataDir, 'crawled', 'test.local__recorded.json');
    await mkdir(join(dataDir, 'crawled'));
    await writeFile(file, JSON.stringify({ slug: 5 }));
    const summary = await crawlIndex({ dataDir, progress: recorder() });
    expect(summary.errors).toEqual([`${file}: does not match the expected record: (it will be overwritten by this crawl)`]);
    expect(summary.ok).toBe(1);
    expect((await readRecord(file, CrawlSnapshotSchema)).tools.map((listed) => listed.name)).toEqual(['recorded_tool']);
  });

  it('skips an unchanged server without a version, saying "(none)"', async () => {
    const dataDir = await dataDirWith(IndexEntrySchema.parse({ server: { name: 'test.local/unversioned' }, crawl: { source: { kind: 'recorded', file: 'recorded.json' } } }));
    dataDirs.push(dataDir);
    await writeFile(join(dataDir, 'recorded.json'), JSON.stringify({ server: { name: 'x/y' }, tools: [tool('recorded_tool')] }));
    expect(await crawlIndex({ dataDir, progress: recorder() })).toMatchObject({ ok: 1 });
    const progress = recorder();
    expect(await crawlIndex({ dataDir, progress })).toMatchObject({ ok: 0, skipped: 1, tools: 1 });
    expect(progress.calls).toEqual([
      ['skipped', 'test.local/unversioned', 'skip test.local/unversioned (version (none) unchanged; --force to crawl again)'],
      ['close'],
    ]);
  });
});
