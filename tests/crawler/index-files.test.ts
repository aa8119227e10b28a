// Reading the index and the crawled snapshots in the test process: which files count, and how a file that cannot be
// read or parsed is named and skipped while the rest load (the CLI tests reach these only through whole commands).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonFiles, loadIndex, loadSnapshot, loadSnapshots } from '../../crawler/index-files.ts';
import { escapeRegExp } from '../../data/regexp.ts';
import { CrawlSnapshotSchema, IndexEntrySchema } from '../../data/schema.ts';
import { writeRecord } from '../../data/serialize.ts';
import { ROOT, tempDir } from '../helpers.ts';

const entry = (name: string) => ({ server: { name, description: 'd', version: '1.0.0' }, crawl: {} });

let folder: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  folder = await tempDir('toolrisk-index-files-');
});
afterAll(async () => folder.remove());

describe('jsonFiles', () => {
  it('lists the .json files of a folder, sorted, leaving out hidden files and other names', async () => {
    const dir = join(folder.path, 'listing');
    await mkdir(dir, { recursive: true });
    for (const name of ['b.json', 'a.json', '.hidden.json', 'notes.txt', 'c.json.bak', 'json']) await writeFile(join(dir, name), '{}');
    expect(await jsonFiles(dir)).toEqual(['a.json', 'b.json']);
  });

  it('is empty for a folder that is not there, and an error for a path that is no folder', async () => {
    expect(await jsonFiles(join(folder.path, 'no-such-folder'))).toEqual([]);
    const file = join(folder.path, 'a-file');
    await writeFile(file, 'x');
    await expect(jsonFiles(file)).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});

describe('loadIndex', () => {
  it('loads the good entries and names each bad file with why: misnamed, not JSON, not an entry, not readable', async () => {
    const dir = join(folder.path, 'index');
    await writeRecord(join(dir, 'io.example__good.json'), IndexEntrySchema, entry('io.example/good'));
    await writeRecord(join(dir, 'io.example__wrong.json'), IndexEntrySchema, entry('io.example/other'));
    await writeFile(join(dir, 'io.example__broken.json'), '{ not json');
    await writeFile(join(dir, 'io.example__empty.json'), '{}\n');
    await mkdir(join(dir, 'io.example__folder.json'));
    const { items, errors } = await loadIndex(dir);
    expect(items).toEqual([{ file: join(dir, 'io.example__good.json'), slug: 'io.example__good', entry: IndexEntrySchema.parse(entry('io.example/good')) }]);
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(new RegExp(`^${escapeRegExp(join(dir, 'io.example__broken.json'))}: `));
    expect(errors[1]).toMatch(new RegExp(`^${escapeRegExp(join(dir, 'io.example__empty.json'))}: `));
    expect(errors[2]).toBe(`${join(dir, 'io.example__folder.json')}: EISDIR: illegal operation on a directory, read`);
    expect(errors[3]).toBe(`${join(dir, 'io.example__wrong.json')}: server "io.example/other" belongs in io.example__other.json; rename the file (skipped)`);
  });
});

describe('loadSnapshot and loadSnapshots', () => {
  // (a snapshot of the catalog's own, as the crawler wrote it)
  const sample = async () => {
    const [name] = await jsonFiles(join(ROOT, 'data', 'crawled'));
    expect(name).toBeDefined();
    return { name: name!, snapshot: (await loadSnapshot(join(ROOT, 'data', 'crawled', name!)))! };
  };

  it('reads a snapshot, gives none for a file that is not there, and says a file it cannot read is unreadable', async () => {
    const dir = join(folder.path, 'crawled');
    await mkdir(dir, { recursive: true });
    expect(await loadSnapshot(join(dir, 'missing.json'))).toBeUndefined();
    await mkdir(join(dir, 'a-folder.json'));
    await expect(loadSnapshot(join(dir, 'a-folder.json'))).rejects.toThrow(`${join(dir, 'a-folder.json')}: cannot read: EISDIR: illegal operation on a directory, read`);
  });

  it('loads the good snapshots of a folder and names each bad one', async () => {
    const dir = join(folder.path, 'crawled-many');
    const { name, snapshot } = await sample();
    await writeRecord(join(dir, name), CrawlSnapshotSchema, snapshot);
    await writeFile(join(dir, 'io.example__bad.json'), '[]');
    const { items, errors } = await loadSnapshots(dir);
    expect(items).toEqual([snapshot]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${escapeRegExp(join(dir, 'io.example__bad.json'))}: `));
    expect(await loadSnapshots(join(folder.path, 'no-crawled'))).toEqual({ items: [], errors: [] });
  });
});
