// Listing one server's tools: live over stdio or HTTP, or from a static source. Every outcome is
// a ListOutcome with a status; nothing here throws for a misbehaving server.
import { mkdtemp, rm, mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { z } from 'zod';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  RecordedToolsFileSchema,
  ServerCardSchema,
  type CrawlFailure,
  type CrawlStage,
  type CrawlWarning,
  type InitializeFacts,
  type InvalidTool,
  type LaunchPlan,
  type McpTool,
  type SandboxFacts,
  type Timings,
  type ToolSource,
} from '../data/schema.ts';
import { formatZodError } from '../data/serialize.ts';
import { escapeRegExp } from '../data/regexp.ts';
import { checkListedTools } from './tools.ts';
import { MAX_DEFINITION_DEPTH } from './bounded.ts';
import { expandTokens, serverEnvironment, type ServerFolders } from './launch.ts';
import { GroupStdioTransport } from './stdio-transport.ts';
import { acquireUser, DEFAULT_SANDBOX_LIMITS, limitReason, networkEnvironment, sandboxCommand, sandboxStore, SANDBOX_PATHS, type Sandbox, type SandboxLimits } from './sandbox.ts';
import { installPackage, type InstallSpec } from './install.ts';

export interface ListLimits {
  /** Time limit for starting the process (ms). */
  startMs: number;
  /** Time limit for initialize (ms). */
  initializeMs: number;
  /** Extra time for initialize when npx/uvx may have to install the package first (ms). */
  installMs: number;
  /** Time limit for each tools/list page (ms). */
  pageMs: number;
  maxPages: number;
  maxTools: number;
  /** Bytes of stderr kept (the tail). */
  maxStderrBytes: number;
}

export const DEFAULT_LIMITS: ListLimits = {
  startMs: 10_000,
  initializeMs: 60_000,
  installMs: 180_000,
  pageMs: 60_000,
  maxPages: 1_000,
  maxTools: 10_000,
  maxStderrBytes: 16 * 1024,
};

export interface ListOptions {
  limits?: Partial<ListLimits>;
  /** Placeholder environment variables (values may use `{workdir}` and `{home}`). */
  placeholders?: Record<string, string>;
  /** HTTP headers for remote servers. */
  headers?: Record<string, string>;
  /** Shared npm cache folder for npx. */
  npmCache?: string;
  /** Base folder for `recorded` plan files. */
  dataDir?: string;
  /** Whether npx/uvx will have to install first (gives initialize the longer limit). */
  needsInstall?: boolean;
  /** Called with the spawned process group id (tests use it to check nothing is left behind). */
  onSpawn?: (pgid: number) => void;
  /** Called with the server's temporary folder (tests check it is removed). */
  onFolders?: (base: string) => void;
  /** Run the server inside bubblewrap (crawler/sandbox.ts); without this, a plain child process. */
  sandbox?: SandboxRun;
}

/** How to run one server in the sandbox. */
export interface SandboxRun {
  sandbox: Sandbox;
  limits: SandboxLimits;
  /** The server may reach the network (its index entry says it needs it). */
  network: boolean;
  /** Folder of installed packages and their npm cache (sandboxStore()). */
  store: string;
  /** For a package: what to install first; the server is then its bin, with `args`. */
  install?: InstallSpec & { args: string[] };
  /** Host folders a local command needs (its script, its project), bound read-only at the same path. */
  paths?: string[];
  /** A note on how the sandbox was set up, kept as a crawl warning. */
  note?: string;
}

/** A sandboxed run with the default limits (each overridable), no network unless asked, and the default store. */
export function sandboxRun(sandbox: Sandbox, options: { limits?: Partial<SandboxLimits>; network?: boolean; store?: string } = {}): SandboxRun {
  return { sandbox, limits: { ...DEFAULT_SANDBOX_LIMITS, ...options.limits }, network: options.network === true, store: options.store ?? sandboxStore(sandbox) };
}

