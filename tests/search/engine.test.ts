// The search engine over an index built from the real catalog in data/: typos, prefixes, several
// words, filters, and results that link to real tool pages.
import { beforeAll, describe, expect, it } from 'vitest';
import { DescriptionLines, SearchEngine, editDistance, wordMatch } from '../../site/src/search/engine.ts';
import { buildSearchIndex, type BuiltIndex } from '../../site/src/search/index-format.ts';
import { ROOT } from '../helpers.ts';
import { createHash } from 'node:crypto';
import { toolSlug } from '../../data/slug.ts';
import { sha256Hex } from '../../site/src/search/sha256.ts';

let index: BuiltIndex;
let engine: SearchEngine;
const loads: string[] = [];

beforeAll(async () => {
  process.env.TOOLRISK_DATA = `${ROOT}/data`;
  const { loadIndex } = await import('../../site/src/lib/catalog.ts');
  index = buildSearchIndex(loadIndex().tools.map((tool) => ({ ...tool, serverName: tool.serverName })));
  engine = new SearchEngine({
    names: async () => (loads.push('names'), index.names),
    words: async (shard) => (loads.push(`words-${shard}`), index.words.get(shard) ?? {}),
  });
});

describe('word matching', () => {
  it('takes exact words, prefixes, and one or two typos on longer words', () => {
    expect(editDistance('delte', 'delete', 1)).toBe(1);
    expect(editDistance('gihub', 'github', 1)).toBe(1);
    expect(editDistance('fiel', 'file', 1)).toBe(1); // transposition
    expect(wordMatch('issue', 'issue')).toBe(1);
    expect(wordMatch('crea', 'create')).toBe(0.9);
    expect(wordMatch('delte', 'delete')).toBe(0.7);
    expect(wordMatch('abc', 'abd')).toBe(0);
  });
});

