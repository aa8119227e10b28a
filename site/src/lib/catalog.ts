// The site's view of the catalog, read at build time from data/crawled and data/classified (or
// TOOLRISK_DATA, which tests and benchmarks point elsewhere). Memory stays bounded at catalog
// scale: a light index of every server and tool is kept, and a server's full records are loaded
// when its pages are rendered (a few at a time).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ClassifiedServerSchema,
  CrawlSnapshotSchema,
  RISK_LEVELS,
  type Category,
  type Classification,
  type ClassifiedServer,
  type CrawlSnapshot,
  type McpTool,
  type Risk,
} from '../../../data/schema.ts';
import { parseRecord } from '../../../data/serialize.ts';
import { toolSlug } from '../../../data/slug.ts';
import { splitIdentifier } from '../../../classifier/words.ts';
import { rulesFiredBy } from '../../../classifier/engine/report.ts';

/** What listings need of a tool. */
export interface ToolSummary {
  slug: string;
  name: string;
  url: string;
  serverSlug: string;
  /** The server's registry id (what search matches and shows). */
  serverName: string;
  /** The server's readable name (ServerSummary.displayName), for listings. */
  serverDisplay: string;
  serverUrl: string;
  risk: Risk;
  category: Category;
  score: number;
  /** The description on one line, cut at 140 characters. */
  line: string;
  /** Date of the tool's latest recorded change, if any. */
  changed?: string;
}

export interface ServerSummary {
  slug: string;
  /** The registry id (io.github.owner/name). */
  name: string;
  title?: string;
  /** What pages call the server: its registry title, else a readable name made from its package or id. */
  displayName: string;
  /** The registry description on one line, cut at 140 characters. */
  line: string;
  /** The package people install, with its version (`@scope/name@1.2.3`, `name==1.2`, an image), if any. */
  pkg?: string;
  /** The repository link, only when it is https. */
  repository?: string;
  /** When the catalog first listed the server's tools (its first crawl that listed them). */
  firstSeen: string;
  url: string;
  status: 'ok' | 'failed';
  tools: ToolSummary[];
  counts: Record<Risk, number>;
  categories: Record<Category, number>;
  maxRisk?: Risk;
}

export interface SiteTool {
  summary: ToolSummary;
  slug: string;
  name: string;
  url: string;
  definition: McpTool;
  classification: Classification;
  history: { date: string; change: 'added' | 'changed' }[];
}

export interface SiteServer {
  summary: ServerSummary;
  slug: string;
  name: string;
  title?: string;
  description: string;
  version: string;
  url: string;
  snapshot: CrawlSnapshot;
  tools: SiteTool[];
  /** Tools the classifier failed on: listed by name with the error, never with a verdict. */
  unclassified: { name: string; error: string }[];
  toolsBySlug: Map<string, SiteTool>;
  /** Roughly what the tool definitions cost an agent's context: JSON characters / 4. */
  tokenEstimate: number;
}

export interface CatalogIndex {
  servers: ServerSummary[];
  tools: ToolSummary[];
  bySlug: Map<string, ServerSummary>;
  /** For each rule id: how many tools it fires on, and the first few of them (for /rules/). */
  ruleHits: Map<string, { count: number; tools: ToolSummary[] }>;
  errors: string[];
}

/** Set by site/astro.config.mjs (the repository's data/) unless the caller set it. */
export function dataDir(): string {
  const dir = process.env.TOOLRISK_DATA;
  if (!dir) throw new Error('TOOLRISK_DATA is not set: build the site with `npm run build` (site/astro.config.mjs sets it)');
  return resolve(dir);
}

// words that say "MCP server" and nothing of which one
const GENERIC_PARTS = /^(mcp|server|servers|model|context|protocol|modelcontextprotocol)$/i;
// words written in their own case (acronyms, brand names), by their lower-case form
const OWN_CASE = new Map(
  ['API', 'AI', 'AWS', 'CLI', 'CSS', 'CSV', 'DB', 'DNS', 'GCP', 'GIT', 'HTML', 'HTTP', 'ID', 'JIRA', 'JSON', 'LLM', 'PDF', 'SDK', 'SQL', 'SSH', 'UI', 'URL', 'XML', 'YAML', 'GitHub', 'GitLab', 'OpenAI', 'YouTube', 'LinkedIn', 'HubSpot', 'Postgres', 'MongoDB', 'GraphQL', 'DevOps'].map((word) => [word.toLowerCase(), word]),
);

/** A readable name from a package or registry id: `@acme/mcp-server-github-issues` → "GitHub Issues". */
export function readableName(id: string): string {
  const last = id.split('/').pop() ?? id;
  const words = last.split(/[-_.\s]+/).filter((word) => word && !GENERIC_PARTS.test(word));
  if (words.length === 0) return last || id;
  return words.map((word) => OWN_CASE.get(word.toLowerCase()) ?? `${word.charAt(0).toUpperCase()}${word.slice(1)}`).join(' ');
}

