// `toolrisk scan` as a process, on a project whose config holds plain settings beside secrets: the
// secrets (a GitHub token, a Notion token inside a JSON header value, a database password) appear in
// no output, no lock file and no policy file, while the plain settings do not cut the catalog's
// tool names (`GITHUB_TOOLSETS=repos` once printed `search_***itories`).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, toolriskAt, writeFileIn } from '../helpers.ts';

const GITHUB_TOKEN = 'ghp_Q9mXv2LrT8kZp4Wn7Yb3Jc6Hd1Fs5Ga0Ue2R';
const NOTION_TOKEN = 'ntn_4Rk9Xq2Lm7Vt3Wz8Yp1Bn6Cj5Hd0Fs2Ga7Ue4Rx9Mq3';
const NOTION_HEADERS = JSON.stringify({ Authorization: `Bearer ${NOTION_TOKEN}`, 'Notion-Version': '2022-06-28' });
const DB_PASSWORD = 'Pw0rd-42';
const SECRETS = [GITHUB_TOKEN, NOTION_TOKEN, NOTION_HEADERS, DB_PASSWORD];

const CONFIG = {
  servers: {
    github: {
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'],
      env: { GITHUB_TOOLSETS: 'repos', GITHUB_PERSONAL_ACCESS_TOKEN: GITHUB_TOKEN },
    },
    notion: { command: 'npx', args: ['-y', '@notionhq/notion-mcp-server@2.5.2'], env: { OPENAPI_MCP_HEADERS: NOTION_HEADERS } },
    'pg-local': {
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-postgres@0.6.2', 'postgres://localhost:5432/app'],
      env: { DATABASE_URL: 'postgres://localhost:5432/app', POSTGRES_DSN: 'postgresql://app@db/app' },
    },
    'pg-prod': { command: 'npx', args: ['-y', '@modelcontextprotocol/server-postgres@0.6.2', `postgresql://app:${DB_PASSWORD}@db.internal/app`] },
  },
};

let dir: { path: string; remove(): Promise<void> };
let project: string;
let home: string;

function scan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return toolriskAt(project, { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(dir.path, 'cache'), COLUMNS: '1000' }, 'scan', '--offline', ...args);
}

function expectNoSecret(text: string, where: string): void {
  expect(text.length, where).toBeGreaterThan(0);
  for (const secret of SECRETS) expect(text.includes(secret), `${where} shows a secret`).toBe(false);
  // nor the JSON-escaped form of the header value
  expect(text.includes(JSON.stringify(NOTION_HEADERS).slice(1, -1)), `${where} shows the header value`).toBe(false);
}

beforeAll(async () => {
  dir = await tempDir('toolrisk-redaction-cli-');
  project = join(dir.path, 'project');
  home = join(dir.path, 'home');
  await writeFileIn(join(project, '.vscode', 'mcp.json'), JSON.stringify(CONFIG, null, 2));
  await writeFileIn(join(home, '.keep'), '');
});
afterAll(() => dir.remove());

