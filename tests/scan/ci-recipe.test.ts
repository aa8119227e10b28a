// The README's CI recipe, run as written: `toolrisk scan --lock` on a laptop whose home holds the
// user's own MCP configs, then the workflow's toolrisk steps in an empty home (a CI runner). Nothing
// changed, so every step passes; a changed server then fails the last one.
import { chmod, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCommand, tempDir, toolriskAt, writeFileIn } from '../helpers.ts';

let dir: { path: string; remove(): Promise<void> };
let steps: string[];

beforeAll(async () => {
  dir = await tempDir('toolrisk-ci-recipe-');
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const workflow = /```yaml\n# \.github\/workflows\/mcp-scan\.yml\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!workflow) throw new Error('README.md has no ```yaml block starting "# .github/workflows/mcp-scan.yml"');
  steps = [...workflow.matchAll(/^ *- run: (toolrisk .*?)(?:\s+#.*)?$/gm)].map((match) => match[1]!);
});
afterAll(() => dir.remove());

describe("the README's CI recipe", () => {
  it('passes in an empty home on a lock written where the user has configs of their own, and fails on a change', async () => {
    expect(steps.length).toBeGreaterThanOrEqual(2);
    expect(steps.at(-1)).toContain('--fail-on-change');
    const project = join(dir.path, 'project');
    const laptop = join(dir.path, 'laptop');
    const ci = join(dir.path, 'ci');
    const config = (version: string) => JSON.stringify({ servers: { memory: { command: 'npx', args: ['-y', `@modelcontextprotocol/server-memory@${version}`] } } });
    await writeFileIn(join(project, '.vscode', 'mcp.json'), config('2026.8.31'));
    await writeFileIn(join(laptop, '.cursor', 'mcp.json'), JSON.stringify({ mcpServers: { github: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'] } } }));
    await writeFileIn(join(laptop, '.config', 'Claude', 'claude_desktop_config.json'), JSON.stringify({ mcpServers: { slack: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-slack'] } } }));
    await writeFileIn(join(ci, '.keep'), '');
    const locked = await toolriskAt(project, { HOME: laptop, XDG_CONFIG_HOME: join(laptop, '.config') }, 'scan', '--lock', '--offline');
    expect(locked.code, locked.stderr).toBe(0);
    // `toolrisk` on the PATH, as `npm install -g` puts it there
    const bin = await writeFileIn(join(dir.path, 'bin', 'toolrisk'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin', 'toolrisk.js')}" "$@"\n`);
    await chmod(bin, 0o755);
    const runSteps = async () => {
      const results: { step: string; code: number; stderr: string }[] = [];
      for (const step of steps) {
        const result = await runCommand('bash', ['-c', step], { cwd: project, env: { PATH: `${join(dir.path, 'bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`, HOME: ci } });
        results.push({ step, code: result.code, stderr: result.stderr });
      }
      return results;
    };
    for (const result of await runSteps()) expect(result.code, `${result.step}\n${result.stderr}`).toBe(0);
    await writeFileIn(join(project, '.vscode', 'mcp.json'), config('2026.9.1'));
    const last = (await runSteps()).at(-1)!;
    expect(last.code).toBe(1);
    expect(last.stderr).toContain('memory (.vscode/mcp.json): version 2026.8.31 when locked, now 2026.9.1.');
  });
});
