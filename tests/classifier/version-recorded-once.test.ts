// The classifier's version is recorded once, in data/classifier.json, not in every server's file:
// a run of another version classifies every tool again but rewrites only the files whose verdicts
// changed, so a version bump that changes no verdict leaves every server's file as it was.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLASSIFIER_STATE_FILE, classifyCatalog } from '../../classifier/run.ts';
import { classifierVersion } from '../../classifier/version.ts';
import { snapshotFrom } from '../../crawler/snapshot.ts';
import { checkListedTools } from '../../crawler/tools.ts';
import { CrawlSnapshotSchema, IndexEntrySchema, type McpTool } from '../../data/schema.ts';
import { writeRecord } from '../../data/serialize.ts';
import { tempDir } from '../helpers.ts';

const tool = (name: string, description: string): McpTool => ({ name, description, inputSchema: { type: 'object', properties: { id: { type: 'string' } } } });

async function writeServer(dataDir: string, name: string, tools: McpTool[]): Promise<string> {
  const entry = IndexEntrySchema.parse({ server: { name: `io.example/${name}`, description: `The ${name} server.`, version: '1.0.0' } });
  const snapshot = snapshotFrom(entry, { kind: 'recorded', file: `${name}.json` }, { status: 'ok', source: 'recorded', timings: { totalMs: 1 }, ...checkListedTools(tools) }, undefined, '2026-11-01T00:00:00.000Z');
  await mkdir(join(dataDir, 'crawled'), { recursive: true });
  await writeRecord(join(dataDir, 'crawled', `${snapshot.slug}.json`), CrawlSnapshotSchema, snapshot);
  return join(dataDir, 'classified', `${snapshot.slug}.json`);
}

describe('the classifier version, recorded once', () => {
  it('is written to data/classifier.json, and a run of another version rewrites no server file whose verdicts hold', async () => {
    const data = await tempDir('toolrisk-version-');
    try {
      const files = [await writeServer(data.path, 'records', [tool('delete_record', 'Delete a record permanently.')]), await writeServer(data.path, 'notes', [tool('get_note', 'Get a note.')])];
      const first = await classifyCatalog(data.path);
      expect(first).toMatchObject({ servers: 2, classified: 2, errors: [] });
      const state = join(data.path, CLASSIFIER_STATE_FILE);
      expect(JSON.parse(await readFile(state, 'utf8'))).toEqual({ classifierVersion: classifierVersion() });
      for (const file of files) expect(await readFile(file, 'utf8')).not.toContain('classifierVersion');
      const before = await Promise.all(files.map(async (file) => ({ text: await readFile(file, 'utf8'), mtime: (await stat(file)).mtimeMs })));
      // the same version: every verdict from the cache
      expect(await classifyCatalog(data.path)).toMatchObject({ classified: 0, reused: 2, unchanged: 2 });
      // data made by another version: every tool is classified again, and no file is rewritten, as no verdict changed
      await writeFile(state, '{\n  "classifierVersion": "rules-0"\n}\n');
      await new Promise((done) => setTimeout(done, 20));
      const bumped = await classifyCatalog(data.path);
      expect(bumped).toMatchObject({ classified: 2, reused: 0, unchanged: 2, errors: [] });
      for (const [i, file] of files.entries()) {
        expect(await readFile(file, 'utf8')).toBe(before[i]!.text);
        expect((await stat(file)).mtimeMs).toBe(before[i]!.mtime);
      }
      expect(JSON.parse(await readFile(state, 'utf8'))).toEqual({ classifierVersion: classifierVersion() });
      // a broken record is named, and everything is classified again
      await writeFile(state, 'not json');
      const broken = await classifyCatalog(data.path);
      expect(broken.classified).toBe(2);
      expect(broken.errors).toEqual([expect.stringMatching(/classifier\.json: not valid JSON .*every tool is classified again, and the file rewritten/)]);
      expect(JSON.parse(await readFile(state, 'utf8'))).toEqual({ classifierVersion: classifierVersion() });
    } finally {
      await data.remove();
    }
  });
});
