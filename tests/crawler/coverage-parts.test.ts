// Why this file: the coverage report is read by users only through `toolrisk crawl`/`catalog` and the site (child
// processes and builds, which a mutation run does not see), and coverage.test.ts checks one example per failure class.
// Here, in-process: the edges of each failure class, package types, a server's coverage line, the figures' order and
// bands, the terminal lines, and loadCoverage over a real data folder written with the project's serializer.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  coverageLines,
  coverageServerOf,
  failureClass,
  FAILURE_CLASSES,
  loadCoverage,
  PACKAGE_TYPES,
  packageTypeOf,
  summarizeCoverage,
  type CoverageServer,
  type FailureClass,
  type PackageType,
} from '../../crawler/coverage.ts';
import { CrawlSnapshotSchema, IndexEntrySchema, type CrawlSnapshot, type CrawlStage, type IndexEntry, type LaunchPlan } from '../../data/schema.ts';
import { writeRecord } from '../../data/serialize.ts';

/** The SDK's message when a stdio server's process ends before it answers (as crawls record it). */
const EXITED = 'MCP error -32000: Connection closed (the server exited with code 1)';

const failed = (stage: CrawlStage, reason: string, stderr?: string, warnings?: CrawlSnapshot['warnings']) => ({ failure: { stage, reason }, stderr, launch: undefined, warnings });
/** The warning a crawl records when a server printed non-JSON-RPC lines on stdout (crawler/list-tools.ts). */
const stdoutNoise = (sample: string) => [{ code: 'stdout-noise', message: `the server wrote 3 line(s) to stdout that are not JSON-RPC (ignored), e.g. ${JSON.stringify(sample)}` }];

const npmEntry = (name: string, crawl: IndexEntry['crawl'] = {}): IndexEntry =>
  IndexEntrySchema.parse({ server: { name, version: '1.0.0', packages: [{ registryType: 'npm', identifier: name.split('/')[1], version: '1.0.0' }] }, crawl });

/** A snapshot as the crawler writes it (parsed by its schema, so it is a valid record). */
const snapshotOf = (name: string, options: { tools?: number; crawledAt?: string; failure?: CrawlSnapshot['failure']; status?: 'ok' | 'failed'; launch?: LaunchPlan; packages?: string[] } = {}): CrawlSnapshot =>
  CrawlSnapshotSchema.parse({
    slug: name.replace('/', '__'),
    name,
    status: options.status ?? (options.failure ? 'failed' : 'ok'),
    ...(options.failure ? { failure: options.failure } : {}),
    crawledAt: options.crawledAt ?? '2026-11-20T10:00:00Z',
    entry: { name, version: '1.0.0', packages: (options.packages ?? []).map((registryType) => ({ registryType, identifier: 'x' })) },
    ...(options.launch ? { launch: options.launch } : {}),
    timings: { totalMs: 1 },
    tools: Array.from({ length: options.tools ?? 0 }, (_, i) => ({ name: `t${i}`, inputSchema: { type: 'object' } })),
    fingerprints: [],
    invalidTools: [],
    warnings: [],
    history: [],
  });

