// The search engine behind /search/: candidates from the sharded word index (typo-tolerant on the
// index's vocabulary), filters, then fuse.js ranks only the candidates. Pure apart from the loader
// it is given, so it runs in a Web Worker and in tests alike.
import Fuse from 'fuse.js';
import { isPlainToolName, toolSlugFrom } from '../../../data/slug-core.ts';
import { sha256Hex } from './sha256.ts';
import { CATEGORIES, RISKS, RECORDS_PER_SHARD, buildSearchIndex, deltaDecode, searchWords, shardOf, unpackMeta, type NamesFile, type RecordsFile, type SearchInput, type WordsFile } from './index-format.ts';
import { own } from '../../../data/own.ts';

export interface SearchFilters {
  risk?: string;
  category?: string;
  /** A substring of the server's name. */
  server?: string;
}

export interface SearchResult {
  id: number;
  name: string;
  /** The server's registry id. */
  server: string;
  /** The server's readable name (its registry id when it has none of its own). */
  serverDisplay: string;
  risk: string;
  category: string;
  url: string;
  /** Empty in search() results; DescriptionLines gives it. */
  line: string;
}

export interface IndexLoader {
  names(): Promise<NamesFile>;
  words(shard: string): Promise<WordsFile>;
}

/** Edit distance with transpositions, giving up (returning max + 1) past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows[i] = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]![j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
      best = Math.min(best, value);
    }
    if (i > 0 && best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** How well an indexed word answers a query word: 1 exact, 0.9 prefix, 0.7 a typo or two, 0.6 a typo in a prefix, 0 not at all. */
export function wordMatch(query: string, word: string): number {
  if (word === query) return 1;
  if (query.length >= 2 && word.startsWith(query)) return 0.9;
  if (query.length >= 4) {
    const max = query.length >= 8 ? 2 : 1;
    if (editDistance(query, word, max) <= max) return 0.7;
    // a typo in a longer word still being typed: compare with the word's start
    if (query.length >= 5 && editDistance(query, word.slice(0, query.length), 1) <= 1) return 0.6;
  }
  return 0;
}

const MAX_CANDIDATES = 150;
/** How much matching every query word improves a fuse.js score (0: none, 1: to a perfect score). */
export const WORD_BONUS = 0.6;

/** The ranking options, shared with the relevance baseline (plain fuse.js over the full list). */
export const FUSE_OPTIONS = {
  keys: [
    { name: 'name', weight: 2 },
    { name: 'server', weight: 1 },
  ],
  ignoreLocation: true,
};

/** One query word's matches: the tools it matches and, for each, the best match strength. */
interface WordHits {
  ids: Int32Array;
  strength: Float32Array;
}

/** How many query words' matches are kept between keystrokes (earlier words of a query come back each time). */
const HIT_CACHE = 64;

export class SearchEngine {
  private namesFile?: Promise<NamesFile>;
  private wordShards = new Map<string, Promise<WordsFile>>();
  /** Decoded postings, kept: the same words come back keystroke after keystroke. */
  private postings = new Map<string, Int32Array>();
  /** Each recent query word's matches, most recent last. */
  private hits = new Map<string, WordHits>();
  /** Scratch space, one slot per tool, reset after each use: no per-keystroke maps or arrays over thousands of ids. */
  private scratch?: { strength: Float32Array; words: Uint8Array; total: Float32Array; touched: Int32Array };

  private ids(shard: WordsFile, word: string): Int32Array {
    let ids = this.postings.get(word);
    // (a word like `constructor` that is not in the shard is nothing, not Object.prototype's function)
    if (!ids) this.postings.set(word, (ids = deltaDecode(own(shard, word) ?? [])));
    return ids;
  }

  constructor(private readonly loader: IndexLoader) {}

  private names(): Promise<NamesFile> {
    return (this.namesFile ??= this.loader.names());
  }

  private words(shard: string): Promise<WordsFile> {
    let file = this.wordShards.get(shard);
    if (!file) this.wordShards.set(shard, (file = this.loader.words(shard).catch(() => ({}))));
    return file;
  }

  private scratchFor(size: number) {
    if (!this.scratch || this.scratch.strength.length < size) {
      this.scratch = { strength: new Float32Array(size), words: new Uint8Array(size), total: new Float32Array(size), touched: new Int32Array(size) };
    }
    return this.scratch;
  }

