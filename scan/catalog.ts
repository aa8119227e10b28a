// The catalog a scan matches configured servers against: a `data/` folder (the repository's, or any
// clone's), the compact snapshot shipped in the package (`catalog.json.gz`), or a site's static API
// (`/api/scan-catalog.json`). All three give the same thing: every server's keys for matching
// (packages, remotes) and, for a matched server, its tools' verdicts in brief.
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  ClassifiedServerSchema,
  ScanCatalogSchema,
  SIGNAL_EFFECTS,
  type Classification,
  type ClassifiedServer,
  type CrawlSnapshot,
  type IndexEntry,
  type McpTool,
  type ScanCatalog,
  type ScanCatalogServer,
  type ScanTool,
} from '../data/schema.ts';
import { DataFileError, formatZodError, parseRecord } from '../data/serialize.ts';
import { loadIndex, loadSnapshot } from '../crawler/index-files.ts';
import { CLASSIFIER_STATE_FILE, readClassifierState } from '../classifier/run.ts';
import { trifectaLegs } from './legs.ts';

/** A catalog server's keys, without its tools. */
export type CatalogKeys = Omit<ScanCatalogServer, 'tools' | 'crawledAt' | 'status'> & { crawledAt?: string; status?: ScanCatalogServer['status'] };

export interface Catalog {
  /** Where it came from, as the report names it. */
  label: string;
  /** The newest crawl in it, when known before loading servers. */
  crawledUntil?: string;
  servers: CatalogKeys[];
  /** One server with its tools; undefined when the catalog lists it but holds no crawl of it. Throws DataFileError for a broken file. */
  load(slug: string): Promise<ScanCatalogServer | undefined>;
  /** Problems met while reading the catalog (broken files), each naming its file. */
  problems: string[];
}

/** A tool's verdict in brief, from its full classification and its definition. */
export function scanTool(classification: Classification, definition: McpTool | undefined): ScanTool {
  const effects = new Set(classification.signals.map((signal) => signal.effect));
  return {
    tool: classification.tool,
    fingerprint: classification.fingerprint,
    category: classification.category,
    risk: classification.risk,
    score: classification.score,
    confidence: classification.confidence,
    destructive: classification.destructive,
    destructiveScope: classification.destructiveScope,
    financial: classification.financial,
    openWorld: classification.openWorld,
    sensitive: classification.sensitive,
    effects: SIGNAL_EFFECTS.filter((effect) => effects.has(effect)),
    why: classification.rationale,
    warnings: classification.warnings.map(({ kind, severity, message }) => ({ kind, severity, message })),
    contradictions: classification.annotations.contradictions.map((contradiction) => contradiction.message),
    legs: definition ? trifectaLegs(definition, classification) : [],
    policy: classification.policy,
  };
}

/** The verdicts in brief of a server's classified tools, each read with its definition from the crawl. */
export function scanTools(definitions: readonly McpTool[], classifications: readonly Classification[]): ScanTool[] {
  const byName = new Map(definitions.map((tool) => [tool.name, tool]));
  return classifications.map((classification) => scanTool(classification, byName.get(classification.tool)));
}

function keysOf(slug: string, entry: IndexEntry['server']): CatalogKeys {
  return {
    slug,
    name: entry.name,
    ...(entry.title ? { title: entry.title } : {}),
    version: entry.version,
    packages: (entry.packages ?? []).map((pkg) => ({ registryType: pkg.registryType, identifier: pkg.identifier, ...(pkg.version ? { version: pkg.version } : {}) })),
    remotes: (entry.remotes ?? []).map((remote) => ({ type: remote.type, url: remote.url })),
  };
}

/** A catalog server from its crawl and its classification (no classification: no tools). */
export function scanServer(snapshot: CrawlSnapshot, classified: ClassifiedServer | undefined): ScanCatalogServer {
  return {
    ...keysOf(snapshot.slug, snapshot.entry),
    crawledAt: snapshot.crawledAt,
    status: snapshot.status,
    tools: scanTools(snapshot.tools, classified?.tools ?? []),
  };
}

/** One server of a `data/` folder: its crawl and, when there is one, its classification (and the classifier's version). */
async function readDataServer(dataDir: string, slug: string): Promise<{ server: ScanCatalogServer } | undefined> {
  const snapshot = await loadSnapshot(join(dataDir, 'crawled', `${slug}.json`));
  if (!snapshot) return undefined;
  const classifiedFile = join(dataDir, 'classified', `${slug}.json`);
  const classified = existsSync(classifiedFile) ? parseRecord(classifiedFile, await readFile(classifiedFile, 'utf8'), ClassifiedServerSchema) : undefined;
  return { server: scanServer(snapshot, classified) };
}

