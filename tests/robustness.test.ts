// One bad tool costs only itself: text used as keys, structure nested past any sense, and a tool
// the classifier fails on, through every command that reads definitions.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundJson, MAX_DEFINITION_DEPTH } from '../crawler/bounded.ts';
import { checkListedTools } from '../crawler/tools.ts';
import { placeholderVariables, serverEnvironment } from '../crawler/launch.ts';
import { classifySnapshot, classifyTools } from '../classifier/catalog.ts';
import { IndexEntrySchema, RISK_LEVELS, type CrawlSnapshot, type McpTool } from '../data/schema.ts';
import { buildSearchIndex } from '../site/src/search/index-format.ts';
import { SearchEngine } from '../site/src/search/engine.ts';
import { writeRecord } from '../data/serialize.ts';
import { ClassifiedServerSchema } from '../data/schema.ts';
import { SDK_SERVER, tempDir, toolrisk, toolriskWithEnv } from './helpers.ts';
import { writeFixtureCatalog } from './site/fixture.ts';

const PROTO_NAMES = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'];

/** A JSON text whose object keys are the prototype's names (JSON.parse makes each an own key). */
function protoProperties(): string {
  return `{${PROTO_NAMES.map((name) => `"${name}":{"type":"string","description":"the ${name} argument"}`).join(',')}}`;
}

function nested(depth: number): string {
  let schema = '{"type":"string"}';
  for (let i = 0; i < depth; i++) schema = `{"type":"object","properties":{"next":${schema}}}`;
  return schema;
}

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  dir = await tempDir();
  await writeFile(
    join(dir.path, 'proto.json'),
    `{"tools":[{"name":"deploy_contract","description":"Deploys a smart contract.","inputSchema":{"type":"object","properties":${protoProperties()}}},` +
      `{"name":"constructor","description":"Lists items.","inputSchema":{"type":"object","properties":{"toString":{"type":"object","properties":${protoProperties()}}}}},` +
      '{"name":"get_item","description":"Gets an item.","inputSchema":{"type":"object"}}]}',
  );
  for (const depth of [1_500, 50_000]) {
    await writeFile(join(dir.path, `deep-${depth}.json`), `{"tools":[{"name":"deep_config","description":"Reads the configuration.","inputSchema":{"type":"object","properties":{"config":${nested(depth)}}}},{"name":"list_items","description":"Lists items.","inputSchema":{"type":"object"}}]}`);
  }
  await writeFile(join(dir.path, 'unreadable.json'), '{"tools":[{"name":"list_items","description":"Lists items.","inputSchema":{"type":"object"}},{"description":"a tool with no name"}]}');
});
afterAll(() => dir?.remove());

