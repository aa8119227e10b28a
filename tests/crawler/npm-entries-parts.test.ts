// Why this file: tests/crawler/npm-entries.test.ts reaches `toolrisk add` (addNpmServers, npmView) only through a child
// process, so a mutation run saw none of it; these tests call the parts in-process (npm view runs the real npm client
// against a registry on 127.0.0.1, never the network).
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNpmServers, npmEntry, npmReason, npmView, parseCandidates, parsePackageSpec, placeholderFor, registryNameFor, type NpmCandidate, type NpmMetadata } from '../../crawler/npm-entries.ts';
import { loadIndex } from '../../crawler/index-files.ts';
import { IndexEntrySchema } from '../../data/schema.ts';
import { parseRecord, writeRecord } from '../../data/serialize.ts';
import { serverSlug } from '../../data/slug.ts';

const TODAY = '2026-11-23';
let root = '';
let folders = 0;
/** A fresh folder under this file's temp folder. */
const freshDir = () => join(root, `d${++folders}`);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'toolrisk-npm-entries-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('package specs, placeholders and candidate files', () => {
  it('quotes at most 200 characters of a spec and 60 of a version in its refusal', () => {
    const badName = `!${'x'.repeat(300)}`;
    expect(() => parsePackageSpec(badName)).toThrow(`"${badName.slice(0, 200)}" is not an npm package name`);
    const badVersion = `acme@${'9'.repeat(300)}`;
    let message = '';
    try {
      parsePackageSpec(badVersion);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/the version must be exact .*got "9{60}"$/);
    expect(message).not.toContain('9'.repeat(200));
  });

  it('gives a host, a port, a folder or a URL placeholder only to a name that ends in one', () => {
    expect(placeholderFor('HOST')).toBe('127.0.0.1');
    expect(placeholderFor('PORT')).toBe('9');
    expect(placeholderFor('ENDPOINT_TIMEOUT')).toBe('toolrisk-placeholder');
    expect(placeholderFor('SERVER_NAME')).toBe('toolrisk-placeholder');
    expect(placeholderFor('PORT_MAPPING')).toBe('toolrisk-placeholder');
    expect(placeholderFor('ROOT_PASSWORD')).toBe('toolrisk-placeholder');
  });

  it('skips blank lines made of spaces and indented comments in a candidate file', () => {
    const { candidates, errors } = parseCandidates('list.jsonl', ['   ', '  # indented note', '\t', '{"package":"a-mcp"}'].join('\n'));
    expect(errors).toEqual([]);
    expect(candidates).toEqual([{ package: 'a-mcp' }]);
  });
});

describe('registry names', () => {
  it('reads an http GitHub URL as a GitHub owner too', () => {
    expect(registryNameFor('tools-mcp', 'http://github.com/acme/tools', new Set())).toBe('io.github.acme/tools-mcp');
  });

  it('lower-cases a name, turns each run of other characters into one dash, drops leading punctuation, and falls back to "server"', () => {
    expect(registryNameFor('--Acme  Tools!', undefined, new Set())).toBe('npm/acme-tools-');
    expect(registryNameFor('!!!', undefined, new Set())).toBe('npm/server');
  });

  it('keeps the longest npm package name within the 200 characters a registry name may have', () => {
    const long = `mcp-${'x'.repeat(210)}`;
    const entry = npmEntry({ package: long }, { name: long, version: '1.0.0' }, new Set(), TODAY);
    expect(entry.server.name).toBe(`npm/${long.slice(0, 100)}`);
  });
});

