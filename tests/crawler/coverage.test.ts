// Failure classes and coverage figures, from the failures real servers gave in the sandbox.
import { describe, expect, it } from 'vitest';
import { coverageOf, failureClass, packageTypeOf, type FailureClass } from '../../crawler/coverage.ts';
import { IndexEntrySchema, type CrawlSnapshot } from '../../data/schema.ts';
import { DEFAULT_SANDBOX_LIMITS, limitReason } from '../../crawler/sandbox.ts';

const failure = (stage: NonNullable<CrawlSnapshot['failure']>['stage'], reason: string, stderr?: string) => ({ failure: { stage, reason }, stderr, launch: undefined });
const EXITED = 'MCP error -32000: Connection closed (the server exited with code 1)';

describe('why a server failed', () => {
  const cases: [FailureClass, ReturnType<typeof failure>][] = [
    ['not-runnable-here', failure('plan', 'pypi packages are not run in the sandbox yet (only npm); crawl with --sandbox off to run `uvx acme-mcp==1.0.0` unconfined')],
    ['no-bin', failure('install', '@x/y has no bin to run; it may be a library, not a server')],
    ['sandbox-limit', failure('install', 'npm install failed: npm error process terminated | npm error signal SIGXFSZ')],
    ['sandbox-limit', failure('initialize', `the server ${limitReason({ code: null, signal: 'SIGXCPU' }, '', DEFAULT_SANDBOX_LIMITS)}`)],
    ['sandbox-limit', failure('initialize', `the server ${limitReason({ code: 1, signal: null }, 'FATAL ERROR: JavaScript heap out of memory', DEFAULT_SANDBOX_LIMITS)}`)],
    ['native-module', failure('install', 'npm install failed: npm error gyp ERR! node -v v20.20.2 | npm error gyp ERR! node-gyp -v v11.2.0')],
    ['sandbox-limit', failure('install', 'npm install failed (exit 153)')],
    ['install-failed', failure('install', "npm install failed: npm error 404 The requested resource '@x/core@^0.1.0' could not be found")],
    ['timeout', failure('install', 'npm install took longer than 300000 ms')],
    ['native-module', failure('initialize', EXITED, "Error: Cannot find module '../build/Release/keytar.node'")],
    ['needs-newer-node', failure('initialize', EXITED, 'Error: Apify MCP server requires Node.js 22 or later (you have v20.20.2).')],
    ['needs-newer-node', failure('initialize', EXITED, "SyntaxError: The requested module 'fs/promises' does not provide an export named 'glob'")],
    ['timeout', failure('list', 'no answer to tools/list within 60000 ms (timed out)')],
    ['needs-program', failure('initialize', EXITED, 'Error: Dart SDK not found. Please install Flutter/Dart first.')],
    ['needs-credentials', failure('initialize', EXITED, 'Request failed with status code 401 Unauthorized')],
    ['needs-service', failure('initialize', EXITED, 'Error: connect ECONNREFUSED 127.0.0.1:6379')],
    ['needs-configuration', failure('initialize', EXITED, 'Not enough non-option arguments: got 0, need at least 1')],
    ['needs-configuration', failure('initialize', EXITED, 'Error: GITHUB_TOKEN environment variable is required')],
    ['needs-configuration', failure('initialize', EXITED, 'Cannot find config file `panda.config.{ts,js,mjs,mts}`. Did you forget to run `panda init`?')],
    ['protocol', failure('initialize', 'MCP error -32603: Upstream MCP request failed')],
    ['exited-on-start', failure('initialize', EXITED, 'a stack trace that says nothing useful')],
    ['other', failure('read', 'the listing could not be read')],
  ];
  it.each(cases)('%s: %j', (expected, snapshot) => {
    expect(failureClass(snapshot)).toBe(expected);
  });

  it('reads what a server printed on stdout instead of JSON-RPC: a usage text means it wants a command', () => {
    const printedUsage = { ...failure('initialize', 'MCP error -32000: Connection closed (the server exited with code 0)'), warnings: [{ code: 'stdout-noise', message: 'the server wrote 10 line(s) to stdout that are not JSON-RPC (ignored), e.g. "USAGE"' }] };
    expect(failureClass(printedUsage)).toBe('needs-configuration');
    expect(failureClass({ ...printedUsage, warnings: [] })).toBe('exited-on-start');
  });
});

