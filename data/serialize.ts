// The one serializer for every data file: the record is parsed by its schema (so keys come out in
// the schema's order and unknown keys are dropped), written with 2-space indent and a trailing
// newline, to a temp file that is then renamed, so a reader never sees half a file and re-runs on
// the same input give byte-identical output.
import { mkdir, readFile, rename, writeFile, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';

/** One readable message for a failed parse: one `path: problem` line per issue. */
export function formatZodError(error: z.ZodError, limit = 10): string {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const path = issue.path.length ? issue.path.map(String).join('.') : '(root)';
    return `  ${path}: ${issue.message}`;
  });
  if (error.issues.length > limit) lines.push(`  … and ${error.issues.length - limit} more`);
  return lines.join('\n');
}

/** A data file that cannot be read or does not match its schema. The message names the file. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'DataFileError';
  }
}

/** The exact text a record is stored as. Throws when the value does not match the schema. */
export function serializeRecord<S extends z.ZodType>(schema: S, value: z.input<S>): string {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`refusing to write a record that does not match its schema:\n${formatZodError(parsed.error)}`);
  }
  return `${JSON.stringify(parsed.data, null, 2)}\n`;
}

/** Writes a record atomically (temp file in the same folder, then rename). */
export async function writeRecord<S extends z.ZodType>(file: string, schema: S, value: z.input<S>): Promise<void> {
  let text: string;
  try {
    text = serializeRecord(schema, value);
  } catch (error) {
    throw new DataFileError(file, (error as Error).message);
  }
  await writeTextAtomic(file, text);
}

export async function writeTextAtomic(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Reads and validates a record; every failure names the file and says what is wrong. */
export async function readRecord<S extends z.ZodType>(file: string, schema: S): Promise<z.output<S>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DataFileError(file, `cannot read: ${(error as Error).message}`);
  }
  return parseRecord(file, text, schema);
}

export function parseRecord<S extends z.ZodType>(file: string, text: string, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(file, `not valid JSON (${(error as Error).message}); fix or delete the file`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new DataFileError(file, `does not match the expected record:\n${formatZodError(parsed.error)}`);
  }
  return parsed.data;
}
