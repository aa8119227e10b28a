// Reading the index (data/index/*.json) and the crawled snapshots. A broken file is reported by
// name and skipped; it never stops the others from loading.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CrawlSnapshotSchema, IndexEntrySchema, type CrawlSnapshot, type IndexEntry } from '../data/schema.ts';
import { DataFileError, parseRecord } from '../data/serialize.ts';
import { serverSlug } from '../data/slug.ts';

export interface LoadedEntry {
  file: string;
  slug: string;
  entry: IndexEntry;
}

export interface LoadResult<T> {
  items: T[];
  errors: string[];
}

/** The `.json` files of a data folder, sorted; none when the folder does not exist. */
export async function jsonFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export async function loadIndex(indexDir: string): Promise<LoadResult<LoadedEntry>> {
  const items: LoadedEntry[] = [];
  const errors: string[] = [];
  for (const name of await jsonFiles(indexDir)) {
    const file = join(indexDir, name);
    try {
      const entry = parseRecord(file, await readFile(file, 'utf8'), IndexEntrySchema);
      const slug = serverSlug(entry.server.name);
      if (`${slug}.json` !== name) {
        errors.push(`${file}: server "${entry.server.name}" belongs in ${slug}.json; rename the file (skipped)`);
        continue;
      }
      // (one file per slug, and the slug follows from the name: no server can be defined twice)
      items.push({ file, slug, entry });
    } catch (error) {
      errors.push(error instanceof DataFileError ? error.message : `${file}: ${(error as Error).message}`);
    }
  }
  return { items, errors };
}

/** A snapshot file's text: undefined when it is gone, a DataFileError naming it when it cannot be read. */
export async function readSnapshotText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DataFileError(file, `cannot read: ${(error as Error).message}`);
  }
}

export async function loadSnapshot(file: string): Promise<CrawlSnapshot | undefined> {
  const text = await readSnapshotText(file);
  return text === undefined ? undefined : parseRecord(file, text, CrawlSnapshotSchema);
}

export async function loadSnapshots(crawledDir: string): Promise<LoadResult<CrawlSnapshot>> {
  const items: CrawlSnapshot[] = [];
  const errors: string[] = [];
  for (const name of await jsonFiles(crawledDir)) {
    const file = join(crawledDir, name);
    try {
      const snapshot = await loadSnapshot(file);
      if (snapshot) items.push(snapshot);
    } catch (error) {
      errors.push((error as Error).message);
    }
  }
  return { items, errors };
}