describe('entries made from npm metadata', () => {
  const entryFor = (meta: Partial<NpmMetadata>, candidate: Partial<NpmCandidate> = {}) =>
    npmEntry({ package: 'tools-mcp', ...candidate }, { name: 'tools-mcp', version: '1.0.0', ...meta }, new Set(), TODAY);

  it('makes a bare entry for a package with no repository, homepage or description', () => {
    expect(entryFor({})).toStrictEqual({
      server: {
        name: 'npm/tools-mcp',
        description: '',
        version: '1.0.0',
        packages: [{ registryType: 'npm', identifier: 'tools-mcp', version: '1.0.0', transport: { type: 'stdio' } }],
      },
      crawl: { origin: { kind: 'npm', addedAt: TODAY } },
    });
  });

  it("reads npm's repository shorthands and git URLs as https URLs", () => {
    const github = { url: 'https://github.com/acme/tools', source: 'github' };
    expect(entryFor({ repository: 'github:acme/tools' }).server.repository).toEqual(github);
    expect(entryFor({ repository: 'acme/tools' }).server.repository).toEqual(github);
    expect(entryFor({ repository: 'acme/tools' }).server.name).toBe('io.github.acme/tools-mcp');
    expect(entryFor({ repository: { url: 'git://github.com/acme/tools.git' } }).server.repository).toEqual(github);
    expect(entryFor({ repository: { url: 'git+ssh://git@github.com/acme/tools.git' } }).server.repository).toEqual(github);
    expect(entryFor({ repository: { url: 'https://github.com/acme/acme.github.io' } }).server.repository).toEqual({ url: 'https://github.com/acme/acme.github.io', source: 'github' });
  });

  it('keeps a repository elsewhere as it is, and leaves out one that is not a URL', () => {
    const gitlab = entryFor({ repository: { url: 'https://gitlab.com/acme/tools' } }).server;
    expect(gitlab.repository).toEqual({ url: 'https://gitlab.com/acme/tools' });
    expect(gitlab.name).toBe('npm/tools-mcp');
    expect(entryFor({ repository: 'http://example.com/acme/tools' }).server.repository).toEqual({ url: 'http://example.com/acme/tools' });
    expect(entryFor({ repository: 'acme/tools/packages/server' }).server.repository).toBeUndefined();
    expect(entryFor({ repository: 'gitlab:acme/tools' }).server.repository).toBeUndefined();
  });

  it("rewrites only a URL's leading git prefixes, and takes GitHub from the host, not from a path that names it", () => {
    // (a prefix further on is part of the address: a mirror's path, a key server's)
    for (const url of ['https://example.com/mirrors/git+tools', 'https://example.com/archive/git://tools', 'https://example.com/keys/ssh://git@tools']) {
      expect(entryFor({ repository: { url } }).server.repository).toEqual({ url });
    }
    // a repository elsewhere whose path says github.com, or holds a whole GitHub URL, gets neither the GitHub source nor
    // a GitHub owner's namespace
    for (const url of ['https://evil.example/github.com/acme/tools', 'https://evil.example/go/https://github.com/acme/tools']) {
      const spoofed = entryFor({ repository: { url } }).server;
      expect(spoofed.repository).toEqual({ url });
      expect(spoofed.name).toBe('npm/tools-mcp');
      expect(registryNameFor('tools-mcp', url, new Set())).toBe('npm/tools-mcp');
    }
    expect(entryFor({ repository: { url: 'https://www.github.com/acme/tools' } }).server.repository).toEqual({ url: 'https://www.github.com/acme/tools', source: 'github' });
    expect(entryFor({ repository: { url: 'http://github.com/acme/tools' } }).server.repository).toEqual({ url: 'http://github.com/acme/tools', source: 'github' });
  });

  it('leaves out a repository or homepage that only holds a web address further on (a javascript: link)', () => {
    expect(entryFor({ repository: 'javascript:alert(1)//https://github.com/acme/tools' }).server.repository).toBeUndefined();
    expect(entryFor({ repository: { url: 'javascript:alert(1)//https://github.com/acme/tools' } }).server.name).toBe('npm/tools-mcp');
    expect('websiteUrl' in entryFor({ homepage: 'javascript:alert(1)//https://acme.example' }).server).toBe(false);
  });

  it('keeps the description, cut at 2000 characters, and a homepage only when it is a web address', () => {
    expect(entryFor({ description: 'Acme tools' }).server.description).toBe('Acme tools');
    expect(entryFor({ description: 'd'.repeat(3000) }).server.description).toBe('d'.repeat(2000));
    expect(entryFor({ homepage: 'https://acme.example' }).server.websiteUrl).toBe('https://acme.example');
    expect(entryFor({ homepage: 'http://acme.example' }).server.websiteUrl).toBe('http://acme.example');
    expect('websiteUrl' in entryFor({ homepage: 'acme.example/tools' }).server).toBe(false);
  });

  it('refuses a variable name that is not one, quoting at most 80 characters of it', () => {
    expect(() => entryFor({}, { env: ['MY-TOKEN'] })).toThrow('tools-mcp: "MY-TOKEN" is not an environment variable name');
    const long = `A-${'B'.repeat(150)}`;
    expect(() => entryFor({}, { env: [long] })).toThrow(`"${long.slice(0, 80)}" is not an environment variable name`);
  });

  it('records the bin to run', () => {
    expect(entryFor({}, { bin: 'tools-server' }).crawl.bin).toBe('tools-server');
  });
});

