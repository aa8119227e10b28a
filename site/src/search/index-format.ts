// The search index the site ships (built at site build time, read in the browser). Pure: the
// builder turns tool summaries into files, and the reader helpers decode them.
import { splitIdentifier, splitText } from '../../../classifier/words.ts';

export const RISKS = ['low', 'medium', 'high', 'critical'] as const;
export const CATEGORIES = ['read', 'write', 'execute'] as const;
/** Tools per description shard. */
export const RECORDS_PER_SHARD = 100;

export interface SearchInput {
  name: string;
  slug: string;
  serverName: string;
  /** The server's readable name, when it is not its registry id. */
  serverDisplay?: string;
  serverSlug: string;
  risk: (typeof RISKS)[number];
  category: (typeof CATEGORIES)[number];
  line: string;
}

/**
 * names.json: every tool's name, and its server, risk and category packed in one integer (see
 * packMeta). Two flat arrays rather than an array per tool: parsing 100,000 small arrays in the
 * browser leaves garbage that slows the keystrokes after it.
 */
export interface NamesFile {
  version: 2;
  /** Each server's registry id, slug, and its readable name when that differs from the id. */
  servers: ([name: string, slug: string] | [name: string, slug: string, display: string])[];
  /** Tool names, by tool id. */
  tools: string[];
  /** By tool id: server index × 16 + risk index × 4 + category index. */
  meta: number[];
}

export function packMeta(server: number, risk: number, category: number): number {
  return server * 16 + risk * 4 + category;
}

export function unpackMeta(meta: number): { server: number; risk: number; category: number } {
  return { server: Math.floor(meta / 16), risk: (meta >> 2) & 3, category: meta & 3 };
}

/** records-<n>.json: the description lines of tools n×100…, loaded for the results shown (small files: the 20 results shown usually sit in 20 different files). */
export type RecordsFile = string[];

/** words-<c>.json: the words starting with c, each with the ids of the tools it appears in (delta-encoded). */
export type WordsFile = Record<string, number[]>;

const STOP = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'for', 'and', 'or', 'on', 'with', 'by', 'from', 'is', 'are', 'be', 'this', 'that', 'it', 'as', 'at', 'use', 'using', 'you', 'your']);

/** The shard a word lives in: its first character, or `_` for anything outside a–z and 0–9. */
export function shardOf(word: string): string {
  const first = word[0] ?? '_';
  return /[a-z0-9]/.test(first) ? first : '_';
}

/** Normalized words of a piece of text (lowercase, identifiers split, stop words dropped). */
export function searchWords(text: string): string[] {
  const words = new Set<string>();
  // accents go first, so "Café" splits as one word
  const plain = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  for (const part of plain.split(/[^\p{L}\p{N}_.-]+/u)) {
    for (const token of splitIdentifier(part)) {
      const word = token.word;
      if (word.length >= 2 && !STOP.has(word)) words.add(word);
    }
  }
  return [...words];
}

function indexWords(tool: SearchInput): string[] {
  const server = tool.serverName.split('/').pop() ?? tool.serverName;
  const description = splitText(tool.line).slice(0, 12).map((token) => token.text).join(' ');
  return [...new Set([...searchWords(tool.name), ...searchWords(server), ...searchWords(description)])];
}

export function deltaEncode(ids: number[]): number[] {
  return ids.map((id, i) => (i === 0 ? id : id - ids[i - 1]!));
}

export function deltaDecode(deltas: number[]): Int32Array {
  const ids = new Int32Array(deltas.length);
  let previous = 0;
  for (let i = 0; i < deltas.length; i++) ids[i] = previous += deltas[i]!;
  return ids;
}

export interface BuiltIndex {
  names: NamesFile;
  words: Map<string, WordsFile>;
  records: RecordsFile[];
}

export function buildSearchIndex(tools: SearchInput[]): BuiltIndex {
  const serverIndex = new Map<string, number>();
  const names: NamesFile = { version: 2, servers: [], tools: [], meta: [] };
  const postings = new Map<string, number[]>();
  const records: RecordsFile[] = [];
  tools.forEach((tool, id) => {
    let server = serverIndex.get(tool.serverSlug);
    if (server === undefined) {
      server = names.servers.length;
      serverIndex.set(tool.serverSlug, server);
      names.servers.push(tool.serverDisplay && tool.serverDisplay !== tool.serverName ? [tool.serverName, tool.serverSlug, tool.serverDisplay] : [tool.serverName, tool.serverSlug]);
    }
    names.tools.push(tool.name);
    names.meta.push(packMeta(server, RISKS.indexOf(tool.risk), CATEGORIES.indexOf(tool.category)));
    for (const word of indexWords(tool)) {
      const list = postings.get(word);
      if (list) list.push(id);
      else postings.set(word, [id]);
    }
    const shard = Math.floor(id / RECORDS_PER_SHARD);
    (records[shard] ??= []).push(tool.line.slice(0, 120));
  });
  const shards = new Map<string, [string, number[]][]>();
  for (const [word, ids] of [...postings].sort(([a], [b]) => a.localeCompare(b))) {
    const shard = shardOf(word);
    const file = shards.get(shard) ?? [];
    file.push([word, deltaEncode(ids)]);
    shards.set(shard, file);
  }
  // (fromEntries defines own properties: a word `__proto__` stays a word)
  const words = new Map<string, WordsFile>([...shards].map(([shard, entries]) => [shard, Object.fromEntries(entries)]));
  return { names, words, records };
}
