// `crawlIndex` over a real data folder: servers reached over HTTP on 127.0.0.1, over stdio through
// the real `npx -y` launch plan, and from a recorded file; incremental runs, --force, --only,
// --shard, history of changes, and bad entries that cost nothing else.
import { mkdir, readFile, writeFile, cp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlIndex, parseShard, shardOf } from '../../crawler/crawl.ts';
import { createProgress } from '../../crawler/progress.ts';
import { CrawlSnapshotSchema, IndexEntrySchema, type IndexEntry } from '../../data/schema.ts';
import { readRecord, writeRecord } from '../../data/serialize.ts';
import { checkDataFiles } from '../../data/lint.ts';
import { FIXTURES, QUIET_PROGRESS, startHttpFixture, tempDir, type RunningHttpFixture } from '../helpers.ts';


function remoteEntry(name: string, url: string, version = '1.0.0'): IndexEntry {
  return IndexEntrySchema.parse({
    server: { name, description: `fixture ${name}`, version, remotes: [{ type: 'streamable-http', url }] },
  });
}

async function writeEntry(dataDir: string, slug: string, entry: IndexEntry): Promise<void> {
  await writeRecord(join(dataDir, 'index', `${slug}.json`), IndexEntrySchema, entry);
}

const snapshotOf = (dataDir: string, slug: string) => readRecord(join(dataDir, 'crawled', `${slug}.json`), CrawlSnapshotSchema);

describe('toolrisk crawl', () => {
  let basic: RunningHttpFixture;
  let paginate: RunningHttpFixture;
  let data: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    [basic, paginate] = await Promise.all([startHttpFixture('basic'), startHttpFixture('paginate')]);
    data = await tempDir();
    await mkdir(join(data.path, 'index'), { recursive: true });
  });
  afterAll(async () => {
    await Promise.all([basic?.stop(), paginate?.stop(), data?.remove()]);
  });

  it('crawls every entry, records failures per server, and keeps going', async () => {
    await writeEntry(data.path, 'test.local__alpha', remoteEntry('test.local/alpha', basic.url));
    await writeEntry(data.path, 'test.local__beta', remoteEntry('test.local/beta', paginate.url));
    await writeEntry(data.path, 'test.local__dead', remoteEntry('test.local/dead', 'http://127.0.0.1:9/mcp'));
    await writeEntry(
      data.path,
      'test.local__nuget',
      IndexEntrySchema.parse({ server: { name: 'test.local/nuget', version: '1', packages: [{ registryType: 'nuget', identifier: 'X' }] } }),
    );
    await writeFile(join(data.path, 'index', 'broken.json'), '{ not json');
    const summary = await crawlIndex({ dataDir: data.path, progress: QUIET_PROGRESS, limits: { initializeMs: 15_000 } });
    expect(summary).toMatchObject({ ok: 2, failed: 2, skipped: 0, tools: 7 });
    expect(summary.errors).toHaveLength(1);
    expect(summary.errors[0]).toMatch(/broken\.json: not valid JSON/);
    const alpha = await snapshotOf(data.path, 'test.local__alpha');
    expect(alpha.status).toBe('ok');
    expect(alpha.tools.map((tool) => tool.name)).toEqual(['read_file', 'delete_file', 'run_command']);
    const dead = await snapshotOf(data.path, 'test.local__dead');
    expect(dead.status).toBe('failed');
    expect(dead.failure?.stage).toBe('initialize');
    const nuget = await snapshotOf(data.path, 'test.local__nuget');
    expect(nuget.failure).toEqual({ stage: 'plan', reason: 'package registry type "nuget" cannot be launched' });
    // every file written is in the serializer's form
    expect((await checkDataFiles(data.path)).problems.filter((problem) => !problem.includes('broken.json'))).toEqual([]);
  });

  it('skips servers whose entry version is unchanged, unless forced', async () => {
    const before = await readFile(join(data.path, 'crawled', 'test.local__alpha.json'), 'utf8');
    const again = await crawlIndex({ dataDir: data.path, progress: QUIET_PROGRESS, limits: { initializeMs: 15_000 } });
    expect(again).toMatchObject({ ok: 0, failed: 2, skipped: 2 });
    expect(await readFile(join(data.path, 'crawled', 'test.local__alpha.json'), 'utf8')).toBe(before);
    const forced = await crawlIndex({ dataDir: data.path, progress: QUIET_PROGRESS, force: true, only: ['test.local/alpha'] });
    expect(forced).toMatchObject({ ok: 1, failed: 0, skipped: 0 });
    const alpha = await snapshotOf(data.path, 'test.local__alpha');
    expect(alpha.history).toHaveLength(1); // same tools: no new history event
  });

  it('records tools added, removed and changed when a new version lists other tools', async () => {
    // alpha now points at the paginating server: all three old tools removed, four added
    await writeEntry(data.path, 'test.local__alpha', remoteEntry('test.local/alpha', paginate.url, '2.0.0'));
    const summary = await crawlIndex({ dataDir: data.path, progress: QUIET_PROGRESS, only: ['test.local__alpha'], now: () => new Date('2026-01-02T00:00:00Z') });
    expect(summary.ok).toBe(1);
    const alpha = await snapshotOf(data.path, 'test.local__alpha');
    expect(alpha.history).toHaveLength(2);
    const last = alpha.history[1]!;
    expect(last.date).toBe('2026-01-02T00:00:00.000Z');
    expect(last.added.map((tool) => tool.name)).toEqual(['page1_a', 'page1_b', 'page2_a', 'page3_a']);
    expect(last.removed.map((tool) => tool.name)).toEqual(['read_file', 'delete_file', 'run_command']);
    expect(last.changed).toEqual([]);
    expect(alpha.lastOkVersion).toBe('2.0.0');
  });

  it('keeps the last good tools when a re-crawl fails', async () => {
    await writeEntry(data.path, 'test.local__alpha', remoteEntry('test.local/alpha', 'http://127.0.0.1:9/mcp', '3.0.0'));
    await crawlIndex({ dataDir: data.path, progress: QUIET_PROGRESS, only: ['test.local/alpha'], limits: { initializeMs: 15_000 } });
    const alpha = await snapshotOf(data.path, 'test.local__alpha');
    expect(alpha.status).toBe('failed');
    expect(alpha.tools).toHaveLength(4);
    expect(alpha.lastOkVersion).toBe('2.0.0');
    expect(alpha.history).toHaveLength(2);
  });

  it('reports an --only name that matches nothing', async () => {
    const summary = await crawlIndex({ dataDir: data.path, progress: QUIET_PROGRESS, only: ['no/such'] });
    expect(summary.errors.join()).toMatch(/--only no\/such: no server/);
    expect(summary.ok + summary.failed + summary.skipped).toBe(0);
  });

  it('splits the index into stable shards that cover every server once', async () => {
    const slugs = Array.from({ length: 200 }, (_, i) => `ns.example__server-${i}`);
    const shards = slugs.map((slug) => shardOf(slug, 4));
    expect(new Set(shards)).toEqual(new Set([1, 2, 3, 4]));
    expect(slugs.map((slug) => shardOf(slug, 4))).toEqual(shards);
    expect(parseShard('2/4')).toEqual([2, 4]);
    expect(() => parseShard('5/4')).toThrow(/--shard must look like i\/n/);
    expect(() => parseShard('x')).toThrow(/--shard/);
    let crawled = 0;
    for (let shard = 1; shard <= 3; shard++) {
      const summary = await crawlIndex({ dataDir: data.path, progress: QUIET_PROGRESS, shard: [shard, 3], limits: { initializeMs: 15_000 } });
      crawled += summary.ok + summary.failed + summary.skipped;
    }
    expect(crawled).toBe(4);
  });
});