describe('failure classes at their edges', () => {
  const cases: [string, FailureClass, ReturnType<typeof failed>][] = [
    ['a plan failure that is not about the package type is not blamed on the machine', 'other', failed('plan', 'the entry has no packages and no remotes to crawl')],
    ['an install error naming a docker-ish package is an install failure', 'install-failed', failed('install', 'npm install failed: npm error 404 Not Found - GET https://registry.npmjs.org/docker-mcp-tools - Not found')],
    ['"cmake" in a protocol error after install is not a native module', 'protocol', failed('list', 'MCP error -32603: could not load the cmake presets')],
    ['"requires Node 22" without ".js" or "v"', 'needs-newer-node', failed('initialize', EXITED, 'Error: acme-mcp requires Node 22 (you have v20.20.2)')],
    ['a missing builtin with a stack trace through node:internal', 'needs-newer-node', failed('initialize', EXITED, 'TypeError: list.toSorted is not a function\n    at main (file:///srv/index.js:3:9)\n    at ModuleJob.run (node:internal/modules/esm/module_job:271:25)')],
    ['"Node.js 22 or newer" without "requires"', 'needs-newer-node', failed('initialize', EXITED, 'This server needs Node.js 22 or newer.')],
    ['a missing .node binding file', 'native-module', failed('initialize', EXITED, "Error: Cannot find module './binding/napi-v6-linux-glibc-x64/node_sqlite3.node'")],
    ['"not found please install" without punctuation', 'needs-program', failed('initialize', EXITED, 'ffmpeg not found please install it')],
    ['"not installed. Please install"', 'needs-program', failed('initialize', EXITED, 'Error: pandoc is not installed. Please install pandoc and try again')],
    ['a spawned program that does not exist', 'needs-program', failed('initialize', EXITED, 'Error: spawn uvx ENOENT')],
    ['"please install X first"', 'needs-program', failed('initialize', EXITED, 'Please install ffmpeg first.')],
    ['"unauthorized" with no status code', 'needs-credentials', failed('initialize', EXITED, 'Error: request unauthorized, check your account')],
    ['an error answer saying the API key is invalid', 'needs-credentials', failed('initialize', 'MCP error -32603: API key invalid')],
    ['an error answer saying the credential is invalid', 'needs-credentials', failed('initialize', 'MCP error -32603: invalid credential')],
    ['an error answer saying the apikey is invalid', 'needs-credentials', failed('initialize', 'MCP error -32603: invalid apikey')],
    ['an error answer saying the api_key is invalid', 'needs-credentials', failed('initialize', 'MCP error -32603: invalid api_key')],
    ['"missing argument"', 'needs-configuration', failed('initialize', EXITED, "Error: missing argument 'path'")],
    ['an option said to be required ("--root required")', 'needs-configuration', failed('initialize', EXITED, 'Error: --root required')],
    ['an option said to be required after other words', 'needs-configuration', failed('initialize', EXITED, 'error: option --root is required')],
    // the launch planner's own words: what it cannot launch, and an argument the entry must give
    ['a package type the crawler cannot launch, whatever types the message lists', 'not-runnable-here', failed('plan', 'package registry type "nuget" cannot be launched (supported: npm, pypi, oci, remotes)')],
    ['a package that serves HTTP itself', 'not-runnable-here', failed('plan', 'package acme-mcp serves streamable-http itself; the crawler launches stdio packages or connects to remotes')],
    ['a Python package under the sandbox', 'not-runnable-here', failed('plan', 'pypi packages are not run in the sandbox yet (only npm); crawl with --sandbox off to run `uvx acme==1.0` unconfined')],
    ['a required package argument without a value, whatever it is named', 'needs-configuration', failed('plan', 'required package argument "docker_image" has no value; give one in the entry\'s crawl.arguments')],
    ['a required runtime argument named "root" without a value', 'needs-configuration', failed('plan', 'required runtime argument "root" has no value; give one in the entry\'s crawl.arguments')],
    ['stderr naming an APIKEY variable', 'needs-credentials', failed('initialize', EXITED, 'Error: ACME_APIKEY is empty')],
    ['stderr naming an API_KEY variable', 'needs-credentials', failed('initialize', EXITED, 'Error: ACME_API_KEY is empty')],
    ['stderr about a token', 'needs-credentials', failed('initialize', EXITED, 'Error: the token is empty')],
    ['the SDK\'s "Connection closed" alone is an exit, not a protocol error', 'exited-on-start', failed('initialize', 'MCP error -32000: Connection closed')],
    [
      'a server that ends with code 0 after printing anything wants a command',
      'needs-configuration',
      failed('initialize', 'MCP error -32000: Connection closed (the server exited with code 0)', undefined, stdoutNoise('acme-mcp v1.2 ready')),
    ],
    ['a server that printed "command:" on stdout wants a command', 'needs-configuration', failed('initialize', EXITED, undefined, stdoutNoise('No such command: serve'))],
    ['a server that printed "--help" on stdout wants arguments', 'needs-configuration', failed('initialize', EXITED, undefined, stdoutNoise('Run acme-mcp --help for the options'))],
    [
      'only stdout noise counts as what the server printed, not other warnings',
      'exited-on-start',
      failed('initialize', 'MCP error -32000: Connection closed', undefined, [{ code: 'transport-fallback', message: 'fell back to sse: streamable-http: HTTP 404 Cannot POST /mcp (usage: GET /sse)' }]),
    ],
  ];
  it.each(cases)('%s', (_, expected, snapshot) => {
    expect(failureClass(snapshot)).toBe(expected);
  });

  it('a failed crawl with no failure record is "other"', () => {
    expect(failureClass({ failure: undefined, stderr: undefined, launch: undefined })).toBe('other');
  });
});

