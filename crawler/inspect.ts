// `toolrisk inspect`: crawl one server live (a command over stdio, or a URL over Streamable HTTP
// with SSE fallback), or read one static source, and return its snapshot.
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { CrawlSnapshot, IndexEntry, LaunchPlan } from '../data/schema.ts';
import { IndexEntrySchema } from '../data/schema.ts';
import { listTools, type ListLimits } from './list-tools.ts';
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
  });
  const serverName = outcome.initialize?.serverInfo?.name ?? name;
  const entry: IndexEntry = IndexEntrySchema.parse({
    server: { name: serverName, title: outcome.initialize?.serverInfo?.title, description: '', version: outcome.initialize?.serverInfo?.version ?? '' },
  });
  const snapshot = snapshotFrom(entry, plan, outcome, undefined, now.toISOString());
  return snapshot;
}
