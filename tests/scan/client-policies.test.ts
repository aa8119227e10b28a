// The clients' own switches (issue 66, point 4): `toolrisk scan --policy claude-code | codex` writes one
// Claude Code settings fragment (`permissions.deny: ["mcp__<server>__<tool>"]`) or one Codex config
// fragment (`[mcp_servers.<name>] disabled_tools = [...]`) holding exactly the tools whose choice,
// after the user's overrides, is deny or hide; both parsed here by real parsers. Server and tool
// names are attacker-controlled text: they must stay inside their strings and keys.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claudeCodeRule, clientPolicyLosses, clientServerName, renderClaudeCodeSettings, renderCodexConfig, tomlKey, tomlString } from '../../classifier/policy.ts';
import { ROOT, tempDir, toolriskAt, writeFileIn } from '../helpers.ts';

describe("Claude Code's permission names", () => {
  it('are mcp__<server>__<tool>, each name as Claude Code writes it (A-Z a-z 0-9 _ - kept, every other character _)', () => {
    expect(claudeCodeRule('github', 'create_issue')).toBe('mcp__github__create_issue');
    expect(claudeCodeRule('my.server x', 'git.commit')).toBe('mcp__my_server_x__git_commit');
    expect(claudeCodeRule('a-b_C9', '工具')).toBe('mcp__a-b_C9____');
    // no wildcard, parenthesis or quote survives into a rule
    expect(claudeCodeRule('*', 'x(y)"z')).toBe('mcp_____x_y__z');
  });

  it('deny exactly the tools turned off, once each, as strict JSON', () => {
    const text = renderClaudeCodeSettings([
      { name: 'github', tools: [{ tool: 'a', choice: 'deny' }, { tool: 'b', choice: 'hide' }, { tool: 'c', choice: 'limit' }, { tool: 'd', choice: 'allow' }] },
      { name: 'github', tools: [{ tool: 'a', choice: 'deny' }] },
      { name: 'files', tools: [{ tool: 'write_file', choice: 'limit' }] },
    ]);
    expect(JSON.parse(text)).toEqual({ permissions: { deny: ['mcp__github__a', 'mcp__github__b'] } });
    expect(renderClaudeCodeSettings([])).toBe('{\n  "permissions": {\n    "deny": []\n  }\n}\n');
  });
});

