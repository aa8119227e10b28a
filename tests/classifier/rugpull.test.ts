// A rug pull, end to end: a real server (the SDK fixture over HTTP on 127.0.0.1) is crawled and
// classified, then changes one tool's definition to carry poisoning; the next crawl and
// classification mark that tool, with the date of the change, and keep the mark while it stays.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlIndex } from '../../crawler/crawl.ts';
import { classifyCatalog } from '../../classifier/run.ts';
import { ClassifiedServerSchema, IndexEntrySchema } from '../../data/schema.ts';
import { readRecord, writeRecord } from '../../data/serialize.ts';
import { QUIET_PROGRESS, startHttpFixture, tempDir, type RunningHttpFixture } from '../helpers.ts';


describe('a definition that turns poisoned between crawls', () => {
  let before: RunningHttpFixture;
  let after: RunningHttpFixture;
  let data: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    [before, after] = await Promise.all([startHttpFixture('basic'), startHttpFixture('rug-pull')]);
    data = await tempDir();
    await mkdir(join(data.path, 'index'), { recursive: true });
  });
  afterAll(async () => {
    await Promise.all([before?.stop(), after?.stop(), data?.remove()]);
  });

  const entryAt = (url: string) => IndexEntrySchema.parse({ server: { name: 'test.local/shifty', version: '1.0.0', remotes: [{ type: 'streamable-http', url }] } });
  const classified = () => readRecord(join(data.path, 'classified', 'test.local__shifty.json'), ClassifiedServerSchema);

  it('is marked as a rug pull on the crawl that saw the change, and only that tool', async () => {
    await writeRecord(join(data.path, 'index', 'test.local__shifty.json'), IndexEntrySchema, entryAt(before.url));
    expect(await crawlIndex({ dataDir: data.path, progress: QUIET_PROGRESS, limits: { initializeMs: 15_000 } })).toMatchObject({ ok: 1 });
    await classifyCatalog(data.path);
    const first = await classified();
    expect(first.tools.every((tool) => tool.rugPull === undefined)).toBe(true);
    expect(first.tools.find((tool) => tool.tool === 'read_file')!.risk).toBe('low');

    // the same server, now listing a poisoned read_file
    await writeRecord(join(data.path, 'index', 'test.local__shifty.json'), IndexEntrySchema, entryAt(after.url));
    expect(await crawlIndex({ dataDir: data.path, progress: QUIET_PROGRESS, force: true, limits: { initializeMs: 15_000 } })).toMatchObject({ ok: 1 });
    await classifyCatalog(data.path);
    const second = await classified();
    const readFile = second.tools.find((tool) => tool.tool === 'read_file')!;
    expect(readFile.risk).toBe('critical');
    expect(readFile.policy.choice).toBe('hide');
    expect(readFile.rugPull?.previousFingerprint).toBe(first.tools.find((tool) => tool.tool === 'read_file')!.fingerprint);
    expect(readFile.rugPull?.date).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(second.tools.filter((tool) => tool.rugPull).map((tool) => tool.tool)).toEqual(['read_file']);

    // classified again with nothing changed: the mark stays
    await classifyCatalog(data.path);
    expect((await classified()).tools.find((tool) => tool.tool === 'read_file')!.rugPull).toEqual(readFile.rugPull);
  });
});
