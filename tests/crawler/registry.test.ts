// The registry source against a registry-shaped HTTP server on 127.0.0.1: several pages, a
// deleted entry, a non-latest entry and a malformed entry that gets a clear error.
import { createServer, type Server } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncRegistry } from '../../crawler/registry.ts';
import { escapeRegExp } from '../../data/regexp.ts';
import { IndexEntrySchema } from '../../data/schema.ts';
import { readRecord, writeRecord } from '../../data/serialize.ts';
import { tempDir } from '../helpers.ts';

const official = (status: string, isLatest = true) => ({
  'io.modelcontextprotocol.registry/official': { status, publishedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-02-01T00:00:00Z', isLatest },
});

const server = (name: string, version = '1.0.0') => ({
  name,
  description: `The ${name} server`,
  version,
  packages: [{ registryType: 'npm', identifier: `@example/${name.split('/')[1]}`, version, transport: { type: 'stdio' as const } }],
});

const PAGES: Record<string, unknown> = {
  '': {
    servers: [
      { server: server('io.example/one'), _meta: official('active') },
      { server: server('io.example/two'), _meta: official('active') },
    ],
    metadata: { nextCursor: 'p2', count: 2 },
  },
  p2: {
    servers: [
      { server: server('io.example/gone'), _meta: official('deleted') },
      { server: { name: 'io.example/malformed', packages: 'not-an-array' }, _meta: official('active') },
      { server: server('io.example/three', '0.9.0'), _meta: official('active', false) },
    ],
    metadata: { nextCursor: 'p3', count: 3 },
  },
  p3: {
    servers: [{ server: server('io.example/three', '1.1.0'), _meta: official('active') }],
    metadata: { count: 1 },
  },
};

describe('toolrisk crawl --registry', () => {
  let http: Server;
  let base: string;
  const requests: URL[] = [];
  beforeAll(async () => {
    http = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push(url);
      if (url.pathname !== '/v0.1/servers') {
        res.writeHead(404).end();
        return;
      }
      const page = PAGES[url.searchParams.get('cursor') ?? ''];
      res.writeHead(page ? 200 : 400, { 'content-type': 'application/json' }).end(JSON.stringify(page ?? { error: 'bad cursor' }));
    });
    await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((done) => http.close(() => done())));

  it('reads every page, keeps active latest entries, and reports the malformed one by name', async () => {
    const data = await tempDir();
    try {
      // an entry synced before that the registry has since deleted, with hand-written crawl settings elsewhere
      await writeRecord(join(data.path, 'index', 'io.example__gone.json'), IndexEntrySchema, {
        server: server('io.example/gone'),
        crawl: {},
        registry: { baseUrl: base },
      });
      await writeRecord(join(data.path, 'index', 'io.example__one.json'), IndexEntrySchema, {
        server: server('io.example/one', '0.1.0'),
        crawl: { placeholders: { API_KEY: 'placeholder' } },
      });
      requests.length = 0;
      const result = await syncRegistry({ baseUrl: base, dataDir: data.path, pageSize: 2, updatedSince: '2026-01-15T00:00:00Z' });
      expect(result.pages).toBe(3);
      expect(requests.map((url) => url.searchParams.get('cursor'))).toEqual([null, 'p2', 'p3']);
      expect(requests.every((url) => url.searchParams.get('limit') === '2' && url.searchParams.get('updated_since') === '2026-01-15T00:00:00Z')).toBe(true);
      expect(result.written.sort()).toEqual(['io.example/one', 'io.example/three', 'io.example/two']);
      expect(result.removed).toEqual(['io.example/gone']);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatch(/page 2, entry 2 "io\.example\/malformed": not a valid server\.json, skipped:\n {2}packages: /);
      expect((await readdir(join(data.path, 'index'))).sort()).toEqual(['io.example__one.json', 'io.example__three.json', 'io.example__two.json']);
      const one = await readRecord(join(data.path, 'index', 'io.example__one.json'), IndexEntrySchema);
      expect(one.server.version).toBe('1.0.0');
      expect(one.crawl).toEqual({ placeholders: { API_KEY: 'placeholder' } }); // hand-written settings survive
      expect(one.registry).toEqual({ baseUrl: base, status: 'active', publishedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-02-01T00:00:00Z' });
      const three = await readRecord(join(data.path, 'index', 'io.example__three.json'), IndexEntrySchema);
      expect(three.server.version).toBe('1.1.0');
      // a second sync changes nothing on disk
      const before = await readFile(join(data.path, 'index', 'io.example__two.json'), 'utf8');
      const again = await syncRegistry({ baseUrl: base, dataDir: data.path });
      expect(again.written).toEqual([]);
      expect(again.unchanged.sort()).toEqual(['io.example/one', 'io.example/three', 'io.example/two']);
      expect(await readFile(join(data.path, 'index', 'io.example__two.json'), 'utf8')).toBe(before);
    } finally {
      await data.remove();
    }
  });

  it('fails clearly when the registry answers with something that is not a server list', async () => {
    const data = await tempDir();
    try {
      await expect(syncRegistry({ baseUrl: `${base}/nowhere`, dataDir: data.path })).rejects.toThrow(/answered HTTP 404/);
      await expect(syncRegistry({ baseUrl: 'http://127.0.0.1:9', dataDir: data.path, timeoutMs: 2000 })).rejects.toThrow(/cannot fetch \/v0\.1\/servers/);
    } finally {
      await data.remove();
    }
  });
});

describe('syncRegistry: what each entry and each answer becomes', () => {
  // (a registry of its own, under path prefixes: one that serves entries of every odd kind, one that answers with text,
  // one whose answer is JSON but no server list)
  const ODD_PAGE = {
    servers: [
      { server: server('io.example/four') }, // no _meta at all: an active entry
      { server: server('io.example/old'), _meta: official('deprecated') }, // synced before: removed
      { server: server('io.example/older'), _meta: official('deleted') }, // never synced: skipped
      { server: server('io.example/five', '0.1.0'), _meta: official('active', false) }, // not the latest: skipped
      { _meta: official('active') }, // no server
      { server: { name: 7 } },
      { server: { name: `io.example/${'x'.repeat(300)}` } },
      'not an object',
    ],
    metadata: { count: 8 },
  };
  let http: Server;
  let base: string;
  const requests: { url: URL; accept: string | undefined }[] = [];
  beforeAll(async () => {
    http = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push({ url, accept: req.headers.accept });
      if (url.pathname === '/reg/v0.1/servers') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(ODD_PAGE));
      else if (url.pathname === '/bare/v0.1/servers') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ servers: [] }));
      else if (url.pathname === '/loop/v0.1/servers') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ servers: [], metadata: { nextCursor: 'again' } }));
      else if (url.pathname === '/text/v0.1/servers') res.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>');
      else if (url.pathname === '/odd/v0.1/servers') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ servers: 'none' }));
      else res.writeHead(404).end();
    });
    await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((done) => http.close(() => done())));

  it('keeps an entry without registry metadata, removes a synced one no longer active, skips the rest, and names each broken one', async () => {
    const data = await tempDir();
    try {
      await writeRecord(join(data.path, 'index', 'io.example__old.json'), IndexEntrySchema, { server: server('io.example/old'), crawl: {}, registry: { baseUrl: `${base}/reg` } });
      requests.length = 0;
      const log: string[] = [];
      const result = await syncRegistry({ baseUrl: `${base}/reg`, dataDir: data.path, log: (line) => log.push(line) });
      expect(result.written).toEqual(['io.example/four']);
      expect(result.removed).toEqual(['io.example/old']);
      expect(result.skipped).toBe(2);
      expect(log).toEqual(['added io.example/four 1.0.0', 'removed io.example/old (registry status deprecated)']);
      expect(result.errors.map((error) => error.split(':\n')[0])).toEqual([
        'registry page 1, entry 5 (no name): not a valid server.json, skipped',
        'registry page 1, entry 6 (no name): not a valid server.json, skipped',
        `registry page 1, entry 7 "io.example/${'x'.repeat(189)}": not a valid server.json, skipped`,
        'registry page 1, entry 8 (no name): not a valid server.json, skipped',
      ]);
      expect(await readdir(join(data.path, 'index'))).toEqual(['io.example__four.json']);
      // the latest version of each server, as JSON, and no updated_since unless asked
      expect(requests).toHaveLength(1);
      expect(requests[0]!.url.pathname).toBe('/reg/v0.1/servers');
      expect(requests[0]!.url.searchParams.get('version')).toBe('latest');
      expect(requests[0]!.url.searchParams.has('updated_since')).toBe(false);
      expect(requests[0]!.accept).toBe('application/json');
    } finally {
      await data.remove();
    }
  });

  it('reads a base URL with a path the same with or without its trailing slash', async () => {
    const data = await tempDir();
    try {
      requests.length = 0;
      await syncRegistry({ baseUrl: `${base}/reg/`, dataDir: data.path });
      await syncRegistry({ baseUrl: `${base}/reg`, dataDir: data.path });
      expect(requests.map((request) => request.url.pathname)).toEqual(['/reg/v0.1/servers', '/reg/v0.1/servers']);
    } finally {
      await data.remove();
    }
  });

  it('says an entry it had before is updated, not added', async () => {
    const data = await tempDir();
    try {
      await writeRecord(join(data.path, 'index', 'io.example__four.json'), IndexEntrySchema, { server: server('io.example/four', '0.9.0'), crawl: {} });
      const log: string[] = [];
      const result = await syncRegistry({ baseUrl: `${base}/reg`, dataDir: data.path, log: (line) => log.push(line) });
      expect(result.written).toEqual(['io.example/four']);
      expect(log).toEqual(['updated io.example/four 1.0.0']);
    } finally {
      await data.remove();
    }
  });

  it('stops at the last page (one without metadata too), at --max-pages, and at a cursor it was given before', async () => {
    const data = await tempDir();
    try {
      requests.length = 0;
      expect(await syncRegistry({ baseUrl: `${base}/bare`, dataDir: data.path })).toMatchObject({ pages: 1, errors: [] });
      expect(await syncRegistry({ baseUrl: `${base}/loop`, dataDir: data.path, maxPages: 1 })).toMatchObject({ pages: 1, errors: [] });
      const looped = await syncRegistry({ baseUrl: `${base}/loop`, dataDir: data.path });
      expect(looped.pages).toBe(2);
      expect(looped.errors).toEqual(['registry repeated cursor "again"; stopped after 2 pages']);
      expect(requests.map((request) => `${request.url.pathname} ${request.url.searchParams.get('cursor')}`)).toEqual([
        '/bare/v0.1/servers null',
        '/loop/v0.1/servers null',
        '/loop/v0.1/servers null',
        '/loop/v0.1/servers again',
      ]);
    } finally {
      await data.remove();
    }
  });

  it('says so when an answer is not JSON, or JSON that is not a server list', async () => {
    const data = await tempDir();
    try {
      await expect(syncRegistry({ baseUrl: `${base}/text`, dataDir: data.path })).rejects.toThrow(`registry ${base}: /text/v0.1/servers?limit=100&version=latest did not return JSON`);
      await expect(syncRegistry({ baseUrl: `${base}/odd`, dataDir: data.path })).rejects.toThrow(new RegExp(`^${escapeRegExp(`registry ${base}: /odd/v0.1/servers?limit=100&version=latest is not a server list:`)}\\n {2}servers: `));
    } finally {
      await data.remove();
    }
  });
});
