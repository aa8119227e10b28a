// Reading MCP client configuration files: where each client keeps them, what shape each has, and
// every configured server with the line it stands on. A file that is missing, malformed or of an
// unknown shape gives a problem naming the file (and the server); it never hides the other files.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { own } from '../data/own.ts';
import { JsoncError, parseJsonc, pathKey, type Parsed } from './jsonc.ts';

export const CLIENTS = ['claude-desktop', 'claude-code', 'cursor', 'vscode', 'windsurf', 'mcp-json'] as const;
export type Client = (typeof CLIENTS)[number];

export const CLIENT_NAMES: ReadonlyMap<Client, string> = new Map<Client, string>([
  ['claude-desktop', 'Claude Desktop'],
  ['claude-code', 'Claude Code'],
  ['cursor', 'Cursor'],
  ['vscode', 'VS Code'],
  ['windsurf', 'Windsurf'],
  ['mcp-json', 'an mcpServers file'],
]);

export type Scope = 'project' | 'user' | 'given';

export interface ConfiguredServer {
  /** The server's key in the config. */
  name: string;
  client: Client;
  /** The config file, absolute. */
  file: string;
  /** The 1-based line of the server's key in the file. */
  line: number;
  scope: Scope;
  transport: 'stdio' | 'http' | 'sse';
  command?: string;
  args: string[];
  /** Environment and header values stay in memory: never printed, logged or written (see secrets.ts). */
  env: Map<string, string>;
  headers: Map<string, string>;
  url?: string;
  envFile?: string;
  cwd?: string;
  disabled: boolean;
}

export interface ConfigProblem {
  file: string;
  line?: number;
  server?: string;
  message: string;
}

export interface ConfigRead {
  file: string;
  client: Client;
  scope: Scope;
  servers: ConfiguredServer[];
  problems: ConfigProblem[];
}

export interface Candidate {
  file: string;
  client: Client;
  scope: Scope;
}

export interface Places {
  /** The project folder (the current folder by default). */
  project: string;
  home: string;
  platform: NodeJS.Platform;
  /** %APPDATA% on Windows. */
  appData?: string;
  /** $XDG_CONFIG_HOME, else ~/.config. */
  configHome?: string;
}

/** Where each client keeps its configuration: the project's files first, then the user's. */
export function configCandidates(places: Places): Candidate[] {
  const { project, home, platform } = places;
  const userConfig =
    platform === 'darwin' ? join(home, 'Library', 'Application Support') : platform === 'win32' ? (places.appData ?? join(home, 'AppData', 'Roaming')) : (places.configHome ?? join(home, '.config'));
  return [
    { file: join(project, '.mcp.json'), client: 'claude-code', scope: 'project' },
    { file: join(project, '.cursor', 'mcp.json'), client: 'cursor', scope: 'project' },
    { file: join(project, '.vscode', 'mcp.json'), client: 'vscode', scope: 'project' },
    { file: join(userConfig, 'Claude', 'claude_desktop_config.json'), client: 'claude-desktop', scope: 'user' },
    { file: join(home, '.claude.json'), client: 'claude-code', scope: 'user' },
    { file: join(home, '.cursor', 'mcp.json'), client: 'cursor', scope: 'user' },
    { file: join(userConfig, 'Code', 'User', 'mcp.json'), client: 'vscode', scope: 'user' },
    { file: join(home, '.codeium', 'windsurf', 'mcp_config.json'), client: 'windsurf', scope: 'user' },
  ];
}

