// `toolrisk inspect`: crawl one server live (a command over stdio, or a URL over Streamable HTTP
// with SSE fallback), or read one static source, and return its snapshot.
import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { CrawlSnapshot, IndexEntry, LaunchPlan } from '../data/schema.ts';
import { IndexEntrySchema } from '../data/schema.ts';
import { listTools, sandboxRun, type ListLimits, type SandboxRun } from './list-tools.ts';
import { npxPackage } from './launch.ts';
import { reachableBySandbox, withoutPrivilegeDrop, type Sandbox, type SandboxLimits } from './sandbox.ts';
import { snapshotFrom } from './snapshot.ts';

export interface InspectTarget {
  /** A command and its arguments (stdio). */
  command?: string[];
  /** A URL: an MCP endpoint, or a server card when it ends in `/.well-known/mcp/server-card.json`. */
  url?: string;
  /** A recorded tools/list file. */
  recorded?: string;
  /** A server card URL (explicit). */
  serverCard?: string;
  env?: Record<string, string>;
  headers?: Record<string, string>;
  limits?: Partial<ListLimits>;
  onSpawn?: (pgid: number) => void;
  onFolders?: (base: string) => void;
  /** Run the command in this sandbox (findSandbox()); without one, as a plain child process. */
  sandbox?: Sandbox;
  sandboxLimits?: Partial<SandboxLimits>;
  /** Let the sandboxed server reach the network. */
  network?: boolean;
  /** Folder of installed packages (sandboxStore() by default). */
  store?: string;
}

/**
 * The folder a local file needs to be visible with: the project it belongs to (the folder that holds
 * the `node_modules` it sits in, else its nearest folder with a package.json), else its own folder.
 */
export function projectFolder(file: string): string {
  const inModules = file.indexOf('/node_modules/');
  if (inModules > 0) return file.slice(0, inModules);
  const start = existsSync(file) && statSync(file).isDirectory() ? file : dirname(file);
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

/** How an inspected command runs in the sandbox: `npx -y pkg@version` is installed first; a local command sees its own project, read-only. */
function sandboxRunFor(plan: Extract<LaunchPlan, { kind: 'stdio' }>, target: InspectTarget): SandboxRun {
  const base = sandboxRun(target.sandbox!, { limits: target.sandboxLimits, network: target.network, store: target.store });
  const npx = plan.command === 'npx' ? npxPackage(plan.args) : undefined;
  if (npx) return { ...base, install: npx };
  const files = [plan.command, ...plan.args].filter((arg) => isAbsolute(arg) && existsSync(arg) && !/^\/(usr|bin|sbin|lib\w*|etc)(\/|$)/.test(arg));
  const projects = [...new Set(files.map(projectFolder))];
  // a node_modules that links elsewhere (a shared store, a test tool's sandbox) is bound where it leads
  const linked = projects.map((folder) => join(folder, 'node_modules')).filter((modules) => existsSync(modules) && lstatSync(modules).isSymbolicLink()).map((modules) => realpathSync(modules));
  const paths = [...new Set([...projects, ...linked])];
  // the user's own files in folders only they can read (a 0700 temp folder, root's home): the sandbox
  // keeps the crawler's user inside its namespaces instead of dropping to an unprivileged one, and says so
  const hidden = paths.find((path) => !reachableBySandbox(base.sandbox, path));
  if (hidden) return { ...base, sandbox: withoutPrivilegeDrop(base.sandbox), paths, note: `${hidden} is not readable by the unprivileged sandbox user, so the server ran as the crawler's own user inside the sandbox (the process limit does not hold for root)` };
  return { ...base, paths };
}

const INSTALLERS = new Set(['npx', 'uvx', 'pnpx', 'bunx']);

export function inspectPlan(target: InspectTarget): { plan: LaunchPlan; name: string } {
  if (target.command?.length) {
    const [command, ...given] = target.command as [string, ...string[]];
    // the server runs in a fresh empty folder, so files named relative to the user's folder are made absolute
    const args = given.map((arg) => (!arg.startsWith('-') && !isAbsolute(arg) && existsSync(arg) ? resolve(arg) : arg));
    return {
      plan: { kind: 'stdio', from: 'command', command, args, placeholderVariables: Object.keys(target.env ?? {}), installs: INSTALLERS.has(command) },
      name: [command, ...args].join(' '),
    };
  }
  if (target.recorded) {
    return { plan: { kind: 'recorded', file: resolve(target.recorded) }, name: target.recorded };
  }
  const cardUrl = target.serverCard ?? (target.url && /\/\.well-known\/mcp\/server-card\.json$/.test(new URL(target.url).pathname) ? target.url : undefined);
  if (cardUrl) return { plan: { kind: 'server-card', url: cardUrl }, name: cardUrl };
  if (target.url) {
    const url = new URL(target.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`inspect needs an http(s) URL, got ${url.protocol}`);
    return { plan: { kind: 'http', url: url.href, transports: ['streamable-http', 'sse'] }, name: url.href };
  }
  throw new Error('inspect needs a target: `inspect -- <command> [args…]`, `inspect <url>`, or `inspect --recorded <file>`');
}

export function looksLikeFile(text: string): boolean {
  return !/^[a-z]+:\/\//i.test(text) && existsSync(text);
}

export async function inspect(target: InspectTarget, now = new Date()): Promise<CrawlSnapshot> {
  const { plan, name } = inspectPlan(target);
  const outcome = await listTools(plan, {
    limits: target.limits,
    placeholders: target.env,
    headers: target.headers,
    needsInstall: plan.kind === 'stdio' && plan.installs,
    onSpawn: target.onSpawn,
    onFolders: target.onFolders,
    sandbox: target.sandbox && plan.kind === 'stdio' ? sandboxRunFor(plan, target) : undefined,
  });
  const serverName = outcome.initialize?.serverInfo?.name ?? name;
  const entry: IndexEntry = IndexEntrySchema.parse({
    server: { name: serverName, title: outcome.initialize?.serverInfo?.title, description: '', version: outcome.initialize?.serverInfo?.version ?? '' },
  });
  const snapshot = snapshotFrom(entry, plan, outcome, undefined, now.toISOString());
  return snapshot;
}