function packageOf(snapshot: CrawlSnapshot): string | undefined {
  const pkg = snapshot.entry.packages?.[0];
  if (!pkg) return undefined;
  const version = snapshot.lastOkVersion ?? pkg.version;
  if (!version || version === 'latest') return pkg.identifier;
  return pkg.registryType === 'pypi' ? `${pkg.identifier}==${version}` : pkg.registryType === 'oci' ? pkg.identifier : `${pkg.identifier}@${version}`;
}

function oneLine(text: string | undefined): string {
  const line = (text ?? '').replace(/\s+/g, ' ').trim();
  return line.length > 140 ? `${line.slice(0, 140)}…` : line;
}

interface Loaded {
  snapshot: CrawlSnapshot;
  classified?: ClassifiedServer;
}

function readServer(file: string, errors: string[]): Loaded | undefined {
  const dir = dataDir();
  const crawledFile = join(dir, 'crawled', file);
  let snapshot: CrawlSnapshot;
  try {
    snapshot = parseRecord(crawledFile, readFileSync(crawledFile, 'utf8'), CrawlSnapshotSchema);
  } catch (error) {
    errors.push((error as Error).message); // one broken file never stops the build
    return undefined;
  }
  const classifiedFile = join(dir, 'classified', file);
  if (!existsSync(classifiedFile)) {
    errors.push(`${classifiedFile}: missing; run npm run classify (the server's tools are left out)`);
    return { snapshot };
  }
  try {
    return { snapshot, classified: parseRecord(classifiedFile, readFileSync(classifiedFile, 'utf8'), ClassifiedServerSchema) };
  } catch (error) {
    errors.push((error as Error).message);
    return { snapshot };
  }
}

/** How an error line names a tool left out of the site: its classified file, its position and its name. */
function leftOut(file: string, index: number, name: string): string {
  return `${join(dataDir(), 'classified', file)}: tool #${index + 1} ${JSON.stringify(name.slice(0, 80))}`;
}

/** Pairs each listed tool with its classification and a unique URL slug; reports what cannot be shown. */
function pairTools(loaded: Loaded, errors: string[], file: string): { definition: McpTool; classification: Classification; slug: string }[] {
  const byName = new Map(loaded.classified?.tools.map((classification) => [classification.tool, classification]));
  const failed = new Map(loaded.classified?.unclassified?.map((failure) => [failure.tool, failure.error]));
  const seen = new Set<string>();
  const out: { definition: McpTool; classification: Classification; slug: string }[] = [];
  loaded.snapshot.tools.forEach((definition, index) => {
    const classification = byName.get(definition.name);
    if (!classification) {
      const error = failed.get(definition.name);
      if (loaded.classified) errors.push(error === undefined ? `${leftOut(file, index, definition.name)} has no classification; run npm run classify (it has no page)` : `${leftOut(file, index, definition.name)} could not be classified: ${error} (it has no page)`);
      return;
    }
    const slug = toolSlug(definition.name);
    if (seen.has(slug)) {
      errors.push(`${leftOut(file, index, definition.name)} has the same URL as an earlier tool, ${slug} (it has no page)`);
      return;
    }
    seen.add(slug);
    out.push({ definition, classification, slug });
  });
  return out;
}

/** The date of a tool's latest real change: a crawl after the first that added or changed it (the first lists every tool). */
function lastChange(snapshot: CrawlSnapshot, name: string): string | undefined {
  for (let i = snapshot.history.length - 1; i >= 1; i--) {
    const event = snapshot.history[i]!;
    if (event.added.some((entry) => entry.name === name) || event.changed.some((entry) => entry.name === name)) return event.date;
  }
  return undefined;
}

let index: CatalogIndex | undefined;

