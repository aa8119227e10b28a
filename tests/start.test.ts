// The README's first command: `npm start` classifies the data in the repository (no network, no
// keys), builds the site and serves it at http://localhost:4321. Run as a newcomer would.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, startUntilServing, tempDir } from './helpers.ts';

describe('npm start', () => {
  let stop: (() => Promise<void>) | undefined;
  let dir: Awaited<ReturnType<typeof tempDir>> | undefined;
  afterAll(async () => {
    await stop?.();
    await dir?.remove();
  });

  it('classifies, builds and serves the catalog from the data in the repository, offline', async () => {
    dir = await tempDir();
    // the build goes to a temporary folder; no key and no model are set
    const env = { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('OPENAI_'))), TOOLRISK_OUT_DIR: join(dir.path, 'dist') };
    const started = await startUntilServing('npm', ['start'], env, 'http://127.0.0.1:4321/', 170_000);
    stop = started.stop;
    const { home } = started;
    const output = started.output();
    expect(home, output.slice(-3000)).toContain('ToolRisk');
    expect(output).toMatch(/classify: \d+ servers, [\d,]+ tools/);
    expect(output).toMatch(/toolrisk build: [\d,]+ pages, \d+ servers, [\d,]+ tools/);
    // a server page and the search index are served too
    const servers = await fetch('http://127.0.0.1:4321/servers/').then((response) => response.text());
    const first = /href="(\/servers\/[^"]+\/)"/.exec(servers)?.[1];
    expect(first).toBeDefined();
    expect((await fetch(`http://127.0.0.1:4321${first}`)).status).toBe(200);
    expect((await fetch('http://127.0.0.1:4321/search/names.json')).status).toBe(200);
    // the home page shows recent changes only when a crawl after a server's first changed a tool; else the newest servers
    const crawled = join(ROOT, 'data', 'crawled');
    const changed = readdirSync(crawled).some((file) => (JSON.parse(readFileSync(join(crawled, file), 'utf8')) as { history: unknown[] }).history.length > 1);
    expect(home.includes('id="recent">Recently changed'), 'recently changed').toBe(changed);
    expect(home.includes('id="newest">Newest servers'), 'newest servers').toBe(!changed);
  }, 180_000);
});