describe('coverage of an index', () => {
  const entry = (name: string, registryType: string, downloads?: number) =>
    IndexEntrySchema.parse({ server: { name, version: '1.0.0', packages: [{ registryType, identifier: name.split('/')[1], version: '1.0.0' }] }, crawl: downloads ? { origin: { kind: 'npm', addedAt: '2026-11-23', downloadsPerMonth: downloads } } : {} });
  const snapshot = (name: string, tools: number, crawledAt: string, failed?: string): CrawlSnapshot => ({
    slug: name.replace('/', '__'),
    name,
    status: failed ? 'failed' : 'ok',
    ...(failed ? { failure: { stage: 'initialize' as const, reason: failed } } : {}),
    crawledAt,
    entry: { name, description: '', version: '1.0.0' },
    launch: { kind: 'stdio', from: 'npm', command: 'npx', args: [], placeholderVariables: [], installs: true },
    timings: { totalMs: 1 },
    tools: Array.from({ length: tools }, (_, i) => ({ name: `t${i}`, inputSchema: { type: 'object' as const } })),
    fingerprints: [],
    invalidTools: [],
    warnings: [],
    history: [],
  });

  it('counts servers by status, reason and package type, bands tool counts, and keeps a snapshot whose entry left the index', () => {
    const entries = [entry('io.a/one', 'npm', 900), entry('io.a/two', 'npm'), entry('io.a/three', 'npm'), entry('io.a/py', 'pypi')].map((e) => ({ slug: e.server.name.replace('/', '__'), entry: e }));
    const snapshots = new Map([
      ['io.a__one', snapshot('io.a/one', 3, '2026-11-20T10:00:00Z')],
      ['io.a__two', snapshot('io.a/two', 40, '2026-11-23T10:00:00Z')],
      ['io.a__three', snapshot('io.a/three', 0, '2026-11-22T10:00:00Z', 'npm install took longer than 1 ms')],
      ['io.a__gone', snapshot('io.a/gone', 7, '2026-11-21T10:00:00Z')],
    ]);
    snapshots.get('io.a__three')!.failure = { stage: 'install', reason: 'npm install took longer than 1 ms' };
    const coverage = coverageOf(entries, snapshots);
    expect(coverage.servers).toBe(5);
    expect(coverage.status).toEqual({ ok: 3, failed: 1, 'not-crawled': 1 });
    expect(coverage.tools).toBe(50);
    expect(coverage.medianTools).toBe(7);
    expect(coverage.maxTools).toBe(40);
    expect(coverage.failures.map((f) => [f.class, f.count])).toEqual([['timeout', 1]]);
    expect(coverage.types.map((t) => [t.type, t.total, t.ok, t.failed, t.notCrawled, t.tools])).toEqual([
      ['npm', 4, 3, 1, 0, 50],
      ['pypi', 1, 0, 0, 1, 0],
    ]);
    expect(coverage.toolsPerServer.find((band) => band.band === '1–5')!.servers).toBe(1);
    expect(coverage.toolsPerServer.find((band) => band.band === '21–50')!.servers).toBe(1);
    expect([coverage.oldestCrawl, coverage.newestCrawl]).toEqual(['2026-11-20', '2026-11-23']);
    expect(coverage.list.find((server) => server.name === 'io.a/one')!.downloadsPerMonth).toBe(900);
    expect(coverage.list.map((server) => server.name)).toEqual(['io.a/gone', 'io.a/one', 'io.a/py', 'io.a/three', 'io.a/two']);
  });

  it('tells package types by the launch plan first, then the entry', () => {
    expect(packageTypeOf(entry('io.a/x', 'oci'))).toBe('oci');
    expect(packageTypeOf(undefined, { launch: { kind: 'http', url: 'https://x.example/mcp', transports: ['streamable-http'] }, entry: { name: 'x', description: '', version: '' } })).toBe('remote');
    expect(packageTypeOf(IndexEntrySchema.parse({ server: { name: 'io.a/r', remotes: [{ type: 'sse', url: 'https://x.example/sse' }] } }))).toBe('remote');
  });
});
