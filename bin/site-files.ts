// Files of the static site written after Astro's build, with plain Node writes: one JSON file per
// tool (/api/tools/<server>/<tool>.json) and the sitemap (split into files of 45,000 URLs past
// that). At catalog scale these are most of the site's files; writing them directly is far
// cheaper than rendering them as pages.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderGateway, renderIntercept, singleToolModel } from '../classifier/policy.ts';
import { loadIndex, loadServer } from '../site/src/lib/catalog.ts';
import { buildSearchIndex } from '../site/src/search/index-format.ts';

const URLS_PER_SITEMAP = 45_000;

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);

export interface SiteFiles {
  toolFiles: number;
  sitemaps: number;
  servers: number;
  tools: number;
  /** Every data file or tool left out of the site, with the reason (file first). */
  skipped: string[];
}

export async function writeSiteFiles(outDir: string, siteUrl: string): Promise<SiteFiles> {
  const index = loadIndex();
  const counts = { servers: index.servers.length, tools: index.tools.length, skipped: index.errors };
  let toolFiles = 0;
  for (const summary of index.servers) {
    const server = loadServer(summary.slug);
    const dir = join(outDir, 'api', 'tools', server.slug);
    await mkdir(dir, { recursive: true });
    for (const tool of server.tools) {
      const model = singleToolModel(tool.classification.policy);
      const body = { server: server.name, tool: tool.definition, classification: tool.classification, policy: { intercept: renderIntercept(model), gateway: renderGateway(model) } };
      await writeFile(join(dir, `${tool.slug}.json`), JSON.stringify(body));
      toolFiles += 1;
    }
  }
  // the search index: names, word shards and description shards under /search/
  const search = buildSearchIndex(index.tools);
  await mkdir(join(outDir, 'search'), { recursive: true });
  await writeFile(join(outDir, 'search', 'names.json'), JSON.stringify(search.names));
  for (const [shard, words] of search.words) await writeFile(join(outDir, 'search', `words-${shard}.json`), JSON.stringify(words));
  for (const [shard, records] of search.records.entries()) await writeFile(join(outDir, 'search', `records-${shard}.json`), JSON.stringify(records));
  // robots.txt: everything may be crawled; it names the sitemap at the configured site URL
  await writeFile(join(outDir, 'robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap.xml', siteUrl).href}\n`);
  const paths = ['/', '/servers/', '/search/', '/methodology/', '/warnings/', '/coverage/', ...index.servers.map((server) => server.url), ...index.tools.map((tool) => tool.url)];
  const urlset = (chunk: string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${chunk.map((path) => `  <url><loc>${escapeXml(new URL(path, siteUrl).href)}</loc></url>`).join('\n')}\n</urlset>\n`;
  if (paths.length <= URLS_PER_SITEMAP) {
    await writeFile(join(outDir, 'sitemap.xml'), urlset(paths));
    return { toolFiles, sitemaps: 1, ...counts };
  }
  const names: string[] = [];
  for (let start = 0; start < paths.length; start += URLS_PER_SITEMAP) {
    const name = `sitemap-${names.length + 1}.xml`;
    await writeFile(join(outDir, name), urlset(paths.slice(start, start + URLS_PER_SITEMAP)));
    names.push(name);
  }
  await writeFile(
    join(outDir, 'sitemap.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${names.map((name) => `  <sitemap><loc>${escapeXml(new URL(`/${name}`, siteUrl).href)}</loc></sitemap>`).join('\n')}\n</sitemapindex>\n`,
  );
  return { toolFiles, sitemaps: names.length, ...counts };
}
