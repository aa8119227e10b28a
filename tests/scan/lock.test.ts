// The lock file: entries keyed by config file and server name, the project's configs only unless the
// user asks for their own, and a user's config that this machine lacks (CI) is not a change.
import { describe, expect, it } from 'vitest';
import type { ScanTool } from '../../data/schema.ts';
import { DataFileError } from '../../data/serialize.ts';
import type { Scope } from '../../scan/configs.ts';
import { compareLock, configKey, makeLock, parseLock, renderLock } from '../../scan/lock.ts';
import { launchOf } from '../../scan/match.ts';

const places = { project: '/work/app', home: '/home/me' };

function tools(...names: string[]): Pick<ScanTool, 'tool' | 'fingerprint'>[] {
  return names.map((name) => ({ tool: name, fingerprint: `sha256:${name}` }));
}

function configured(name: string, file: string, scope: Scope, args: string[], toolNames = ['x', 'y']) {
  return { name, file, scope, launch: launchOf({ name, client: 'vscode', file, line: 1, scope, transport: 'stdio', command: 'npx', args, env: new Map(), headers: new Map(), disabled: false }), disabled: false, source: 'catalog' as const, tools: tools(...toolNames) };
}

const pinned = configured('github', '/work/app/.vscode/mcp.json', 'project', ['-y', '@modelcontextprotocol/server-github@2025.4.8'], ['get_issue', 'search_repositories']);
const unpinned = configured('github', '/work/app/.cursor/mcp.json', 'project', ['-y', '@modelcontextprotocol/server-github'], ['get_issue', 'search_repositories', 'create_issue']);
const mine = configured('notes', '/home/me/.cursor/mcp.json', 'user', ['-y', 'notes-mcp@1.0.0']);

describe('the lock file', () => {
  it('keys a config by its place: relative to the project, ~/ for the user, else absolute', () => {
    expect(configKey('/work/app/.vscode/mcp.json', places)).toBe('.vscode/mcp.json');
    expect(configKey('/home/me/.cursor/mcp.json', places)).toBe('~/.cursor/mcp.json');
    expect(configKey('/etc/mcp/servers.json', places)).toBe('/etc/mcp/servers.json');
  });

  it('holds one server name in two config files as two servers, and an unchanged project has no change', () => {
    const lock = makeLock([pinned, unpinned], places);
    expect(lock.servers.map((entry) => [entry.config, entry.name, entry.version ?? null])).toEqual([
      ['.cursor/mcp.json', 'github', null],
      ['.vscode/mcp.json', 'github', '2025.4.8'],
    ]);
    expect(compareLock(lock, [pinned, unpinned], { places, readFiles: [pinned.file, unpinned.file] })).toEqual([]);
    // the round trip through the file keeps it
    expect(compareLock(parseLock('toolrisk.lock.json', renderLock(lock)), [unpinned, pinned], { places, readFiles: [] })).toEqual([]);
  });

  it('reports each change by config file, server and tool', () => {
    const lock = makeLock([pinned, unpinned], places);
    const moved = { ...pinned, launch: configured('github', pinned.file, 'project', ['-y', '@modelcontextprotocol/server-github@2025.5.1']).launch, tools: [{ tool: 'get_issue', fingerprint: 'sha256:changed' }, ...tools('add_comment')] };
    const added = configured('slack', '/work/app/.vscode/mcp.json', 'project', ['-y', 'slack@1.0.0']);
    expect(compareLock(lock, [moved, added], { places, readFiles: [pinned.file, unpinned.file] }).map((change) => change.message)).toEqual([
      'github (.cursor/mcp.json): in the lock file, no longer configured.',
      'github (.vscode/mcp.json): version 2025.4.8 when locked, now 2025.5.1.',
      'github (.vscode/mcp.json): tool "get_issue" changed its definition since the lock (fingerprint get_issue → changed).',
      'github (.vscode/mcp.json): tool "add_comment" was added since the lock.',
      'github (.vscode/mcp.json): tool "search_repositories" was removed since the lock.',
      'slack (.vscode/mcp.json): configured since the lock; not in it.',
    ]);
  });

  it("locks the project's configs only, unless the user's own are asked for", () => {
    expect(makeLock([pinned, mine], places).servers.map((entry) => entry.config)).toEqual(['.vscode/mcp.json']);
    const lock = makeLock([pinned, mine], places);
    expect(lock.includeUser).toBe(false);
    // a lock without the user's configs does not report them, here or on a machine without them
    expect(compareLock(lock, [pinned, mine], { places, readFiles: [pinned.file, mine.file] })).toEqual([]);
    const withMine = makeLock([pinned, mine], places, true);
    expect(withMine.servers.map((entry) => entry.config)).toEqual(['.vscode/mcp.json', '~/.cursor/mcp.json']);
    // CI has an empty home: the user's config is absent, which is not a change
    expect(compareLock(withMine, [pinned], { places, readFiles: [pinned.file] })).toEqual([]);
    // present but without the server, it is one
    expect(compareLock(withMine, [pinned], { places, readFiles: [pinned.file, mine.file] }).map((change) => change.message)).toEqual(['notes (~/.cursor/mcp.json): in the lock file, no longer configured.']);
    // a project config that is gone is always a change
    expect(compareLock(withMine, [mine], { places, readFiles: [mine.file] }).map((change) => change.message)).toEqual(['github (.vscode/mcp.json): in the lock file, no longer configured.']);
  });

  it('refuses a lock of the first version, which keyed servers by name only, saying how to write it again', () => {
    const old = JSON.stringify({ lockfileVersion: 1, servers: [{ name: 'a', source: 'npm:a', tools: [] }] });
    expect(() => parseLock('/work/app/toolrisk.lock.json', old)).toThrow(DataFileError);
    expect(() => parseLock('/work/app/toolrisk.lock.json', old)).toThrow(/toolrisk\.lock\.json.*lockfileVersion 1.*toolrisk scan --lock/);
  });
});
