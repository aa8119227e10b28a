// `toolrisk import <file>`: adds a recorded tools/list file (for a server that cannot run on the
// crawling machine) to the catalog: the file is copied into data/recorded/ through the serializer,
// and an index entry pointing at it is written to data/index/.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IndexEntrySchema, RecordedToolsFileSchema } from '../data/schema.ts';
import { parseRecord, writeRecord } from '../data/serialize.ts';
import { serverSlug } from '../data/slug.ts';

export async function importRecorded(file: string, dataDir: string): Promise<{ name: string; slug: string; tools: number }> {
  const recorded = parseRecord(file, await readFile(file, 'utf8'), RecordedToolsFileSchema);
  const slug = serverSlug(recorded.server.name);
  await writeRecord(join(dataDir, 'recorded', `${slug}.json`), RecordedToolsFileSchema, recorded);
  await writeRecord(join(dataDir, 'index', `${slug}.json`), IndexEntrySchema, {
    server: recorded.server,
    crawl: { source: { kind: 'recorded', file: `recorded/${slug}.json` } },
  });
  return { name: recorded.server.name, slug, tools: recorded.tools.length };
}
