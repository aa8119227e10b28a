// Reading client configurations: each client's real file shape, written by the test, found in its
// usual place, every server with its line; broken files and entries named, the rest still read.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configCandidates, findConfigs, pathsOutside, readConfig } from '../../scan/configs.ts';
import { JsoncError, MAX_DEPTH, parseJsonc, pathKey } from '../../scan/jsonc.ts';
import { tempDir, writeFileIn } from '../helpers.ts';

let dir: { path: string; remove(): Promise<void> };
let project: string;
let home: string;

beforeEach(async () => {
  dir = await tempDir('toolrisk-scan-');
  project = join(dir.path, 'project');
  home = join(dir.path, 'home');
  await mkdir(project, { recursive: true });
  await mkdir(home, { recursive: true });
});
afterEach(() => dir.remove());

describe('the JSON-with-comments reader', () => {
  it('reads comments and trailing commas, and gives each key its line', () => {
    const parsed = parseJsonc('{\n  // servers\n  "servers": {\n    /* one */ "a": { "command": "x", },\n    "b": {"url": "u"}\n  },\n}\n');
    expect(parsed.value).toEqual({ servers: { a: { command: 'x' }, b: { url: 'u' } } });
    expect(parsed.lines.get(pathKey(['servers']))).toBe(3);
    expect(parsed.lines.get(pathKey(['servers', 'a']))).toBe(4);
    expect(parsed.lines.get(pathKey(['servers', 'b']))).toBe(5);
  });

  it('says where a file is broken', () => {
    expect(() => parseJsonc('{\n  "a": 1\n  "b": 2\n}')).toThrow(/line 3, column 3: expected , or \} after the value of "a"/);
    expect(() => parseJsonc('{"a": "never closed')).toThrow(JsoncError);
    expect(() => parseJsonc('{"a": 1} x')).toThrow(/after the end/);
  });

  it('keeps __proto__ and constructor as plain keys and stops at a nesting limit', () => {
    const parsed = parseJsonc('{"__proto__": {"command": "x"}, "constructor": 1}');
    const value = parsed.value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(value)).toBe(null);
    expect(() => parseJsonc('['.repeat(MAX_DEPTH + 5) + ']'.repeat(MAX_DEPTH + 5))).toThrow(new RegExp(`deeper than ${MAX_DEPTH}`));
  });
});