/** A `data/` folder as a catalog: keys from `index/`, a server's tools from `crawled/` and `classified/` when it is matched. */
export async function dataCatalog(dataDir: string): Promise<Catalog> {
  const index = await loadIndex(join(dataDir, 'index'));
  const servers = index.items.map((item) => keysOf(item.slug, item.entry.server));
  const known = new Set(servers.map((server) => server.slug));
  return {
    label: dataDir,
    servers,
    problems: [...index.errors],
    load: async (slug) => (known.has(slug) ? (await readDataServer(dataDir, slug))?.server : undefined),
  };
}

/** The whole compact catalog of a `data/` folder (what the package ships and the site serves). */
export async function buildScanCatalog(dataDir: string, onProblem: (message: string) => void = () => {}): Promise<ScanCatalog> {
  const index = await loadIndex(join(dataDir, 'index'));
  index.errors.forEach((problem) => onProblem(problem));
  const servers: ScanCatalogServer[] = [];
  const state = await readClassifierState(join(dataDir, CLASSIFIER_STATE_FILE));
  if (state.problem) onProblem(state.problem);
  const classifierVersion = state.version ?? '';
  for (const { slug } of index.items) {
    try {
      const read = await readDataServer(dataDir, slug);
      if (!read) continue;
      servers.push(read.server);
    } catch (error) {
      onProblem(error instanceof DataFileError ? `${error.message} (left out of the catalog)` : `${slug}: ${(error as Error).message} (left out of the catalog)`);
    }
  }
  const crawledUntil = servers.reduce((newest, server) => (server.crawledAt > newest ? server.crawledAt : newest), '');
  return { format: 'toolrisk-scan-catalog/2', crawledUntil, classifierVersion, servers };
}

/** A compact catalog (parsed JSON) as a Catalog; `label` names where it came from in messages. */
export function compactCatalog(label: string, value: unknown): Catalog {
  const format = typeof value === 'object' && value !== null ? (value as { format?: unknown }).format : undefined;
  if (typeof format === 'string' && format.startsWith('toolrisk-scan-catalog/') && format !== 'toolrisk-scan-catalog/2') {
    throw new DataFileError(label, `is a ToolRisk scan catalog of format ${JSON.stringify(format)}; this toolrisk reads toolrisk-scan-catalog/2: give a newer catalog (a site rebuilt with this version, or a data/ folder)`);
  }
  const parsed = ScanCatalogSchema.safeParse(value);
  if (!parsed.success) throw new DataFileError(label, `not a ToolRisk scan catalog:\n${formatZodError(parsed.error)}`);
  const bySlug = new Map(parsed.data.servers.map((server) => [server.slug, server]));
  return {
    label,
    crawledUntil: parsed.data.crawledUntil,
    servers: parsed.data.servers,
    problems: [],
    load: async (slug) => bySlug.get(slug),
  };
}

function decode(label: string, bytes: Buffer): unknown {
  let text: string;
  try {
    text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (error) {
    throw new DataFileError(label, `cannot be unpacked: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DataFileError(label, `is not JSON: ${(error as Error).message}`);
  }
}

export const COMPACT_NAMES = ['catalog.json.gz', 'scan-catalog.json', 'scan-catalog.json.gz'];

/**
 * The catalog `--catalog` names: a `data/` folder (it has `index/`), a folder or file holding a
 * compact catalog, or an http(s) URL of a site (its `/api/scan-catalog.json`) or of the file itself.
 */
export async function openCatalog(source: string, fetchImpl: typeof fetch = fetch): Promise<Catalog> {
  if (/^https?:\/\//i.test(source)) {
    const url = new URL(source);
    if (!/\.json(\.gz)?$/.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/scan-catalog.json`;
    let response: Response;
    try {
      response = await fetchImpl(url, { signal: AbortSignal.timeout(60_000) });
    } catch (error) {
      throw new DataFileError(url.href, `cannot be fetched: ${(error as Error).message}`);
    }
    if (!response.ok) throw new DataFileError(url.href, `answered HTTP ${response.status}; give a site's address (its /api/scan-catalog.json is read) or a data/ folder`);
    return compactCatalog(url.href, decode(url.href, Buffer.from(await response.arrayBuffer())));
  }
  if (!existsSync(source)) throw new DataFileError(source, 'does not exist; give a data/ folder, a catalog file, or a site URL');
  if (statSync(source).isDirectory()) {
    if (existsSync(join(source, 'index'))) return dataCatalog(source);
    const compact = COMPACT_NAMES.map((name) => join(source, name)).find((file) => existsSync(file));
    if (!compact) throw new DataFileError(source, `holds neither index/ (a data folder) nor ${COMPACT_NAMES.join(' or ')}`);
    return compactCatalog(compact, decode(compact, await readFile(compact)));
  }
  return compactCatalog(source, decode(source, await readFile(source)));
}