describe("entries made from a repository's server.json", () => {
  const meta = { name: 'acme-weather', version: '1.4.0' };
  const serverJson = (packages: unknown[] | undefined) => ({ name: 'io.github.acme/weather', description: 'Forecasts', version: '1.0.0', ...(packages ? { packages } : {}) });

  it('gives placeholders to required variables only, and a value chosen by hand wins', () => {
    const variables = [
      { name: 'WEATHER_KEY', isRequired: true, isSecret: true },
      { name: 'WEATHER_HOST', isRequired: true },
      { name: 'WEATHER_UNITS', isRequired: false },
      { name: 'WEATHER_LANG' },
    ];
    const entry = npmEntry(
      { package: 'acme-weather', serverJson: serverJson([{ registryType: 'npm', identifier: 'acme-weather', environmentVariables: variables }]), placeholders: { WEATHER_KEY: 'by-hand' } },
      meta,
      new Set(),
      TODAY,
    );
    expect(entry.crawl.placeholders).toEqual({ WEATHER_KEY: 'by-hand', WEATHER_HOST: '127.0.0.1' });
  });

  it("uses the candidate's variables when the server.json lists none", () => {
    const entry = npmEntry({ package: 'acme-weather', env: ['WEATHER_KEY'], serverJson: serverJson([{ registryType: 'npm', identifier: 'acme-weather' }]) }, meta, new Set(), TODAY);
    expect(entry.server.packages).toEqual([{ registryType: 'npm', identifier: 'acme-weather', version: '1.4.0', environmentVariables: [{ name: 'WEATHER_KEY', isRequired: true, isSecret: true }] }]);
    expect(entry.crawl.placeholders).toEqual({ WEATHER_KEY: 'toolrisk-placeholder' });
  });

  it('refuses a server.json with no packages, or whose package of that name is not on npm', () => {
    expect(() => npmEntry({ package: 'acme-weather', serverJson: serverJson(undefined) }, meta, new Set(), TODAY)).toThrow('acme-weather: its server.json lists no npm package named acme-weather');
    const pypi = serverJson([{ registryType: 'pypi', identifier: 'acme-weather' }]);
    expect(() => npmEntry({ package: 'acme-weather', serverJson: pypi }, meta, new Set(), TODAY)).toThrow(/lists no npm package named acme-weather/);
  });

  it('says where an invalid server.json came from, or that it was given', () => {
    expect(() => npmEntry({ package: 'acme-weather', serverJson: { name: 7 } }, meta, new Set(), TODAY)).toThrow(/^acme-weather: its server\.json \(given\) is not valid:\n/);
    expect(() => npmEntry({ package: 'acme-weather', serverJson: { name: 7 }, serverJsonFrom: 'acme/weather/server.json' }, meta, new Set(), TODAY)).toThrow(
      /^acme-weather: its server\.json \(acme\/weather\/server\.json\) is not valid:\n/,
    );
  });
});

/** The metadata npm would give, through the `view` option addNpmServers takes; records what was asked and how much at once. */
function viewFrom(table: Record<string, NpmMetadata>, ticks: Record<string, number> = {}) {
  const asked: string[] = [];
  let inFlight = 0;
  let most = 0;
  const view = async (name: string, version: string | undefined): Promise<NpmMetadata> => {
    asked.push(version ? `${name}@${version}` : name);
    most = Math.max(most, ++inFlight);
    for (let i = 0; i < (ticks[name] ?? 1); i++) await new Promise((done) => setImmediate(done));
    inFlight--;
    const meta = table[name];
    if (!meta) throw new Error(`${name}@${version ?? 'latest'}: npm view failed: not found on npm`);
    return version ? { ...meta, version } : meta;
  };
  return { view, asked, most: () => most };
}

