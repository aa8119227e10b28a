import { loadCatalog } from '../../lib/catalog.ts';

export function GET() {
  const catalog = loadCatalog();
  return new Response(
    JSON.stringify({
      servers: catalog.servers.map((server) => ({ server: server.name, slug: server.slug, url: server.url, tools: server.tools.length, status: server.snapshot.status, counts: server.counts })),
      tools: catalog.tools.map((tool) => ({
        server: tool.server.name,
        tool: tool.name,
        url: tool.url,
        category: tool.classification.category,
        risk: tool.classification.risk,
        score: tool.classification.score,
        description: (tool.definition.description ?? '').replace(/\s+/g, ' ').slice(0, 200),
      })),
    }),
    { headers: { 'content-type': 'application/json' } },
  );
}
