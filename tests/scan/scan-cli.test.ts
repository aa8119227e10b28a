// `toolrisk scan` end to end, as a process: real config files of several clients in a temporary
// project and home, servers from the repository's catalog, a test SDK server inspected live in the
// sandbox, an HTTP server on 127.0.0.1. Secrets written into the configs must appear in no output.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateInterceptPolicy } from '../../classifier/validate-policy.ts';
import { ScanCatalogSchema } from '../../data/schema.ts';
import { buildScanCatalog } from '../../scan/catalog.ts';
import { OWASP_MCP } from '../../scan/rules.ts';
import { FIXTURES, ROOT, SDK_SERVER, startHttpFixture, tempDir, toolriskAt, writeFileIn, type RunningHttpFixture } from '../helpers.ts';

const SECRETS = ['ghp_Q9mXv2LrT8kZp4Wn7Yb3Jc6Hd1Fs5Ga0Ue2R', 'sekret-query-value-0042', 'Bearer abc.def-token-literal-99', 'hunter2-password-Zx9'];

let dir: { path: string; remove(): Promise<void> };
let project: string;
let home: string;

function scan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // a wide report, so each line holds a whole message (tests/scan/quiet-report.test.ts checks the wrapping)
  return toolriskAt(project, { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(ROOT, 'node_modules', '.cache', 'toolrisk-scan-test'), COLUMNS: '1000' }, 'scan', ...args);
}

function expectNoSecret(text: string, where: string): void {
  expect(text.length, where).toBeGreaterThan(0);
  for (const secret of SECRETS) expect(text.includes(secret), `${where} shows a secret`).toBe(false);
  expect(text.includes('hunter2'), `${where} shows a password`).toBe(false);
}

const PROJECT_CONFIG = `{
  // the team's servers
  "servers": {
    "github": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"],
      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${SECRETS[0]}" }
    },
    "slack": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-slack"], "env": { "SLACK_BOT_TOKEN": "\${input:slack}" } },
    "search": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-brave-search@0.6.2"] },
    "remote": { "type": "http", "url": "http://mcp.invalid/mcp?key=${SECRETS[1]}", "headers": { "Authorization": "${SECRETS[2]}" } },
    "db": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2", "postgresql://app:${SECRETS[3]}@db.internal/app"] },
  },
}
`;

beforeAll(async () => {
  dir = await tempDir('toolrisk-scan-cli-');
  project = join(dir.path, 'project');
  home = join(dir.path, 'home');
  await writeFileIn(join(project, '.vscode', 'mcp.json'), PROJECT_CONFIG);
  // the user's own server, a test SDK server inspected live (it is in no catalog)
  await writeFileIn(join(home, '.cursor', 'mcp.json'), JSON.stringify({ mcpServers: { fixture: { command: process.execPath, args: [SDK_SERVER, 'basic'] } } }, null, 2));
});
afterAll(() => dir.remove());

