// The one serializer: stable bytes, the schema's key order, atomic writes, errors that name the file.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CrawlSnapshotSchema, IndexEntrySchema } from '../../data/schema.ts';
import { z } from 'zod';
import { DataFileError, formatZodError, readRecord, serializeRecord, writeRecord } from '../../data/serialize.ts';
import { locationKey, locationParts } from '../../data/location.ts';
import { checkDataFiles } from '../../data/lint.ts';
import { ROOT, tempDir } from '../helpers.ts';

const ENTRY = {
  crawl: { timeoutMs: 5000, arguments: ['a'] },
  server: { version: '1.0.0', description: 'd', name: 'io.example/x', extra: 'dropped' },
};

describe('the serializer', () => {
  it("writes keys in the schema's order, 2-space indent, trailing newline, unknown keys dropped", () => {
    const text = serializeRecord(IndexEntrySchema, ENTRY as never);
    expect(text).toBe(
      '{\n  "server": {\n    "name": "io.example/x",\n    "description": "d",\n    "version": "1.0.0"\n  },\n  "crawl": {\n    "arguments": [\n      "a"\n    ],\n    "timeoutMs": 5000\n  }\n}\n',
    );
  });

  it('gives byte-identical output for the same record however its keys were ordered', () => {
    const shuffled = { server: { name: 'io.example/x', version: '1.0.0', description: 'd' }, crawl: { arguments: ['a'], timeoutMs: 5000 } };
    expect(serializeRecord(IndexEntrySchema, shuffled)).toBe(serializeRecord(IndexEntrySchema, ENTRY as never));
    const once = serializeRecord(IndexEntrySchema, ENTRY as never);
    expect(serializeRecord(IndexEntrySchema, JSON.parse(once))).toBe(once);
  });

  it('refuses to write a record that does not match its schema, naming the file and field', async () => {
    const dir = await tempDir();
    try {
      const file = join(dir.path, 'bad.json');
      await expect(writeRecord(file, IndexEntrySchema, { server: { name: '' } } as never)).rejects.toThrow(/bad\.json: refusing to write.*\n {2}server\.name: /s);
      expect(await readdir(dir.path)).toEqual([]);
    } finally {
      await dir.remove();
    }
  });

  it('writes through a temp file and leaves no temp file behind', async () => {
    const dir = await tempDir();
    try {
      const file = join(dir.path, 'sub', 'entry.json');
      await writeRecord(file, IndexEntrySchema, ENTRY as never);
      await writeRecord(file, IndexEntrySchema, ENTRY as never);
      expect(await readdir(join(dir.path, 'sub'))).toEqual(['entry.json']);
      expect((await readRecord(file, IndexEntrySchema)).server.name).toBe('io.example/x');
    } finally {
      await dir.remove();
    }
  });

  it('a failed write leaves no temp file, and a file that cannot be read is named with the reason', async () => {
    const dir = await tempDir();
    try {
      // (the target is a folder: the rename fails after the temp file was written)
      const taken = join(dir.path, 'taken.json');
      await mkdir(join(taken, 'inside'), { recursive: true });
      await expect(writeRecord(taken, IndexEntrySchema, ENTRY as never)).rejects.toThrow();
      expect(await readdir(dir.path)).toEqual(['taken.json']);
      // (a name too long for the temp file: the write fails before the temp file exists, and that error is the one seen)
      await expect(writeRecord(join(dir.path, `${'x'.repeat(250)}.json`), IndexEntrySchema, ENTRY as never)).rejects.toMatchObject({ code: 'ENAMETOOLONG' });
      // (where no file can be made, the error is the write's own, not the clean-up's)
      // (on Linux, /proc takes no new files)
      if (process.platform === 'linux') await expect(writeRecord('/proc/toolrisk-test.json', IndexEntrySchema, ENTRY as never)).rejects.toMatchObject({ syscall: 'open' });
      expect(await readdir(dir.path)).toEqual(['taken.json']);
      const missing = join(dir.path, 'missing.json');
      const error = await readRecord(missing, IndexEntrySchema).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DataFileError);
      expect((error as Error).name).toBe('DataFileError');
      expect((error as Error).message).toMatch(new RegExp(`^${missing}: cannot read: `));
    } finally {
      await dir.remove();
    }
  });

  it('names the file and the problem when reading a broken data file', async () => {
    const dir = await tempDir();
    try {
      const notJson = join(dir.path, 'a.json');
      await writeFile(notJson, '{"server": ');
      await expect(readRecord(notJson, IndexEntrySchema)).rejects.toThrow(new RegExp(`^${notJson}: not valid JSON`));
      const wrong = join(dir.path, 'b.json');
      await writeFile(wrong, JSON.stringify({ slug: 1 }));
      const error = await readRecord(wrong, CrawlSnapshotSchema).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DataFileError);
      expect((error as Error).message).toMatch(/b\.json: does not match the expected record:\n {2}slug: .*\n {2}name: /);
    } finally {
      await dir.remove();
    }
  });

  it('a parse error gives one `path: problem` line per issue, at most the limit, then how many more', () => {
    const error = z.object({ a: z.string(), b: z.string(), c: z.string() }).safeParse({}).error!;
    expect(formatZodError(error, 3).split('\n')).toEqual([expect.stringMatching(/^ {2}a: /), expect.stringMatching(/^ {2}b: /), expect.stringMatching(/^ {2}c: /)]);
    expect(formatZodError(error, 2).split('\n')).toEqual([expect.stringMatching(/^ {2}a: /), expect.stringMatching(/^ {2}b: /), '  … and 1 more']);
    expect(formatZodError(z.string().safeParse(5).error!)).toMatch(/^ {2}\(root\): /);
  });

  it('a location escapes dots and backslashes in names and reads them back part by part', () => {
    const names = ['user.name', 'a\\b', 'ends\\', '.', '', 'plain', '\\.'];
    const where = `inputSchema.${names.map((name) => `properties.${locationKey(name)}`).join('.')}.description`;
    expect(locationParts(where)).toEqual(['inputSchema', ...names.flatMap((name) => ['properties', name]), 'description']);
    expect(locationKey('a.b\\c')).toBe('a\\.b\\\\c');
    // a lone backslash at the very end is kept as it is
    expect(locationParts('x\\')).toEqual(['x\\']);
  });

  it('check-data flags a file not in the serializer form or named after another server', async () => {
    const dir = await tempDir();
    try {
      await writeRecord(join(dir.path, 'index', 'io.example__x.json'), IndexEntrySchema, ENTRY as never);
      await writeFile(join(dir.path, 'index', 'io.example__y.json'), JSON.stringify({ server: { name: 'io.example/y' } }));
      await writeRecord(join(dir.path, 'index', 'wrong-name.json'), IndexEntrySchema, ENTRY as never);
      // a file that is not JSON at all is reported with the rest; a file that is not .json is no record
      await writeFile(join(dir.path, 'index', 'io.example__z.json'), '{"server": ');
      await writeFile(join(dir.path, 'index', 'notes.txt'), 'not a record');
      const report = await checkDataFiles(dir.path);
      expect(report.files).toBe(4);
      expect(report.problems).toHaveLength(3);
      expect(report.problems[0]).toMatch(/io\.example__y\.json: not in the serializer's form/);
      expect(report.problems[1]).toMatch(/io\.example__z\.json: not valid JSON/);
      expect(report.problems[2]).toMatch(/wrong-name\.json: should be named io\.example__x\.json/);
    } finally {
      await dir.remove();
    }
  });
});

describe("the repository's data", () => {
  it('every file in data/ matches its schema, is named by its slug, and is in the serializer form', async () => {
    const report = await checkDataFiles(join(ROOT, 'data'));
    expect(report.problems).toEqual([]);
    expect(report.files).toBeGreaterThan(0);
  });

  it('every index entry has a snapshot in data/crawled/', async () => {
    const index = (await readdir(join(ROOT, 'data', 'index'))).filter((name) => name.endsWith('.json'));
    const crawled = new Set(await readdir(join(ROOT, 'data', 'crawled')));
    expect(index.filter((name) => !crawled.has(name))).toEqual([]);
    // and every snapshot records its outcome
    for (const name of index) {
      const snapshot = JSON.parse(await readFile(join(ROOT, 'data', 'crawled', name), 'utf8')) as { status: string; failure?: unknown };
      expect(snapshot.status === 'ok' || snapshot.failure !== undefined, name).toBe(true);
    }
  });
});
