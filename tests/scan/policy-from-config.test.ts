// What the config says goes into the policies the scan writes (issue 66, point 6): the folders a
// filesystem server is given fill ALLOWED_ROOT, a remote server's URL fills ALLOWED_HOST, and a
// server on this machine over plain http may be reached over http. Filled placeholders are no longer
// ones to edit; every policy still passes Intercept's validation table; config text is escaped.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderIntercept, toolPolicy } from '../../classifier/policy.ts';
import { validateInterceptPolicy } from '../../classifier/validate-policy.ts';
import type { McpTool, ToolPolicy } from '../../data/schema.ts';
import { configValues, policyFromConfig } from '../../scan/policy-from-config.ts';
import type { Launch } from '../../scan/match.ts';
import { ROOT, startHttpFixture, tempDir, toolriskAt, writeFileIn, type RunningHttpFixture } from '../helpers.ts';

const high = { risk: 'high', category: 'write', financial: false, warned: false } as const;
const pathTool: McpTool = { name: 'write_file', description: 'Write a file.', inputSchema: { type: 'object', properties: { path: { type: 'string' }, content: { type: 'string' } }, required: ['path', 'content'] } };
const urlTool: McpTool = { name: 'navigate_page', description: 'Navigate selected tab to URL.', inputSchema: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] } };
const npm = (identifier: string): Launch => ({ kind: 'npm', identifier, version: '1.0.0', pinned: true });
const remote: Launch = { kind: 'remote', identifier: 'x', pinned: false };
const keepAll = () => true;

function patternOf(policy: ToolPolicy, arg: string): string {
  return policy.rules.flatMap((rule) => rule.conditions ?? []).find((c) => c.path === `args.${arg}` && c.op === 'regex')!.value as string;
}

function regexOf(policy: ToolPolicy, arg: string): RegExp {
  return new RegExp(patternOf(policy, arg));
}

function valid(policy: ToolPolicy): void {
  expect(validateInterceptPolicy(renderIntercept({ description: 't', default: 'deny', tools: [policy] }))).toEqual([]);
}