/** The client a file given on the command line belongs to, from its name and place (undefined: decide from its content). */
export function clientOfPath(file: string): Client | undefined {
  const name = basename(file);
  const folder = basename(dirname(file));
  if (name === 'claude_desktop_config.json') return 'claude-desktop';
  if (name === '.mcp.json' || name === '.claude.json') return 'claude-code';
  if (folder === '.cursor' && name === 'mcp.json') return 'cursor';
  if (folder === '.vscode' && name === 'mcp.json') return 'vscode';
  if (folder === 'User' && (name === 'mcp.json' || name === 'settings.json')) return 'vscode';
  if (name === 'mcp_config.json') return 'windsurf';
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(object: Record<string, unknown>, key: string): unknown {
  return own(object, key);
}

/** The servers object of a parsed config, with its path, by client shape; undefined when the file has none. */
function serverTables(value: unknown, client: Client | undefined, project: string): { path: string[]; table: unknown; client: Client }[] | undefined {
  if (!isObject(value)) return undefined;
  const tables: { path: string[]; table: unknown; client: Client }[] = [];
  if (field(value, 'mcpServers') !== undefined) tables.push({ path: ['mcpServers'], table: field(value, 'mcpServers'), client: client ?? 'mcp-json' });
  if (field(value, 'servers') !== undefined && (client === undefined || client === 'vscode')) tables.push({ path: ['servers'], table: field(value, 'servers'), client: 'vscode' });
  const mcp = field(value, 'mcp');
  if (isObject(mcp) && field(mcp, 'servers') !== undefined && (client === undefined || client === 'vscode')) tables.push({ path: ['mcp', 'servers'], table: field(mcp, 'servers'), client: 'vscode' });
  // Claude Code's ~/.claude.json: servers of this project's local scope, under projects.<path>
  const projects = field(value, 'projects');
  if (isObject(projects) && (client === undefined || client === 'claude-code')) {
    const own = field(projects, project);
    if (isObject(own) && field(own, 'mcpServers') !== undefined) tables.push({ path: ['projects', project, 'mcpServers'], table: field(own, 'mcpServers'), client: 'claude-code' });
  }
  if (!tables.length) return client === 'claude-code' && isObject(projects) ? [] : undefined;
  return tables;
}

const TRANSPORTS = new Map<string, ConfiguredServer['transport']>([
  ['stdio', 'stdio'],
  ['http', 'http'],
  ['streamable-http', 'http'],
  ['streamableHttp', 'http'],
  ['sse', 'sse'],
]);

function stringMap(value: unknown, what: string, problems: string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (value === undefined) return out;
  if (!isObject(value)) {
    problems.push(`${what} should be an object of names to strings`);
    return out;
  }
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string') out.set(key, item);
    else if (typeof item === 'number' || typeof item === 'boolean') out.set(key, String(item));
    else problems.push(`${what}.${key} should be a string`);
  }
  return out;
}

/** One server entry, or the reasons it cannot be read. */
function readServer(name: string, entry: unknown, base: Omit<ConfiguredServer, 'name' | 'transport' | 'args' | 'env' | 'headers' | 'disabled'>): ConfiguredServer | string[] {
  if (!isObject(entry)) return ['is not an object with a command or a url'];
  const problems: string[] = [];
  const command = field(entry, 'command');
  const url = field(entry, 'url') ?? field(entry, 'serverUrl') ?? field(entry, 'httpUrl');
  const type = field(entry, 'type') ?? field(entry, 'transport');
  if (command !== undefined && typeof command !== 'string') problems.push('command should be a string');
  if (url !== undefined && typeof url !== 'string') problems.push('url should be a string');
  if (typeof command !== 'string' && typeof url !== 'string') problems.push('has neither a command nor a url');
  let transport: ConfiguredServer['transport'] = typeof url === 'string' && typeof command !== 'string' ? 'http' : 'stdio';
  if (type !== undefined) {
    const known = typeof type === 'string' ? TRANSPORTS.get(type) : undefined;
    if (!known) problems.push(`type ${JSON.stringify(type)} is not one of stdio, http, sse`);
    else transport = known;
  }
  if (transport !== 'stdio' && typeof url !== 'string') problems.push(`type ${String(type)} needs a url`);
  if (transport === 'stdio' && typeof command !== 'string' && typeof url === 'string' && type !== undefined) problems.push('type stdio needs a command');
  const rawArgs = field(entry, 'args');
  const args: string[] = [];
  if (rawArgs !== undefined) {
    if (!Array.isArray(rawArgs)) problems.push('args should be a list of strings');
    else rawArgs.forEach((arg, i) => (typeof arg === 'string' || typeof arg === 'number' ? args.push(String(arg)) : problems.push(`args[${i}] should be a string`)));
  }
  const env = stringMap(field(entry, 'env'), 'env', problems);
  const headers = stringMap(field(entry, 'headers'), 'headers', problems);
  const envFile = field(entry, 'envFile');
  const cwd = field(entry, 'cwd');
  if (problems.length) return problems;
  if (typeof url === 'string') {
    try {
      new URL(url.replace(/\$\{[^}]*\}/g, 'x'));
    } catch {
      return [`url is not a URL`];
    }
  }
  return {
    ...base,
    name,
    transport,
    ...(typeof command === 'string' ? { command } : {}),
    args,
    env,
    headers,
    ...(typeof url === 'string' ? { url } : {}),
    ...(typeof envFile === 'string' ? { envFile } : {}),
    ...(typeof cwd === 'string' ? { cwd } : {}),
    disabled: field(entry, 'disabled') === true || field(entry, 'enabled') === false,
  };
}