async function writeIndexEntry(dataDir: string, entry: unknown): Promise<void> {
  const parsed = IndexEntrySchema.parse(entry);
  await writeRecord(join(dataDir, 'index', `${serverSlug(parsed.server.name)}.json`), IndexEntrySchema, parsed);
}

describe('adding npm servers to an index', () => {
  it('leaves indexed npm packages alone, names each refusal, and writes the rest without reusing a name', async () => {
    const dataDir = freshDir();
    await writeIndexEntry(dataDir, { server: { name: 'io.example/weather', packages: [{ registryType: 'npm', identifier: 'weather-mcp', version: '0.1.0' }] } });
    await writeIndexEntry(dataDir, { server: { name: 'io.github.acme/acme-tools', packages: [{ registryType: 'pypi', identifier: 'acme-pytools', version: '1.0.0' }] } });
    await writeIndexEntry(dataDir, { server: { name: 'io.example/remote', remotes: [{ type: 'streamable-http', url: 'https://mcp.example/mcp' }] } });
    const { view, asked } = viewFrom({
      '@acme/tools': { name: '@acme/tools', version: '3.1.0', repository: { url: 'git+https://github.com/acme/tools.git' } },
      'weather-mcp': { name: 'weather-mcp', version: '0.2.0' },
      'acme-tools': { name: 'acme-tools', version: '1.0.0', repository: 'github:acme/acme-tools' },
      'acme-pytools': { name: 'acme-pytools', version: '0.3.0' },
      'renamed-mcp': { name: 'other-mcp', version: '1.0.0' },
      'acme-json': { name: 'acme-json', version: '2.0.0' },
    });
    const candidates: NpmCandidate[] = [
      { package: 'Bad Name!' },
      { package: '@acme/tools', env: ['ACME_TOKEN'] },
      { package: 'weather-mcp' },
      { package: 'acme-weather', version: '^1.0.0' },
      { package: 'acme-tools', version: '1.2.0' },
      { package: 'acme-pytools' },
      { package: 'vanished-mcp' },
      { package: 'renamed-mcp' },
      { package: 'acme-json', serverJson: { name: 'io.example/weather', packages: [{ registryType: 'npm', identifier: 'acme-json' }] } },
    ];
    const logged: string[] = [];
    const result = await addNpmServers(candidates, dataDir, { today: TODAY, view, log: (line) => logged.push(line) });

    expect(asked).toEqual(['@acme/tools', 'acme-tools@1.2.0', 'acme-pytools', 'vanished-mcp', 'renamed-mcp', 'acme-json']);
    expect(result).toEqual({
      written: [
        { name: 'io.github.acme/acme-tools-npm', package: '@acme/tools', version: '3.1.0' },
        { name: 'npm/acme-pytools', package: 'acme-pytools', version: '0.3.0' },
      ],
      skipped: ['weather-mcp'],
      errors: [
        '"Bad Name!" is not an npm package name',
        expect.stringMatching(/^"acme-weather@\^1\.0\.0": the version must be exact/),
        'acme-tools: the name io.github.acme/acme-tools-npm is already in the index',
        'vanished-mcp@latest: npm view failed: not found on npm',
        'renamed-mcp: npm answered for another package (other-mcp)',
        'acme-json: the name io.example/weather is already in the index',
      ],
    });
    expect(logged).toEqual(['added io.github.acme/acme-tools-npm (@acme/tools@3.1.0)', 'added npm/acme-pytools (acme-pytools@0.3.0)']);

    const index = await loadIndex(join(dataDir, 'index'));
    expect(index.errors).toEqual([]);
    expect(index.items.map((item) => item.entry.server.name).sort()).toEqual(['io.example/remote', 'io.example/weather', 'io.github.acme/acme-tools', 'io.github.acme/acme-tools-npm', 'npm/acme-pytools']);
    const file = join(dataDir, 'index', 'io.github.acme__acme-tools-npm.json');
    const written = parseRecord(file, await readFile(file, 'utf8'), IndexEntrySchema);
    expect(written.server.packages![0]).toMatchObject({ identifier: '@acme/tools', version: '3.1.0' });
    expect(written.crawl).toEqual({ placeholders: { ACME_TOKEN: 'toolrisk-placeholder' }, origin: { kind: 'npm', addedAt: TODAY } });
  });

  it('adds a package listed twice once, and counts the second as already indexed', async () => {
    const dataDir = freshDir();
    const { view, asked } = viewFrom({ 'dup-mcp': { name: 'dup-mcp', version: '1.0.0' } });
    const result = await addNpmServers([{ package: 'dup-mcp' }, { package: 'dup-mcp', version: '1.0.0' }], dataDir, { today: TODAY, view });
    expect(asked).toEqual(['dup-mcp']);
    expect(result).toEqual({ written: [{ name: 'npm/dup-mcp', package: 'dup-mcp', version: '1.0.0' }], skipped: ['dup-mcp'], errors: [] });
    expect((await loadIndex(join(dataDir, 'index'))).items.map((item) => item.entry.server.name)).toEqual(['npm/dup-mcp']);
  });

  it('asks npm about several packages at once, up to the concurrency, and writes in the candidates’ order', async () => {
    const table = Object.fromEntries(['a-mcp', 'b-mcp', 'c-mcp', 'd-mcp'].map((name) => [name, { name, version: '1.0.0' }]));
    const candidates = Object.keys(table).map((name) => ({ package: name }));
    // the last candidate's answer comes first
    const ticks = { 'a-mcp': 8, 'b-mcp': 6, 'c-mcp': 4, 'd-mcp': 2 };
    const two = viewFrom(table, ticks);
    const paired = await addNpmServers(candidates, freshDir(), { today: TODAY, view: two.view, concurrency: 2 });
    expect(two.most()).toBe(2);
    expect(paired.written.map((item) => item.package)).toEqual(['a-mcp', 'b-mcp', 'c-mcp', 'd-mcp']);
    const all = viewFrom(table, ticks);
    const together = await addNpmServers(candidates, freshDir(), { today: TODAY, view: all.view });
    expect(all.most()).toBe(4);
    expect(together.written.map((item) => item.name)).toEqual(['npm/a-mcp', 'npm/b-mcp', 'npm/c-mcp', 'npm/d-mcp']);
  });

  it("dates an entry today when no date is given, and needs no log", async () => {
    const before = new Date().toISOString().slice(0, 10);
    const dataDir = freshDir();
    const { view } = viewFrom({ 'a-mcp': { name: 'a-mcp', version: '1.0.0' } });
    const result = await addNpmServers([{ package: 'a-mcp' }], dataDir, { view });
    const after = new Date().toISOString().slice(0, 10);
    expect(result).toEqual({ written: [{ name: 'npm/a-mcp', package: 'a-mcp', version: '1.0.0' }], skipped: [], errors: [] });
    const file = join(dataDir, 'index', 'npm__a-mcp.json');
    const entry = parseRecord(file, await readFile(file, 'utf8'), IndexEntrySchema);
    expect([before, after]).toContain(entry.crawl.origin!.addedAt);
  });
});

