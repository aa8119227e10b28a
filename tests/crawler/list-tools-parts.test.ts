// The parts of crawler/list-tools.ts a mutation run left untested: sandbox.test.ts reaches the sandboxed listing only
// through the CLI (a child process a mutation run cannot see), and list-tools.test.ts does not pin down the limits, the
// wording users see, or what a malformed reply records. Every server here is real: a dependency-free stdio server over a
// real pipe (in bubblewrap too), the SDK fixture, and SDK servers over Streamable HTTP and SSE on 127.0.0.1.
import { existsSync } from 'node:fs';
import { createHook } from 'node:async_hooks';
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DEFINITION_DEPTH } from '../../crawler/bounded.ts';
import { DEFAULT_LIMITS, defaultNpmCache, listTools, maskFolders, sandboxRun, type ListOptions, type ListOutcome } from '../../crawler/list-tools.ts';
import { DEFAULT_SANDBOX_LIMITS, findSandbox, sandboxStore, type Sandbox } from '../../crawler/sandbox.ts';
import type { LaunchPlan } from '../../data/schema.ts';
import { sdkServerCommand, tempDir } from '../helpers.ts';

const execFileAsync = promisify(execFile);

/**
 * A dependency-free stdio MCP server (CommonJS, so it also runs as `node -e` and from a packed package). Its last
 * argument is a JSON config: `pages` (tools/list results by cursor, '' first), `hang` (cursors never answered),
 * `report` (one tool whose description is the server's environment, folder, host name, argv and the client's info),
 * `serverInfo`, `instructions`, `initDelayMs`, `stderr`, `exitCode` / `signal` (on initialize), `removeOwnFolder`.
 */
const PROBE_SOURCE = String.raw`#!/usr/bin/env node
const { createInterface } = require('node:readline');
const { rmSync } = require('node:fs');
const { dirname } = require('node:path');
const { hostname } = require('node:os');
const config = JSON.parse(process.argv[process.argv.length - 1]);
const send = (message) => process.stdout.write(JSON.stringify(message) + '\n');
if (config.removeOwnFolder) rmSync(dirname(process.cwd()), { recursive: true, force: true });
let clientInfo;
createInterface({ input: process.stdin }).on('line', (line) => {
  const message = JSON.parse(line);
  const reply = (result) => send({ jsonrpc: '2.0', id: message.id, result });
  if (message.method === 'initialize') {
    clientInfo = message.params.clientInfo;
    if (config.stderr) process.stderr.write(config.stderr);
    if (config.exitCode !== undefined) process.exit(config.exitCode);
    if (config.signal) process.kill(process.pid, config.signal);
    const info = config.serverInfo || { name: 'probe', version: '1.0.0' };
    setTimeout(() => reply({ protocolVersion: message.params.protocolVersion, capabilities: { tools: {} }, serverInfo: info, instructions: config.instructions }), config.initDelayMs || 0);
  } else if (message.method === 'tools/list') {
    const cursor = message.params && message.params.cursor !== undefined ? message.params.cursor : '';
    if (config.report) {
      const report = { env: process.env, cwd: process.cwd(), hostname: hostname(), argv: process.argv, clientInfo };
      reply({ tools: [{ name: 'report', description: JSON.stringify(report), inputSchema: { type: 'object' } }] });
    } else if ((config.hang || []).includes(cursor)) {
      // never answers
    } else if (config.pages && Object.prototype.hasOwnProperty.call(config.pages, cursor)) {
      reply(config.pages[cursor]);
    } else {
      send({ jsonrpc: '2.0', id: message.id, error: { code: -32602, message: 'unknown cursor ' + cursor } });
    }
  } else if (message.id !== undefined) {
    send({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } });
  }
});
`;

interface ProbeConfig {
  pages?: Record<string, unknown>;
  hang?: string[];
  report?: boolean;
  serverInfo?: Record<string, unknown>;
  instructions?: string;
  initDelayMs?: number;
  stderr?: string;
  exitCode?: number;
  signal?: NodeJS.Signals;
  removeOwnFolder?: boolean;
}

interface Report {
  env: Record<string, string | undefined>;
  cwd: string;
  hostname: string;
  argv: string[];
  clientInfo: Record<string, unknown>;
}

