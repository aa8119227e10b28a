// `scan --lock` then `scan --fail-on-change`, as processes, as a team runs them: one server name in two
// project config files, and a lock written on a laptop (with the user's own configs) checked in CI
// (an empty home). Nothing changed, so the check passes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, toolriskAt, writeFileIn } from '../helpers.ts';

let dir: { path: string; remove(): Promise<void> };
let project: string;
let laptop: string;
let ci: string;

function scan(home: string, ...args: string[]) {
  return toolriskAt(project, { HOME: home, XDG_CONFIG_HOME: join(home, '.config') }, 'scan', '--offline', ...args);
}

beforeAll(async () => {
  dir = await tempDir('toolrisk-lock-cli-');
  project = join(dir.path, 'project');
  laptop = join(dir.path, 'laptop-home');
  ci = join(dir.path, 'ci-home');
  await writeFileIn(join(project, '.vscode', 'mcp.json'), JSON.stringify({ servers: { github: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'] } } }));
  await writeFileIn(join(project, '.cursor', 'mcp.json'), JSON.stringify({ mcpServers: { github: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'] } } }));
  // the user's own servers, on the laptop only
  await writeFileIn(join(laptop, '.cursor', 'mcp.json'), JSON.stringify({ mcpServers: { memory: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'] } } }));
  await writeFileIn(join(ci, '.keep'), '');
});
afterAll(() => dir.remove());

describe('scan --lock, then --fail-on-change', () => {
  it('passes on an unchanged project that names one server in two config files', async () => {
    const locked = await scan(laptop, '--lock');
    expect(locked.code, locked.stderr).toBe(0);
    const lock = JSON.parse(await readFile(join(project, 'toolrisk.lock.json'), 'utf8')) as { includeUser: boolean; servers: { config: string; name: string; version?: string }[] };
    expect(lock.includeUser).toBe(false);
    expect(lock.servers.map((entry) => [entry.config, entry.name, entry.version ?? null])).toEqual([
      ['.cursor/mcp.json', 'github', null],
      ['.vscode/mcp.json', 'github', '2025.4.8'],
    ]);
    expect(locked.stderr).toMatch(/1 of your own user-level configs? left out.*--include-user/);
    const checked = await scan(laptop, '--fail-on-change');
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stderr).toContain('fail-on-change: nothing changed since the lock file.');
  });

  it("passes in CI (an empty home) on a lock that holds the laptop's own configs, and fails on a real change", async () => {
    const locked = await scan(laptop, '--lock', '--include-user');
    expect(locked.code, locked.stderr).toBe(0);
    const lock = JSON.parse(await readFile(join(project, 'toolrisk.lock.json'), 'utf8')) as { servers: { config: string }[] };
    expect(lock.servers.map((entry) => entry.config)).toEqual(['.cursor/mcp.json', '.vscode/mcp.json', '~/.cursor/mcp.json']);
    const inCi = await scan(ci, '--fail-on-change');
    expect(inCi.code, inCi.stderr).toBe(0);
    expect(inCi.stderr).toContain('fail-on-change: nothing changed since the lock file.');
    // the project's pinned server moved to another version: that is a change
    await writeFileIn(join(project, '.vscode', 'mcp.json'), JSON.stringify({ servers: { github: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github@2025.4.9'] } } }));
    const moved = await scan(ci, '--fail-on-change');
    expect(moved.code).toBe(1);
    expect(moved.stderr).toMatch(/fail-on-change: 1 change since the lock file:\n {2}github \(\.vscode\/mcp\.json\): version 2025\.4\.8 when locked, now 2025\.4\.9\./);
  });

  it('says --include-user goes with --lock', async () => {
    const result = await scan(ci, '--include-user');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--include-user goes with --lock');
  });
});
