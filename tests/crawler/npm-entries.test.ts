// `toolrisk add`: index entries for npm MCP servers, from the npm registry's metadata. The CLI runs
// the real npm client against a registry-shaped HTTP server on 127.0.0.1 (npm_config_registry).
import { createServer, type Server } from 'node:http';
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmEntry, parseCandidates, parsePackageSpec, placeholderFor, registryNameFor } from '../../crawler/npm-entries.ts';
import { IndexEntrySchema } from '../../data/schema.ts';
import { parseRecord, serializeRecord, writeRecord } from '../../data/serialize.ts';
import { tempDir, toolriskWithEnv } from '../helpers.ts';

describe('entries made from npm metadata', () => {
  it('names an entry after its GitHub owner and the whole package name, scope included', () => {
    expect(registryNameFor('@acme/mcp', 'https://github.com/Acme-Corp/tools', new Set())).toBe('io.github.acme-corp/acme-mcp');
    expect(registryNameFor('weather-mcp', 'https://github.com/someone/weather', new Set())).toBe('io.github.someone/weather-mcp');
    // no GitHub repository: the npm namespace
    expect(registryNameFor('@acme/mcp', 'https://gitlab.com/acme/mcp', new Set())).toBe('npm/acme-mcp');
    expect(registryNameFor('lonely-mcp', undefined, new Set())).toBe('npm/lonely-mcp');
    // a name in use is not reused
    expect(registryNameFor('weather-mcp', 'https://github.com/someone/weather', new Set(['io.github.someone/weather-mcp']))).toBe('io.github.someone/weather-mcp-npm');
  });

  it('makes placeholders by what a variable holds, never anything that could be a secret', () => {
    expect(placeholderFor('GITLAB_API_URL')).toBe('http://127.0.0.1:9');
    expect(placeholderFor('DB_HOST')).toBe('127.0.0.1');
    expect(placeholderFor('REDIS_PORT')).toBe('9');
    expect(placeholderFor('PROJECT_ROOT')).toBe('{workdir}');
    expect(placeholderFor('SMTP_EMAIL')).toBe('placeholder@example.com');
    expect(placeholderFor('STRIPE_SECRET_KEY')).toBe('toolrisk-placeholder');
  });

  it('takes only package names and exact versions to npm', () => {
    expect(parsePackageSpec('@acme/mcp@1.2.3')).toEqual({ package: '@acme/mcp', version: '1.2.3' });
    expect(parsePackageSpec('@acme/mcp')).toEqual({ package: '@acme/mcp' });
    expect(() => parsePackageSpec('weather@^1.0.0')).toThrow(/must be exact/);
    expect(() => parsePackageSpec('git+https://example.com/x.git')).toThrow(/not an npm package name/);
    expect(() => parsePackageSpec('../../etc')).toThrow(/not an npm package name/);
  });

  it('records the package, exact version, required variables as placeholders, and where the entry came from', () => {
    const entry = npmEntry(
      { package: '@acme/mcp', env: ['ACME_TOKEN', 'ACME_URL'], arguments: ['{workdir}'], downloadsPerMonth: 1234 },
      { name: '@acme/mcp', version: '2.0.1', description: 'Acme tools', repository: { url: 'git+https://github.com/acme/mcp.git', directory: 'packages/mcp' } },
      new Set(),
      '2026-11-23',
    );
    expect(entry.server).toMatchObject({ name: 'io.github.acme/acme-mcp', version: '2.0.1', repository: { url: 'https://github.com/acme/mcp', source: 'github', subfolder: 'packages/mcp' } });
    expect(entry.server.packages![0]).toMatchObject({ registryType: 'npm', identifier: '@acme/mcp', version: '2.0.1' });
    expect(entry.server.packages![0]!.environmentVariables).toEqual([
      { name: 'ACME_TOKEN', isRequired: true, isSecret: true },
      { name: 'ACME_URL', isRequired: true },
    ]);
    expect(entry.crawl).toEqual({
      placeholders: { ACME_TOKEN: 'toolrisk-placeholder', ACME_URL: 'http://127.0.0.1:9' },
      arguments: ['{workdir}'],
      origin: { kind: 'npm', addedAt: '2026-11-23', downloadsPerMonth: 1234 },
    });
  });

  it("uses the repository's own server.json, at the version crawled, and refuses one for another package", () => {
    const serverJson = {
      name: 'io.github.acme/weather',
      title: 'Acme Weather',
      description: 'Forecasts',
      version: '1.0.0',
      packages: [{ registryType: 'npm', identifier: 'acme-weather', version: '1.0.0', environmentVariables: [{ name: 'WEATHER_KEY', isRequired: true, isSecret: true }] }],
    };
    const entry = npmEntry({ package: 'acme-weather', serverJson, serverJsonFrom: 'acme/weather/server.json' }, { name: 'acme-weather', version: '1.4.0' }, new Set(), '2026-11-23');
    expect(entry.server).toMatchObject({ name: 'io.github.acme/weather', title: 'Acme Weather', version: '1.4.0' });
    expect(entry.server.packages![0]!.version).toBe('1.4.0');
    expect(entry.crawl.placeholders).toEqual({ WEATHER_KEY: 'toolrisk-placeholder' });
    expect(entry.crawl.origin).toEqual({ kind: 'server.json', addedAt: '2026-11-23', detail: 'acme/weather/server.json' });
    expect(() => npmEntry({ package: 'other', serverJson }, { name: 'other', version: '1.0.0' }, new Set(), '2026-11-23')).toThrow(/no npm package named other/);
    expect(() => npmEntry({ package: 'acme-weather', serverJson: { name: 7 } }, { name: 'acme-weather', version: '1.0.0' }, new Set(), '2026-11-23')).toThrow(/acme-weather: its server.json .* is not valid/s);
  });

  it('names the line of a candidate file that is not JSON or not a candidate, and keeps the rest', () => {
    const { candidates, errors } = parseCandidates('list.jsonl', ['# popular servers', '{"package":"a-mcp","env":["A_KEY"]}', '{not json', '', '{"package":"b-mcp","surprise":1}', '{"package":"c-mcp","version":"1.0.0"}'].join('\n'));
    expect(candidates.map((c) => c.package)).toEqual(['a-mcp', 'c-mcp']);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^list\.jsonl:3: not JSON/);
    expect(errors[1]).toMatch(/^list\.jsonl:5: not a candidate/);
  });
});

