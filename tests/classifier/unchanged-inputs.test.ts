// A catalog classify over inputs that have not changed since the last run passes each server over
// (classifier/run-cache.ts), and anything that could change a classified file makes it read again:
// its snapshot, its model answers, the classifier's version or code, or the classified file itself.
import { mkdir, readFile, writeFile, cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifySnapshot } from '../../classifier/catalog.ts';
import { classifyCatalog } from '../../classifier/run.ts';
import { RunCache, codeDigest } from '../../classifier/run-cache.ts';
import { checkListedTools } from '../../crawler/tools.ts';
import { snapshotFrom } from '../../crawler/snapshot.ts';
import { ClassifiedServerSchema, CrawlSnapshotSchema, IndexEntrySchema, type CrawlSnapshot } from '../../data/schema.ts';
import { serializeRecord, writeRecord } from '../../data/serialize.ts';
import { ROOT, tempDir } from '../helpers.ts';

/** A server with one valid tool and one the crawler repaired: a repaired tool is never in the per-tool cache, so it is classified on every run that reads its server. */
function snapshotOf(name: string, description = 'Get a record.'): CrawlSnapshot {
  const entry = IndexEntrySchema.parse({ server: { name: `io.example/${name}`, description: `The ${name} server.`, version: '1.0.0' } });
  const listed = [
    { name: 'get_record', description, inputSchema: { type: 'object', properties: { id: { type: 'string' } } } },
    { name: 'odd_tool', description: 'Delete a record.', inputSchema: { type: 'string' } },
  ];
  return snapshotFrom(entry, { kind: 'recorded', file: `${name}.json` }, { status: 'ok', source: 'recorded', timings: { totalMs: 1 }, ...checkListedTools(listed) }, undefined, '2026-11-01T00:00:00.000Z');
}

