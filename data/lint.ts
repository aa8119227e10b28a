// Checks over the data folder, collected and reported together: every file parses against its
// schema, is named after its record's slug, and is byte-identical to what the serializer writes.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { ClassifiedServerSchema, ClassifierStateSchema, CrawlSnapshotSchema, IndexEntrySchema, ModelAnswerCacheSchema, RecordedToolsFileSchema } from './schema.ts';
import { DataFileError, parseRecord, serializeRecord } from './serialize.ts';
import { serverSlug } from './slug.ts';

interface FolderCheck {
  folder: string;
  schema: z.ZodType;
  /** The server name a record's file must be named after. */
  nameOf?: (record: never) => string;
}

/** Single records of the data folder, beside the folders of one record a server. */
const FILES: { file: string; schema: z.ZodType }[] = [{ file: 'classifier.json', schema: ClassifierStateSchema }];

const FOLDERS: FolderCheck[] = [
  { folder: 'index', schema: IndexEntrySchema, nameOf: (record: z.infer<typeof IndexEntrySchema>) => record.server.name },
  { folder: 'crawled', schema: CrawlSnapshotSchema, nameOf: (record: z.infer<typeof CrawlSnapshotSchema>) => record.name },
  { folder: 'recorded', schema: RecordedToolsFileSchema },
  { folder: 'classified', schema: ClassifiedServerSchema, nameOf: (record: z.infer<typeof ClassifiedServerSchema>) => record.name },
  { folder: 'llm', schema: ModelAnswerCacheSchema, nameOf: (record: z.infer<typeof ModelAnswerCacheSchema>) => record.name },
];

export interface DataReport {
  files: number;
  problems: string[];
}

/** One file's problems: its schema, its name (when the record names its server), the serializer's form. */
async function checkFile(file: string, text: string, check: Pick<FolderCheck, 'schema' | 'nameOf'>, report: DataReport): Promise<void> {
  report.files += 1;
  try {
    const record = parseRecord(file, text, check.schema);
    if (check.nameOf) {
      const expected = `${serverSlug(check.nameOf(record as never))}.json`;
      if (expected !== basename(file)) report.problems.push(`${file}: should be named ${expected} (the slug of its server's name)`);
    }
    if (serializeRecord(check.schema, record) !== text) {
      report.problems.push(`${file}: not in the serializer's form (key order, 2-space indent, trailing newline); rewrite it with the project's serializer`);
    }
  } catch (error) {
    report.problems.push(error instanceof DataFileError ? error.message : `${file}: ${(error as Error).message}`);
  }
}

export async function checkDataFiles(dataDir: string): Promise<DataReport> {
  const report: DataReport = { files: 0, problems: [] };
  for (const check of FILES) {
    const file = join(dataDir, check.file);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) await checkFile(file, text, check, report);
  }
  for (const check of FOLDERS) {
    const dir = join(dataDir, check.folder);
    let names: string[];
    try {
      names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const file = join(dir, name);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        report.files += 1;
        report.problems.push(`${file}: ${(error as Error).message}`);
        continue;
      }
      await checkFile(file, text, check, report);
    }
  }
  return report;
}