describe('a policy from the config', () => {
  it("takes the filesystem server's folders as its allowed roots, regex characters escaped", () => {
    const given = { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@1.0.0', '/home/me/project/', '/data/a.b+(c)', 'relative/dir', '/', '--root=/srv/x'] };
    const values = configValues(given, npm('@modelcontextprotocol/server-filesystem'), 'stdio', keepAll);
    expect(values.roots).toEqual(['home/me/project', 'data/a.b+(c)', 'srv/x']);
    const policy = policyFromConfig(toolPolicy(pathTool, high), values);
    expect(policy.placeholders.map((p) => p.name)).not.toContain('ALLOWED_ROOT');
    valid(policy);
    const regex = regexOf(policy, 'path');
    expect(patternOf(policy, 'path').startsWith('^/(home/me/project|data/a\\.b\\+\\(c\\)|srv/x)(')).toBe(true);
    for (const path of ['/home/me/project', '/home/me/project/', '/home/me/project/src/a.ts', '/data/a.b+(c)/x', '/srv/x/.env']) expect(regex.test(path), path).toBe(true);
    for (const path of ['/home/me/projectX', '/home/me', '/etc/passwd', '/home/me/project/../../etc/passwd', '/data/aXb+(c)', '/data/a.bb(c)/x', 'home/me/project']) expect(regex.test(path), path).toBe(false);
    expect(policy.rules.map((rule) => rule.name)).toContain('path under the allowed root (/home/me/project, /data/a.b+(c), /srv/x, from the config)');
  });

  it('one folder needs no alternation; a server given none keeps the placeholder to edit', () => {
    const one = policyFromConfig(toolPolicy(pathTool, high), configValues({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/tmp/work'] }, npm('@modelcontextprotocol/server-filesystem'), 'stdio', keepAll));
    expect(patternOf(one, 'path').startsWith('^/tmp/work(')).toBe(true);
    // the package name and what comes before it are no folders: `npx --prefix /opt/x pkg` gives none
    const none = policyFromConfig(toolPolicy(pathTool, high), configValues({ command: 'npx', args: ['--prefix', '/opt/x', '-y', '@modelcontextprotocol/server-filesystem'] }, npm('@modelcontextprotocol/server-filesystem'), 'stdio', keepAll));
    expect(none).toEqual(toolPolicy(pathTool, high));
    expect(none.placeholders.map((p) => p.name)).toEqual(['ALLOWED_ROOT']);
    // a local script run by node is the server, not a folder it may touch
    const local: Launch = { kind: 'local', identifier: 'node', pinned: false };
    expect(configValues({ command: 'node', args: ['/opt/server/index.js', '/data'] }, local, 'stdio', keepAll).roots).toEqual(['data']);
  });

  it('never puts a value the scan holds secret into a policy', () => {
    const values = configValues({ command: 'npx', args: ['-y', 'pkg', '/data/sekret-token-1234'] }, npm('pkg'), 'stdio', (value) => !value.includes('sekret'));
    expect(values.roots).toEqual([]);
  });

  it("takes a remote server's host, escaped, as its allowed host; https only unless the server is on this machine over http", () => {
    const https = policyFromConfig(toolPolicy(urlTool, high), configValues({ args: [], url: 'https://mcp.example.com/mcp?key=x' }, remote, 'http', keepAll));
    valid(https);
    expect(https.placeholders).toEqual([]);
    const regex = regexOf(https, 'url');
    expect(regex.test('https://mcp.example.com/page')).toBe(true);
    expect(regex.test('https://mcp.example.com:8443/')).toBe(true);
    expect(regex.test('https://mcpXexample.com/')).toBe(false);
    expect(regex.test('https://mcp.example.com.evil.test/')).toBe(false);
    expect(regex.test('http://mcp.example.com/')).toBe(false);
    // plain http to another machine stays refused
    const plain = policyFromConfig(toolPolicy(urlTool, high), configValues({ args: [], url: 'http://mcp.example.com/mcp' }, remote, 'http', keepAll));
    expect(regexOf(plain, 'url').test('http://mcp.example.com/')).toBe(false);
    for (const url of ['http://127.0.0.1:8931/mcp', 'http://localhost:3000/mcp', 'http://[::1]:9000/sse']) {
      const local = policyFromConfig(toolPolicy(urlTool, high), configValues({ args: [], url }, remote, 'sse', keepAll));
      valid(local);
      const host = new URL(url).host;
      expect(regexOf(local, 'url').test(`http://${host}/x`), url).toBe(true);
      expect(regexOf(local, 'url').test(`https://${host}/x`), url).toBe(true);
      expect(regexOf(local, 'url').test('http://example.com/x'), url).toBe(false);
      expect(local.rules.find((rule) => rule.conditions)!.on_deny).toMatch(/an http or https URL on /);
    }
  });
});

describe('toolrisk scan --policy intercept-yaml, from the config', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let http: RunningHttpFixture;
  let url: string;

  beforeAll(async () => {
    dir = await tempDir('toolrisk-policy-from-config-');
    // a remote MCP server on 127.0.0.1 over plain http, with a tool that takes a URL
    http = await startHttpFixture('browse');
    url = http.url;
  });
  afterAll(async () => {
    await http.stop();
    await dir.remove();
  });

  it('fills the folders of the filesystem server and the host of the remote server, and every policy stays valid', async () => {
    const project = join(dir.path, 'project');
    await writeFileIn(
      join(project, '.mcp.json'),
      JSON.stringify({ mcpServers: { files: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@2026.8.31', '/home/me/project', '/data'] }, browser: { type: 'http', url } } }, null, 2),
    );
    const policyDir = join(dir.path, 'policies');
    const env = { HOME: join(dir.path, 'home'), XDG_CONFIG_HOME: join(dir.path, 'home', '.config'), XDG_CACHE_HOME: join(ROOT, 'node_modules', '.cache', 'toolrisk-scan-test') };
    const result = await toolriskAt(project, env, 'scan', '--policy', 'intercept-yaml', '--policy-dir', policyDir);
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(/^browser\b.*\blive\b/m);

    type Policy = { tools: Record<string, { rules: { name: string; conditions?: { path: string; op: string; value: unknown }[]; on_deny?: string }[] }> };
    const files = parseYaml(await readFile(join(policyDir, 'files.yaml'), 'utf8')) as Policy;
    expect(validateInterceptPolicy(files)).toEqual([]);
    const pathConditions = Object.values(files.tools).flatMap((tool) => tool.rules.flatMap((rule) => rule.conditions ?? [])).filter((c) => c.op === 'regex');
    expect(pathConditions.length).toBeGreaterThan(0);
    for (const condition of pathConditions) {
      const value = condition.value as string;
      expect(value).not.toContain('ALLOWED_ROOT');
      expect(value.startsWith('^/(home/me/project|data)(')).toBe(true);
      const regex = new RegExp(value);
      expect(regex.test('/home/me/project/notes.md')).toBe(true);
      expect(regex.test('/data/x.csv')).toBe(true);
      expect(regex.test('/etc/passwd')).toBe(false);
    }
    expect(JSON.stringify(files)).not.toContain('edit ALLOWED_ROOT');

    const browser = parseYaml(await readFile(join(policyDir, 'browser.yaml'), 'utf8')) as Policy;
    expect(validateInterceptPolicy(browser)).toEqual([]);
    const rule = browser.tools.navigate_page!.rules.find((candidate) => candidate.conditions)!;
    const regex = new RegExp(rule.conditions![0]!.value as string);
    const host = new URL(url).host;
    expect(regex.test(`http://${host}/page`)).toBe(true);
    expect(regex.test(`https://${host}/page`)).toBe(true);
    expect(regex.test('http://example.com/page')).toBe(false);
    expect(regex.test('http://127.0.0.10/page')).toBe(false);
    expect(rule.name).toBe('url on an allowed host (127.0.0.1, from the config)');
    expect(rule.on_deny).toBe('url must be an http or https URL on 127.0.0.1.');
  }, 120_000);
});