describe('a catalog classify over unchanged inputs', () => {
  it('passes over a server whose snapshot, answers and classified file are as the last run left them, and reads it again when any of them changes', async () => {
    const data = await tempDir('toolrisk-unchanged-');
    try {
      const a = snapshotOf('alpha');
      const b = snapshotOf('beta');
      expect(a.invalidTools.some((tool) => tool.repaired)).toBe(true);
      await mkdir(join(data.path, 'crawled'), { recursive: true });
      for (const snapshot of [a, b]) await writeRecord(join(data.path, 'crawled', `${snapshot.slug}.json`), CrawlSnapshotSchema, snapshot);
      const first = await classifyCatalog(data.path);
      expect(first).toMatchObject({ servers: 2, tools: 4, classified: 4, reused: 0, errors: [] });
      const fileOf = (slug: string) => join(data.path, 'classified', `${slug}.json`);
      const written = await readFile(fileOf(a.slug), 'utf8');
      expect(written).toBe(serializeRecord(ClassifiedServerSchema, classifySnapshot(a).record));

      // nothing changed: both servers are passed over (without the skip, each repaired tool would be classified again)
      expect(await classifyCatalog(data.path)).toMatchObject({ servers: 2, tools: 4, classified: 0, reused: 4, unchanged: 2, errors: [] });

      // a classified file edited by hand (or by a checkout) is rebuilt (here made unreadable: both its tools are classified again)
      await writeFile(fileOf(a.slug), written.replace('"risk": "', '"risk": "x'));
      expect(await classifyCatalog(data.path)).toMatchObject({ classified: 2, reused: 2, unchanged: 1 });
      expect(await readFile(fileOf(a.slug), 'utf8')).toBe(written);
      // and a deleted one is written again
      await rm(fileOf(b.slug));
      expect(await classifyCatalog(data.path)).toMatchObject({ classified: 2, reused: 2, unchanged: 1 });
      expect(await readFile(fileOf(b.slug), 'utf8')).toBe(serializeRecord(ClassifiedServerSchema, classifySnapshot(b).record));

      // a changed snapshot is read and classified again
      const changed = snapshotOf('alpha', 'Get a record and its history.');
      await writeRecord(join(data.path, 'crawled', `${changed.slug}.json`), CrawlSnapshotSchema, changed);
      expect(await classifyCatalog(data.path)).toMatchObject({ servers: 2, classified: 2, reused: 2 });
      expect(await readFile(fileOf(a.slug), 'utf8')).toBe(serializeRecord(ClassifiedServerSchema, classifySnapshot(changed).record));

      // a model answers file that appears is read (here a broken one, reported on every run while it stays broken)
      await mkdir(join(data.path, 'llm'), { recursive: true });
      await writeFile(join(data.path, 'llm', `${b.slug}.json`), '[1,');
      for (let run = 0; run < 2; run++) {
        const withAnswers = await classifyCatalog(data.path);
        expect(withAnswers.classified).toBe(1);
        expect(withAnswers.errors).toHaveLength(1);
        expect(withAnswers.errors[0]).toContain(`llm/${b.slug}.json`);
      }
      // a broken snapshot is reported, and what was classified from it before stays out of the skip
      await writeFile(join(data.path, 'crawled', `${a.slug}.json`), '{"slug": ');
      const broken = await classifyCatalog(data.path);
      expect(broken.errors.some((error) => error.includes(`crawled/${a.slug}.json`))).toBe(true);
    } finally {
      await data.remove();
    }
  });

  it('keeps nothing from a run made by another classifier version, or where the data folder moved', async () => {
    const data = await tempDir('toolrisk-unchanged-');
    const cache = await tempDir('toolrisk-run-cache-');
    try {
      const one = await RunCache.open(data.path, 'rules-1+aaaa', cache.path);
      expect(one).toBeDefined();
      const inputs = one!.inputs('{"snapshot":1}', undefined);
      expect(one!.inputs('{"snapshot":1}', '{}')).not.toBe(inputs);
      one!.record('x.json', 'x', inputs, 'classified text', { tools: 3, reviewed: 1 });
      await one!.save();
      const same = await RunCache.open(data.path, 'rules-1+aaaa', cache.path);
      expect(same!.slugOf('x.json')).toBe('x');
      expect(same!.unchanged('x.json', same!.inputs('{"snapshot":1}', undefined), 'classified text')).toEqual({ tools: 3, reviewed: 1 });
      expect(same!.unchanged('x.json', same!.inputs('{"snapshot":1}', undefined), 'classified text, edited')).toBeUndefined();
      const other = await RunCache.open(data.path, 'rules-2+bbbb', cache.path);
      expect(other!.unchanged('x.json', other!.inputs('{"snapshot":1}', undefined), 'classified text')).toBeUndefined();
      const elsewhere = await RunCache.open(join(data.path, 'moved'), 'rules-1+aaaa', cache.path);
      expect(elsewhere!.slugOf('x.json')).toBeUndefined();
    } finally {
      await data.remove();
      await cache.remove();
    }
  });

  it('keys on every source file of the code that makes a classified file, and on the package lock', async () => {
    const root = await tempDir('toolrisk-code-');
    try {
      for (const folder of ['classifier', 'crawler', 'data']) await cp(join(ROOT, folder), join(root.path, folder), { recursive: true });
      const before = codeDigest(root.path);
      expect(before).toMatch(/^[0-9a-f]{64}$/);
      // (another clone with one line of the policy builder changed: worked out apart, and different)
      const edited = `${root.path}-edited`;
      await cp(root.path, edited, { recursive: true });
      try {
        const file = join(edited, 'classifier', 'policy.ts');
        await writeFile(file, `${await readFile(file, 'utf8')}\n// changed\n`);
        expect(codeDigest(edited)).toMatch(/^[0-9a-f]{64}$/);
        expect(codeDigest(edited)).not.toBe(before);
        expect(codeDigest(join(edited, 'classifier'))).toBeNull();
        // (and a third, with the same code on other packages)
        const locked = `${root.path}-locked`;
        await cp(root.path, locked, { recursive: true });
        await writeFile(join(locked, 'package-lock.json'), '{"lockfileVersion": 3}');
        expect(codeDigest(locked)).not.toBe(before);
        await rm(locked, { recursive: true, force: true });
      } finally {
        await rm(edited, { recursive: true, force: true });
      }
    } finally {
      await root.remove();
    }
  });
});