describe('package types', () => {
  const npmServer = { name: 'io.acme/x', description: '', version: '1.0.0', packages: [{ registryType: 'npm', identifier: 'x' }] };

  it('a recorded listing or a server card is static, whatever the server packages', () => {
    expect(packageTypeOf(undefined, { launch: { kind: 'recorded', file: 'recorded/x.json' }, entry: npmServer })).toBe('static');
    expect(packageTypeOf(undefined, { launch: { kind: 'server-card', url: 'https://x.example/.well-known/mcp/server-card.json' }, entry: npmServer })).toBe('static');
  });

  it('a crawl run from a command line says nothing of the type: the entry decides', () => {
    const launch: LaunchPlan = { kind: 'stdio', from: 'command', command: 'node', args: ['server.js'], placeholderVariables: [], installs: false };
    expect(packageTypeOf(npmEntry('io.acme/x'), { launch, entry: npmServer })).toBe('npm');
  });

  it('an entry with a static source is static, and an npm entry never crawled is npm', () => {
    expect(packageTypeOf(npmEntry('io.acme/x', { source: { kind: 'recorded', file: 'recorded/x.json' } }))).toBe('static');
    expect(packageTypeOf(npmEntry('io.acme/x'))).toBe('npm');
  });

  it('a crawled server whose entry left the index is typed by the snapshot', () => {
    expect(packageTypeOf(undefined, { launch: undefined, entry: { ...npmServer, packages: [{ registryType: 'oci', identifier: 'x' }] } })).toBe('oci');
  });

  it('empty packages with remotes is remote; an unlaunchable package type or nothing known is other', () => {
    expect(packageTypeOf(IndexEntrySchema.parse({ server: { name: 'io.acme/r', packages: [], remotes: [{ type: 'sse', url: 'https://x.example/sse' }] } }))).toBe('remote');
    expect(packageTypeOf(IndexEntrySchema.parse({ server: { name: 'io.acme/n', packages: [{ registryType: 'nuget', identifier: 'Acme.Mcp' }] } }))).toBe('other');
    expect(packageTypeOf(undefined)).toBe('other');
  });
});

describe("a server's coverage line", () => {
  it('a slug with neither entry nor snapshot is named by its slug, not crawled', () => {
    expect(coverageServerOf('io.acme__x', undefined, undefined)).toStrictEqual({ name: 'io.acme__x', slug: 'io.acme__x', type: 'other', status: 'not-crawled', tools: 0 });
  });

  it('an entry without recorded downloads has no downloads field', () => {
    expect(coverageServerOf('io.acme__x', npmEntry('io.acme/x'), undefined)).toStrictEqual({ name: 'io.acme/x', slug: 'io.acme__x', type: 'npm', status: 'not-crawled', tools: 0 });
  });

  it('a failed crawl keeps its stage and its reason cut at 300 characters', () => {
    const reason = `npm install failed: ${'npm error x '.repeat(60)}`;
    const line = coverageServerOf('io.acme__x', npmEntry('io.acme/x'), snapshotOf('io.acme/x', { failure: { stage: 'install', reason }, crawledAt: '2026-11-21T08:00:00Z' }));
    expect(line).toStrictEqual({ name: 'io.acme/x', slug: 'io.acme__x', type: 'npm', status: 'failed', tools: 0, crawledAt: '2026-11-21T08:00:00Z', stage: 'install', failure: 'install-failed', reason: reason.slice(0, 300) });
    expect(reason.length).toBeGreaterThan(300);
  });

  it('a short reason is kept whole', () => {
    const line = coverageServerOf('io.acme__x', undefined, snapshotOf('io.acme/x', { failure: { stage: 'initialize', reason: EXITED } }));
    expect(line.reason).toBe(EXITED);
  });

  it('a failed snapshot without a failure record has no stage and an empty reason', () => {
    const line = coverageServerOf('io.acme__x', undefined, snapshotOf('io.acme/x', { status: 'failed', crawledAt: '2026-11-21T08:00:00Z' }));
    expect(line).toStrictEqual({ name: 'io.acme/x', slug: 'io.acme__x', type: 'other', status: 'failed', tools: 0, crawledAt: '2026-11-21T08:00:00Z', failure: 'other', reason: '' });
  });
});

