// Search figures on the synthetic 100,000-tool catalog, in headless Chromium: keystroke-to-render
// latency (p50/p95), compressed bytes transferred before the first results, and relevance against
// plain fuse.js over the full list (top-10 overlap on 30 queries, measured in Node with the same keys).
import { createServer } from 'node:http';
import { readdir, readFile, rm, writeFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import Fuse from 'fuse.js';
import { classifyTools, serverContextOf } from '../classifier/catalog.ts';
import { toolSlug } from '../data/slug.ts';
import { buildSearchIndex, type SearchInput } from '../site/src/search/index-format.ts';
import { FUSE_OPTIONS, SearchEngine } from '../site/src/search/engine.ts';
import { realTools, syntheticCatalog } from './synthetic.ts';
import { launchChromium, tempDir } from '../tests/helpers.ts';
import { buildSite, writeFixtureCatalog } from '../tests/site/fixture.ts';
import type { Section } from './crawler.ts';

/** Each query with what a right answer looks like: a pattern its tool name (or server) must match. */
export const EXPECTED: Record<string, RegExp> = {
  'delete file': /(delete|remove).*file|file.*(delete|remove)/i,
  'delte file': /(delete|remove).*file|file.*(delete|remove)/i,
  'github issue': /issue/i,
  'gihub issue': /issue/i,
  'create issue': /create.*issue|issue.*create/i,
  'send email': /send.*(email|mail)|(email|mail).*send/i,
  'list users': /list.*user|user.*list/i,
  'browser click': /click/i,
  'run command': /(run|exec).*(command|cmd)|command/i,
  'execute sql': /sql|query|execute/i,
  'query database': /query|database|db/i,
  'create payment': /payment/i,
  refund: /refund/i,
  'kubernetes pod': /pod|kube/i,
  'deploy app': /deploy/i,
  'search web': /search/i,
  'read file': /read.*file|file.*read/i,
  'write file': /write.*file|file.*write/i,
  screenshot: /screenshot/i,
  navigate: /navigat/i,
  'slack message': /message/i,
  'notion page': /page/i,
  'calendar event': /calendar|event/i,
  'create branch': /branch/i,
  'merge request': /merge/i,
  'drop database': /drop|database/i,
  weather: /weather|forecast/i,
  'memory entity': /entit/i,
  'api key': /key/i,
  invoice: /invoice/i,
};

export const QUERIES = [
  'delete file', 'delte file', 'github issue', 'gihub issue', 'create issue', 'send email', 'list users', 'browser click', 'run command', 'execute sql',
  'query database', 'create payment', 'refund', 'kubernetes pod', 'deploy app', 'search web', 'read file', 'write file', 'screenshot', 'navigate',
  'slack message', 'notion page', 'calendar event', 'create branch', 'merge request', 'drop database', 'weather', 'memory entity', 'api key', 'invoice',
];

/** Search inputs for a synthetic catalog of `count` tools, or the real catalog in data/crawled/ ('real'). */
function inputsFor(count: number | 'real'): SearchInput[] {
  const inputs: SearchInput[] = [];
  for (const snapshot of count === 'real' ? realTools().servers.filter((server) => server.status === 'ok') : syntheticCatalog(count)) {
    const { classifications } = classifyTools(snapshot.tools, snapshot.fingerprints.map((f) => f.fingerprint), serverContextOf(snapshot));
    snapshot.tools.forEach((tool, i) =>
      inputs.push({
        name: tool.name,
        slug: toolSlug(tool.name),
        serverName: snapshot.name,
        serverSlug: snapshot.slug,
        risk: classifications[i]!.risk,
        category: classifications[i]!.category,
        line: (tool.description ?? '').replace(/\s+/g, ' ').trim().slice(0, 140),
      }),
    );
  }
  return inputs;
}

async function relevance(inputs: SearchInput[], index: ReturnType<typeof buildSearchIndex>): Promise<{ overlap: number; ours: number; plain: number; perQuery: string[] }> {
  const engine = new SearchEngine({ names: async () => index.names, words: async (s) => index.words.get(s) ?? {} });
  const plainFuse = new Fuse(inputs.map((input, id) => ({ id, name: input.name, server: input.serverName })), FUSE_OPTIONS);
  const right = (query: string, id: number) => EXPECTED[query]!.test(inputs[id]!.name);
  const precision = (query: string, ids: number[]) => (ids.length ? ids.filter((id) => right(query, id)).length / 10 : 0);
  let overlapTotal = 0;
  let oursTotal = 0;
  let plainTotal = 0;
  const perQuery: string[] = [];
  for (const query of QUERIES) {
    const baseline = plainFuse.search(query, { limit: 10 }).map((entry) => entry.item.id);
    const ours = (await engine.search(query, {}, 10)).results.map((result) => result.id);
    const overlap = baseline.length ? ours.filter((id) => baseline.includes(id)).length / Math.min(10, baseline.length) : 1;
    overlapTotal += overlap;
    oursTotal += precision(query, ours);
    plainTotal += precision(query, baseline);
    perQuery.push(`${query}: ${Math.round(precision(query, ours) * 100)}% vs ${Math.round(precision(query, baseline) * 100)}%`);
  }
  return { overlap: overlapTotal / QUERIES.length, ours: oursTotal / QUERIES.length, plain: plainTotal / QUERIES.length, perQuery };
}

interface SearchFigures {
  label: string;
  tools: number;
  indexNote: string;
  p50: number;
  p95: number;
  keystrokes: number;
  firstMB: number;
  ours: number;
  plain: number;
  overlap: number;
  perQuery: string[];
}

async function measureSearch(label: string, inputs: SearchInput[]): Promise<SearchFigures> {
  console.error(`  ${label}: a search index of ${inputs.length} tools…`);
  const index = buildSearchIndex(inputs);
  const { overlap, ours, plain, perQuery } = await relevance(inputs, index);
  console.error(`  relevance: expected results in the top 10: ${(ours * 100).toFixed(0)}% (plain fuse.js ${(plain * 100).toFixed(0)}%); top-10 overlap ${(overlap * 100).toFixed(0)}%`);

  // the /search/ page and its worker come from a real site build; the index files are the big catalog's
  const work = await tempDir('toolrisk-search-bench-');
  await writeFixtureCatalog(join(work.path, 'data'));
  const dist = join(work.path, 'dist');
  await buildSite(join(work.path, 'data'), dist);
  // replace the fixture's index files (the page and its worker stay) with the big catalog's
  for (const name of await readdir(join(dist, 'search'))) if (name.endsWith('.json')) await rm(join(dist, 'search', name));
  await writeFile(join(dist, 'search', 'names.json'), JSON.stringify(index.names));
  for (const [shard, words] of index.words) await writeFile(join(dist, 'search', `words-${shard}.json`), JSON.stringify(words));
  for (const [shard, records] of index.records.entries()) await writeFile(join(dist, 'search', `records-${shard}.json`), JSON.stringify(records));

  // a gzip static server that counts compressed bytes sent
  let bytes = 0;
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.js': 'text/javascript', '.css': 'text/css' };
  const gzCache = new Map<string, Buffer>();
  // the index files are compressed before the browser starts, as a static host or CDN would serve
  // them: compressing on first request would take CPU from the browser on this 2-core machine
  for (const name of await readdir(join(dist, 'search'))) {
    const file = join(dist, 'search', name);
    if (name.endsWith('.json')) gzCache.set(file, gzipSync(await readFile(file)));
  }
  const server = createServer(async (req, res) => {
    let file = join(dist, normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = gzCache.get(file);
      if (!body) gzCache.set(file, (body = gzipSync(await readFile(file))));
      bytes += body.length;
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-encoding': 'gzip', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const browser = await launchChromium();
  const latencies: number[] = [];
  const slowest: [number, string][] = [];
  const firstBytes: number[] = [];
  try {
    for (const query of QUERIES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      bytes = 0;
      await page.goto(`${url}/search/`);
      await page.evaluate(() => {
        const w = window as unknown as { __keys: number[]; __renders: number[] };
        w.__keys = [];
        w.__renders = [];
        document.getElementById('q')!.addEventListener('keydown', () => w.__keys.push(performance.now()), true);
        // the page marks each answer it renders (an empty list included, which changes no child)
        new MutationObserver(() => w.__renders.push(performance.now())).observe(document.body, { attributes: true, attributeFilter: ['data-search-done'] });
      });
      // the first character, then wait for its results: bytes before the first results
      await page.locator('#q').focus();
      await page.keyboard.type(query.slice(0, 2));
      // (or for the empty state: "in", the start of "invoice", is a stop word and matches nothing)
      await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0 || /No tool matches/.test(document.getElementById('search-status')!.textContent ?? ''), undefined, { timeout: 30_000 });
      firstBytes.push(bytes);
      for (const char of query.slice(2)) {
        await page.keyboard.type(char);
        await page.waitForTimeout(120);
      }
      await page.waitForTimeout(300);
      const { keys, renders } = await page.evaluate(() => {
        const w = window as unknown as { __keys: number[]; __renders: number[] };
        return { keys: w.__keys, renders: w.__renders };
      });
      // latency of each keystroke after the index is loaded: the next render after it
      keys.slice(2).forEach((key, i) => {
        const render = renders.find((time) => time >= key);
        if (render === undefined) return;
        latencies.push(render - key);
        slowest.push([render - key, query.slice(0, i + 3)]);
      });
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
    await work.remove();
  }
  latencies.sort((a, b) => a - b);
  slowest.sort((a, b) => b[0] - a[0]);
  console.error(`  slowest keystrokes: ${slowest.slice(0, 12).map(([ms, typed]) => `"${typed}" ${ms.toFixed(0)} ms`).join(', ')}`);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
  const maxFirst = Math.max(...firstBytes);
  return {
    label,
    tools: inputs.length,
    indexNote: `names ${(gzipSync(JSON.stringify(index.names)).length / 1e6).toFixed(2)} MB gzipped, ${index.words.size} word shards, ${index.records.length} description shards`,
    p50: pct(0.5),
    p95: pct(0.95),
    keystrokes: latencies.length,
    firstMB: maxFirst / 1e6,
    ours,
    plain,
    overlap,
    perQuery,
  };
}

export async function benchSearch(count = 100_000): Promise<Section> {
  const runs = [await measureSearch(`synthetic ${count.toLocaleString('en-US')}`, inputsFor(count)), await measureSearch('real catalog', inputsFor('real'))];
  const row = (title: string, value: (figures: SearchFigures) => string, target = '') => `| ${title} | ${runs.map(value).join(' | ')} | ${target} |`;
  return {
    title: 'Search',
    markdown: [
      `The synthetic catalog (recombined from the real tools) and the real catalog in data/ (${runs[1]!.tools.toLocaleString('en-US')} tools). Index: ${runs.map((figures) => `${figures.label}: ${figures.indexNote}`).join('; ')}. Headless Chromium against a gzip static server on 127.0.0.1, ${QUERIES.length} queries typed a key at a time.`,
      '',
      `| measure | ${runs.map((figures) => `${figures.label} (${figures.tools.toLocaleString('en-US')} tools)`).join(' | ')} | target |`,
      `|---|${runs.map(() => '---:').join('|')}|---:|`,
      row('keystroke → rendered results, p50 (after the index is loaded)', (figures) => `${figures.p50.toFixed(1)} ms`),
      row('keystroke → rendered results, p95', (figures) => `${figures.p95.toFixed(1)} ms (${figures.keystrokes} keystrokes)`, '≤ 50 ms'),
      row('compressed bytes before the first results, worst query', (figures) => `${figures.firstMB.toFixed(2)} MB`, '≤ 1.5 MB'),
      row(`expected results in the top 10 (precision@10 over ${QUERIES.length} queries)`, (figures) => `${(figures.ours * 100).toFixed(0)}% (plain fuse.js ${(figures.plain * 100).toFixed(0)}%)`, 'on par with plain fuse.js'),
      row('top-10 overlap with plain fuse.js over the full list (same keys)', (figures) => `${(figures.overlap * 100).toFixed(0)}%`),
      '',
      ...runs.map((figures) => `Expected results in the top 10, ours vs plain fuse.js, per query (${figures.label}): ${figures.perQuery.join('; ')}.`),
    ].join('\n'),
  };
}