export interface ListOutcome {
  status: 'ok' | 'failed';
  failure?: CrawlFailure;
  source?: ToolSource;
  timings: Timings;
  initialize?: InitializeFacts;
  tools: McpTool[];
  fingerprints: Map<string, string>;
  invalidTools: InvalidTool[];
  warnings: CrawlWarning[];
  stderr?: string;
  /** Where the server's code ran, for live stdio servers. */
  sandbox?: SandboxFacts;
}

const CLIENT_INFO = { name: 'toolrisk-crawler', version: '0.1.0' };

/** A tools/list page, loosely: each tool is validated on its own afterwards. */
const LooseListResultSchema = z.looseObject({
  tools: z.array(z.unknown()),
  nextCursor: z.string().optional(),
});

class StageError extends Error {
  constructor(
    readonly stage: CrawlStage,
    message: string,
  ) {
    super(message);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, stage: CrawlStage, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StageError(stage, `${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim().slice(0, 500);
}

/** Follows nextCursor to the end, with guards against repeated cursors and caps on pages and tools. */
async function listAllPages(client: Client, limits: ListLimits, warnings: CrawlWarning[]): Promise<unknown[]> {
  const listed: unknown[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 1; ; page++) {
    const result = await client.request(
      { method: 'tools/list', params: cursor === undefined ? {} : { cursor } },
      LooseListResultSchema,
      { timeout: limits.pageMs, maxTotalTimeout: limits.pageMs },
    );
    listed.push(...result.tools);
    if (listed.length > limits.maxTools) {
      warnings.push({ code: 'tool-cap', message: `the server listed more than ${limits.maxTools} tools; only the first ${limits.maxTools} are kept` });
      listed.length = limits.maxTools;
      break;
    }
    cursor = result.nextCursor;
    if (cursor === undefined || cursor === '') break;
    if (seen.has(cursor)) {
      warnings.push({ code: 'repeated-cursor', message: `the server returned cursor ${JSON.stringify(cursor.slice(0, 80))} twice; listing stopped after ${page} pages` });
      break;
    }
    seen.add(cursor);
    if (page >= limits.maxPages) {
      warnings.push({ code: 'page-cap', message: `the server listed more than ${limits.maxPages} pages; listing stopped there` });
      break;
    }
  }
  return listed;
}

function initializeFacts(client: Client): InitializeFacts {
  const info = client.getServerVersion();
  const capabilities = client.getServerCapabilities();
  const instructions = client.getInstructions();
  return {
    serverInfo: info ? { name: String(info.name), title: typeof info.title === 'string' ? info.title : undefined, version: String(info.version) } : undefined,
    capabilities: capabilities ? (JSON.parse(JSON.stringify(capabilities)) as Record<string, unknown>) : undefined,
    instructions: typeof instructions === 'string' ? instructions : undefined,
  };
}

function failed(stage: CrawlStage, reason: string, timings: Timings, extra: Partial<ListOutcome> = {}): ListOutcome {
  return {
    status: 'failed',
    failure: { stage, reason },
    timings,
    tools: [],
    fingerprints: new Map(),
    invalidTools: [],
    warnings: [],
    ...extra,
  };
}

function succeeded(listed: readonly unknown[], source: ToolSource, timings: Timings, extra: Partial<ListOutcome> = {}): ListOutcome {
  const checked = checkListedTools(listed);
  return {
    status: 'ok',
    source,
    timings,
    ...checked,
    ...extra,
    warnings: [...(extra.warnings ?? []), ...checked.warnings],
  };
}

/** A reason that is a time limit says which answer did not come in time, over stdio and HTTP alike. */
function saidInTime(stage: CrawlStage, reason: string): string {
  return /timed out|took longer/i.test(reason) && (stage === 'initialize' || stage === 'list') ? `no answer to ${stage === 'list' ? 'tools/list' : 'initialize'} in time: ${reason}` : reason;
}

/**
 * Replaces the server's temporary folder paths in everything it returned with `{workdir}`,
 * `{home}` and `{server-folder}`, so a re-crawl of an unchanged server gives the same data.
 */
export function maskFolders<T>(value: T, folders: ServerFolders & { base: string }): T {
  // (a folder is masked where it is a whole path: "/sandbox/work/x" is the working folder, "/sandboxes/x" is not)
  const named: [string, string][] = [
    [folders.workdir, '{workdir}'],
    [folders.home, '{home}'],
    [folders.base, '{server-folder}'],
  ];
  const pairs = named.map(([from, to]): [RegExp, string] => [new RegExp(`${escapeRegExp(from)}(?![\\w.-])`, 'g'), to]);
  const mask = (text: string): string => (text.includes(folders.base) ? pairs.reduce((out, [from, to]) => out.replace(from, to), text) : text);
  // (a definition is cut at MAX_DEFINITION_DEPTH levels where it is checked; deeper parts are left as they are, and never walked)
  const walk = (node: unknown, depth: number): unknown => {
    if (typeof node === 'string') return mask(node);
    if (depth > MAX_DEFINITION_DEPTH + 2) return node;
    if (Array.isArray(node)) return node.map((child) => walk(child, depth + 1));
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [mask(key), walk(child, depth + 1)]));
    }
    return node;
  };
  return walk(value, 0) as T;
}

/** Makes a server's fresh HOME and working folder; the caller removes `base`. */
async function freshFolders(): Promise<ServerFolders & { base: string }> {
  const base = await mkdtemp(join(tmpdir(), 'toolrisk-server-'));
  const folders = { base, home: join(base, 'home'), workdir: join(base, 'work') };
  await mkdir(folders.home);
  await mkdir(folders.workdir);
  return folders;
}

export function defaultNpmCache(): string {
  const cacheHome = process.env.XDG_CACHE_HOME ?? join(process.env.HOME ?? tmpdir(), '.cache');
  return join(cacheHome, 'toolrisk', 'npm');
}

async function listOverStdio(plan: Extract<LaunchPlan, { kind: 'stdio' }>, options: ListOptions, limits: ListLimits): Promise<ListOutcome> {
  const started = performance.now();
  const run = options.sandbox;
  // in the sandbox, HOME and the working folder are fixed paths on its own tmpfs; outside, fresh host folders
  const folders = run ? { ...SANDBOX_PATHS } : await freshFolders();
  if (!run) options.onFolders?.(folders.base);
  try {
    return await listInFolders(plan, options, limits, folders, started);
  } finally {
    // (whatever happens, even a throw before the server starts, the host folders go)
    if (!run) await rm(folders.base, { recursive: true, force: true, maxRetries: 3 });
  }
}

async function listInFolders(plan: Extract<LaunchPlan, { kind: 'stdio' }>, options: ListOptions, limits: ListLimits, folders: ServerFolders & { base: string }, started: number): Promise<ListOutcome> {
  const timings: Timings = { totalMs: 0 };
  const run = options.sandbox;
  const facts: SandboxFacts = run ? { kind: 'bubblewrap', network: run.network } : { kind: 'none', network: true };
  const warnings: CrawlWarning[] = run?.note ? [{ code: 'sandbox', message: run.note }] : [];
  const env = serverEnvironment(options.placeholders ?? {}, folders, run ? `${SANDBOX_PATHS.home}/.npm` : (options.npmCache ?? defaultNpmCache()));
  let command = plan.command;
  let args = plan.args.map((arg) => expandTokens(arg, folders));
  let user: ReturnType<typeof acquireUser> | undefined;
  if (run) {
    let binds = (run.paths ?? []).map((path) => ({ from: path, to: path }));
    if (run.install) {
      const mark = performance.now();
      try {
        const installed = await installPackage(run.sandbox, run.install, { store: run.store, limits: run.limits, timeoutMs: limits.installMs });
        command = installed.command;
        args = run.install.args.map((arg) => expandTokens(arg, folders));
        binds = [{ from: installed.folder, to: SANDBOX_PATHS.package }];
      } catch (error) {
        timings.installMs = Math.round(performance.now() - mark);
        timings.totalMs = Math.round(performance.now() - started);
        return failed('install', errorText(error), timings, { sandbox: facts });
      }
      timings.installMs = Math.round(performance.now() - mark);
    }
    if (run.network) Object.assign(env, networkEnvironment());
    user = acquireUser(run.sandbox);
    ({ command, args } = sandboxCommand(run.sandbox, { command, args, network: run.network, limits: run.limits, binds, user }));
  }
  const transport = new GroupStdioTransport({
    command,
    args,
    env,
    cwd: run ? tmpdir() : folders.workdir,
    maxStderrBytes: limits.maxStderrBytes,
  });
  const client = new Client(CLIENT_INFO, { capabilities: {} });
  let stage: CrawlStage = 'start';
  let outcome: ListOutcome;
  try {
    let mark = performance.now();
    try {
      await withTimeout(transport.start(), limits.startMs, 'start', 'starting the process');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new StageError('start', code === 'ENOENT' ? `command not found: ${plan.command} (is it installed and on PATH?)` : errorText(error));
    }
    if (transport.pid) options.onSpawn?.(transport.pid);
    timings.startMs = Math.round(performance.now() - mark);
    stage = 'initialize';
    mark = performance.now();
    // (npx installs while it starts; a sandboxed server was installed beforehand)
    const initLimit = limits.initializeMs + (options.needsInstall && !run ? limits.installMs : 0);
    await withTimeout(client.connect(transport, { timeout: initLimit }), initLimit + 1000, 'initialize', 'initialize');
    timings.initializeMs = Math.round(performance.now() - mark);
    stage = 'list';
    mark = performance.now();
    const listed = maskFolders(await listAllPages(client, limits, warnings), folders);
    timings.listMs = Math.round(performance.now() - mark);
    outcome = succeeded(listed, 'stdio', timings, { initialize: maskFolders(initializeFacts(client), folders), warnings });
  } catch (error) {
    const failedStage = error instanceof StageError ? error.stage : stage;
    // the transport's own reason (a message past the cap) beats the SDK's "Connection closed"
    let reason = errorText(transport.failure ?? error);
    const exit = transport.exitStatus;
    const limit = run ? limitReason(exit, transport.stderr, run.limits) : undefined;
    if (limit) reason = `the server ${limit}: ${reason}`;
    if (exit) reason += exit.signal ? ` (the server was killed by ${exit.signal})` : ` (the server exited with code ${exit.code})`;
    outcome = failed(failedStage, maskFolders(saidInTime(failedStage, reason), folders), timings, { warnings });
  } finally {
    await transport.killTree();
    await client.close().catch(() => undefined);
    user?.release();
  }
  if (transport.noiseLines) {
    outcome.warnings.unshift({
      code: 'stdout-noise',
      message: `the server wrote ${transport.noiseLines} line(s) to stdout that are not JSON-RPC (ignored), e.g. ${JSON.stringify(transport.noiseSamples[0])}`,
    });
  }
  const stderr = maskFolders(transport.stderr.trim(), folders);
  if (stderr) outcome.stderr = stderr;
  outcome.sandbox = facts;
  outcome.timings.totalMs = Math.round(performance.now() - started);
  return outcome;
}

async function listOverHttp(plan: Extract<LaunchPlan, { kind: 'http' }>, options: ListOptions, limits: ListLimits): Promise<ListOutcome> {
  const started = performance.now();
  const attempts: string[] = [];
  for (const kind of plan.transports) {
    const timings: Timings = { totalMs: 0 };
    const warnings: CrawlWarning[] = [];
    const url = new URL(plan.url);
    const requestInit: RequestInit = { headers: options.headers ?? {} };
    const transport: Transport = kind === 'streamable-http'
      ? new StreamableHTTPClientTransport(url, { requestInit })
      : new SSEClientTransport(url, { requestInit });
    const client = new Client(CLIENT_INFO, { capabilities: {} });
    let stage: CrawlStage = 'initialize';
    try {
      let mark = performance.now();
      await withTimeout(client.connect(transport, { timeout: limits.initializeMs }), limits.initializeMs + 1000, 'initialize', 'initialize');
      timings.initializeMs = Math.round(performance.now() - mark);
      stage = 'list';
      mark = performance.now();
      const listed = await listAllPages(client, limits, warnings);
      timings.listMs = Math.round(performance.now() - mark);
      const outcome = succeeded(listed, kind, timings, { initialize: initializeFacts(client), warnings });
      if (attempts.length) outcome.warnings.unshift({ code: 'transport-fallback', message: `fell back to ${kind}: ${attempts.join('; ')}` });
      outcome.timings.totalMs = Math.round(performance.now() - started);
      return outcome;
    } catch (error) {
      // a server that initialized but then failed to list is not retried over another transport
      if (stage === 'list') {
        timings.totalMs = Math.round(performance.now() - started);
        return failed('list', saidInTime('list', errorText(error)), timings, { warnings });
      }
      attempts.push(`${kind}: ${saidInTime(stage, errorText(error))}`);
    } finally {
      await client.close().catch(() => undefined);
    }
  }
  return failed('initialize', attempts.join('; '), { totalMs: Math.round(performance.now() - started) });
}

async function listFromRecorded(plan: Extract<LaunchPlan, { kind: 'recorded' }>, options: ListOptions): Promise<ListOutcome> {
  const started = performance.now();
  const file = resolvePath(options.dataDir ?? '.', plan.file);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return failed('read', `${plan.file}: ${errorText(error)}`, { totalMs: 0 });
  }
  const parsed = RecordedToolsFileSchema.safeParse(json);
  if (!parsed.success) return failed('read', `${plan.file} is not a recorded tools file:\n${formatZodError(parsed.error)}`, { totalMs: 0 });
  return succeeded(parsed.data.tools, 'recorded', { totalMs: Math.round(performance.now() - started) });
}

async function listFromServerCard(plan: Extract<LaunchPlan, { kind: 'server-card' }>, limits: ListLimits): Promise<ListOutcome> {
  const started = performance.now();
  const timings = (): Timings => ({ totalMs: Math.round(performance.now() - started) });
  let text: string;
  try {
    const response = await fetch(plan.url, { signal: AbortSignal.timeout(limits.pageMs), headers: { accept: 'application/json' } });
    if (!response.ok) return failed('read', `${plan.url} answered HTTP ${response.status}`, timings());
    text = await response.text();
  } catch (error) {
    return failed('read', `${plan.url}: ${errorText(error)}`, timings());
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return failed('read', `${plan.url} did not return JSON: ${errorText(error)}`, timings());
  }
  const parsed = ServerCardSchema.safeParse(json);
  if (!parsed.success) return failed('read', `${plan.url} is not an MCP server card:\n${formatZodError(parsed.error)}`, timings());
  const card = parsed.data;
  if (!Array.isArray(card.tools)) {
    return failed('read', `${plan.url}: the server card does not list its tools${card.tools === 'dynamic' ? ' (it says they are dynamic)' : ''}; crawl the server live instead`, timings());
  }
  return succeeded(card.tools, 'server-card', timings(), {
    initialize: {
      protocolVersion: card.protocolVersion,
      serverInfo: card.serverInfo,
      capabilities: card.capabilities,
      instructions: card.instructions,
    },
  });
}

/** Lists a server's tools according to its launch plan. Never throws for server misbehaviour. */
export async function listTools(plan: LaunchPlan, options: ListOptions = {}): Promise<ListOutcome> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  switch (plan.kind) {
    case 'stdio':
      return listOverStdio(plan, options, limits);
    case 'http':
      return listOverHttp(plan, options, limits);
    case 'recorded':
      return listFromRecorded(plan, options);
    case 'server-card':
      return listFromServerCard(plan, limits);
  }
}