describe('text from a definition is never a key into an object with a prototype', () => {
  it('classify --json gives every tool of a file whose names and parameters are the prototype\'s members, in order', async () => {
    const result = await toolrisk('classify', '--json', join(dir.path, 'proto.json'));
    expect(result.stderr).not.toMatch(/Cannot read|TypeError/);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { name: string; risk: string; policy: { intercept: { tools: Record<string, unknown> } } }[];
    expect(out.map((entry) => entry.name)).toEqual(['deploy_contract', 'constructor', 'get_item']);
    for (const entry of out) {
      expect(RISK_LEVELS).toContain(entry.risk);
      expect(Object.keys(entry.policy.intercept.tools)).toEqual([entry.name]);
    }
  });

  it('the table and --fail-on see the tool too (it is not left with an empty risk)', async () => {
    const table = await toolrisk('classify', '--fail-on', 'high', join(dir.path, 'proto.json'));
    expect(table.stdout).toMatch(/^deploy_contract\s+high\s+execute/m);
    expect(table.code).toBe(1);
    expect(table.stderr).toMatch(/fail-on high: 1 tool at or above high:\n\s+deploy_contract\s+high/);
  });

  it('keeps a parameter named __proto__ as a parameter through intake (not as a prototype)', () => {
    const listed = JSON.parse(`[{"name":"t","inputSchema":{"type":"object","properties":${protoProperties()}}}]`) as unknown[];
    const { tools } = checkListedTools(listed);
    const properties = tools[0]!.inputSchema.properties as object;
    expect(Object.keys(properties)).toEqual(PROTO_NAMES);
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
  });

  it('inspect of a live server listing prototype-named tools and parameters classifies all of them', async () => {
    const result = await toolrisk('inspect', '--json', '--', process.execPath, SDK_SERVER, 'hostile');
    expect(result.code).toBe(0);
    const snapshot = JSON.parse(result.stdout) as { tools: (McpTool & { classification: { risk: string } })[] };
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(['constructor', 'deep_config', 'list_items']);
    for (const tool of snapshot.tools) expect(RISK_LEVELS).toContain(tool.classification.risk);
    expect(Object.keys(snapshot.tools[0]!.inputSchema.properties as object)).toEqual(['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__']);
  });

  it('placeholder variables and a server environment named like prototype members stay ordinary names', () => {
    const entry = IndexEntrySchema.parse({
      server: { name: 'io.example/x', description: 'x', version: '1.0.0', packages: [{ registryType: 'npm', identifier: 'x', version: '1.0.0', transport: { type: 'stdio' }, environmentVariables: [{ name: '__proto__', isRequired: true }, { name: 'constructor', isRequired: true }] }] },
      crawl: {},
    });
    const values = placeholderVariables(entry, entry.server.packages![0]);
    expect(Object.keys(values)).toEqual(['__proto__', 'constructor']);
    expect(values.constructor).toBe('toolrisk-placeholder-constructor');
    const env = serverEnvironment(values, { home: '/h', workdir: '/w' }, '/cache');
    expect(Object.hasOwn(env, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(env)).toBe(Object.prototype);
  });

  it('search finds nothing (and does not fail) for words that are prototype members', async () => {
    const index = buildSearchIndex([{ name: 'list_items', slug: 'list_items', serverName: 'io.example/x', serverSlug: 'io-example-x', risk: 'low', category: 'read', line: 'Lists items in a folder.' }]);
    const engine = new SearchEngine({ names: async () => index.names, words: async (shard) => index.words.get(shard) ?? {} });
    for (const word of ['constructor', 'tostring', 'proto', 'valueof', 'hasownproperty']) {
      const { results } = await engine.search(word);
      expect(results, word).toEqual([]);
    }
    expect((await engine.search('items')).results.length).toBe(1);
  });
});

describe('structure nested past any sense is read to a bound, and the tool says so', () => {
  it('boundJson cuts depth and size without recursion, and keeps prototype-named keys as keys', () => {
    const deep = JSON.parse(nested(100_000)) as unknown;
    const { value, cuts } = boundJson(deep);
    expect(cuts).toEqual([`properties: nested deeper than ${MAX_DEFINITION_DEPTH} levels; read to that depth`]);
    let depth = 0;
    for (let node = value as { properties?: { next?: unknown } }; node?.properties?.next; node = node.properties.next as typeof node) depth += 1;
    expect(depth).toBeLessThan(MAX_DEFINITION_DEPTH);
    expect(depth).toBeGreaterThan(MAX_DEFINITION_DEPTH / 2 - 2);
    const wide = boundJson({ items: Array.from({ length: 500 }, (_, i) => i) }, 64, 100);
    expect((wide.value.items as number[]).length).toBeLessThan(100);
    expect(wide.cuts).toEqual(['items: more than 100 values; read up to that many']);
    const proto = boundJson(JSON.parse(protoProperties()) as object).value;
    expect(Object.keys(proto)).toEqual(PROTO_NAMES);
    expect(boundJson({ a: [1, { b: 'c' }] })).toEqual({ value: { a: [1, { b: 'c' }] }, cuts: [] });
  });

  it('boundJson cuts at exactly its limits, keeps values of every kind, and gives plain writable objects', () => {
    // primitives and arrays at the root come back as they are
    for (const value of [null, 5, 'text', true]) expect(boundJson(value)).toEqual({ value, cuts: [] });
    const array = boundJson([1, [2, null], { a: false }]);
    expect(Array.isArray(array.value)).toBe(true);
    expect(array).toEqual({ value: [1, [2, null], { a: false }], cuts: [] });
    // depth: three levels kept, the fourth object left empty
    expect(boundJson({ a: { a: { a: { a: { a: 1 } } } } }, 3)).toEqual({ value: { a: { a: { a: {} } } }, cuts: ['a: nested deeper than 3 levels; read to that depth'] });
    expect(boundJson({ a: { a: { a: 1 } } }, 3)).toEqual({ value: { a: { a: { a: 1 } } }, cuts: [] });
    // values: the root and three more fit in four
    expect(boundJson({ a: [1, 2, 3, 4, 5] }, 64, 4)).toEqual({ value: { a: [1, 2] }, cuts: ['a: more than 4 values; read up to that many'] });
    expect(boundJson({ a: [1, 2] }, 64, 4)).toEqual({ value: { a: [1, 2] }, cuts: [] });
    expect(boundJson([1, 2, 3], 64, 2).cuts).toEqual(['(root): more than 2 values; read up to that many']);
    // the copy is an ordinary object: its keys enumerable, its values writable
    const copy = boundJson({ a: 1, b: { c: 2 } }).value as { a: number; b: { c: number } };
    copy.a = 3;
    copy.b.c = 4;
    expect(copy).toEqual({ a: 3, b: { c: 4 } });
    expect(Object.keys(copy)).toEqual(['a', 'b']);
  });

  for (const depth of [1_500, 50_000]) {
    it(`classify gives both tools of a file with a schema ${depth.toLocaleString('en-US')} levels deep, the deep one with a note naming the limit`, async () => {
      const result = await toolrisk('classify', '--json', join(dir.path, `deep-${depth}.json`));
      expect(result.stderr).not.toMatch(/Maximum call stack/);
      expect(result.code).toBe(0);
      const out = JSON.parse(result.stdout) as { name: string; risk: string; warnings: { kind: string; message: string }[] }[];
      expect(out.map((entry) => entry.name)).toEqual(['deep_config', 'list_items']);
      expect(out[0]!.risk).toBe('low');
      expect(out[0]!.warnings).toEqual([
        // the poisoning check reads 8 levels; the definition itself was cut at 64
        expect.objectContaining({ kind: 'truncated-analysis', message: expect.stringContaining('up to its limits (8 levels of nesting, 20 alternatives, 50 values 4 levels deep, 400 texts, 60,000 characters)') }),
        expect.objectContaining({ kind: 'invalid-definition', message: expect.stringContaining(`nested deeper than ${MAX_DEFINITION_DEPTH} levels`) }),
      ]);
      expect(result.stderr).toContain(`tool #1 "deep_config": the server's definition is larger than a definition may be`);
    });
  }

  it('inspect of a live server with a 2,000-level schema lists every tool and warns about the cut one', async () => {
    const result = await toolrisk('inspect', '--', process.execPath, SDK_SERVER, 'hostile');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^deep_config\s+low\s+read/m);
    expect(result.stdout).toContain(`warning: tool #2 "deep_config" is larger than a definition may be (inputSchema: nested deeper than ${MAX_DEFINITION_DEPTH} levels; read to that depth)`);
  });
});

