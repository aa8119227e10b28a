// The catalog's verdicts in brief, for `toolrisk scan --catalog <this site's URL>`: the same file the
// installable package carries, built from the same data as every page.
import { ScanCatalogSchema } from '../../../../data/schema.ts';
import { serializeRecord } from '../../../../data/serialize.ts';
import { buildScanCatalog } from '../../../../scan/catalog.ts';
import { dataDir } from '../../lib/catalog.ts';

export async function GET() {
  const catalog = await buildScanCatalog(dataDir(), (problem) => console.warn(`scan catalog: ${problem}`));
  return new Response(serializeRecord(ScanCatalogSchema, catalog), { headers: { 'content-type': 'application/json' } });
}