describe('coverage figures', () => {
  const line = (name: string, type: PackageType, extra: Partial<CoverageServer> = {}): CoverageServer => ({ name, slug: name.replace('/', '__'), type, status: 'not-crawled', tools: 0, ...extra });
  const failedLine = (name: string, type: PackageType, failure: FailureClass) => line(name, type, { status: 'failed', failure, crawledAt: '2026-11-21T00:00:00Z' });

  it('failures and package types come most common first, ties by name', () => {
    // first seen (by server name): protocol, other, timeout, exited-on-start, needs-service
    const coverage = summarizeCoverage([
      failedLine('io.a/n7', 'oci', 'needs-service'),
      failedLine('io.a/n1', 'remote', 'protocol'),
      failedLine('io.a/n4', 'npm', 'exited-on-start'),
      failedLine('io.a/n2', 'pypi', 'other'),
      failedLine('io.a/n6', 'npm', 'exited-on-start'),
      failedLine('io.a/n3', 'static', 'timeout'),
      failedLine('io.a/n5', 'pypi', 'other'),
    ]);
    expect(coverage.failures).toEqual([
      { class: 'exited-on-start', meaning: FAILURE_CLASSES['exited-on-start'], count: 2 },
      { class: 'other', meaning: FAILURE_CLASSES.other, count: 2 },
      { class: 'needs-service', meaning: FAILURE_CLASSES['needs-service'], count: 1 },
      { class: 'protocol', meaning: FAILURE_CLASSES.protocol, count: 1 },
      { class: 'timeout', meaning: FAILURE_CLASSES.timeout, count: 1 },
    ]);
    expect(coverage.types.map((type) => [type.type, type.total, type.failed])).toEqual([
      ['npm', 2, 2],
      ['pypi', 2, 2],
      ['oci', 1, 1],
      ['remote', 1, 1],
      ['static', 1, 1],
    ]);
  });

  it('servers of the same name keep the order they were given in', () => {
    const coverage = summarizeCoverage([line('io.a/x', 'npm', { slug: 'io.a__x' }), line('io.a/x', 'npm', { slug: 'io.a__x-old' }), line('io.a/a', 'npm')]);
    expect(coverage.list.map((server) => server.slug)).toEqual(['io.a__a', 'io.a__x', 'io.a__x-old']);
  });

  it('a tool count at either edge of a band falls in that band', () => {
    const counts = [0, 1, 5, 6, 20, 21, 50, 51, 100, 101, 500, 501];
    const coverage = summarizeCoverage(counts.map((tools) => line(`io.a/s${tools}`, 'npm', { status: 'ok', tools })));
    expect(coverage.toolsPerServer).toEqual([
      { band: '0', servers: 1 },
      { band: '1–5', servers: 2 },
      { band: '6–20', servers: 2 },
      { band: '21–50', servers: 2 },
      { band: '51–100', servers: 2 },
      { band: '101–500', servers: 2 },
      { band: 'over 500', servers: 1 },
    ]);
  });
});

describe('coverage as terminal lines', () => {
  it('says the totals, the failures by reason, the package types and the crawl dates', () => {
    const coverage = summarizeCoverage([
      { name: 'io.a/one', slug: 'io.a__one', type: 'npm', status: 'ok', tools: 3, crawledAt: '2026-11-20T10:00:00Z' },
      { name: 'io.a/two', slug: 'io.a__two', type: 'npm', status: 'ok', tools: 10, crawledAt: '2026-11-23T10:00:00Z' },
      { name: 'io.a/py', slug: 'io.a__py', type: 'pypi', status: 'failed', tools: 0, crawledAt: '2026-11-21T10:00:00Z', failure: 'not-runnable-here' },
      { name: 'io.a/img', slug: 'io.a__img', type: 'oci', status: 'not-crawled', tools: 0 },
    ]);
    expect(coverageLines(coverage)).toEqual([
      'coverage: 4 servers in the index: 2 listed their tools, 1 failed, 1 not crawled; 13 tools (median 3 per server, most 10)',
      '  failed, by reason:',
      `       1  not-runnable-here: ${FAILURE_CLASSES['not-runnable-here']}`,
      '  by package type:',
      `    npm        2 servers, 2 ok, 0 failed, 0 not crawled, 13 tools (${PACKAGE_TYPES.npm})`,
      `    oci        1 servers, 0 ok, 0 failed, 1 not crawled, 0 tools (${PACKAGE_TYPES.oci})`,
      `    pypi       1 servers, 0 ok, 1 failed, 0 not crawled, 0 tools (${PACKAGE_TYPES.pypi})`,
      '  crawled between 2026-11-20 and 2026-11-23',
    ]);
  });

  it('leaves out the failures and the dates when nothing failed or was crawled', () => {
    const coverage = summarizeCoverage([{ name: 'io.a/img', slug: 'io.a__img', type: 'oci', status: 'not-crawled', tools: 0 }]);
    expect(coverageLines(coverage)).toEqual([
      'coverage: 1 servers in the index: 0 listed their tools, 0 failed, 1 not crawled; 0 tools (median 0 per server, most 0)',
      '  by package type:',
      `    oci        1 servers, 0 ok, 0 failed, 1 not crawled, 0 tools (${PACKAGE_TYPES.oci})`,
    ]);
  });
});