const tool = (name: string) => ({ name, description: `The ${name} tool.`, inputSchema: { type: 'object', properties: {} } });
const stdioPlan = (command: string, args: string[]): LaunchPlan => ({ kind: 'stdio', from: 'command', command, args, placeholderVariables: [], installs: false });
const sdkPlan = (mode: string): LaunchPlan => {
  const [command, ...args] = sdkServerCommand(mode) as [string, ...string[]];
  return stdioPlan(command, args);
};
const httpPlan = (url: string): LaunchPlan => ({ kind: 'http', url, transports: ['streamable-http', 'sse'] });
const names = (outcome: ListOutcome) => outcome.tools.map((entry) => entry.name);
const reportOf = (outcome: ListOutcome): Report => {
  expect(outcome.status, JSON.stringify(outcome.failure)).toBe('ok');
  return JSON.parse(outcome.tools[0]!.description!) as Report;
};

/** listTools, and how long the call took as the caller saw it. */
async function timedList(plan: LaunchPlan, options?: ListOptions): Promise<{ outcome: ListOutcome; wallMs: number }> {
  const before = performance.now();
  const outcome = await listTools(plan, options);
  return { outcome, wallMs: performance.now() - before };
}

/** Each stage's time is a part of the total, and the total is part of the call. */
function expectConsistentTimings(outcome: ListOutcome, wallMs: number): void {
  const { totalMs, ...stages } = outcome.timings;
  const parts = Object.values(stages);
  for (const ms of parts) expect(ms).toBeGreaterThanOrEqual(0);
  // (each is rounded on its own: half a millisecond each way)
  expect(parts.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(totalMs + parts.length);
  expect(totalMs).toBeGreaterThanOrEqual(0);
  expect(totalMs).toBeLessThanOrEqual(Math.ceil(wallMs) + 1);
}

let work: Awaited<ReturnType<typeof tempDir>>;
let probeFile: string;
const probe = (config: ProbeConfig): LaunchPlan => stdioPlan(process.execPath, [probeFile, JSON.stringify(config)]);

beforeAll(async () => {
  work = await tempDir('toolrisk-list-parts-');
  // (the sandbox's unprivileged user reads the probe and the install store through this folder)
  await chmod(work.path, 0o755);
  probeFile = join(work.path, 'probe', 'server.cjs');
  await mkdir(join(work.path, 'probe'), { mode: 0o755 });
  await writeFile(probeFile, PROBE_SOURCE, { mode: 0o644 });
});
afterAll(async () => work?.remove());

describe('limits and settings', () => {
  it('has the default limits docs/crawling.md documents', () => {
    // docs/crawling.md: install 180 s, start 10 s, initialize 60 s, each tools/list page 60 s; 1,000 pages, 10,000 tools, the last 16 KiB of stderr
    expect(DEFAULT_LIMITS).toEqual({ startMs: 10_000, initializeMs: 60_000, installMs: 180_000, pageMs: 60_000, maxPages: 1_000, maxTools: 10_000, maxStderrBytes: 16 * 1024 });
  });

  it('sandboxRun: default sandbox limits, no network and the default store unless asked', () => {
    const sandbox: Sandbox = { bwrap: '/b/bwrap', prlimit: '/b/prlimit', setpriv: '/b/setpriv', user: { uid: 7, gid: 7 } };
    expect(sandboxRun(sandbox)).toEqual({ sandbox, limits: DEFAULT_SANDBOX_LIMITS, network: false, store: sandboxStore(sandbox) });
    expect(sandboxRun(sandbox, { network: false }).network).toBe(false);
    expect(sandboxRun(sandbox, { limits: { cpuSeconds: 5 }, network: true, store: '/srv/store' })).toEqual({
      sandbox,
      limits: { ...DEFAULT_SANDBOX_LIMITS, cpuSeconds: 5 },
      network: true,
      store: '/srv/store',
    });
  });

  it("defaultNpmCache: under XDG_CACHE_HOME, else the user's ~/.cache, else the temporary folder's", async () => {
    const { tmpdir } = await import('node:os');
    const saved = { XDG_CACHE_HOME: process.env.XDG_CACHE_HOME, HOME: process.env.HOME };
    try {
      process.env.XDG_CACHE_HOME = '/srv/cache';
      process.env.HOME = '/home/crawler';
      expect(defaultNpmCache()).toBe('/srv/cache/toolrisk/npm');
      delete process.env.XDG_CACHE_HOME;
      expect(defaultNpmCache()).toBe('/home/crawler/.cache/toolrisk/npm');
      delete process.env.HOME;
      expect(defaultNpmCache()).toBe(join(tmpdir(), '.cache', 'toolrisk', 'npm'));
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe('maskFolders', () => {
  const folders = { base: '/tmp/toolrisk-server-abc', home: '/tmp/toolrisk-server-abc/home', workdir: '/tmp/toolrisk-server-abc/work' };
  const nestArrays = (levels: number, leaf: unknown): unknown => (levels === 0 ? leaf : [nestArrays(levels - 1, leaf)]);
  const nestObjects = (levels: number, leaf: unknown): unknown => (levels === 0 ? leaf : { a: nestObjects(levels - 1, leaf) });
  const leafOf = (value: unknown): unknown => {
    let node = value;
    while (typeof node === 'object' && node !== null) node = Array.isArray(node) ? node[0] : (node as { a: unknown }).a;
    return node;
  };

  it('names the home, the working folder and anything else under the server folder by placeholder', () => {
    expect(maskFolders({ files: [`${folders.home}/.config`, `${folders.workdir}/out.txt`, `${folders.base}/other/x`], [`${folders.base}/key`]: 1 }, folders)).toEqual({
      files: ['{home}/.config', '{workdir}/out.txt', '{server-folder}/other/x'],
      '{server-folder}/key': 1,
    });
  });

  it('masks a folder only where it is a whole path, not a longer name that starts with it', () => {
    const sandbox = { base: '/sandbox', home: '/sandbox/home', workdir: '/sandbox/work' };
    expect(maskFolders(['see /sandboxes/x and /sandbox/work.txt', '/sandbox/work/a, /sandbox/homework', '/sandbox'], sandbox)).toEqual([
      'see /sandboxes/x and {server-folder}/work.txt',
      '{workdir}/a, {server-folder}/homework',
      '{server-folder}',
    ]);
    // (characters a regular expression would read are only characters in a folder's name)
    const odd = { base: '/tmp/a.b+(c)', home: '/tmp/a.b+(c)/home', workdir: '/tmp/a.b+(c)/work' };
    expect(maskFolders('/tmp/a.b+(c)/work/x /tmp/aXb+(c)/work', odd)).toBe('{workdir}/x /tmp/aXb+(c)/work');
  });

  it('masks as deep as a listed definition is checked (a list, a tool, then its levels), and leaves deeper parts as they are', () => {
    // a string MAX_DEFINITION_DEPTH + 3 levels down is still inside what is walked; one level further is not
    const path = `${folders.workdir}/deep`;
    for (const nest of [nestArrays, nestObjects]) {
      expect(leafOf(maskFolders(nest(MAX_DEFINITION_DEPTH + 3, path), folders))).toBe('{workdir}/deep');
      expect(leafOf(maskFolders(nest(MAX_DEFINITION_DEPTH + 4, path), folders))).toBe(path);
    }
  });
});

describe('a live stdio server', () => {
  it('introduces itself to the server as the ToolRisk crawler, and records title and instructions', async () => {
    const outcome = await listTools(probe({ report: true, serverInfo: { name: 'probe', title: 'Probe Server', version: '1.0.0' }, instructions: 'Use with care.' }));
    expect(reportOf(outcome).clientInfo).toEqual({ name: 'toolrisk-crawler', version: expect.stringMatching(/^\d+\.\d+\.\d+/) as unknown });
    expect(outcome.initialize).toEqual({ serverInfo: { name: 'probe', title: 'Probe Server', version: '1.0.0' }, capabilities: { tools: {} }, instructions: 'Use with care.' });
    expect(outcome.sandbox).toEqual({ kind: 'none', network: true });
    // nothing on stderr: no stderr recorded
    expect(outcome).not.toHaveProperty('stderr');
  }, 60_000);

  it('records stage timings that add up within the total, which is within the call', async () => {
    const { outcome, wallMs } = await timedList(sdkPlan('basic'));
    expect(outcome.status).toBe('ok');
    expect(Object.keys(outcome.timings).sort()).toEqual(['initializeMs', 'listMs', 'startMs', 'totalMs']);
    expectConsistentTimings(outcome, wallMs);
  }, 60_000);

  it('gives the server the npm cache it is told, else the default one', async () => {
    expect(reportOf(await listTools(probe({ report: true }), { npmCache: '/srv/npm-cache' })).env.npm_config_cache).toBe('/srv/npm-cache');
    expect(reportOf(await listTools(probe({ report: true }))).env.npm_config_cache).toBe(defaultNpmCache());
  }, 60_000);

  it('keeps exactly maxTools tools without a warning, and warns when a server lists more', async () => {
    const basic = sdkPlan('basic');
    const exact = await listTools(basic, { limits: { maxTools: 3 } });
    expect(names(exact)).toEqual(['read_file', 'delete_file', 'run_command']);
    expect(exact.warnings).toEqual([]);
    const capped = await listTools(basic, { limits: { maxTools: 2 } });
    expect(names(capped)).toEqual(['read_file', 'delete_file']);
    expect(capped.warnings).toEqual([{ code: 'tool-cap', message: 'the server listed more than 2 tools; only the first 2 are kept' }]);
  }, 60_000);

  it('says how many pages it read before the page cap stopped it', async () => {
    const outcome = await listTools(sdkPlan('paginate'), { limits: { maxPages: 2 } });
    expect(outcome.warnings).toEqual([{ code: 'page-cap', message: 'the server listed more than 2 pages; listing stopped there' }]);
  }, 60_000);

  it('names a repeated cursor (its first 80 characters) and the pages read', async () => {
    const cursor = 'c'.repeat(100);
    const outcome = await listTools(probe({ pages: { '': { tools: [tool('first')], nextCursor: cursor }, [cursor]: { tools: [tool('again')], nextCursor: cursor } } }));
    expect(names(outcome)).toEqual(['first', 'again']);
    expect(outcome.warnings).toEqual([{ code: 'repeated-cursor', message: `the server returned cursor "${'c'.repeat(80)}" twice; listing stopped after 2 pages` }]);
  }, 60_000);

  it('takes an empty nextCursor as the last page', async () => {
    const outcome = await listTools(probe({ pages: { '': { tools: [tool('only')], nextCursor: '' } } }));
    expect(outcome.status).toBe('ok');
    expect(names(outcome)).toEqual(['only']);
    expect(outcome.warnings).toEqual([]);
  }, 60_000);

  it('fails at list when a tools/list reply has no list of tools, keeping nothing', async () => {
    const outcome = await listTools(probe({ pages: { '': { tools: 'read_file, write_file' } } }));
    expect(outcome.status).toBe('failed');
    expect(outcome.failure?.stage).toBe('list');
    expect(outcome.failure?.reason).toMatch(/tools/);
    expect(outcome.tools).toEqual([]);
  }, 60_000);

  it('gives up on a page after pageMs, keeping none of the earlier pages', async () => {
    const outcome = await listTools(probe({ pages: { '': { tools: [tool('first')], nextCursor: 'slow' } }, hang: ['slow'] }), { limits: { pageMs: 1000 } });
    expect(outcome.status).toBe('failed');
    expect(outcome.failure).toEqual({ stage: 'list', reason: 'no answer to tools/list in time: MCP error -32001: Request timed out' });
    expect(outcome.tools).toEqual([]);
  }, 45_000);

  it('gives up on initialize after initializeMs, with the reason the SDK gave', async () => {
    const outcome = await listTools(probe({ initDelayMs: 600_000 }), { limits: { initializeMs: 1000 } });
    expect(outcome.failure).toEqual({ stage: 'initialize', reason: 'no answer to initialize in time: MCP error -32001: Request timed out' });
    expect(outcome.timings.startMs).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it('gives an npx server that must install first the install time on top of initialize', async () => {
    const slow = probe({ initDelayMs: 1500, pages: { '': { tools: [tool('installed')] } } });
    const installing = await listTools(slow, { needsInstall: true, limits: { initializeMs: 1, installMs: 60_000 } });
    expect(installing.status, JSON.stringify(installing.failure)).toBe('ok');
    expect(names(installing)).toEqual(['installed']);
    const plain = await listTools(slow, { limits: { initializeMs: 1, installMs: 60_000 } });
    expect(plain.failure?.reason).toMatch(/^no answer to initialize in time/);
  }, 60_000);

  it('reports an exit with its code (not as a timeout) and the trimmed tail of stderr', async () => {
    const outcome = await listTools(probe({ stderr: 'fatal: missing API key\n', exitCode: 3 }));
    expect(outcome.failure).toEqual({ stage: 'initialize', reason: 'MCP error -32000: Connection closed (the server exited with code 3)' });
    expect(outcome.stderr).toBe('fatal: missing API key');
  }, 60_000);

  it('reports a server killed by a signal', async () => {
    const outcome = await listTools(probe({ signal: 'SIGKILL' }));
    expect(outcome.failure).toEqual({ stage: 'initialize', reason: 'MCP error -32000: Connection closed (the server was killed by SIGKILL)' });
  }, 60_000);

  it('keeps only the last 16 KiB of stderr by default', async () => {
    const outcome = await listTools(probe({ stderr: `${'x'.repeat(40_000)}the last words`, exitCode: 1 }));
    expect(outcome.status).toBe('failed');
    expect(outcome.stderr).toHaveLength(16 * 1024);
    expect(outcome.stderr!.endsWith('xthe last words')).toBe(true);
  }, 60_000);

  it('does not call a command that cannot be executed "not found"', async () => {
    const outcome = await listTools(stdioPlan(probeFile, []));
    expect(outcome.failure).toEqual({ stage: 'start', reason: `spawn ${probeFile} EACCES` });
  }, 60_000);

  it('removes the folders it made for a server even when the listing throws before the server starts (a caller mistake)', async () => {
    const folders: string[] = [];
    const broken = { ...stdioPlan(process.execPath, []), args: 'not a list' } as unknown as LaunchPlan;
    await expect(listTools(broken, { onFolders: (base) => folders.push(base) })).rejects.toThrow();
    expect(folders).toHaveLength(1);
    expect(existsSync(folders[0]!)).toBe(false);
  }, 60_000);

  it('removes the folders it made for a server once the listing is done', async () => {
    const folders: string[] = [];
    const outcome = await listTools(probe({ pages: { '': { tools: [tool('tidy')] } } }), { onFolders: (base) => folders.push(base) });
    expect(names(outcome)).toEqual(['tidy']);
    expect(folders).toHaveLength(1);
    expect(existsSync(folders[0]!)).toBe(false);
  }, 60_000);

  it('still finishes when the server deleted its own folder', async () => {
    const folders: string[] = [];
    const outcome = await listTools(probe({ removeOwnFolder: true, pages: { '': { tools: [tool('vandal')] } } }), { onFolders: (base) => folders.push(base) });
    expect(outcome.status).toBe('ok');
    expect(names(outcome)).toEqual(['vandal']);
    expect(folders).toHaveLength(1);
  }, 60_000);

  it('leaves no timer of its own running once it is done (a command would otherwise wait out the time limits before exiting)', async () => {
    // every timer list-tools.ts sets while listing, until it fires or is cleared
    const pending = new Set<number>();
    const hook = createHook({
      init(id, type) {
        if (type !== 'Timeout') return;
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 50;
        if (new Error().stack?.includes('list-tools.ts')) pending.add(id);
        Error.stackTraceLimit = limit;
      },
      destroy(id) {
        pending.delete(id);
      },
    });
    hook.enable();
    try {
      const outcome = await listTools(sdkPlan('basic'));
      expect(outcome.status).toBe('ok');
      // (destroy hooks run after the current turn)
      await new Promise((done) => setImmediate(done));
    } finally {
      hook.disable();
    }
    expect(pending.size).toBe(0);
  }, 60_000);
});

describe('remote servers on 127.0.0.1', () => {
  let http: HttpServer;
  let base: string;
  const sseStreams: Promise<void>[] = [];

  /** An SDK server with one tool that reports the Authorization header it was sent; or a tools/list that never answers. */
  const mcpServer = (hangOnList = false) => {
    const server = new Server({ name: 'http-probe', title: 'HTTP Probe', version: '2.0.0' }, { capabilities: { tools: {} } });
    server.setRequestHandler(ListToolsRequestSchema, async (_request, extra) => {
      if (hangOnList) return new Promise<never>(() => {});
      return { tools: [{ name: 'whoami', description: `authorization: ${String(extra.requestInfo?.headers.authorization)}`, inputSchema: { type: 'object' as const } }] };
    });
    return server;
  };
  const sseSessions = new Map<string, SSEServerTransport>();
  const CARD = { serverInfo: { name: 'card-probe', version: '3.0.0' }, tools: [tool('from_card')] };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if ((url.pathname === '/mcp' || url.pathname === '/hang-list') && req.method === 'POST') {
      const server = mcpServer(url.pathname === '/hang-list');
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      res.on('close', () => void transport.close().then(() => server.close()));
      await server.connect(transport);
      await transport.handleRequest(req, res);
    } else if (url.pathname === '/sse' && req.method === 'GET') {
      const transport = new SSEServerTransport('/messages', res);
      sseSessions.set(transport.sessionId, transport);
      sseStreams.push(new Promise((closed) => res.on('close', () => closed())));
      await mcpServer().connect(transport);
    } else if (url.pathname === '/messages' && req.method === 'POST') {
      const transport = sseSessions.get(url.searchParams.get('sessionId') ?? '');
      if (transport) await transport.handlePostMessage(req, res);
      else res.writeHead(404).end();
    } else if (url.pathname === '/silent' || url.pathname === '/card/hang') {
      // never answers
    } else if (url.pathname === '/card/negotiated.json') {
      // a site that serves people HTML and programs the JSON they ask for
      if ((req.headers.accept ?? '').includes('application/json')) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(CARD));
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Card</title>');
    } else if (url.pathname === '/card/html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Not a card</title>');
    } else if (url.pathname === '/card/invalid') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ tools: 5 }));
    } else if (url.pathname === '/card/no-tools') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ serverInfo: CARD.serverInfo }));
    } else {
      // an SSE-only server refuses the Streamable HTTP POST
      res.writeHead(405).end('this server speaks SSE only');
    }
  }

  beforeAll(async () => {
    http = createServer((req, res) => void route(req, res));
    await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    http.closeAllConnections();
    await new Promise((done) => http.close(done));
  });

  it('lists over Streamable HTTP with the given headers, the server facts and consistent timings, and no fallback warning', async () => {
    const { outcome, wallMs } = await timedList(httpPlan(`${base}/mcp`), { headers: { authorization: 'Bearer placeholder-token' } });
    expect(outcome.status, JSON.stringify(outcome.failure)).toBe('ok');
    expect(outcome.source).toBe('streamable-http');
    expect(outcome.tools[0]!.description).toBe('authorization: Bearer placeholder-token');
    expect(outcome.initialize?.serverInfo).toEqual({ name: 'http-probe', title: 'HTTP Probe', version: '2.0.0' });
    expect(outcome.warnings).toEqual([]);
    expect(Object.keys(outcome.timings).sort()).toEqual(['initializeMs', 'listMs', 'totalMs']);
    expectConsistentTimings(outcome, wallMs);
  }, 60_000);

  it('falls back to SSE with the same headers, says why, and closes the event stream when done', async () => {
    const outcome = await listTools(httpPlan(`${base}/sse`), { headers: { authorization: 'Bearer placeholder-token' } });
    expect(outcome.status, JSON.stringify(outcome.failure)).toBe('ok');
    expect(outcome.source).toBe('sse');
    expect(outcome.tools[0]!.description).toBe('authorization: Bearer placeholder-token');
    expect(outcome.warnings).toHaveLength(1);
    expect(outcome.warnings[0]!.code).toBe('transport-fallback');
    expect(outcome.warnings[0]!.message).toMatch(/^fell back to sse: streamable-http: .*this server speaks SSE only$/);
    expect(sseStreams).toHaveLength(1);
    await sseStreams[0];
  }, 30_000);

  it('fails at list, without trying SSE, when a server that initialized never answers tools/list, in the words stdio uses', async () => {
    const { outcome, wallMs } = await timedList(httpPlan(`${base}/hang-list`), { limits: { pageMs: 1000 } });
    expect(outcome.status).toBe('failed');
    expect(outcome.failure).toEqual({ stage: 'list', reason: 'no answer to tools/list in time: MCP error -32001: Request timed out' });
    expect(outcome.warnings).toEqual([]);
    expectConsistentTimings(outcome, wallMs);
  }, 45_000);

  it('gives up on a silent server at initialize over both transports, saying how for each', async () => {
    const outcome = await listTools(httpPlan(`${base}/silent`), { limits: { initializeMs: 1000 } });
    // (Streamable HTTP stops at the SDK's request timeout; SSE never gets as far as a request, so the crawler's own limit stops it)
    expect(outcome.failure).toEqual({
      stage: 'initialize',
      reason: 'streamable-http: no answer to initialize in time: MCP error -32001: Request timed out; sse: no answer to initialize in time: initialize took longer than 2000 ms',
    });
  }, 30_000);

  describe('server cards', () => {
    it('asks for JSON, and records the tools with consistent timings', async () => {
      const { outcome, wallMs } = await timedList({ kind: 'server-card', url: `${base}/card/negotiated.json` });
      expect(outcome.status, JSON.stringify(outcome.failure)).toBe('ok');
      expect(names(outcome)).toEqual(['from_card']);
      expectConsistentTimings(outcome, wallMs);
    });

    it('fails at read, naming the URL, for an unreachable host, a silent one, HTML, a card of the wrong shape, and a card without tools', async () => {
      const read = async (url: string) => (await listTools({ kind: 'server-card', url }, { limits: { pageMs: 1000 } })).failure;
      expect(await read('http://127.0.0.1:9/server-card.json')).toEqual({ stage: 'read', reason: 'http://127.0.0.1:9/server-card.json: fetch failed' });
      expect(await read(`${base}/card/hang`)).toEqual({ stage: 'read', reason: `${base}/card/hang: The operation was aborted due to timeout` });
      const html = await read(`${base}/card/html`);
      expect(html?.stage).toBe('read');
      expect(html?.reason).toMatch(new RegExp(`^${base}/card/html did not return JSON: .*JSON`));
      const invalid = await read(`${base}/card/invalid`);
      expect(invalid?.stage).toBe('read');
      expect(invalid?.reason).toMatch(new RegExp(`^${base}/card/invalid is not an MCP server card:\\n.*tools`));
      expect(await read(`${base}/card/no-tools`)).toEqual({ stage: 'read', reason: `${base}/card/no-tools: the server card does not list its tools; crawl the server live instead` });
    }, 45_000);
  });
});