describe('the search engine', () => {
  it('is typo-tolerant', async () => {
    const { results } = await engine.search('delte file');
    expect(results.length).toBe(20);
    for (const result of results.slice(0, 2)) expect(result.name, result.name).toMatch(/delete.*file|file.*delete/i);
    expect(results.slice(0, 2).map((r) => r.name)).toEqual((await engine.search('delete file')).results.slice(0, 2).map((r) => r.name));
    const github = await engine.search('gihub issue');
    expect(github.results[0]!.server).toMatch(/github|gitlab/);
    expect(github.results[0]!.name).toMatch(/issue/i);
  });

  it('handles prefixes and several words', async () => {
    const { results } = await engine.search('github issue create');
    // (in the grown catalog another server's github_issue_* tool competes for the first place)
    expect(results.slice(0, 3)).toContainEqual(expect.objectContaining({ name: 'create_issue', server: 'io.github.modelcontextprotocol/server-github' }));
    expect(results[0]!.name).toMatch(/issue/i);
    // a result names its server readably, with the registry id beside it; the server filter takes either
    const github = results.find((result) => result.server === 'io.github.modelcontextprotocol/server-github')!;
    expect(github.serverDisplay).toBe('GitHub');
    // ("orchestrator" is in one server's registry title, not in its id)
    const byDisplay = await engine.search('', { server: 'orchestrator' });
    expect(byDisplay.results.length).toBeGreaterThan(0);
    expect(new Set(byDisplay.results.map((result) => result.server))).toEqual(new Set(['io.github.0nork/0nMCP']));
    const prefix = await engine.search('brows');
    expect(prefix.results.some((r) => r.name.startsWith('browser_'))).toBe(true);
  });

  it('combines filters with the text, and filters alone list tools', async () => {
    const critical = await engine.search('delete', { risk: 'critical' });
    expect(critical.results.length).toBeGreaterThan(0);
    expect(critical.results.every((r) => r.risk === 'critical')).toBe(true);
    const execute = await engine.search('', { category: 'execute', server: 'playwright' });
    expect(execute.results.length).toBeGreaterThan(0);
    expect(execute.results.every((r) => r.category === 'execute' && r.server.includes('playwright'))).toBe(true);
    expect((await engine.search('')).results).toEqual([]);
  });

  it('gives results past the first 20 ("Show more" asks for 20 more) and the real total, with filters alone too', async () => {
    const first = await engine.search('delete');
    expect(first.results.length).toBe(20);
    expect(first.total).toBeGreaterThan(40);
    const more = await engine.search('delete', {}, 40);
    expect(more.results.length).toBe(40);
    expect(more.total).toBe(first.total);
    // the first 20 stay where they were, and the next 20 follow them
    expect(more.results.slice(0, 20).map((r) => r.id)).toEqual(first.results.map((r) => r.id));
    expect(new Set(more.results.map((r) => r.id)).size).toBe(40);
    // a filter alone counts every tool it keeps, however many
    const low = await engine.search('', { risk: 'low' });
    const { loadIndex } = await import('../../site/src/lib/catalog.ts');
    const lowTools = loadIndex().tools.filter((tool) => tool.risk === 'low').length;
    expect(lowTools).toBeGreaterThan(20);
    expect(low.total).toBe(lowTools);
    expect(low.results.length).toBe(20);
    expect((await engine.search('', { risk: 'low' }, lowTools + 5)).results.length).toBe(lowTools);
  });

  it('links each result to its tool page and loads only the shards it needs', async () => {
    const fresh = new SearchEngine({
      names: async () => (loads.push('names'), index.names),
      words: async (shard) => (loads.push(`words-${shard}`), index.words.get(shard) ?? {}),
    });
    loads.length = 0;
    const { results } = await fresh.search('run command');
    expect(results[0]!.url).toMatch(/^\/tools\/[a-z0-9._-]+\/[a-z0-9._-]+\/$/);
    // the URL is the tool's real page
    const { loadIndex } = await import('../../site/src/lib/catalog.ts');
    expect(loadIndex().tools.some((tool) => tool.url === results[0]!.url)).toBe(true);
    // first results need only the names and the query's word shards
    expect(loads.sort()).toEqual(['names', 'words-c', 'words-r']);
    // the description lines come from their own shards (the page's second worker)
    const lines = await new DescriptionLines(async (shard) => (loads.push(`records-${shard}`), index.records[shard]!)).describe(results.map((result) => result.id));
    expect(lines[0]!.length).toBeGreaterThan(0);
    expect(loads.some((load) => load.startsWith('records-'))).toBe(true);
  });

  it('starts loading the shard of a word begun with one letter, and nothing else', async () => {
    const fresh = new SearchEngine({
      names: async () => index.names,
      words: async (shard) => (loads.push(`words-${shard}`), index.words.get(shard) ?? {}),
    });
    loads.length = 0;
    await fresh.search('delete f');
    // "f" is too short to search, but the next keystroke will need its shard
    expect(loads.sort()).toEqual(['words-d', 'words-f']);
    loads.length = 0;
    await fresh.search('delete fi');
    expect(loads).toEqual([]);
  });

  it('gives the same answers whatever was searched before (kept matches and scratch space are reset)', async () => {
    const first = new SearchEngine({ names: async () => index.names, words: async (shard) => index.words.get(shard) ?? {} });
    const expected = await first.search('github issue create');
    const second = new SearchEngine({ names: async () => index.names, words: async (shard) => index.words.get(shard) ?? {} });
    for (const query of ['gi', 'git', 'github', 'github i', 'github issue', 'delete file', 'github issue c', 'github issue create']) await second.search(query);
    expect(await second.search('github issue create')).toEqual(expected);
    expect(await second.search('delete file')).toEqual(await first.search('delete file'));
  });

  it('computes the tool page URL of names that need a hash, as the site build does', async () => {
    const { loadIndex } = await import('../../site/src/lib/catalog.ts');
    const urls = new Set(loadIndex().tools.map((tool) => tool.url));
    const hashed = index.names.tools.map((name, id) => ({ name, id })).filter(({ name }) => toolSlug(name) !== name);
    expect(hashed.length).toBeGreaterThan(50);
    for (const { name } of hashed.slice(0, 40)) {
      const { results } = await engine.search(name, {}, 100);
      const hit = results.find((result) => result.name === name);
      expect(hit, name).toBeDefined();
      expect(urls.has(hit!.url), `${name} → ${hit!.url}`).toBe(true);
    }
  });
});

describe('sha256 in the worker', () => {
  it('matches node:crypto on every tool name in data/ and on block-boundary and unicode inputs', () => {
    const inputs = [...index.names.tools, '', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(63), 'x'.repeat(64), 'x'.repeat(1000), '工具 café 🚀', 'e\u0301'];
    for (const input of inputs) expect(sha256Hex(input), input).toBe(createHash('sha256').update(input).digest('hex'));
  });
});
