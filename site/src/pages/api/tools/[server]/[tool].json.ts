import { loadCatalog, type SiteTool } from '../../../../lib/catalog.ts';
import { renderGateway, renderIntercept, singleToolModel } from '../../../../../../classifier/policy.ts';

export function getStaticPaths() {
  return loadCatalog().tools.map((tool) => ({ params: { server: tool.server.slug, tool: tool.slug }, props: { tool } }));
}

export function GET({ props }: { props: { tool: SiteTool } }) {
  const { tool } = props;
  const model = singleToolModel(tool.classification.policy);
  return new Response(
    JSON.stringify({
      server: tool.server.name,
      tool: tool.definition,
      classification: tool.classification,
      policy: { intercept: renderIntercept(model), gateway: renderGateway(model) },
    }),
    { headers: { 'content-type': 'application/json' } },
  );
}