describe('the Codex config fragment', () => {
  const hostile = ['evil"]\n[mcp_servers.x]\ndisabled_tools = []\n#', 'back\\slash', 'tab\there', 'bell\u0007del\u007f', 'lone\uD800half', 'ok_name', '__proto__'];

  it('quotes a key only when TOML needs it, and escapes every string', () => {
    expect(tomlKey('github')).toBe('github');
    expect(tomlKey('my-server_2')).toBe('my-server_2');
    expect(tomlKey('my.server')).toBe('"my.server"');
    expect(tomlKey('')).toBe('""');
    expect(tomlString('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
    expect(tomlString('\u0000\u001f\u007f')).toBe('"\\u0000\\u001F\\u007F"');
    for (const name of hostile) expect(parseToml(`k = ${tomlString(name)}`).k, name).toBe(name.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
  });

  it('holds one table per server with disabled_tools, hostile names kept inside their strings', () => {
    const servers = [
      ...hostile.map((name) => ({ name, tools: [{ tool: name, choice: 'deny' as const }, { tool: 'fine', choice: 'allow' as const }] })),
      { name: 'github', tools: [{ tool: 'delete_repository', choice: 'deny' as const }, { tool: 'search_code', choice: 'hide' as const }, { tool: 'create_issue', choice: 'limit' as const }] },
      // the same name twice (a project and a user config): one table, both servers' tools
      { name: 'github', tools: [{ tool: 'fork_repository', choice: 'deny' as const }] },
      { name: 'quiet', tools: [{ tool: 'read', choice: 'allow' as const }] },
    ];
    const parsed = parseToml(renderCodexConfig(servers)) as { mcp_servers: Record<string, { disabled_tools: string[] }> };
    const clean = (text: string) => text.replace(/[\uD800-\uDFFF]/g, '\uFFFD');
    const expected: Record<string, { disabled_tools: string[] }> = Object.fromEntries(hostile.map((name) => [clean(name), { disabled_tools: [clean(name)] }]));
    expected.github = { disabled_tools: ['delete_repository', 'search_code', 'fork_repository'] };
    expect(Object.keys(parsed)).toEqual(['mcp_servers']);
    expect(Object.keys(parsed.mcp_servers).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, table] of Object.entries(expected)) expect(parsed.mcp_servers[name], name).toEqual(table);
  });

  it('says in comments what it cannot express', () => {
    const text = renderCodexConfig([{ name: 'github', tools: [{ tool: 'create_issue', choice: 'limit' }, { tool: 'merge', choice: 'deny' }] }]);
    expect(text).toMatch(/^# Not expressed: 1 limited tool is allowed in full: the format has no rate limits, argument conditions or running totals\.$/m);
    expect(text).toMatch(/^# Not expressed: 1 tool that needs a human's approval is turned off outright: the format has no approval step\.$/m);
    expect(clientPolicyLosses([{ name: 'x', tools: [{ tool: 'a', choice: 'allow' }, { tool: 'b', choice: 'hide' }] }], 'codex')).toEqual([]);
    expect(clientPolicyLosses([{ name: 'x', tools: [{ tool: 'a', choice: 'deny' }] }], 'claude-code')[0]).toContain('permissions.ask');
  });
});

describe('a server name for a client config, from a catalog id', () => {
  it('is the package name without the words that only say "MCP server"', () => {
    expect(clientServerName('@modelcontextprotocol/server-github')).toBe('github');
    expect(clientServerName('io.github.modelcontextprotocol/server-filesystem')).toBe('filesystem');
    expect(clientServerName('@acme/mcp-server-github-issues')).toBe('github-issues');
    expect(clientServerName('io.github.x/mcp-server')).toBe('mcp-server');
    expect(clientServerName('io.example/<script>')).toBe('script');
  });
});

describe('toolrisk scan --policy claude-code | codex', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let project: string;
  const env = () => ({ HOME: join(dir.path, 'home'), XDG_CONFIG_HOME: join(dir.path, 'home', '.config'), XDG_CACHE_HOME: join(ROOT, 'node_modules', '.cache', 'toolrisk-scan-test') });
  const ODD = 'gh.mirror "2"';

  beforeAll(async () => {
    dir = await tempDir('toolrisk-client-policies-');
    project = join(dir.path, 'project');
    const github = { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'] };
    await writeFileIn(join(project, '.mcp.json'), JSON.stringify({ mcpServers: { github, [ODD]: github } }, null, 2));
    // one more tool denied, one hidden, on top of the recommendation
    await writeFileIn(join(project, 'toolrisk.policy.yaml'), `servers:\n  github:\n    get_file_contents: deny\n    search_code: hide\n  '${ODD}':\n    push_files: deny\n`);
  });
  afterAll(() => dir.remove());

  /** Each server's tools turned off, from the scan's own JSON report (the choice after the overrides). */
  async function turnedOff(): Promise<Map<string, string[]>> {
    const json = await toolriskAt(project, env(), 'scan', '--offline', '--json');
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as { servers: { name: string; tools: { tool: string; policy: string }[] }[] };
    return new Map(report.servers.map((server) => [server.name, server.tools.filter((tool) => tool.policy === 'deny' || tool.policy === 'hide').map((tool) => tool.tool)]));
  }

  it('writes one Claude Code settings fragment denying exactly the tools whose choice is deny or hide', async () => {
    const off = await turnedOff();
    expect(off.get('github')).toEqual(expect.arrayContaining(['get_file_contents', 'search_code']));
    expect(off.get(ODD)).toEqual(expect.arrayContaining(['push_files']));
    const policyDir = join(dir.path, 'claude');
    const result = await toolriskAt(project, env(), 'scan', '--offline', '--policy', 'claude-code', '--policy-dir', policyDir);
    expect(result.code, result.stderr).toBe(0);
    const settings = JSON.parse(await readFile(join(policyDir, 'claude-code.settings.json'), 'utf8')) as { permissions: { deny: string[] } };
    expect(Object.keys(settings)).toEqual(['permissions']);
    const expected = [...off].flatMap(([server, tools]) => tools.map((tool) => claudeCodeRule(server, tool)));
    expect(settings.permissions.deny.sort()).toEqual([...new Set(expected)].sort());
    expect(settings.permissions.deny).toContain('mcp__github__get_file_contents');
    expect(settings.permissions.deny).toContain('mcp__github__search_code');
    // the odd server name as Claude Code writes it: every character but A-Z a-z 0-9 _ - made _
    expect(settings.permissions.deny).toContain('mcp__gh_mirror__2___push_files');
    // a limited tool is allowed in full there: the log line says so rather than dropping it
    expect(settings.permissions.deny).not.toContain('mcp__github__create_issue');
    expect(result.stderr).toMatch(/policy \(claude-code\): \S+claude-code\.settings\.json for github, gh\.mirror "2"; merge its permissions\.deny into \.claude\/settings\.json\./);
    expect(result.stderr).toMatch(/not expressed: \d+ limited tools are allowed in full: the format has no rate limits, argument conditions or running totals\./);
  }, 120_000);

  it('writes one Codex config fragment with disabled_tools per server, quoting a name that is no bare key', async () => {
    const off = await turnedOff();
    const policyDir = join(dir.path, 'codex');
    const result = await toolriskAt(project, env(), 'scan', '--offline', '--policy', 'codex', '--policy-dir', policyDir);
    expect(result.code, result.stderr).toBe(0);
    const text = await readFile(join(policyDir, 'codex.config.toml'), 'utf8');
    expect(text).toContain('[mcp_servers."gh.mirror \\"2\\""]');
    const parsed = parseToml(text) as { mcp_servers: Record<string, { disabled_tools: string[] }> };
    expect(Object.keys(parsed.mcp_servers).sort()).toEqual([...off].filter(([, tools]) => tools.length).map(([server]) => server).sort());
    for (const [server, tools] of off) if (tools.length) expect(parsed.mcp_servers[server]!.disabled_tools.sort(), server).toEqual([...tools].sort());
    expect(parsed.mcp_servers.github!.disabled_tools).toContain('get_file_contents');
    expect(parsed.mcp_servers[ODD]!.disabled_tools).toContain('push_files');
    expect(text).toMatch(/^# Not expressed: \d+ limited tools are allowed in full/m);
    expect(result.stderr).toMatch(/policy \(codex\): \S+codex\.config\.toml for github, gh\.mirror "2"; add each disabled_tools line to its \[mcp_servers\.<name>\] table in ~\/\.codex\/config\.toml\./);
  }, 120_000);

  it('refuses a format it does not know, naming every one it does', async () => {
    const wrong = await toolriskAt(project, env(), 'scan', '--offline', '--policy', 'cursor');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--policy takes intercept-json, intercept-yaml, gateway, claude-code, codex, got "cursor"');
  }, 60_000);
});