describe('a tool the classifier fails on costs only itself', () => {
  // a definition whose description cannot be read: the classifier throws on it, as on any bug
  const hostile = (): McpTool => {
    const tool = { name: 'trap', inputSchema: { type: 'object' as const } } as McpTool;
    Object.defineProperty(tool, 'description', { enumerable: true, get: () => { throw new Error('unreadable description'); } });
    return tool;
  };
  const plain = (name: string): McpTool => ({ name, description: 'Lists items.', inputSchema: { type: 'object' } });

  it('classifyTools classifies the others and reports the failure with its position, name and error', () => {
    const reported: unknown[] = [];
    const { classifications, failures } = classifyTools([plain('a'), hostile(), plain('c')], ['f1', 'f2', 'f3'], { name: 'io.example/x' }, new Map(), (failure) => reported.push(failure));
    expect(classifications.map((classification) => classification.tool)).toEqual(['a', 'c']);
    expect(failures).toEqual([{ index: 1, tool: 'trap', error: 'unreadable description' }]);
    expect(reported).toEqual(failures);
  });

  it('a classified server record lists the failed tool as unclassified, and its policy never allows it', () => {
    const tools = [plain('a'), hostile()];
    const snapshot = { slug: 'io-example-x', name: 'io.example/x', status: 'ok', crawledAt: '2026-01-01T00:00:00.000Z', entry: { name: 'io.example/x' }, timings: { totalMs: 0 }, tools, fingerprints: tools.map((tool, i) => ({ name: tool.name, fingerprint: `f${i}` })), invalidTools: [], warnings: [], history: [] } as unknown as CrawlSnapshot;
    const { record } = classifySnapshot(snapshot);
    expect(record.tools.map((tool) => tool.tool)).toEqual(['a']);
    expect(record.unclassified).toEqual([{ index: 1, tool: 'trap', error: 'unreadable description' }]);
    // the server policy denies by default: a tool it does not name is not allowed
    expect(record.policy.default).toBe('deny');
    expect(record.policy.tools.map((tool) => tool.tool)).toEqual(['a']);
  });

  it('classify --fail-on counts a tool it could not read as failing (unknown is not safe), and names its position', async () => {
    const result = await toolrisk('classify', '--fail-on', 'critical', join(dir.path, 'unreadable.json'));
    expect(result.stdout).toMatch(/^#2\s+error/m);
    expect(result.stderr).toContain(`${join(dir.path, 'unreadable.json')}: tool #2: not a valid MCP tool definition`);
    expect(result.stderr).toMatch(/fail-on critical: 1 tool could not be classified \(unknown risk counts as failing\):\n\s+#2\s+unknown/);
    expect(result.code).toBe(1);
  });
});

describe('a build that leaves something out says so, after building everything else', () => {
  it('lists each broken file and unclassified tool with its reason in a summary at the end, and exits 1', async () => {
    const site = await tempDir();
    try {
      const data = join(site.path, 'data');
      await writeFixtureCatalog(data);
      await writeFile(join(data, 'crawled', 'io-example-broken.json'), '{"slug": "io-example-broken"');
      // a tool the classifier failed on, as classify records it
      const plainFile = join(data, 'classified', 'io.example__plain.json');
      const plain = ClassifiedServerSchema.parse(JSON.parse(await readFile(plainFile, 'utf8')));
      await writeRecord(plainFile, ClassifiedServerSchema, { ...plain, tools: plain.tools.filter((tool) => tool.tool !== 'send_email'), unclassified: [{ tool: 'send_email', index: 2, error: 'a test failure' }] });
      const out = join(site.path, 'dist');
      const result = await toolriskWithEnv({ TOOLRISK_OUT_DIR: out }, 'build', '--data', data);
      expect(result.code).toBe(1);
      // the summary is the last four lines: counts, "left out", and one line per thing left out
      const tail = result.stderr.trim().split('\n').slice(-4);
      // (the fixture's two listed servers, and one whose crawl failed)
      expect(tail[0]).toMatch(/^toolrisk build: \d+ pages, 3 servers, 13 tools, 13 tool JSON files, 1 sitemap file\(s\) in [\d.]+ s → /);
      expect(tail[1]).toBe('toolrisk build: left out 2 file(s) or tool(s); everything else was built:');
      expect(tail.slice(2).sort()).toEqual([expect.stringMatching(/^ {2}\S+io-example-broken\.json: not valid JSON/), `  ${plainFile}: tool #3 "send_email" could not be classified: a test failure (it has no page)`].sort());
      expect(tail[2]! + tail[3]!).toContain(`  ${join(data, 'crawled', 'io-example-broken.json')}: not valid JSON`);
      // the rest was built: the plain server's page, with the failed tool listed and the others linked
      const page = await readFile(join(out, 'servers', 'io.example__plain', 'index.html'), 'utf8');
      expect(page).toContain('Tools that could not be classified');
      expect(page).toMatch(/<code>send_email<\/code>: a test failure/);
      expect(page).toMatch(/href="\/tools\/io\.example__plain\/get-weather-[0-9a-f]+\/"/);
    } finally {
      await site.remove();
    }
  }, 120_000);
});

describe('every flag value is checked, whatever the other flags say', () => {
  const cases: [string, string[], RegExp][] = [
    ['a port out of range', ['serve', '--port', '70000'], /--port takes a port number from 1 to 65535, got "70000"/],
    ['a port that is not a number', ['serve', '--port', '80a'], /--port takes a port number from 1 to 65535, got "80a"/],
    ['a price with no model set', ['classify', 'x.json', '--llm', '--llm-price', 'cheap'], /--llm-price needs two numbers, USD per million input and output tokens, e\.g\. 0\.15,0\.60; got "cheap"/],
    ['a price missing its second number', ['classify', 'x.json', '--llm', '--llm-price', '0.15,'], /--llm-price needs two numbers/],
    ['a model timeout of zero', ['classify', 'x.json', '--llm', '--llm-timeout', '0'], /--llm-timeout needs a whole number of at least 1, got "0"/],
    ['a base URL that is not one', ['classify', 'x.json', '--llm', '--base-url', 'not a url'], /--base-url is not a URL: "not a url"/],
    ['a risk level that does not exist', ['classify', 'x.json', '--fail-on', 'extreme'], /--fail-on takes low, medium, high or critical, got "extreme"/],
    ['a policy format that does not exist', ['inspect', '--policy', 'xml', '--recorded', 'x.json'], /--policy takes intercept-json, intercept-yaml, gateway, claude-code, codex, got "xml"/],
    ['a concurrency of zero', ['crawl', '--concurrency', '0'], /--concurrency needs a whole number of at least 1, got "0"/],
    ['a shard that is not i/n', ['crawl', '--shard', '3/2'], /--shard/],
  ];
  for (const [what, args, message] of cases) {
    it(`${what}: exit 2, saying what is allowed, before doing anything`, async () => {
      const result = await toolriskWithEnv({ OPENAI_MODEL: '', OPENAI_API_KEY: '', OPENAI_BASE_URL: '' }, ...args);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/serving|at .*\.ts:\d+/);
      expect(result.code).toBe(2);
    });
  }
});