describe('client configuration files', () => {
  it('reads each client format with its servers, transports and lines', async () => {
    const desktop = await writeFileIn(
      join(dir.path, 'claude_desktop_config.json'),
      JSON.stringify({ mcpServers: { memory: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'] }, docs: { command: 'uvx', args: ['mcp-server-fetch'], env: { A: '1' } } } }, null, 2),
    );
    const vscode = await writeFileIn(
      join(project, '.vscode', 'mcp.json'),
      '{\n  "inputs": [{"type": "promptString", "id": "token", "password": true}],\n  "servers": {\n    // GitHub\n    "github": {"type": "http", "url": "https://api.githubcopilot.com/mcp/", "headers": {"Authorization": "Bearer ${input:token}"}},\n    "fs": {"type": "stdio", "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2026.8.31", "${workspaceFolder}"], "envFile": "${workspaceFolder}/.env"},\n  },\n}\n',
    );
    const windsurf = await writeFileIn(join(home, '.codeium', 'windsurf', 'mcp_config.json'), '{"mcpServers": {"remote": {"serverUrl": "https://mcp.example.com/sse"}}}');
    const claudeUser = await writeFileIn(join(home, '.claude.json'), JSON.stringify({ numStartups: 3, mcpServers: { everywhere: { type: 'sse', url: 'https://x.example/sse' } }, projects: { [project]: { mcpServers: { here: { type: 'stdio', command: 'node', args: ['server.js'] } } }, '/elsewhere': { mcpServers: { other: { command: 'x' } } } } }, null, 2));
    const settings = await writeFileIn(join(home, '.config', 'Code', 'User', 'settings.json'), '{\n  "editor.fontSize": 14,\n  "mcp": { "servers": { "old": { "command": "docker", "args": ["run", "-i", "--rm", "mcp/time"] } } }\n}');

    const d = readConfig(desktop, 'given', project);
    expect(d.client).toBe('claude-desktop');
    expect(d.servers.map((server) => [server.name, server.transport, server.command, server.line])).toEqual([
      ['memory', 'stdio', 'npx', 3],
      ['docs', 'stdio', 'uvx', 10],
    ]);
    expect(d.servers[1]!.env.get('A')).toBe('1');

    const v = readConfig(vscode, 'project', project);
    expect(v.problems).toEqual([]);
    expect(v.client).toBe('vscode');
    expect(v.servers.map((server) => [server.name, server.transport, server.url ?? server.command, server.line])).toEqual([
      ['github', 'http', 'https://api.githubcopilot.com/mcp/', 5],
      ['fs', 'stdio', 'npx', 6],
    ]);
    expect(v.servers[0]!.headers.get('Authorization')).toBe('Bearer ${input:token}');
    expect(v.servers[1]!.envFile).toBe('${workspaceFolder}/.env');

    const w = readConfig(windsurf, 'user', project, 'windsurf');
    expect(w.servers.map((server) => [server.name, server.transport, server.url])).toEqual([['remote', 'http', 'https://mcp.example.com/sse']]);

    const c = readConfig(claudeUser, 'user', project, 'claude-code');
    // the user's servers and this project's local ones, not another project's
    expect(c.servers.map((server) => [server.name, server.transport])).toEqual([
      ['everywhere', 'sse'],
      ['here', 'stdio'],
    ]);

    const s = readConfig(settings, 'user', project, 'vscode');
    expect(s.servers.map((server) => [server.name, server.args.join(' '), server.line])).toEqual([['old', 'run -i --rm mcp/time', 3]]);
  });

  it('finds the project files first, then the user files, and says where it looked', async () => {
    await writeFileIn(join(home, '.cursor', 'mcp.json'), '{"mcpServers": {}}');
    await writeFileIn(join(project, '.mcp.json'), '{"mcpServers": {}}');
    await writeFileIn(join(project, '.cursor', 'mcp.json'), '{"mcpServers": {}}');
    const places = { project, home, platform: 'linux' as const };
    const { candidates, searched } = findConfigs([], places);
    expect(candidates.map((candidate) => [candidate.file.slice(dir.path.length), candidate.client, candidate.scope])).toEqual([
      ['/project/.mcp.json', 'claude-code', 'project'],
      ['/project/.cursor/mcp.json', 'cursor', 'project'],
      ['/home/.cursor/mcp.json', 'cursor', 'user'],
    ]);
    expect(searched.length).toBe(configCandidates(places).length);
    expect(searched.map((candidate) => candidate.file)).toContain(join(home, '.config', 'Claude', 'claude_desktop_config.json'));
    expect(configCandidates({ project, home, platform: 'darwin' }).map((candidate) => candidate.file)).toContain(join(home, 'Library', 'Application Support', 'Claude', 'claude_desktop_config.json'));
    expect(configCandidates({ project, home, platform: 'win32', appData: 'C:\\Users\\me\\AppData\\Roaming' }).map((candidate) => candidate.file)).toContain(join('C:\\Users\\me\\AppData\\Roaming', 'Claude', 'claude_desktop_config.json'));
  });

  it('names the file, the line and the server for what it cannot read, and reads the rest', async () => {
    const missing = readConfig(join(project, 'nope.json'), 'given', project);
    expect(missing.problems.map((problem) => problem.message)).toEqual(['does not exist']);
    const broken = readConfig(await writeFileIn(join(project, 'broken.json'), '{\n  "mcpServers": {\n    "a": {"command": "x"\n  }\n'), 'given', project);
    expect(broken.problems[0]).toMatchObject({ file: join(project, 'broken.json'), line: 5 });
    expect(broken.problems[0]!.message).toMatch(/not valid JSON/);
    const unknown = readConfig(await writeFileIn(join(project, 'other.json'), '{"tools": []}'), 'given', project);
    expect(unknown.problems[0]!.message).toMatch(/no "mcpServers" object .* no "servers" object/);
    const mixed = readConfig(
      await writeFileIn(join(project, 'mixed.json'), JSON.stringify({ mcpServers: { good: { command: 'node', args: ['a.js'] }, nothing: {}, wrongType: { type: 'carrier-pigeon', command: 'x' }, badArgs: { command: 'x', args: 'not a list' }, notObject: 3, __proto__x: { url: 'https://ok.example/mcp' } } }, null, 1)),
      'given',
      project,
    );
    expect(mixed.servers.map((server) => server.name)).toEqual(['good', '__proto__x']);
    expect(mixed.problems.map((problem) => [problem.server, problem.line, problem.message])).toEqual([
      ['nothing', 9, 'server "nothing" has neither a command nor a url; it is left out of the scan'],
      ['wrongType', 10, 'server "wrongType" type "carrier-pigeon" is not one of stdio, http, sse; it is left out of the scan'],
      ['badArgs', 14, 'server "badArgs" args should be a list of strings; it is left out of the scan'],
      ['notObject', 18, 'server "notObject" is not an object with a command or a url; it is left out of the scan'],
    ]);
  });

  it('keeps a server named __proto__ as a server', async () => {
    const file = await writeFileIn(join(project, '.mcp.json'), '{"mcpServers": {"__proto__": {"command": "npx", "args": ["-y", "pkg"]}, "constructor": {"url": "https://a.example/mcp"}}}');
    expect(readConfig(file, 'project', project).servers.map((server) => server.name)).toEqual(['__proto__', 'constructor']);
  });

  it('points out files a project config reaches outside the project', async () => {
    const file = await writeFileIn(
      join(project, '.mcp.json'),
      JSON.stringify({ mcpServers: { inside: { command: 'node', args: ['./tools/server.js'] }, outside: { command: 'node', args: ['../../elsewhere/server.js'], envFile: '/home/someone/.env' }, system: { command: '/usr/bin/node', args: ['./x.js'] } } }),
    );
    const [inside, outside, system] = readConfig(file, 'project', project).servers;
    expect(pathsOutside(inside!, project)).toEqual([]);
    expect(pathsOutside(outside!, project)).toEqual(['/home/someone/.env', join(project, '../../elsewhere/server.js')]);
    expect(pathsOutside(system!, project)).toEqual([]);
  });
});