describe("npm view's JSON error, read", () => {
  // (the real npm client, below, only ever answers with E404 and its own summaries; the other shapes its --json error
  // can take, from other npm versions or an install, are read here)
  it('names the two common reasons by their code, whatever the summary says', () => {
    expect(npmReason(JSON.stringify({ error: { code: 'ETARGET', summary: 'No matching version found for acme@9.9.9.' } }))).toBe('no such version on npm');
    expect(npmReason(JSON.stringify({ error: { code: 'E404', summary: 'No match found for version 9.9.9' } }))).toBe('no such version on npm');
    expect(npmReason(JSON.stringify({ error: { code: 'E404', summary: "'missing-mcp@latest' is not in this registry." } }))).toBe('not found on npm');
    expect(npmReason(JSON.stringify({ error: { code: 'E404' } }))).toBe('not found on npm');
    // (only an E404 says "no match" for a missing version; the same words under another code are that code's summary)
    expect(npmReason(JSON.stringify({ error: { code: 'E500', summary: 'No match found for version 9.9.9' } }))).toBe('No match found for version 9.9.9');
  });

  it("gives another error's summary trimmed, and nothing when there is no usable summary or no JSON error", () => {
    expect(npmReason(JSON.stringify({ error: { code: 'E500', summary: '  the registry is down \n' } }))).toBe('the registry is down');
    for (const stdout of [JSON.stringify({ error: { code: 'E500', summary: '   ' } }), JSON.stringify({ error: { code: 'E500', summary: 5 } }), JSON.stringify({ error: { code: 'E500' } }), JSON.stringify({ error: 'down' }), JSON.stringify({ error: null }), JSON.stringify({ name: 'acme' }), 'null', '', 'npm ERR! not JSON']) {
      expect(npmReason(stdout), stdout).toBeUndefined();
    }
  });
});

