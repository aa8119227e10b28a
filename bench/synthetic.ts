// A synthetic catalog recombined from the real crawled tools: names, descriptions and input
// schemas of different real tools mixed, spread over servers of 20 tools each. Deterministic.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CrawlSnapshotSchema, type CrawlSnapshot, type McpTool } from '../data/schema.ts';
import { toolFingerprint } from '../crawler/fingerprint.ts';
import { serverSlug } from '../data/slug.ts';
import { ROOT } from '../tests/helpers.ts';

export function realTools(): { tools: McpTool[]; servers: CrawlSnapshot[] } {
  const dir = join(ROOT, 'data', 'crawled');
  const servers = readdirSync(dir).map((file) => CrawlSnapshotSchema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8'))));
  return { tools: servers.flatMap((server) => server.tools), servers };
}

/** `count` tools over `count / perServer` servers. */
export function syntheticCatalog(count: number, perServer = 20): CrawlSnapshot[] {
  const { tools, servers } = realTools();
  let seed = 1;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const snapshots: CrawlSnapshot[] = [];
  for (let s = 0; s * perServer < count; s++) {
    const origin = pick(servers);
    const name = `io.synthetic.s${s}/${origin.name.split('/')[1] ?? 'server'}`;
    const serverTools: McpTool[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < perServer && s * perServer + i < count; i++) {
      const a = pick(tools);
      const b = pick(tools);
      const c = pick(tools);
      let toolName = random() < 0.5 ? a.name : `${a.name}_${b.name.split(/[_.-]/).pop()}`;
      while (seen.has(toolName)) toolName = `${toolName}_${i}`;
      seen.add(toolName);
      serverTools.push({ name: toolName, title: b.title, description: b.description, inputSchema: c.inputSchema, annotations: random() < 0.5 ? a.annotations : undefined });
    }
    snapshots.push({
      slug: serverSlug(name),
      name,
      status: 'ok',
      source: 'stdio',
      crawledAt: '2026-11-22T00:00:00.000Z',
      lastOkAt: '2026-11-22T00:00:00.000Z',
      lastOkVersion: '1.0.0',
      entry: { name, title: origin.entry.title, description: origin.entry.description, version: '1.0.0' },
      timings: { totalMs: 0 },
      tools: serverTools,
      fingerprints: serverTools.map((tool) => ({ name: tool.name, fingerprint: toolFingerprint(tool) })),
      invalidTools: [],
      warnings: [],
      history: [],
    });
  }
  return snapshots;
}