  /** The tools one query word matches, with the best strength of any indexed word it matches in each. */
  private async wordHits(query: string, size: number): Promise<WordHits> {
    const cached = this.hits.get(query);
    if (cached) {
      this.hits.delete(query);
      this.hits.set(query, cached);
      return cached;
    }
    const shard = await this.words(shardOf(query));
    const { strength, touched } = this.scratchFor(size);
    let count = 0;
    for (const word in shard) {
      const match = wordMatch(query, word);
      if (!match) continue;
      const ids = this.ids(shard, word);
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        const previous = strength[id]!;
        if (previous === 0) touched[count++] = id;
        if (match > previous) strength[id] = match;
      }
    }
    const hits: WordHits = { ids: touched.slice(0, count), strength: new Float32Array(count) };
    for (let i = 0; i < count; i++) {
      const id = hits.ids[i]!;
      hits.strength[i] = strength[id]!;
      strength[id] = 0;
    }
    this.hits.set(query, hits);
    if (this.hits.size > HIT_CACHE) this.hits.delete(this.hits.keys().next().value!);
    return hits;
  }

  /** Tools matching the query words, with how many query words each matches and how well. */
  private async candidates(queryWords: string[], size: number): Promise<Map<number, { words: number; strength: number }>> {
    const perWord = await Promise.all(queryWords.map((query) => this.wordHits(query, size)));
    const { words, total, touched } = this.scratchFor(size);
    let count = 0;
    for (const hits of perWord) {
      for (let i = 0; i < hits.ids.length; i++) {
        const id = hits.ids[i]!;
        if (words[id] === 0) touched[count++] = id;
        words[id]! += 1;
        total[id]! += hits.strength[i]!;
      }
    }
    // the best MAX_CANDIDATES by (words matched, strength), in order of first match, without sorting
    // every scored tool (a common word matches tens of thousands, and this runs on every keystroke):
    // count the tools per score, find the lowest score still needed, then take them in one pass
    const key = (id: number) => words[id]! * 100 + Math.round(total[id]! * 10);
    const perKey = new Int32Array(queryWords.length * 111 + 1);
    for (let i = 0; i < count; i++) perKey[key(touched[i]!)]! += 1;
    let lowest = perKey.length - 1;
    for (let needed = MAX_CANDIDATES; lowest > 0 && needed > perKey[lowest]!; lowest--) needed -= perKey[lowest]!;
    // the lowest key is taken only as far as room remains
    let room = MAX_CANDIDATES;
    for (let k = perKey.length - 1; k > lowest; k--) room -= perKey[k]!;
    const byKey = new Map<number, number[]>();
    for (let i = 0; i < count; i++) {
      const id = touched[i]!;
      const k = key(id);
      if (k < lowest || (k === lowest && room-- <= 0)) continue;
      const bucket = byKey.get(k);
      if (bucket) bucket.push(id);
      else byKey.set(k, [id]);
    }
    const kept = new Map<number, { words: number; strength: number }>();
    for (const k of [...byKey.keys()].sort((a, b) => b - a)) for (const id of byKey.get(k)!) kept.set(id, { words: words[id]!, strength: total[id]! });
    for (let i = 0; i < count; i++) {
      words[touched[i]!] = 0;
      total[touched[i]!] = 0;
    }
    return kept;
  }

  /** Starts loading the word shard of a word the user has only begun (one letter), so it is there by the next keystroke. */
  private prefetch(query: string): void {
    const last = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).pop() ?? '';
    if (last.length === 1) void this.words(shardOf(last));
  }

  async search(query: string, filters: SearchFilters = {}, limit = 20): Promise<{ results: SearchResult[]; total: number }> {
    const names = await this.names();
    const risk = filters.risk ? RISKS.indexOf(filters.risk as (typeof RISKS)[number]) : -1;
    const category = filters.category ? CATEGORIES.indexOf(filters.category as (typeof CATEGORIES)[number]) : -1;
    const server = filters.server?.toLowerCase();
    const keep = (id: number) => {
      const { server: serverIndex, risk: toolRisk, category: toolCategory } = unpackMeta(names.meta[id]!);
      const entry = names.servers[serverIndex]!;
      return (risk < 0 || toolRisk === risk) && (category < 0 || toolCategory === category) && (!server || entry[0].toLowerCase().includes(server) || (entry[2] ?? '').toLowerCase().includes(server));
    };
    const queryWords = searchWords(query);
    this.prefetch(query);
    let ids: number[];
    if (queryWords.length) {
      const scores = await this.candidates(queryWords, names.tools.length);
      const candidates = [...scores.keys()].filter(keep);
      // fuse.js ranks the candidates; tools matching more of the query's words come first
      // the same keys and options as fuse.js over the whole list would use, so a tool scores the same here
      const fuse = new Fuse(
        candidates.map((id) => ({ id, name: names.tools[id]!, server: names.servers[unpackMeta(names.meta[id]!).server]![0] })),
        { ...FUSE_OPTIONS, includeScore: true },
      );
      const fuseScore = new Map(fuse.search(query.trim()).map((entry) => [entry.item.id, entry.score ?? 1]));
      // fuse.js scores a multi-word query as one string (it puts create_or_update_file above
      // delete_file for "delete file"), so a tool's share of matched query words improves its score
      // fuse.js's score, lowered (better) by the share of the query's words a tool matches
      const rank = (id: number) => (fuseScore.get(id) ?? 1.5) * (1 - WORD_BONUS * (scores.get(id)!.words / queryWords.length));
      ids = candidates.sort((a, b) => rank(a) - rank(b) || scores.get(b)!.strength - scores.get(a)!.strength || a - b);
    } else if (risk >= 0 || category >= 0 || server) {
      // filters alone: every matching tool is counted, only the ones shown are kept
      ids = [];
      let total = 0;
      for (let id = 0; id < names.tools.length; id++) {
        if (!keep(id)) continue;
        total += 1;
        if (ids.length < limit) ids.push(id);
      }
      return { results: this.resultsFor(names, ids), total };
    } else {
      return { results: [], total: 0 };
    }
    return { results: this.resultsFor(names, ids.slice(0, limit)), total: ids.length };
  }

  // first results need only names.json and the word shards: URLs are computed here, and the
  // description lines come separately (DescriptionLines), so nothing waits on the description shards
  private resultsFor(names: Awaited<ReturnType<SearchEngine['names']>>, shown: number[]): SearchResult[] {
    return shown.map((id) => {
      const name = names.tools[id]!;
      const { server: serverIndex, risk: toolRisk, category: toolCategory } = unpackMeta(names.meta[id]!);
      const [serverName, serverSlug, serverDisplay] = names.servers[serverIndex]!;
      const slug = isPlainToolName(name) ? name : toolSlugFrom(name, sha256Hex(name).slice(0, 8));
      return { id, name, server: serverName, serverDisplay: serverDisplay ?? serverName, risk: RISKS[toolRisk]!, category: CATEGORIES[toolCategory]!, url: `/tools/${serverSlug}/${slug}/`, line: '' };
    });
  }

  /** Starts loading names.json, before the first query needs it. */
  preload(): void {
    void this.names();
  }
}