describe('coverage of a data folder', () => {
  let dataDir = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'toolrisk-coverage-'));
    const index = join(dataDir, 'index');
    const crawled = join(dataDir, 'crawled');
    await writeRecord(join(index, 'io.acme__alpha.json'), IndexEntrySchema, npmEntry('io.acme/alpha', { origin: { kind: 'npm', addedAt: '2026-11-01', downloadsPerMonth: 1200 } }));
    await writeRecord(join(index, 'io.acme__beta.json'), IndexEntrySchema, { server: { name: 'io.acme/beta', packages: [{ registryType: 'pypi', identifier: 'acme-beta' }] } });
    await writeRecord(join(index, 'io.acme__gamma.json'), IndexEntrySchema, npmEntry('io.acme/gamma'));
    // a valid entry in the wrong file: the index reports it and leaves it out
    await writeRecord(join(index, 'io.acme__other.json'), IndexEntrySchema, npmEntry('io.acme/misnamed'));
    const npmLaunch: LaunchPlan = { kind: 'stdio', from: 'npm', command: 'npx', args: ['-y', 'x'], placeholderVariables: [], installs: true };
    await writeRecord(join(crawled, 'io.acme__alpha.json'), CrawlSnapshotSchema, snapshotOf('io.acme/alpha', { tools: 4, crawledAt: '2026-11-20T10:00:00Z', launch: npmLaunch }));
    await writeRecord(
      join(crawled, 'io.acme__gamma.json'),
      CrawlSnapshotSchema,
      snapshotOf('io.acme/gamma', { crawledAt: '2026-11-22T10:00:00Z', launch: npmLaunch, failure: { stage: 'install', reason: "npm install failed: npm error 404 'gamma@1.0.0' is not in this registry" } }),
    );
    await writeRecord(join(crawled, 'io.acme__gone.json'), CrawlSnapshotSchema, snapshotOf('io.acme/gone', { tools: 2, crawledAt: '2026-11-18T10:00:00Z', launch: npmLaunch }));
    // a snapshot cut short by a crash: not valid JSON
    await writeFile(join(crawled, 'io.acme__broken.json'), '{"slug": "io.acme__broken", "na', 'utf8');
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lists crawled, failed, never crawled and no longer indexed servers once each, and names the broken files', async () => {
    const { coverage, errors } = await loadCoverage(dataDir);
    expect(coverage.list.map((server) => [server.slug, server.name, server.status, server.tools])).toEqual([
      ['io.acme__alpha', 'io.acme/alpha', 'ok', 4],
      ['io.acme__beta', 'io.acme/beta', 'not-crawled', 0],
      ['io.acme__gamma', 'io.acme/gamma', 'failed', 0],
      ['io.acme__gone', 'io.acme/gone', 'ok', 2],
    ]);
    expect(coverage.status).toEqual({ ok: 2, failed: 1, 'not-crawled': 1 });
    expect(coverage.list[0]!.downloadsPerMonth).toBe(1200);
    expect(coverage.list[1]!.type).toBe('pypi');
    expect(coverage.failures.map((failure) => [failure.class, failure.count])).toEqual([['install-failed', 1]]);
    expect([coverage.oldestCrawl, coverage.newestCrawl]).toEqual(['2026-11-18', '2026-11-22']);
    expect(errors).toHaveLength(2);
    expect(errors.some((error) => error.includes(join(dataDir, 'index', 'io.acme__other.json')) && error.includes('io.acme__misnamed.json'))).toBe(true);
    expect(errors.some((error) => error.includes(join(dataDir, 'crawled', 'io.acme__broken.json')) && error.includes('not valid JSON'))).toBe(true);
  });

  it('a data folder with no index and no crawls covers nothing', async () => {
    const empty = join(dataDir, 'empty');
    const { coverage, errors } = await loadCoverage(empty);
    expect(errors).toEqual([]);
    expect([coverage.servers, coverage.list.length, coverage.oldestCrawl]).toEqual([0, 0, undefined]);
  });
});