describe('toolrisk scan', () => {
  it('finds the configs, matches the catalog, inspects the unknown server live, and prints no secret', async () => {
    const result = await scan('--timeout', '20000', '--lock');
    expect(result.code, result.stderr).toBe(0);
    expectNoSecret(result.stdout + result.stderr, 'the terminal report');
    const lock = await readFile(join(project, 'toolrisk.lock.json'), 'utf8');
    expectNoSecret(lock, 'the lock file');
    expect(lock).toContain('"source": "http://mcp.invalid/mcp?key=***"');
    await rm(join(project, 'toolrisk.lock.json'));
    expect(result.stdout).toMatch(/Read:\n {2}\.vscode\/mcp\.json \(VS Code, project, 5 servers\)\n {2}.*\.cursor\/mcp\.json \(Cursor, user, 1 server\)/);
    expect(result.stdout).toMatch(/^github +VS Code +catalog +26 +\d+ +\d+ +\d+ +\d+ +npx -y @modelcontextprotocol\/server-github@2025\.4\.8$/m);
    expect(result.stdout).toContain('github = io.github.modelcontextprotocol/server-github');
    expect(result.stdout).toMatch(/^fixture +Cursor +live +3 +1 +1 +0 +1 +\S+/m);
    // the fixture's shell tool is the riskiest, with why
    expect(result.stdout).toMatch(/critical +fixture\/run_command → policy deny\n +Risk critical: /);
    expect(result.stdout).toMatch(/error +MCP01 secret-in-config +\.vscode\/mcp\.json:4\n +github: a secret is written into the config \(env GITHUB_PERSONAL_ACCESS_TOKEN\); its value is not shown\./);
    expect(result.stdout).toMatch(/secret-in-config +\.vscode\/mcp\.json:11\n +remote: .*\(url \(query key\)\)/);
    expect(result.stdout).toMatch(/secret-in-config +\.vscode\/mcp\.json:11\n +remote: .*\(header Authorization\)/);
    expect(result.stdout).toMatch(/secret-in-config +\.vscode\/mcp\.json:12\n +db: .*connection URL/);
    expect(result.stdout).toMatch(/warning MCP04 unpinned-server +\.vscode\/mcp\.json:9\n +slack: runs npm:@modelcontextprotocol\/server-slack with no exact version/);
    expect(result.stdout).toMatch(/warning MCP07 plain-http +\.vscode\/mcp\.json:11/);
    expect(result.stdout).toMatch(/MCP09 not-in-catalog +\.vscode\/mcp\.json:11\n +remote: http:\/\/mcp\.invalid\/mcp\?key=\*\*\* is not in the catalog/);
    // the slack and search servers give every leg of the trifecta
    expect(result.stdout).toMatch(/Lethal trifecta for VS Code: OPEN/);
    // a server that cannot be reached is said so, and the rest is reported
    expect(result.stdout).toMatch(/^ {2}remote: could not be inspected: /m);
    expect(result.stdout).toMatch(/warning MCP09 server-unavailable|MCP09 not-in-catalog +\.vscode\/mcp\.json:11\n +remote: .* could not be inspected/);
  }, 120_000);

  it('gives JSON and SARIF 2.1.0 that the official schema accepts, located at each server line, with OWASP ids', async () => {
    const json = await scan('--json', '--offline');
    expect(json.code, json.stderr).toBe(0);
    expectNoSecret(json.stdout + json.stderr, '--json');
    const report = JSON.parse(json.stdout) as { servers: { name: string; source: string; line: number; env: string[]; tools: { tool: string; risk: string; policy: string }[] }[]; findings: { rule: string; owasp: string; file: string; line: number }[] };
    expect(report.servers.map((server) => [server.name, server.source, server.line])).toEqual([
      ['github', 'catalog', 4],
      ['slack', 'catalog', 9],
      ['search', 'catalog', 10],
      ['remote', 'none', 11],
      ['db', 'catalog', 12],
      ['fixture', 'none', 3],
    ]);
    expect(report.servers[0]!.env).toEqual(['GITHUB_PERSONAL_ACCESS_TOKEN']);
    expect(report.servers[0]!.tools.length).toBeGreaterThan(10);
    expect(report.findings.length).toBeGreaterThan(5);
    for (const finding of report.findings) expect(OWASP_MCP.has(finding.owasp), finding.rule).toBe(true);

    const sarif = await scan('--sarif', '--offline');
    expect(sarif.code, sarif.stderr).toBe(0);
    expectNoSecret(sarif.stdout + sarif.stderr, '--sarif');
    const log = JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]; properties: { tags: string[] } }[] }[] };
    const schema = JSON.parse(await readFile(join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8')) as object;
    const ajv = new AjvDraft04.default({ allErrors: true });
    ajvFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    // and the schema check can fail: a result without its message is refused
    const broken = structuredClone(log) as { runs: { results: Record<string, unknown>[] }[] };
    delete broken.runs[0]!.results[0]!.message;
    expect(validate(broken)).toBe(false);
    const results = log.runs[0]!.results;
    expect(results.length).toBe(report.findings.length);
    const secret = results.find((result) => result.ruleId === 'secret-in-config')!;
    expect(secret.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: '.vscode/mcp.json' }, region: { startLine: 4 } });
    expect(secret.properties.tags).toContain('MCP01');
    const user = results.find((result) => result.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('/.cursor/mcp.json'))!;
    expect(user.locations[0]!.physicalLocation.artifactLocation.uri).toBe(`file://${join(home, '.cursor', 'mcp.json')}`);
  }, 120_000);

  it('writes one valid policy per server with the overrides on top, and refuses a wrong override by its line', async () => {
    await writeFileIn(join(project, 'toolrisk.policy.yaml'), 'servers:\n  github:\n    create_or_update_file: deny\n    search_code: hide\n    "*": limit\n  nosuch:\n    x: allow\n');
    const policyDir = join(dir.path, 'policies');
    for (const format of ['intercept-yaml', 'intercept-json', 'gateway'] as const) {
      const result = await scan('--offline', '--policy', format, '--policy-dir', policyDir);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/toolrisk\.policy\.yaml:6: no configured server is named "nosuch"/);
      expectNoSecret(result.stdout + result.stderr, `--policy ${format}`);
    }
    const files = (await readdir(policyDir)).sort();
    expect(files).toEqual(['db.gateway.json', 'db.json', 'db.yaml', 'github.gateway.json', 'github.json', 'github.yaml', 'search.gateway.json', 'search.json', 'search.yaml', 'slack.gateway.json', 'slack.json', 'slack.yaml']);
    for (const file of files) {
      const text = await readFile(join(policyDir, file), 'utf8');
      expectNoSecret(text, file);
      if (file.endsWith('.gateway.json')) continue;
      const policy = file.endsWith('.yaml') ? parseYaml(text) : JSON.parse(text);
      expect(validateInterceptPolicy(policy), file).toEqual([]);
    }
    const github = JSON.parse(await readFile(join(policyDir, 'github.json'), 'utf8')) as { hide?: string[]; tools: Record<string, { rules: { action?: string; rate_limit?: string }[] }> };
    expect(github.tools.create_or_update_file!.rules.map((rule) => rule.action)).toEqual(['deny']);
    expect(github.hide).toContain('search_code');
    // "*": every other tool of the server is limited, low-risk readers included
    expect(github.tools.get_file_contents!.rules.some((rule) => rule.rate_limit)).toBe(true);

    await writeFileIn(join(project, 'toolrisk.policy.yaml'), 'servers:\n  github:\n    create_or_update_file: maybe\n');
    const wrong = await scan('--offline');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`${join(project, 'toolrisk.policy.yaml')}:3: github / create_or_update_file: the choice is allow, limit, deny, hide, got "maybe"`);
    await writeFileIn(join(project, 'toolrisk.policy.yaml'), '');
  }, 120_000);

  it('fails CI on a risk level, on unknown tools, on warnings, each with what crossed', async () => {
    const critical = await scan('--offline', '--fail-on', 'critical');
    expect(critical.code).toBe(1);
    // nothing catalogued here is critical; the two servers with unknown tools fail it
    expect(critical.stderr).toMatch(/fail-on critical: 2 servers with unknown tools \(unknown risk counts as failing; accept one with --allow-unknown NAME\):\n {2}remote {2}not inspected \(--offline\)\n {2}fixture {2}not inspected \(--offline\)/);
    const high = await scan('--fail-on', 'high', '--timeout', '20000', join(project, '.vscode', 'mcp.json'));
    expect(high.code).toBe(1);
    expect(high.stderr).toMatch(/fail-on high: \d+ tools at or above high:\n {2}github\/create_or_update_file {2}high {2}Risk high: /);
    const onlyCatalogued = await writeFileIn(join(project, 'catalogued.json'), JSON.stringify({ mcpServers: { search: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-brave-search@0.6.2'] } } }));
    const clean = await scan('--fail-on', 'high', onlyCatalogued);
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stderr).toContain('fail-on high: no tool is at or above high.');
    const warned = await scan('--fail-on-warning', '--offline', onlyCatalogued);
    expect(warned.code).toBe(0);
    const unpinned = await writeFileIn(join(project, 'unpinned.json'), JSON.stringify({ mcpServers: { search: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-brave-search'] } } }));
    const warnedAgain = await scan('--fail-on-warning', '--offline', unpinned);
    expect(warnedAgain.code).toBe(1);
    expect(warnedAgain.stderr).toMatch(/fail-on-warning: 1 finding:\n {2}MCP04 unpinned-server: search: runs npm:@modelcontextprotocol\/server-brave-search with no exact version/);
  }, 180_000);

  it('locks versions and fingerprints, and fails on a change since the lock (a rug pull)', async () => {
    // (the config is named, outside the project: a project's own config may not run files outside it)
    const config = await writeFileIn(join(dir.path, 'lock-config', 'mcp.json'), JSON.stringify({ mcpServers: { fixture: { command: process.execPath, args: [SDK_SERVER, 'basic'] } } }));
    const lockProject = join(dir.path, 'lock-project');
    await mkdir(lockProject, { recursive: true });
    const locked = await scan('--project', lockProject, '--lock', '--timeout', '20000', config);
    expect(locked.code, locked.stderr).toBe(0);
    const lock = JSON.parse(await readFile(join(lockProject, 'toolrisk.lock.json'), 'utf8')) as { servers: { name: string; tools: { name: string }[] }[] };
    expect(lock.servers.map((server) => [server.name, server.tools.map((tool) => tool.name)])).toEqual([['fixture', ['delete_file', 'read_file', 'run_command']]]);
    const same = await scan('--project', lockProject, '--fail-on-change', '--timeout', '20000', config);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).toContain('fail-on-change: nothing changed since the lock file.');
    await writeFile(config, JSON.stringify({ mcpServers: { fixture: { command: process.execPath, args: [SDK_SERVER, 'rug-pull'] } } }));
    const pulled = await scan('--project', lockProject, '--fail-on-change', '--timeout', '20000', config);
    expect(pulled.code).toBe(1);
    // (a local server's command is what it runs: its changed argument is a change too)
    expect(pulled.stderr).toMatch(/fail-on-change: 2 changes since the lock file:\n {2}fixture \(\S+\/lock-config\/mcp\.json\): ran \S+ \S+sdk-server\.mjs basic when locked, now \S+ \S+sdk-server\.mjs rug-pull\.\n {2}fixture \(\S+\/lock-config\/mcp\.json\): tool "read_file" changed its definition since the lock \(fingerprint [0-9a-f]{12} → [0-9a-f]{12}\)\./);
    expect(pulled.stdout).toMatch(/error +MCP03 tool-poisoning/);
  }, 180_000);

  it('reads a newer catalog from a file or a site, and reports tools that changed since its crawl', async () => {
    const http: RunningHttpFixture = await startHttpFixture('basic');
    let site: Server | undefined;
    try {
      // a catalog that knows the HTTP server by its URL, from a crawl where read_file was defined differently
      const catalog = ScanCatalogSchema.parse({
        format: 'toolrisk-scan-catalog/2',
        crawledUntil: '2026-01-02T00:00:00.000Z',
        classifierVersion: 'test',
        servers: [
          {
            slug: 'example__fixture',
            name: 'example/fixture',
            version: '1.2.3',
            crawledAt: '2026-01-02T00:00:00.000Z',
            status: 'ok',
            packages: [],
            remotes: [{ type: 'streamable-http', url: http.url }],
            tools: (await buildScanCatalog(join(ROOT, 'data'))).servers.find((server) => server.tools.some((tool) => tool.tool === 'read_file'))!.tools.filter((tool) => tool.tool === 'read_file'),
          },
        ],
      });
      const file = await writeFileIn(join(dir.path, 'catalog', 'catalog.json.gz'), gzipSync(JSON.stringify(catalog)));
      const config = await writeFileIn(join(dir.path, 'remote-project', '.mcp.json'), JSON.stringify({ mcpServers: { fixture: { type: 'http', url: http.url } } }));
      const fromFile = await scan('--project', dirname(config), '--catalog', file, '--live', '--json');
      expect(fromFile.code, fromFile.stderr).toBe(0);
      const report = JSON.parse(fromFile.stdout) as { catalog: { label: string; crawledUntil: string }; servers: { source: string; match: { name: string } | null; changedFromCatalog: unknown }[]; findings: { rule: string; message: string }[] };
      expect(report.catalog).toEqual({ label: file, crawledUntil: '2026-01-02T00:00:00.000Z' });
      expect(report.servers[0]).toMatchObject({ source: 'live', match: { name: 'example/fixture' }, changedFromCatalog: { added: ['delete_file', 'run_command'], removed: [], changed: ['read_file'] } });
      expect(report.findings.find((finding) => finding.rule === 'tools-changed')!.message).toMatch(/fixture: the running server's tools differ from the catalog's crawl of 2026-01-02: added "delete_file", "run_command"; changed "read_file"\./);

      // the same catalog from a site's static API
      site = createServer((request, response) => {
        if (request.url === '/api/scan-catalog.json') response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(catalog));
        else response.writeHead(404).end();
      });
      await new Promise<void>((done) => site!.listen(0, '127.0.0.1', done));
      const address = site.address() as { port: number };
      const fromSite = await scan('--project', dirname(config), '--catalog', `http://127.0.0.1:${address.port}/`, '--offline', '--json');
      expect(fromSite.code, fromSite.stderr).toBe(0);
      expect((JSON.parse(fromSite.stdout) as { servers: { source: string }[] }).servers[0]!.source).toBe('catalog');
      const missing = await scan('--project', dirname(config), '--catalog', `http://127.0.0.1:${address.port}/nowhere/`, '--offline');
      expect(missing.code).toBe(1);
      expect(missing.stderr, missing.stderr).toContain(`http://127.0.0.1:${address.port}/nowhere/api/scan-catalog.json: answered HTTP 404`);
    } finally {
      await http.stop();
      await new Promise((done) => (site ? site.close(done) : done(undefined)));
    }
  }, 120_000);

  it('inspects a real npm server the catalog does not know by its path, in the sandbox', async () => {
    const entry = join(ROOT, 'node_modules', '@modelcontextprotocol', 'server-everything', 'dist', 'index.js');
    const config = await writeFileIn(join(dir.path, 'everything', 'claude_desktop_config.json'), JSON.stringify({ mcpServers: { everything: { command: process.execPath, args: [entry, 'stdio'] } } }, null, 2));
    const result = await scan('--json', '--timeout', '30000', config);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { configs: { client: string }[]; servers: { source: string; note: string; tools: { tool: string; risk: string }[] }[]; findings: { rule: string; level: string }[] };
    expect(report.configs.map((read) => read.client)).toEqual(['Claude Desktop']);
    expect(report.servers[0]!.source).toBe('live');
    expect(report.servers[0]!.note).toMatch(/^inspected live in the sandbox with placeholder values/);
    expect(report.servers[0]!.tools.length).toBeGreaterThan(5);
    expect(report.servers[0]!.tools.map((tool) => tool.tool)).toContain('echo');
    expect(report.findings.find((finding) => finding.rule === 'not-in-catalog')!.level).toBe('note');
  }, 120_000);

  it('names what it cannot read and still reports the rest; wrong flags exit 2', async () => {
    const broken = await writeFileIn(join(project, 'broken.json'), '{"mcpServers": {"a": {"command": "x"}');
    const good = join(project, '.vscode', 'mcp.json');
    const result = await scan('--offline', broken, good, join(project, 'missing.json'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/config-problem +broken\.json:1\n +.*broken\.json:1: is not valid JSON: line 1, column 38: the file ends inside an object/);
    expect(result.stdout).toMatch(/config-problem +missing\.json:1\n +.*missing\.json: does not exist/);
    expect(result.stdout).toMatch(/^github +VS Code +catalog /m);
    await mkdir(join(dir.path, 'empty-project'), { recursive: true });
    const ownHome = home;
    home = join(dir.path, 'empty-home');
    const none = await scan('--project', join(dir.path, 'empty-project'));
    home = ownHome;
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(/No MCP client configuration found\. Looked for:\n {2}.*empty-project\/\.mcp\.json \(Claude Code, project\)/);
    for (const [flags, message] of [
      [['--fail-on', 'severe'], '--fail-on takes low, medium, high or critical, got "severe"'],
      [['--policy', 'nginx'], '--policy takes intercept-json, intercept-yaml, gateway, claude-code, codex, got "nginx"'],
      [['--sandbox', 'maybe'], '--sandbox takes required, auto, off, got "maybe"'],
      [['--json', '--sarif'], '--json and --sarif both print the report; choose one'],
      [['--live', '--offline'], '--live inspects every server and --offline none; choose one'],
      [['--fail-on-change'], 'toolrisk.lock.json, which does not exist'],
    ] as const) {
      const wrong = await scan(...flags);
      expect(wrong.code, flags.join(' ')).toBe(2);
      expect(wrong.stderr).toContain(message);
    }
    expect(existsSync(join(project, 'toolrisk-policies'))).toBe(false);
  }, 120_000);
});
