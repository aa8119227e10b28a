// The README's first command: `npm start` classifies the data in the repository (no network, no
// keys), builds the site and serves it at http://localhost:4321, or at the next free port when 4321 is
// taken (another `npm start`, say). Run as a newcomer would, with 4321 busy, so the test passes while
// someone serves the catalog there and reads the address the command prints.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, startUntilServing, tempDir } from './helpers.ts';

/** Holds 127.0.0.1:4321 with a server that is not ToolRisk, unless something already does. */
async function holdDefaultPort(): Promise<Server | undefined> {
  const other = createServer((_request, response) => response.end('another server'));
  return new Promise((done) => {
    other.once('error', () => done(undefined));
    other.listen(4321, '127.0.0.1', () => done(other));
  });
}

describe('npm start', () => {
  let stop: (() => Promise<void>) | undefined;
  let dir: Awaited<ReturnType<typeof tempDir>> | undefined;
  let held: Server | undefined;
  afterAll(async () => {
    await stop?.();
    await dir?.remove();
    await new Promise((done) => (held ? held.close(done) : done(undefined)));
  });

  it('classifies, builds and serves the catalog from the data in the repository, offline, on the next free port when 4321 is taken', async () => {
    dir = await tempDir();
    held = await holdDefaultPort();
    // the build goes to a temporary folder; no key and no model are set
    const env = { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('OPENAI_'))), TOOLRISK_OUT_DIR: join(dir.path, 'dist') };
    const started = await startUntilServing('npm', ['start'], env, (output) => /serving \S+ at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1], 170_000);
    stop = started.stop;
    const { home, url } = started;
    const output = started.output();
    expect(home, output.slice(-3000)).toContain('ToolRisk');
    expect(url).not.toBe('http://127.0.0.1:4321/');
    expect(output).toContain('port 4321 is in use; took the next free one');
    expect(output).toMatch(/classify: \d+ servers, [\d,]+ tools/);
    expect(output).toMatch(/toolrisk build: [\d,]+ pages, \d+ servers, [\d,]+ tools/);
    // a server page and the search index are served too
    const servers = await fetch(new URL('servers/', url)).then((response) => response.text());
    const first = /href="(\/servers\/[^"]+\/)"/.exec(servers)?.[1];
    expect(first).toBeDefined();
    expect((await fetch(new URL(first!, url))).status).toBe(200);
    expect((await fetch(new URL('search/names.json', url))).status).toBe(200);
    // the home page shows recent changes only when a crawl after a server's first changed a tool; else the newest servers
    const crawled = join(ROOT, 'data', 'crawled');
    const changed = readdirSync(crawled).some((file) => (JSON.parse(readFileSync(join(crawled, file), 'utf8')) as { history: unknown[] }).history.length > 1);
    expect(home.includes('id="recent">Recently changed'), 'recently changed').toBe(changed);
    expect(home.includes('id="newest">Newest servers'), 'newest servers').toBe(!changed);
  }, 180_000);
});