export function loadIndex(): CatalogIndex {
  if (index) return index;
  const crawledDir = join(dataDir(), 'crawled');
  const files = existsSync(crawledDir) ? readdirSync(crawledDir).filter((name) => name.endsWith('.json')).sort() : [];
  const errors: string[] = [];
  const servers: ServerSummary[] = [];
  const ruleHits: CatalogIndex['ruleHits'] = new Map();
  for (const file of files) {
    const loaded = readServer(file, errors);
    if (!loaded) continue;
    const { snapshot } = loaded;
    const title = snapshot.entry.title ?? snapshot.initialize?.serverInfo?.title;
    const repository = snapshot.entry.repository?.url;
    const server: ServerSummary = {
      slug: snapshot.slug,
      name: snapshot.name,
      title,
      displayName: title?.trim() || readableName(snapshot.entry.packages?.[0]?.registryType === 'npm' ? snapshot.entry.packages[0].identifier : snapshot.name),
      line: oneLine(snapshot.entry.description),
      pkg: packageOf(snapshot),
      // only https links: a server-supplied javascript: or data: URL is never a link
      repository: repository?.startsWith('https://') ? repository : undefined,
      firstSeen: snapshot.history[0]?.date ?? snapshot.lastOkAt ?? snapshot.crawledAt,
      url: `/servers/${snapshot.slug}/`,
      status: snapshot.status,
      tools: [],
      counts: { low: 0, medium: 0, high: 0, critical: 0 },
      categories: { read: 0, write: 0, execute: 0 },
    };
    for (const { definition, classification, slug } of pairTools(loaded, errors, file)) {
      server.tools.push({
        slug,
        name: definition.name,
        url: `/tools/${snapshot.slug}/${slug}/`,
        serverSlug: snapshot.slug,
        serverName: snapshot.name,
        serverDisplay: server.displayName,
        serverUrl: server.url,
        risk: classification.risk,
        category: classification.category,
        score: classification.score,
        line: oneLine(definition.description),
        changed: lastChange(snapshot, definition.name),
      });
      for (const id of rulesFiredBy(classification)) {
        const hit = ruleHits.get(id) ?? { count: 0, tools: [] };
        hit.count += 1;
        if (hit.tools.length < 3) hit.tools.push(server.tools.at(-1)!);
        ruleHits.set(id, hit);
      }
      server.counts[classification.risk] += 1;
      server.categories[classification.category] += 1;
    }
    server.maxRisk = [...RISK_LEVELS].reverse().find((level) => server.counts[level] > 0);
    servers.push(server);
  }
  index = { servers, tools: servers.flatMap((server) => server.tools), bySlug: new Map(servers.map((server) => [server.slug, server])), ruleHits, errors };
  for (const error of errors) console.warn(`toolrisk site: ${error}`);
  return index;
}

const recent = new Map<string, SiteServer>();

/** A server's full records, for its own page and its tools' pages (the last few are kept). */
export function loadServer(slug: string): SiteServer {
  const hit = recent.get(slug);
  if (hit) return hit;
  const summary = loadIndex().bySlug.get(slug);
  if (!summary) throw new Error(`no server with slug ${slug}`);
  const loaded = readServer(`${slug}.json`, [])!;
  const { snapshot } = loaded;
  const tools: SiteTool[] = pairTools(loaded, [], `${slug}.json`).map(({ definition, classification, slug: tool }, i) => ({
    summary: summary.tools[i]!,
    slug: tool,
    name: definition.name,
    url: summary.tools[i]!.url,
    definition,
    classification,
    history: snapshot.history.flatMap((event) => [
      ...event.added.filter((entry) => entry.name === definition.name).map(() => ({ date: event.date, change: 'added' as const })),
      ...event.changed.filter((entry) => entry.name === definition.name).map(() => ({ date: event.date, change: 'changed' as const })),
    ]),
  }));
  const server: SiteServer = {
    summary,
    slug,
    name: snapshot.name,
    title: summary.title,
    description: snapshot.entry.description,
    version: snapshot.entry.version,
    url: summary.url,
    snapshot,
    tools,
    unclassified: (loaded.classified?.unclassified ?? []).map((failure) => ({ name: failure.tool, error: failure.error })),
    toolsBySlug: new Map(tools.map((tool) => [tool.slug, tool])),
    tokenEstimate: Math.ceil(JSON.stringify(snapshot.tools).length / 4),
  };
  recent.set(slug, server);
  if (recent.size > 8) recent.delete(recent.keys().next().value!);
  return server;
}

export const RISK_ORDER: Record<Risk, number> = { low: 0, medium: 1, high: 2, critical: 3 };

export function byScore(a: ToolSummary, b: ToolSummary): number {
  return b.score - a.score || a.name.localeCompare(b.name);
}

// Similar tools of other servers: the same category and the same first word of the name. Built once
// (module scope: an .astro page's frontmatter runs again for every page).
let similarIndex: Map<string, ToolSummary[]> | undefined;
const similarKey = (tool: ToolSummary) => `${tool.category}:${splitIdentifier(tool.name)[0]?.word ?? ''}`;

export function similarTools(tool: ToolSummary, limit = 6): ToolSummary[] {
  if (!similarIndex) {
    similarIndex = new Map();
    for (const other of loadIndex().tools) {
      const key = similarKey(other);
      const list = similarIndex.get(key) ?? [];
      if (list.length < 50) list.push(other);
      similarIndex.set(key, list);
    }
  }
  return (similarIndex.get(similarKey(tool)) ?? []).filter((other) => other.serverSlug !== tool.serverSlug).slice(0, limit);
}

/** Tools per listing page (tests use a small size to exercise pagination). */
export const PAGE_SIZE = Number(process.env.TOOLRISK_PAGE_SIZE ?? 100);