/**
 * Description lines, from the records-<n>.json shards. Separate from the engine so that the page
 * can run it in a second worker: loading twenty shards for one answer's lines must never hold up
 * the next keystroke's results.
 */
export class DescriptionLines {
  private shards = new Map<number, Promise<RecordsFile>>();

  constructor(private readonly load: (shard: number) => Promise<RecordsFile>) {}

  private shard(shard: number): Promise<RecordsFile> {
    let file = this.shards.get(shard);
    if (!file) {
      // a failed load is forgotten, so a later answer can try again
      file = this.load(shard).catch((error: unknown) => {
        this.shards.delete(shard);
        throw error;
      });
      this.shards.set(shard, file);
    }
    return file;
  }

  async describe(ids: number[]): Promise<string[]> {
    return Promise.all(ids.map(async (id) => (await this.shard(Math.floor(id / RECORDS_PER_SHARD)))[id % RECORDS_PER_SHARD] ?? ''));
  }
}

/**
 * Runs the engine on a small made-up index, a key at a time, while the real index downloads. The
 * first searches on a fresh page otherwise pay for the JavaScript engine's warm-up (compiling the
 * hot loops, in Chromium 30 ms and more) on the user's first keystrokes.
 */
export async function warmUp(): Promise<void> {
  const verbs = ['create', 'delete', 'list', 'get', 'update', 'send', 'search', 'run', 'read', 'write'];
  const nouns = ['issue', 'file', 'user', 'page', 'message', 'branch', 'payment', 'event', 'record', 'query'];
  const tools: SearchInput[] = Array.from({ length: 2000 }, (_, id) => ({
    name: `${verbs[id % verbs.length]}_${nouns[Math.floor(id / verbs.length) % nouns.length]}_${id}`,
    slug: '',
    serverName: 'io.example/warm-up',
    serverSlug: 'io.example__warm-up',
    risk: RISKS[id % RISKS.length]!,
    category: CATEGORIES[id % CATEGORIES.length]!,
    line: '',
  }));
  const index = buildSearchIndex(tools);
  const engine = new SearchEngine({ names: async () => index.names, words: async (shard) => index.words.get(shard) ?? {} });
  for (const query of ['create issue', 'delte fil']) {
    for (let end = 2; end <= query.length; end++) await engine.search(query.slice(0, end));
  }
}