describe('toolrisk add, with the real npm client and a registry on 127.0.0.1', () => {
  let registry: Server;
  let url = '';
  const requests: string[] = [];
  const packument = (name: string, version: string, extra: Record<string, unknown> = {}) => ({
    _id: name,
    name,
    'dist-tags': { latest: version },
    versions: { [version]: { name, version, description: `The ${name} server`, bin: { [name.split('/').pop()!]: 'index.js' }, dist: { tarball: `http://127.0.0.1/${name}.tgz`, shasum: '0' }, ...extra } },
    time: { [version]: '2026-01-01T00:00:00.000Z' },
  });
  const PACKAGES: Record<string, unknown> = {
    '/@acme%2fmcp': packument('@acme/mcp', '3.1.0', { repository: { type: 'git', url: 'git+https://github.com/acme/mcp.git' } }),
    '/weather-mcp': packument('weather-mcp', '0.2.0', { homepage: 'https://weather.example' }),
  };

  beforeAll(async () => {
    registry = createServer((request, response) => {
      requests.push(request.url ?? '');
      const body = PACKAGES[(request.url ?? '').replace('@acme/mcp', '@acme%2fmcp')];
      response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body ?? { error: 'not found' }));
    });
    await new Promise<void>((done) => registry.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(registry.address() as { port: number }).port}/`;
  });
  afterAll(() => new Promise<void>((done) => registry.close(() => done())));

  it('writes an entry per package through the serializer, leaves indexed packages alone, and names the ones npm does not know', async () => {
    const dir = await tempDir();
    try {
      await mkdir(join(dir.path, 'index'), { recursive: true });
      const indexed = IndexEntrySchema.parse({ server: { name: 'io.example/weather', packages: [{ registryType: 'npm', identifier: 'weather-mcp', version: '0.1.0' }] } });
      await writeRecord(join(dir.path, 'index', 'io.example__weather.json'), IndexEntrySchema, indexed);
      const list = join(dir.path, 'list.jsonl');
      const lines = [{ package: '@acme/mcp', env: ['ACME_TOKEN'], downloadsPerMonth: 5000 }, { package: 'weather-mcp' }, { package: 'missing-mcp' }];
      await writeFile(list, lines.map((line) => JSON.stringify(line)).join('\n'));
      const run = await toolriskWithEnv({ npm_config_registry: url, npm_config_cache: join(dir.path, 'npm-cache') }, 'add', '--from', list, '--data', dir.path);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/missing-mcp@latest: npm view failed: not found on npm/);
      expect(run.stderr).toMatch(/already indexed, left alone: weather-mcp/);
      expect(run.stderr).toMatch(/add: 1 entries written/);
      expect((await readdir(join(dir.path, 'index'))).sort()).toEqual(['io.example__weather.json', 'io.github.acme__acme-mcp.json']);
      const file = join(dir.path, 'index', 'io.github.acme__acme-mcp.json');
      const text = await readFile(file, 'utf8');
      const entry = parseRecord(file, text, IndexEntrySchema);
      expect(serializeRecord(IndexEntrySchema, entry)).toBe(text);
      expect(entry.server.packages![0]).toMatchObject({ identifier: '@acme/mcp', version: '3.1.0' });
      expect(entry.crawl.placeholders).toEqual({ ACME_TOKEN: 'toolrisk-placeholder' });
      expect(entry.crawl.origin).toMatchObject({ kind: 'npm', downloadsPerMonth: 5000 });
      expect(requests.some((request) => request.includes('acme'))).toBe(true);
    } finally {
      await dir.remove();
    }
  });

  it('refuses a range, a path and flags that do not fit, with exit 2', async () => {
    const dir = await tempDir();
    try {
      const env = { npm_config_registry: url };
      const range = await toolriskWithEnv(env, 'add', 'weather-mcp@^0.2.0', '--data', dir.path);
      expect(range.code).toBe(2);
      expect(range.stderr).toMatch(/the version must be exact/);
      const path = await toolriskWithEnv(env, 'add', './local-folder', '--data', dir.path);
      expect(path.code).toBe(2);
      expect(path.stderr).toMatch(/not an npm package name/);
      const two = await toolriskWithEnv(env, 'add', 'a-mcp', 'b-mcp', '--env', 'A_KEY', '--data', dir.path);
      expect(two.code).toBe(2);
      expect(two.stderr).toMatch(/apply to one package/);
      const none = await toolriskWithEnv(env, 'add', '--data', dir.path);
      expect(none.code).toBe(2);
    } finally {
      await dir.remove();
    }
  });
});