describe('launching a package through npx', () => {
  it('crawls a local npm package via the real `npx -y` plan with placeholder variables', async () => {
    const data = await tempDir();
    try {
      const packageDir = join(data.path, 'pkg');
      await cp(join(FIXTURES, 'npm-package'), packageDir, { recursive: true });
      // the copied wrapper imports the fixture server by absolute path
      await writeFile(join(packageDir, 'server.mjs'), `#!/usr/bin/env node\nprocess.argv.splice(2, 0, process.env.FIXTURE_MODE ?? 'basic');\nawait import(${JSON.stringify(join(FIXTURES, 'sdk-server.mjs'))});\n`);
      const entry = IndexEntrySchema.parse({
        server: {
          name: 'test.local/npm-fixture',
          version: '1.0.0',
          packages: [
            {
              registryType: 'npm',
              identifier: packageDir,
              transport: { type: 'stdio' },
              environmentVariables: [{ name: 'FIXTURE_MODE', isRequired: true }],
            },
          ],
        },
        crawl: { placeholders: { FIXTURE_MODE: 'paginate' } },
      });
      await writeEntry(data.path, 'test.local__npm-fixture', entry);
      const summary = await crawlIndex({ dataDir: data.path, progress: QUIET_PROGRESS, npmCache: join(data.path, 'npm-cache') });
      expect(summary).toMatchObject({ ok: 1, failed: 0 });
      const snapshot = await snapshotOf(data.path, 'test.local__npm-fixture');
      expect(snapshot.launch).toEqual({ kind: 'stdio', from: 'npm', command: 'npx', args: ['-y', packageDir], placeholderVariables: ['FIXTURE_MODE'], installs: true });
      expect(snapshot.tools.map((tool) => tool.name)).toEqual(['page1_a', 'page1_b', 'page2_a', 'page3_a']);
      expect(JSON.stringify(snapshot)).not.toContain('"paginate"'); // placeholder values stay out of the record
    } finally {
      await data.remove();
    }
  });
});

describe('progress display', () => {
  it('prints plain lines when output is not a terminal', () => {
    let text = '';
    const progress = createProgress(3, { write: (chunk: string) => (text += chunk), isTTY: false });
    progress.started('a');
    progress.finished('a', 'ok   a: 3 tools', true);
    progress.skipped('b', 'skip b');
    progress.finished('c', 'FAIL c', false);
    progress.close();
    expect(text).toBe('[1/3] ok   a: 3 tools\n[2/3] skip b\n[3/3] FAIL c\n');
  });

  it('keeps a live status line on a terminal', () => {
    let text = '';
    const saved = process.env.CI;
    delete process.env.CI;
    try {
      const progress = createProgress(2, { write: (chunk: string) => (text += chunk), isTTY: true });
      progress.started('server-a');
      expect(text).toContain('done 0, failed 0, skipped 0, remaining 2 · now: server-a');
      progress.finished('server-a', 'ok   server-a', true);
      expect(text).toContain('ok   server-a\ndone 1, failed 0, skipped 0, remaining 1');
    } finally {
      if (saved !== undefined) process.env.CI = saved;
    }
  });
});
