// `toolrisk import <file>` (crawler/import-recorded.ts) in the test process: the CLI test imports through a child
// process, where a mutation run sees nothing of it. A recorded tools/list file goes into data/recorded/ through the
// serializer, with an index entry pointing at it; a file that is not one is an error naming it, and nothing is written.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRecorded } from '../../crawler/import-recorded.ts';
import { IndexEntrySchema, RecordedToolsFileSchema } from '../../data/schema.ts';
import { DataFileError, serializeRecord } from '../../data/serialize.ts';
import { tempDir } from '../helpers.ts';

describe('importRecorded', () => {
  it('copies the file through the serializer and writes an index entry that points at it', async () => {
    const dir = await tempDir('toolrisk-import-');
    try {
      const recorded = {
        tools: [{ name: 'get_thing', inputSchema: { type: 'object' } }, { name: 'delete_thing', description: 'Delete it.', inputSchema: { type: 'object' } }],
        server: { name: 'io.example/recorded', description: 'Recorded elsewhere.', version: '2.0.0' },
      };
      const file = join(dir.path, 'saved.json');
      await writeFile(file, JSON.stringify(recorded));
      const data = join(dir.path, 'data');
      expect(await importRecorded(file, data)).toEqual({ name: 'io.example/recorded', slug: 'io.example__recorded', tools: 2 });
      // the project's own serializer wrote both, so the files are byte for byte what it writes
      expect(await readFile(join(data, 'recorded', 'io.example__recorded.json'), 'utf8')).toBe(serializeRecord(RecordedToolsFileSchema, RecordedToolsFileSchema.parse(recorded)));
      const entry = IndexEntrySchema.parse(JSON.parse(await readFile(join(data, 'index', 'io.example__recorded.json'), 'utf8')));
      expect(entry.server.name).toBe('io.example/recorded');
      expect(entry.server.version).toBe('2.0.0');
      expect(entry.crawl).toEqual({ source: { kind: 'recorded', file: 'recorded/io.example__recorded.json' } });
    } finally {
      await dir.remove();
    }
  });

  it('refuses a file that is not a recorded tools/list result, naming it, and writes nothing', async () => {
    const dir = await tempDir('toolrisk-import-');
    try {
      const file = join(dir.path, 'not-recorded.json');
      await writeFile(file, JSON.stringify({ tools: [] }));
      const error = await importRecorded(file, join(dir.path, 'data')).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DataFileError);
      expect((error as Error).message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      expect(existsSync(join(dir.path, 'data'))).toBe(false);
    } finally {
      await dir.remove();
    }
  });
});