describe('toolrisk scan redacts secrets and nothing else', () => {
  it('the JSON report keeps tool names and plain values whole, names the JSON token, and shows no secret', async () => {
    const result = await scan('--json');
    expect(result.code, result.stderr).toBe(0);
    expectNoSecret(result.stdout + result.stderr, '--json');
    const report = JSON.parse(result.stdout) as { servers: { name: string; source: string; runs: string; tools: { tool: string }[] }[]; findings: { rule: string; server?: string; message: string }[] };
    const servers = new Map(report.servers.map((server) => [server.name, server]));
    expect([...servers.values()].map((server) => [server.name, server.source])).toEqual([
      ['github', 'catalog'],
      ['notion', 'catalog'],
      ['pg-local', 'catalog'],
      ['pg-prod', 'catalog'],
    ]);
    const githubTools = servers.get('github')!.tools.map((tool) => tool.tool);
    expect(githubTools).toContain('search_repositories');
    expect(githubTools).toContain('create_repository');
    for (const server of report.servers) for (const tool of server.tools) expect(tool.tool, server.name).not.toContain('***');
    expect(result.stdout).not.toMatch(/search_\*\*\*/);
    expect(servers.get('pg-local')!.runs).toBe('npx -y @modelcontextprotocol/server-postgres@0.6.2 postgres://localhost:5432/app');
    expect(servers.get('pg-prod')!.runs).toBe('npx -y @modelcontextprotocol/server-postgres@0.6.2 postgresql://app:***@db.internal/app');

    const secretFindings = report.findings.filter((finding) => finding.rule === 'secret-in-config').map((finding) => finding.message);
    expect(secretFindings.sort()).toEqual([
      'github: a secret is written into the config (env GITHUB_PERSONAL_ACCESS_TOKEN); its value is not shown.',
      'notion: a secret is written into the config (env OPENAPI_MCP_HEADERS (Authorization)); its value is not shown.',
      'pg-prod: a secret is written into the config (argument 3 (a password in a connection URL)); its value is not shown.',
    ]);
  }, 120_000);

  it('the terminal report and SARIF keep tool names whole and show no secret', async () => {
    const terminal = await scan();
    expect(terminal.code, terminal.stderr).toBe(0);
    expectNoSecret(terminal.stdout + terminal.stderr, 'the terminal report');
    expect(terminal.stdout).toMatch(/^github +VS Code +catalog +/m);
    expect(terminal.stdout).toContain('github/create_or_update_file');
    expect(terminal.stdout).toContain('github/search_users');
    expect(terminal.stdout).toMatch(/^pg-local .* postgres:\/\/localhost:5432\/app$/m);
    expect(terminal.stdout).toMatch(/secret-in-config +\.vscode\/mcp\.json:\d+\n +notion: .*\(env OPENAPI_MCP_HEADERS \(Authorization\)\)/);
    expect(terminal.stdout).not.toMatch(/pg-local: a secret/);
    expect(terminal.stdout).not.toContain('***itories');

    const sarif = await scan('--sarif');
    expect(sarif.code, sarif.stderr).toBe(0);
    expectNoSecret(sarif.stdout + sarif.stderr, '--sarif');
    const log = JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string; message: { text: string } }[] }[] };
    const secrets = log.runs[0]!.results.filter((result) => result.ruleId === 'secret-in-config').map((result) => result.message.text);
    expect(secrets.some((text) => text.includes('env OPENAPI_MCP_HEADERS (Authorization)'))).toBe(true);
    expect(secrets.some((text) => text.includes('pg-local'))).toBe(false);
    expect(sarif.stdout).toContain('create_or_update_file');
  }, 120_000);

  it('the lock file and the policy files hold the tool names whole and no secret', async () => {
    const policyDir = join(dir.path, 'policies');
    const result = await scan('--lock', '--policy', 'intercept-json', '--policy-dir', policyDir);
    expect(result.code, result.stderr).toBe(0);
    expectNoSecret(result.stdout + result.stderr, '--lock --policy');
    const lock = await readFile(join(project, 'toolrisk.lock.json'), 'utf8');
    expectNoSecret(lock, 'the lock file');
    expect(lock).toContain('"search_repositories"');
    expect(lock).not.toContain('***itories');
    const files = (await readdir(policyDir)).sort();
    expect(files).toEqual(['github.json', 'notion.json', 'pg-local.json', 'pg-prod.json']);
    for (const file of files) expectNoSecret(await readFile(join(policyDir, file), 'utf8'), file);
    const github = JSON.parse(await readFile(join(policyDir, 'github.json'), 'utf8')) as { tools: Record<string, unknown>; hide?: string[] };
    expect([...Object.keys(github.tools), ...(github.hide ?? [])]).toContain('search_repositories');
  }, 120_000);
});
