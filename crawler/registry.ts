// The official MCP Registry API as an index source: GET /v0.1/servers page by page, keeping the
// active, latest entries and writing them as index files. A malformed entry is reported by name
// and position; the rest of the page is kept.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { IndexEntrySchema, ServerJsonSchema, type IndexEntry } from '../data/schema.ts';
import { formatZodError, writeRecord } from '../data/serialize.ts';
import { serverSlug } from '../data/slug.ts';
import { loadIndex } from './index-files.ts';

const OFFICIAL_META = 'io.modelcontextprotocol.registry/official';

const RegistryPageSchema = z.object({
  servers: z.array(z.unknown()),
  metadata: z.looseObject({ nextCursor: z.string().nullish(), count: z.number().optional() }).optional(),
});

const OfficialMetaSchema = z.looseObject({
  status: z.string().optional(),
  publishedAt: z.string().optional(),
  updatedAt: z.string().optional(),
  isLatest: z.boolean().optional(),
});

export interface RegistrySyncOptions {
  baseUrl: string;
  dataDir: string;
  updatedSince?: string;
  pageSize?: number;
  maxPages?: number;
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface RegistrySyncResult {
  written: string[];
  unchanged: string[];
  removed: string[];
  skipped: number;
  errors: string[];
  pages: number;
}

function pageUrl(baseUrl: string, cursor: string | undefined, options: RegistrySyncOptions): URL {
  const url = new URL('v0.1/servers', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  url.searchParams.set('limit', String(options.pageSize ?? 100));
  url.searchParams.set('version', 'latest');
  if (cursor) url.searchParams.set('cursor', cursor);
  if (options.updatedSince) url.searchParams.set('updated_since', options.updatedSince);
  return url;
}

async function fetchPage(url: URL, timeoutMs: number): Promise<z.infer<typeof RegistryPageSchema>> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new Error(`registry ${url.origin}: cannot fetch ${url.pathname}${url.search}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new Error(`registry ${url.origin}: ${url.pathname}${url.search} answered HTTP ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new Error(`registry ${url.origin}: ${url.pathname}${url.search} did not return JSON`);
  }
  const parsed = RegistryPageSchema.safeParse(json);
  if (!parsed.success) throw new Error(`registry ${url.origin}: ${url.pathname}${url.search} is not a server list:\n${formatZodError(parsed.error)}`);
  return parsed.data;
}

/** Reads every page of the registry and writes or updates `data/index/` files. */
export async function syncRegistry(options: RegistrySyncOptions): Promise<RegistrySyncResult> {
  const indexDir = join(options.dataDir, 'index');
  const existing = await loadIndex(indexDir);
  const bySlug = new Map(existing.items.map((item) => [item.slug, item.entry]));
  const result: RegistrySyncResult = { written: [], unchanged: [], removed: [], skipped: 0, errors: [], pages: 0 };
  const seenCursors = new Set<string>();
  let cursor: string | undefined;
  const maxPages = options.maxPages ?? 10_000;
  do {
    const url = pageUrl(options.baseUrl, cursor, options);
    const page = await fetchPage(url, options.timeoutMs ?? 30_000);
    result.pages += 1;
    for (const [position, item] of page.servers.entries()) {
      const where = `page ${result.pages}, entry ${position + 1}`;
      const record = (item && typeof item === 'object' ? item : {}) as { server?: unknown; _meta?: Record<string, unknown> };
      const rawName = (record.server as { name?: unknown } | undefined)?.name;
      const label = typeof rawName === 'string' ? `"${rawName.slice(0, 200)}"` : '(no name)';
      const server = ServerJsonSchema.safeParse(record.server);
      if (!server.success) {
        result.errors.push(`registry ${where} ${label}: not a valid server.json, skipped:\n${formatZodError(server.error)}`);
        continue;
      }
      const meta = OfficialMetaSchema.safeParse(record._meta?.[OFFICIAL_META] ?? {});
      const official = meta.success ? meta.data : {};
      const slug = serverSlug(server.data.name);
      const file = join(indexDir, `${slug}.json`);
      if (official.status && official.status !== 'active') {
        const known = bySlug.get(slug);
        if (known?.registry) {
          await rm(file, { force: true });
          bySlug.delete(slug);
          result.removed.push(server.data.name);
          options.log?.(`removed ${server.data.name} (registry status ${official.status})`);
        } else {
          result.skipped += 1;
        }
        continue;
      }
      if (official.isLatest === false) {
        result.skipped += 1;
        continue;
      }
      const previous = bySlug.get(slug);
      const entry: IndexEntry = IndexEntrySchema.parse({
        server: server.data,
        // crawl settings written by hand are kept across syncs
        crawl: previous?.crawl ?? {},
        registry: { baseUrl: options.baseUrl, status: official.status, publishedAt: official.publishedAt, updatedAt: official.updatedAt },
      });
      if (previous && JSON.stringify(previous) === JSON.stringify(entry)) {
        result.unchanged.push(server.data.name);
        continue;
      }
      await writeRecord(file, IndexEntrySchema, entry);
      bySlug.set(slug, entry);
      result.written.push(server.data.name);
      options.log?.(`${previous ? 'updated' : 'added'} ${server.data.name} ${server.data.version}`);
    }
    const next = page.metadata?.nextCursor ?? undefined;
    if (next && seenCursors.has(next)) {
      result.errors.push(`registry repeated cursor ${JSON.stringify(next)}; stopped after ${result.pages} pages`);
      break;
    }
    if (next) seenCursors.add(next);
    cursor = next || undefined;
  } while (cursor && result.pages < maxPages);
  return result;
}