describe('recorded tools files', () => {
  it('reads a recorded file relative to the data folder, with a total time within the call', async () => {
    await writeFile(join(work.path, 'recorded.json'), JSON.stringify({ server: { name: 'x/recorded' }, tools: [tool('recorded_tool')] }));
    const { outcome, wallMs } = await timedList({ kind: 'recorded', file: 'recorded.json' }, { dataDir: work.path });
    expect(outcome.status, JSON.stringify(outcome.failure)).toBe('ok');
    expect(names(outcome)).toEqual(['recorded_tool']);
    expectConsistentTimings(outcome, wallMs);
  });

  it('fails at read for a file that is not a recorded tools file, saying what is wrong', async () => {
    await writeFile(join(work.path, 'not-recorded.json'), JSON.stringify({ server: { name: 'x/recorded' }, tools: 'none' }));
    const outcome = await listTools({ kind: 'recorded', file: 'not-recorded.json' }, { dataDir: work.path });
    expect(outcome.status).toBe('failed');
    expect(outcome.failure?.stage).toBe('read');
    expect(outcome.failure?.reason).toMatch(/^not-recorded\.json is not a recorded tools file:\n.*tools/);
    expect(outcome.timings).toEqual({ totalMs: 0 });
  });
});

describe('a server in bubblewrap', () => {
  let sandbox: Sandbox;
  const NOTE = 'how the sandbox was set up';
  const REGISTRY = 'http://127.0.0.1:9/registry/';
  /** The probe as `node -e`: no file of the host's to bind. */
  const inline = (config: ProbeConfig): LaunchPlan => stdioPlan(process.execPath, ['-e', PROBE_SOURCE.replace(/^#!.*\n/, ''), JSON.stringify(config)]);
  /** With a registry setting in the crawler's environment, which only a sandbox with network passes in. */
  async function withRegistry<T>(run: () => Promise<T>): Promise<T> {
    const saved = process.env.npm_config_registry;
    process.env.npm_config_registry = REGISTRY;
    try {
      return await run();
    } finally {
      if (saved === undefined) delete process.env.npm_config_registry;
      else process.env.npm_config_registry = saved;
    }
  }

  beforeAll(async () => {
    sandbox = await findSandbox();
  }, 60_000);

  it('runs the server inside with its own host name, HOME, working folder and npm cache, keeps the note, and makes no host folders', async () => {
    const folders: string[] = [];
    const outcome = await withRegistry(() => listTools(inline({ report: true }), { sandbox: { ...sandboxRun(sandbox), note: NOTE }, onFolders: (folder) => folders.push(folder) }));
    const report = reportOf(outcome);
    expect(report.hostname).toBe('toolrisk-sandbox');
    expect(report.cwd).toBe('{workdir}');
    expect(report.env.HOME).toBe('{home}');
    expect(report.env.npm_config_cache).toBe('{home}/.npm');
    // no network: none of the crawler's network settings
    expect(report.env.npm_config_registry).toBeUndefined();
    expect(outcome.sandbox).toEqual({ kind: 'bubblewrap', network: false });
    expect(outcome.warnings).toEqual([{ code: 'sandbox', message: NOTE }]);
    expect(folders).toEqual([]);
  }, 60_000);

  it('binds the folders a local command needs at the same path', async () => {
    const outcome = await listTools(probe({ report: true }), { sandbox: { ...sandboxRun(sandbox), paths: [dirname(probeFile)] } });
    const report = reportOf(outcome);
    expect(report.argv[1]).toBe(probeFile);
    expect(report.hostname).toBe('toolrisk-sandbox');
  }, 60_000);

  it("passes the crawler's network settings to a server with network", async () => {
    const outcome = await withRegistry(() => listTools(inline({ report: true }), { sandbox: sandboxRun(sandbox, { network: true }) }));
    expect(reportOf(outcome).env.npm_config_registry).toBe(REGISTRY);
    expect(outcome.sandbox).toEqual({ kind: 'bubblewrap', network: true });
  }, 60_000);

  it('names the sandbox limit that stopped a server, and keeps the note', async () => {
    const run = { ...sandboxRun(sandbox, { limits: { memoryMiB: 1024 } }), note: NOTE };
    const outcome = await listTools(inline({ stderr: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n', exitCode: 1 }), { sandbox: run });
    expect(outcome.failure).toEqual({ stage: 'initialize', reason: 'the server hit the memory limit (1024 MiB): MCP error -32000: Connection closed (the server exited with code 1)' });
    expect(outcome.warnings).toEqual([{ code: 'sandbox', message: NOTE }]);
    expect(outcome.stderr).toMatch(/heap out of memory$/);
  }, 60_000);

  it('fails at install, in the sandbox, when the package cannot be installed', async () => {
    const run = { ...sandboxRun(sandbox, { store: join(work.path, 'store') }), install: { identifier: 'Not A Package!', args: [] } };
    // (were the install skipped, npx would run offline and fail at initialize: a short limit says so sooner)
    const { outcome, wallMs } = await timedList(stdioPlan('npx', ['-y', 'not-a-package']), { sandbox: run, limits: { initializeMs: 5_000 } });
    expect(outcome.status).toBe('failed');
    expect(outcome.failure).toEqual({ stage: 'install', reason: '"Not A Package!" is not an npm package name' });
    expect(outcome.sandbox).toEqual({ kind: 'bubblewrap', network: false });
    expect(Object.keys(outcome.timings).sort()).toEqual(['installMs', 'totalMs']);
    expectConsistentTimings(outcome, wallMs);
  }, 60_000);

  it("installs a package first, then runs its bin from the install with the entry's arguments", async () => {
    const source = join(work.path, 'package');
    await mkdir(source, { recursive: true });
    await writeFile(join(source, 'package.json'), JSON.stringify({ name: 'toolrisk-list-probe', version: '1.0.0', bin: { 'toolrisk-list-probe': 'server.js' } }));
    await writeFile(join(source, 'server.js'), PROBE_SOURCE);
    const { stdout } = await execFileAsync('npm', ['pack', '--silent', '--pack-destination', work.path], { cwd: source });
    const tarball = join(work.path, stdout.trim().split('\n').pop()!);
    const run = { ...sandboxRun(sandbox, { store: join(work.path, 'store') }), install: { identifier: tarball, args: ['--probe', '{home}/data', JSON.stringify({ report: true })] } };
    const { outcome, wallMs } = await timedList(stdioPlan('npx', ['-y', 'toolrisk-list-probe@1.0.0']), { sandbox: run });
    const report = reportOf(outcome);
    expect(report.argv.slice(-3, -1)).toEqual(['--probe', '{home}/data']);
    expect(report.hostname).toBe('toolrisk-sandbox');
    expect(Object.keys(outcome.timings).sort()).toEqual(['initializeMs', 'installMs', 'listMs', 'startMs', 'totalMs']);
    expectConsistentTimings(outcome, wallMs);
  }, 180_000);
});
