import { loadIndex, loadServer } from '../../../lib/catalog.ts';
import { serverPolicy, renderIntercept, renderGateway } from '../../../../../classifier/policy.ts';

export function getStaticPaths() {
  return loadIndex().servers.map((server) => ({ params: { server: server.slug } }));
}

export function GET({ params }: { params: { server: string } }) {
  const server = loadServer(params.server);
  const model = serverPolicy(server.name, server.tools.map((tool) => tool.classification.policy));
  return new Response(
    JSON.stringify({
      server: server.snapshot.entry,
      crawl: { status: server.snapshot.status, failure: server.snapshot.failure, crawledAt: server.snapshot.crawledAt, source: server.snapshot.source },
      tools: server.tools.map((tool) => ({ name: tool.name, url: tool.url, category: tool.classification.category, risk: tool.classification.risk, score: tool.classification.score })),
      policy: { intercept: renderIntercept(model), gateway: renderGateway(model) },
    }),
    { headers: { 'content-type': 'application/json' } },
  );
}
