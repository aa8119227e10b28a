// What the crawl covered, as data: the same figures as /coverage/ and the end of `toolrisk crawl`.
import { loadCoverage } from '../../../../crawler/coverage.ts';
import { dataDir } from '../../lib/catalog.ts';

export async function GET() {
  const { coverage } = await loadCoverage(dataDir());
  return new Response(JSON.stringify(coverage), { headers: { 'content-type': 'application/json' } });
}
