import { loadIndex } from '../../lib/catalog.ts';

export function GET() {
  const catalog = loadIndex();
  return new Response(
    JSON.stringify({
      servers: catalog.servers.map((server) => ({ server: server.name, slug: server.slug, url: server.url, tools: server.tools.length, status: server.status, counts: server.counts })),
      tools: catalog.tools.map((tool) => ({ server: tool.serverName, tool: tool.name, url: tool.url, category: tool.category, risk: tool.risk, score: tool.score, description: tool.line })),
    }),
    { headers: { 'content-type': 'application/json' } },
  );
}