export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/** Reads one config file. `client` forces the shape (a default location); without it the name, then the content decide. */
export function readConfig(file: string, scope: Scope, project: string, client?: Client): ConfigRead {
  const absolute = resolve(file);
  const result: ConfigRead = { file: absolute, client: client ?? clientOfPath(absolute) ?? 'mcp-json', scope, servers: [], problems: [] };
  const problem = (message: string, line?: number, server?: string) => result.problems.push({ file: absolute, message, ...(line ? { line } : {}), ...(server !== undefined ? { server } : {}) });
  let text: string;
  try {
    const info = statSync(absolute);
    if (info.isDirectory()) {
      problem('is a folder; give the configuration file itself (such as .vscode/mcp.json)');
      return result;
    }
    if (info.size > MAX_CONFIG_BYTES) {
      problem(`is larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MiB; a client configuration is a few kilobytes`);
      return result;
    }
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problem(code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be read: ${(error as Error).message}`);
    return result;
  }
  let parsed: Parsed;
  try {
    parsed = parseJsonc(text);
  } catch (error) {
    if (error instanceof JsoncError) problem(`is not valid JSON: ${error.message}`, error.line);
    else problem(`is not valid JSON: ${(error as Error).message}`);
    return result;
  }
  const tables = serverTables(parsed.value, client ?? clientOfPath(absolute), project);
  if (!tables) {
    problem('is not an MCP client configuration this scan knows: it has no "mcpServers" object (Claude Desktop, Claude Code, Cursor, Windsurf) and no "servers" object (VS Code)');
    return result;
  }
  if (tables[0]) result.client = tables[0].client;
  for (const { path, table, client: tableClient } of tables) {
    const tableLine = parsed.lines.get(pathKey(path));
    if (!isObject(table)) {
      problem(`"${path.join('.')}" should be an object of server names to servers`, tableLine);
      continue;
    }
    for (const [name, entry] of Object.entries(table)) {
      const line = parsed.lines.get(pathKey([...path, name])) ?? tableLine ?? 1;
      const server = readServer(name, entry, { client: tableClient, file: absolute, line, scope });
      if (Array.isArray(server)) problem(`server "${name}" ${server.join('; ')}; it is left out of the scan`, line, name);
      else result.servers.push(server);
    }
  }
  return result;
}

/** True when `path` is `folder` or inside it. */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

/** The files a project config's server points at outside the project (env file, working folder, the command and path arguments). */
export function pathsOutside(server: ConfiguredServer, project: string): string[] {
  if (server.scope !== 'project') return [];
  const base = dirname(dirname(server.file)) === project || dirname(server.file) === project ? project : dirname(server.file);
  const candidates = [server.envFile, server.cwd, server.command, ...server.args].filter((value): value is string => typeof value === 'string' && !value.includes('${') && /^(\/|\.\.?\/|~\/|[A-Za-z]:\\)/.test(value));
  const outside = candidates.map((value) => (value.startsWith('~/') ? value : resolve(base, value))).filter((path) => path.startsWith('~/') || !isInside(project, path));
  // a system program (/usr/bin/node) is not a file of anyone's project
  return [...new Set(outside.filter((path) => !/^\/(usr|bin|sbin|opt|lib\w*|etc|nix)(\/|$)/.test(path)))];
}

/** The config files a scan reads: those named, else every usual one that exists (project first). */
export function findConfigs(given: readonly string[], places: Places): { candidates: Candidate[]; searched: Candidate[] } {
  // a named file inside the project is the project's configuration, and held to the same rules
  if (given.length) return { candidates: given.map((file) => ({ file: resolve(file), client: clientOfPath(resolve(file)) ?? 'mcp-json', scope: isInside(places.project, resolve(file)) ? ('project' as const) : ('given' as const) })), searched: [] };
  const searched = configCandidates(places);
  return { candidates: searched.filter((candidate) => existsSync(candidate.file)), searched };
}
