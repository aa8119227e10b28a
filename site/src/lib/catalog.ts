// The site's view of the catalog, read once at build time from data/crawled and data/classified
// (or from TOOLRISK_DATA, which tests point at a fixture catalog). Pages get precomputed data.
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

export interface SiteTool {
  slug: string;
  name: string;
  definition: McpTool;
  classification: Classification;
  server: SiteServer;
  url: string;
  history: { date: string; change: 'added' | 'removed' | 'changed' }[];
}

export interface SiteServer {
  slug: string;
  name: string;
  title?: string;
  description: string;
  version: string;
  snapshot: CrawlSnapshot;
  classified?: ClassifiedServer;
  tools: SiteTool[];
  url: string;
  counts: Record<Risk, number>;
  categories: Record<Category, number>;
  maxRisk?: Risk;
  /** Roughly what the tool definitions cost an agent's context: JSON characters / 4. */
  tokenEstimate: number;
}

export interface Catalog {
  servers: SiteServer[];
  tools: SiteTool[];
  errors: string[];
}

/** Set by site/astro.config.mjs (the repository's data/) unless the caller set it. */
export function dataDir(): string {
  const dir = process.env.TOOLRISK_DATA;
  if (!dir) throw new Error('TOOLRISK_DATA is not set: build the site with `npm run build` (site/astro.config.mjs sets it)');
  return resolve(dir);
}

let cached: Catalog | undefined;

export function loadCatalog(): Catalog {
  if (cached) return cached;
  const dir = dataDir();
  const errors: string[] = [];
  const servers: SiteServer[] = [];
  const crawledDir = join(dir, 'crawled');
  const names = existsSync(crawledDir) ? readdirSync(crawledDir).filter((name) => name.endsWith('.json')).sort() : [];
  for (const file of names) {
    let snapshot: CrawlSnapshot;
    try {
      snapshot = parseRecord(join(crawledDir, file), readFileSync(join(crawledDir, file), 'utf8'), CrawlSnapshotSchema);
    } catch (error) {
      errors.push((error as Error).message); // one broken file never stops the build
      continue;
    }
    let classified: ClassifiedServer | undefined;
    const classifiedFile = join(dir, 'classified', file);
    if (existsSync(classifiedFile)) {
      try {
        classified = parseRecord(classifiedFile, readFileSync(classifiedFile, 'utf8'), ClassifiedServerSchema);
      } catch (error) {
        errors.push((error as Error).message);
      }
    } else {
      errors.push(`${classifiedFile}: missing; run npm run classify (the server is shown without risk)`);
    }
    const server: SiteServer = {
      slug: snapshot.slug,
      name: snapshot.name,
      title: snapshot.entry.title ?? snapshot.initialize?.serverInfo?.title,
      description: snapshot.entry.description,
      version: snapshot.entry.version,
      snapshot,
      classified,
      tools: [],
      url: `/servers/${snapshot.slug}/`,
      counts: { low: 0, medium: 0, high: 0, critical: 0 },
      categories: { read: 0, write: 0, execute: 0 },
      tokenEstimate: Math.ceil(JSON.stringify(snapshot.tools).length / 4),
    };
    const byName = new Map(classified?.tools.map((classification) => [classification.tool, classification]));
    const seen = new Set<string>();
    for (const definition of snapshot.tools) {
      const classification = byName.get(definition.name);
      if (!classification) {
        errors.push(`${snapshot.name}: tool ${JSON.stringify(definition.name.slice(0, 80))} has no classification (skipped)`);
        continue;
      }
      const slug = toolSlug(definition.name);
      if (seen.has(slug)) {
        errors.push(`${snapshot.name}: two tools share the URL ${slug} (the second is skipped)`);
        continue;
      }
      seen.add(slug);
      const history = snapshot.history.flatMap((event) => [
        ...event.added.filter((entry) => entry.name === definition.name).map(() => ({ date: event.date, change: 'added' as const })),
        ...event.changed.filter((entry) => entry.name === definition.name).map(() => ({ date: event.date, change: 'changed' as const })),
      ]);
      const tool: SiteTool = { slug, name: definition.name, definition, classification, server, url: `/tools/${snapshot.slug}/${slug}/`, history };
      server.tools.push(tool);
      server.counts[classification.risk] += 1;
      server.categories[classification.category] += 1;
    }
    server.maxRisk = [...RISK_LEVELS].reverse().find((level) => server.counts[level] > 0);
    servers.push(server);
  }
  cached = { servers, tools: servers.flatMap((server) => server.tools), errors };
  for (const error of errors) console.warn(`toolrisk site: ${error}`);
  return cached;
}

export const RISK_ORDER: Record<Risk, number> = { low: 0, medium: 1, high: 2, critical: 3 };

export function byRiskThenScore(a: SiteTool, b: SiteTool): number {
  return b.classification.score - a.classification.score || a.name.localeCompare(b.name);
}
