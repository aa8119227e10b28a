// Static sources: a recorded tools/list file and an MCP Server Card served on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspect } from '../../crawler/inspect.ts';
import { crawlIndex } from '../../crawler/crawl.ts';
import { CrawlSnapshotSchema, IndexEntrySchema } from '../../data/schema.ts';
import { readRecord, writeRecord } from '../../data/serialize.ts';
import { QUIET_PROGRESS, ROOT, tempDir } from '../helpers.ts';

const CARD = {
  $schema: 'https://static.modelcontextprotocol.io/schemas/mcp-server-card/v1.json',
  version: '1.0',
  protocolVersion: '2025-06-18',
  serverInfo: { name: 'card-server', title: 'Card Server', version: '4.5.6' },
  description: 'A server described by its card',
  tools: [
    { name: 'search_docs', description: 'Search the docs', inputSchema: { type: 'object', properties: { query: { type: 'string' } } } },
    { name: 'broken', inputSchema: { type: 'array' } },
  ],
};

describe('static sources', () => {
  let http: Server;
  let base: string;
  beforeAll(async () => {
    http = createServer((req, res) => {
      if (req.url === '/.well-known/mcp/server-card.json') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(CARD));
      else if (req.url === '/dynamic/.well-known/mcp/server-card.json') res.writeHead(200).end(JSON.stringify({ ...CARD, tools: 'dynamic' }));
      else res.writeHead(404).end();
    });
    await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((done) => http.close(() => done())));

  it('reads tools from an MCP Server Card URL and records how they were obtained', async () => {
    const snapshot = await inspect({ url: `${base}/.well-known/mcp/server-card.json` });
    expect(snapshot.status).toBe('ok');
    expect(snapshot.source).toBe('server-card');
    expect(snapshot.launch).toEqual({ kind: 'server-card', url: `${base}/.well-known/mcp/server-card.json` });
    expect(snapshot.name).toBe('card-server');
    expect(snapshot.initialize?.serverInfo).toEqual({ name: 'card-server', title: 'Card Server', version: '4.5.6' });
    // the card's broken definition is kept repaired, and recorded as invalid
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(['search_docs', 'broken']);
    expect(snapshot.invalidTools.map((tool) => [tool.name, tool.repaired])).toEqual([['broken', true]]);
  });

  it('fails clearly for a card without tools and for a missing card', async () => {
    const dynamic = await inspect({ serverCard: `${base}/dynamic/.well-known/mcp/server-card.json` });
    expect(dynamic.failure?.reason).toMatch(/does not list its tools \(it says they are dynamic\); crawl the server live instead/);
    const missing = await inspect({ serverCard: `${base}/missing/.well-known/mcp/server-card.json` });
    expect(missing.failure).toMatchObject({ stage: 'read' });
    expect(missing.failure?.reason).toMatch(/answered HTTP 404/);
  });

  it('crawls index entries whose tools come from a recorded file or a server card', async () => {
    const data = await tempDir();
    try {
      await writeFile(join(data.path, 'recorded.json'), JSON.stringify({ server: { name: 'x/y' }, source: { kind: 'static-extraction' }, tools: CARD.tools }));
      await writeRecord(join(data.path, 'index', 'test.local__recorded.json'), IndexEntrySchema, {
        server: { name: 'test.local/recorded', version: '1' },
        crawl: { source: { kind: 'recorded', file: 'recorded.json' } },
      });
      await writeRecord(join(data.path, 'index', 'test.local__card.json'), IndexEntrySchema, {
        server: { name: 'test.local/card', version: '1' },
        crawl: { source: { kind: 'server-card', url: `${base}/.well-known/mcp/server-card.json` } },
      });
      await writeRecord(join(data.path, 'index', 'test.local__missing.json'), IndexEntrySchema, {
        server: { name: 'test.local/missing', version: '1' },
        crawl: { source: { kind: 'recorded', file: 'no-such-file.json' } },
      });
      const summary = await crawlIndex({ dataDir: data.path, progress: QUIET_PROGRESS });
      expect(summary).toMatchObject({ ok: 2, failed: 1, tools: 4 });
      const recorded = await readRecord(join(data.path, 'crawled', 'test.local__recorded.json'), CrawlSnapshotSchema);
      expect(recorded.source).toBe('recorded');
      expect(recorded.tools.map((tool) => tool.name)).toEqual(['search_docs', 'broken']);
      const missing = await readRecord(join(data.path, 'crawled', 'test.local__missing.json'), CrawlSnapshotSchema);
      expect(missing.failure?.stage).toBe('read');
      expect(missing.failure?.reason).toMatch(/no-such-file\.json: ENOENT/);
    } finally {
      await data.remove();
    }
  });

  it('reads every recorded seed server in data/recorded/', async () => {
    for (const name of ['io.github.jx-codes__codemode-mcp', 'io.github.kao273183__mk-qa-master', 'io.github.mockloop__mockloop-mcp']) {
      const snapshot = await inspect({ recorded: join(ROOT, 'data', 'recorded', `${name}.json`) });
      expect(snapshot.status, name).toBe('ok');
      expect(snapshot.tools.length, name).toBeGreaterThan(0);
      expect(snapshot.invalidTools, name).toEqual([]);
    }
  });
});
