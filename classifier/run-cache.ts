// What a catalog classify over unchanged inputs can skip. Each server's classified file is a function of
// its crawl snapshot, its model answers (data/llm/), the classifier's rules and the code that reads
// them; when none of those changed since the last run and the classified file is still the one that
// run wrote, the server is passed over without parsing, classifying or serializing anything. The
// record is local to the clone (node_modules/.cache/toolrisk), keyed by the data folder; a clone
// without node_modules (the packaged scan) keeps none and classifies as before.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { writeTextAtomic } from '../data/serialize.ts';
import { cacheDirOf } from './engine/registry.ts';

/** One server (by its crawled file) as the last run left it: its slug, the digest of its inputs and of the classified file written, its tools and how many carry a model review. */
const EntrySchema = z.object({ slug: z.string(), inputs: z.string(), output: z.string(), tools: z.number().int().nonnegative(), reviewed: z.number().int().nonnegative() });
const RecordSchema = z.object({ entries: z.record(z.string(), EntrySchema) });
type Entry = z.infer<typeof EntrySchema>;

/** At most this many data folders keep a record (tests make many): the oldest go first. */
const KEPT_RECORDS = 16;

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The clone this module is in. */
const CLONE = fileURLToPath(new URL('..', import.meta.url));
/** The folders whose code makes a classified file, relative to the repository. */
const CODE_FOLDERS = ['classifier', 'crawler', 'data'];

const CODE = new Map<string, string | null>();
/** A digest of every module of the code that makes a classified file (the worker's too), and of the package lock; null outside a clone (a bundle has no such folders). */
export function codeDigest(root = CLONE): string | null {
  const known = CODE.get(root);
  if (known !== undefined) return known;
  let digest: string | null = null;
  if (CODE_FOLDERS.every((folder) => existsSync(join(root, folder)))) {
    const hash = createHash('sha256');
    // (data/ holds the catalog's files in folders of its own: only its modules, at its top, are code)
    const walk = (dir: string, deep: boolean) => {
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (deep) walk(path, deep);
        } else if (/\.(ts|js)$/.test(entry.name)) hash.update(`${path.slice(root.length)}\u0000${readFileSync(path, 'utf8')}\u0000`);
      }
    };
    for (const folder of CODE_FOLDERS) walk(join(root, folder), folder !== 'data');
    // (and the packages it runs on: an upgrade of zod or the YAML parser is a change of code too)
    const lock = join(root, 'package-lock.json');
    if (existsSync(lock)) hash.update(readFileSync(lock, 'utf8'));
    digest = hash.digest('hex');
  }
  CODE.set(root, digest);
  return digest;
}

/** A file's text, or undefined when there is none to read. */
export async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

export class RunCache {
  private readonly next = new Map<string, Entry>();
  private constructor(
    readonly file: string,
    private readonly previous: Map<string, Entry>,
    private readonly salt: string,
  ) {}

  /** The record of the data folder's last run, or undefined when no record can be kept here. */
  static async open(dataDir: string, version: string, cacheDir = cacheDirOf(CLONE)): Promise<RunCache | undefined> {
    const digest = codeDigest();
    if (cacheDir === undefined || digest === null) return undefined;
    const file = join(cacheDir, `classify-${sha256(resolve(dataDir)).slice(0, 16)}.json`);
    let previous = new Map<string, Entry>();
    try {
      previous = new Map(Object.entries(RecordSchema.parse(JSON.parse(await readFile(file, 'utf8'))).entries));
    } catch {
      // (none yet, or cut short: every server is read as before)
    }
    // (the Node version too: its Unicode tables decide what \p{L} matches)
    return new RunCache(file, previous, `${version}\u0000${digest}\u0000${process.version}`);
  }

  /** The digest of one server's inputs: its snapshot's bytes and its answers file's (undefined when it has none). */
  inputs(snapshotText: string, answersText: string | undefined): string {
    return sha256(`${this.salt}\u0000${snapshotText}\u0000${answersText ?? '\u0001none'}`);
  }

  /** The slug the last run gave the server of a crawled file (its classified and answers files are named by it). */
  slugOf(name: string): string | undefined {
    return this.previous.get(name)?.slug;
  }

  /** The counts of a server whose inputs and classified file are as the last run left them, else undefined. */
  unchanged(name: string, inputs: string, classifiedText: string | undefined): { tools: number; reviewed: number } | undefined {
    const entry = this.previous.get(name);
    if (!entry || entry.inputs !== inputs || classifiedText === undefined || sha256(classifiedText) !== entry.output) return undefined;
    this.next.set(name, entry);
    return { tools: entry.tools, reviewed: entry.reviewed };
  }

  /** What this run wrote (or left) for a server. */
  record(name: string, slug: string, inputs: string, classifiedText: string, counts: { tools: number; reviewed: number }): void {
    this.next.set(name, { slug, inputs, output: sha256(classifiedText), ...counts });
  }

  /** Writes this run's record (servers not seen this run are dropped), and removes the records of the folders used longest ago. */
  async save(): Promise<void> {
    try {
      await writeTextAtomic(this.file, JSON.stringify({ entries: Object.fromEntries([...this.next].sort(([a], [b]) => a.localeCompare(b))) }));
      const records = (await readdir(dirname(this.file))).filter((name) => /^classify-[0-9a-f]{16}\.json$/.test(name)).map((name) => join(dirname(this.file), name));
      if (records.length <= KEPT_RECORDS) return;
      const ages = await Promise.all(records.map(async (path) => ({ path, at: (await stat(path)).mtimeMs })));
      for (const { path } of ages.sort((a, b) => b.at - a.at).slice(KEPT_RECORDS)) await rm(path, { force: true });
    } catch {
      // (a record that cannot be written only costs the next run its skip)
    }
  }
}