describe('npm view, with the real npm client and a registry on 127.0.0.1', () => {
  let registry: Server;
  const saved: Record<string, string | undefined> = {};
  const SETTINGS = ['npm_config_registry', 'npm_config_cache', 'npm_config_fetch_retries', 'npm_config_update_notifier', 'npm_config_logs_dir', 'npm_config_toolrisk_unknown_setting', 'npm_config_loglevel'];
  const version = (name: string, number: string, extra: Record<string, unknown> = {}) => ({ name, version: number, dist: { tarball: `http://127.0.0.1/${name}-${number}.tgz`, shasum: '0' }, ...extra });
  const packument = (name: string, latest: string, versions: Record<string, unknown>[]) => ({
    _id: name,
    name,
    'dist-tags': { latest },
    versions: Object.fromEntries(versions.map((item) => [item.version as string, item])),
  });
  const full = { description: 'Forecasts', homepage: 'https://weather.example', repository: { type: 'git', url: 'git+https://github.com/acme/weather.git' }, bin: { 'acme-weather': 'cli.js' } };
  const PACKAGES: Record<string, unknown> = {
    '/acme-weather': packument('acme-weather', '2.0.0', [version('acme-weather', '1.0.0'), version('acme-weather', '1.1.0', full), version('acme-weather', '1.2.0'), version('acme-weather', '2.0.0')]),
    // a version without a version field, and one whose name is not a string
    '/no-version': { _id: 'no-version', name: 'no-version', 'dist-tags': { latest: '1.0.0' }, versions: { '1.0.0': { name: 'no-version', description: 'broken', dist: { tarball: 'http://127.0.0.1/x.tgz' } } } },
    '/odd-name': packument('odd-name', '1.0.0', [{ ...version('odd-name', '1.0.0'), name: 5 }]),
    '/big': packument('big', '1.0.0', [version('big', '1.0.0', { description: 'b'.repeat(2 * 1024 * 1024) })]),
    '/huge': packument('huge', '1.0.0', [version('huge', '1.0.0', { description: 'h'.repeat(9 * 1024 * 1024) })]),
  };
  const BODIES = new Map(Object.entries(PACKAGES).map(([path, body]) => [path, JSON.stringify(body)]));

  beforeAll(async () => {
    registry = createServer((request, response) => {
      if (request.url === '/failing') {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: `the registry is down ${'d'.repeat(400)}` }));
        return;
      }
      const body = BODIES.get(request.url ?? '');
      response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      response.end(body ?? JSON.stringify({ error: 'not found' }));
    });
    await new Promise<void>((done) => registry.listen(0, '127.0.0.1', done));
    for (const name of SETTINGS) saved[name] = process.env[name];
    process.env.npm_config_registry = `http://127.0.0.1:${(registry.address() as { port: number }).port}/`;
    process.env.npm_config_cache = join(root, 'npm-cache');
    process.env.npm_config_fetch_retries = '0';
    process.env.npm_config_update_notifier = 'false';
  });
  afterAll(async () => {
    for (const name of SETTINGS) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    await new Promise<void>((done) => registry.close(() => done()));
  });

  it('returns the metadata of the version asked for, not the latest', { timeout: 60_000 }, async () => {
    expect(await npmView('acme-weather', '1.1.0')).toEqual({ name: 'acme-weather', version: '1.1.0', ...full });
  });

  it('takes the last version when npm answers with several', { timeout: 60_000 }, async () => {
    expect(await npmView('acme-weather', '1.x')).toEqual({ name: 'acme-weather', version: '1.2.0' });
  });

  it('reads metadata of a few megabytes', { timeout: 60_000 }, async () => {
    const meta = await npmView('big', undefined);
    expect(meta.description).toHaveLength(2 * 1024 * 1024);
  });

  it('says a package npm does not know is not found, naming the latest version asked for', { timeout: 60_000 }, async () => {
    await expect(npmView('missing-mcp', undefined)).rejects.toThrow('missing-mcp@latest: npm view failed: not found on npm');
  });

  it('says a version the package does not have is no such version (npm view answers it with E404 too)', { timeout: 60_000 }, async () => {
    await expect(npmView('acme-weather', '9.9.9')).rejects.toThrow(/^acme-weather@9\.9\.9: npm view failed: no such version on npm$/);
  });

  it('refuses an answer without a string name and version', { timeout: 60_000 }, async () => {
    const [noVersion, oddName] = await Promise.allSettled([npmView('no-version', undefined), npmView('odd-name', undefined)]);
    expect(noVersion).toMatchObject({ status: 'rejected', reason: { message: 'no-version@latest: npm view did not return package metadata (no name or version)' } });
    expect(oddName).toMatchObject({ status: 'rejected', reason: { message: 'odd-name@latest: npm view did not return package metadata (no name or version)' } });
  });

  it("gives npm's own words for another failure, not the line naming its log file, cut at 300 characters", { timeout: 60_000 }, async () => {
    const error = await npmView('failing', undefined).then(
      () => undefined,
      (reason: unknown) => reason as Error,
    );
    const prefix = 'failing@latest: npm view failed: ';
    expect(error?.message).toMatch(/^failing@latest: npm view failed: 500 Internal Server Error - GET http:\/\/127\.0\.0\.1:\d+\/failing - the registry is down d+$/);
    expect(error!.message).toHaveLength(prefix.length + 300);
  });

  it("gives the failure itself, not npm's warnings, when npm printed nothing else", { timeout: 60_000 }, async () => {
    // an unknown setting makes npm warn first; an answer over 8 MB then stops it before it says more
    process.env.npm_config_toolrisk_unknown_setting = '1';
    try {
      await expect(npmView('huge', undefined)).rejects.toThrow(/^huge@latest: npm view failed: stdout maxBuffer length exceeded$/);
    } finally {
      delete process.env.npm_config_toolrisk_unknown_setting;
    }
  });

  it('says a package or a version is not found, or why npm failed, when npm is silent on stderr (as under `npm run -s`)', { timeout: 60_000 }, async () => {
    process.env.npm_config_loglevel = 'silent';
    try {
      await expect(npmView('missing-mcp', undefined)).rejects.toThrow(/^missing-mcp@latest: npm view failed: not found on npm$/);
      await expect(npmView('acme-weather', '9.9.9')).rejects.toThrow(/^acme-weather@9\.9\.9: npm view failed: no such version on npm$/);
      await expect(npmView('failing', undefined)).rejects.toThrow(/^failing@latest: npm view failed: 500 Internal Server Error - GET /);
    } finally {
      delete process.env.npm_config_loglevel;
    }
  });

  it('adds an entry with what npm says when no view is given', { timeout: 60_000 }, async () => {
    const dataDir = freshDir();
    const result = await addNpmServers([{ package: 'acme-weather', version: '1.1.0', env: ['WEATHER_API_KEY'] }], dataDir, { today: TODAY });
    expect(result).toEqual({ written: [{ name: 'io.github.acme/acme-weather', package: 'acme-weather', version: '1.1.0' }], skipped: [], errors: [] });
    const file = join(dataDir, 'index', 'io.github.acme__acme-weather.json');
    const entry = parseRecord(file, await readFile(file, 'utf8'), IndexEntrySchema);
    expect(entry.server).toMatchObject({ description: 'Forecasts', websiteUrl: 'https://weather.example', repository: { url: 'https://github.com/acme/weather', source: 'github' } });
  });
});
