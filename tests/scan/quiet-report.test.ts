// The scan's report says each thing once and fits where it is read: one finding per unknown server,
// with how to inspect or accept it; notes kept out of SARIF unless asked for; the terminal report
// wrapped to its width; unknown servers failing --fail-on unless accepted by name. Run as processes.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOverrides } from '../../scan/overrides.ts';
import { wrapLine } from '../../scan/report.ts';
import { tempDir, toolriskAt, writeFileIn } from '../helpers.ts';

let dir: { path: string; remove(): Promise<void> };
let project: string;
let home: string;

function scan(...args: string[]) {
  // COLUMNS unset, as in a CI log: the report is 100 wide
  return toolriskAt(project, { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), COLUMNS: '' }, 'scan', ...args);
}

beforeAll(async () => {
  dir = await tempDir('toolrisk-quiet-');
  project = join(dir.path, 'project');
  home = join(dir.path, 'home');
  await writeFileIn(join(home, '.keep'), '');
  await writeFileIn(
    join(project, '.cursor', 'mcp.json'),
    JSON.stringify({
      mcpServers: {
        // in the catalog; two of its tools declare hints their definitions contradict (notes)
        clarity: { command: 'npx', args: ['-y', '@microsoft/clarity-mcp-server@2.0.1'] },
        // in no catalog
        'internal-tools': { command: 'npx', args: ['-y', '@acme-internal/tools-mcp@1.0.0'] },
      },
    }),
  );
});
afterAll(() => dir.remove());

describe('a quiet scan report', () => {
  it('gives one finding for a server the catalog does not know, saying how to inspect or accept it', async () => {
    const result = await scan('--offline', '--json');
    const findings = (JSON.parse(result.stdout) as { findings: { rule: string; server?: string; message: string }[] }).findings.filter((finding) => finding.server === 'internal-tools');
    expect(findings.map((finding) => finding.rule)).toEqual(['not-in-catalog']);
    expect(findings[0]!.message).toContain('toolrisk inspect -- npx -y @acme-internal/tools-mcp@1.0.0');
    expect(findings[0]!.message).toContain('--allow-unknown internal-tools');
  });

  it('leaves notes out of SARIF unless --notes', async () => {
    const levels = async (...args: string[]) => {
      const result = await scan('--offline', '--sarif', ...args);
      expect(result.code, result.stderr).toBe(0);
      return (JSON.parse(result.stdout) as { runs: { results: { level: string; ruleId: string }[] }[] }).runs[0]!.results.map((entry) => entry.level);
    };
    const plain = await levels();
    expect(plain.length).toBeGreaterThan(0);
    expect(plain).not.toContain('note');
    const withNotes = await levels('--notes');
    expect(withNotes.filter((level) => level === 'note').length).toBeGreaterThanOrEqual(2);
    expect(withNotes.filter((level) => level !== 'note')).toEqual(plain);
  });

  it('wraps the terminal report to 100 columns when not a terminal, and names each server\'s client', async () => {
    const result = await scan('--offline');
    const lines = result.stdout.trimEnd().split('\n');
    expect(Math.max(...lines.map((line) => [...line].length))).toBeLessThanOrEqual(100);
    expect(lines.some((line) => [...line].length > 90), 'the long lines fill the width').toBe(true);
    expect(result.stdout).toMatch(/^SERVER +CLIENT +VERDICTS FROM +TOOLS/m);
    expect(result.stdout).toMatch(/^clarity +Cursor +catalog +3 /m);
    expect(result.stdout).toMatch(/^internal-tools +Cursor +unknown +\? /m);
    // $COLUMNS sets the width where there is no terminal
    const narrow = await toolriskAt(project, { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), COLUMNS: '60' }, 'scan', '--offline');
    expect(Math.max(...narrow.stdout.trimEnd().split('\n').map((line) => [...line].length))).toBeLessThanOrEqual(60);
  });

  it('fails --fail-on on a server with unknown tools, unless it is accepted by name or in the overrides file', async () => {
    const failing = await scan('--offline', '--fail-on', 'critical');
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/fail-on critical: 1 server with unknown tools \(unknown risk counts as failing; accept one with --allow-unknown NAME\):\n {2}internal-tools/);
    const accepted = await scan('--offline', '--fail-on', 'critical', '--allow-unknown', 'internal-tools');
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stderr).toContain('accepted with unknown tools (--allow-unknown): internal-tools');
    const typo = await scan('--offline', '--fail-on', 'critical', '--allow-unknown', 'internal-tool');
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('warning: --allow-unknown internal-tool: no configured server is named so');
    await writeFileIn(join(project, 'toolrisk.policy.yaml'), 'allow-unknown:\n  - internal-tools\n');
    try {
      const fromFile = await scan('--offline', '--fail-on', 'critical');
      expect(fromFile.code, fromFile.stderr).toBe(0);
    } finally {
      await writeFileIn(join(project, 'toolrisk.policy.yaml'), '');
    }
  });
});

describe('the overrides file', () => {
  it('lists servers accepted with unknown tools under allow-unknown, and refuses anything but names there', () => {
    expect([...parseOverrides('o.yaml', 'allow-unknown:\n  - a\n  - b\n').allowUnknown]).toEqual([
      ['a', 2],
      ['b', 3],
    ]);
    expect(() => parseOverrides('o.yaml', 'allow-unknown: a\n')).toThrow(/^o\.yaml:1: "allow-unknown" should list server names/);
    expect(() => parseOverrides('o.yaml', 'allow-unknown:\n  - [a]\n')).toThrow(/^o\.yaml:2: "allow-unknown" should list server names/);
  });
});

describe('wrapping a line', () => {
  it('breaks at spaces within the width, indents what follows, and cuts a word longer than a line', () => {
    expect(wrapLine('  alpha beta gamma delta', 12)).toEqual(['  alpha beta', '    gamma', '    delta']);
    expect(wrapLine('short', 12)).toEqual(['short']);
    const long = wrapLine(`x ${'y'.repeat(25)}`, 10);
    expect(long.every((line) => [...line].length <= 10)).toBe(true);
    expect(long.join('').replace(/ /g, '')).toBe(`x${'y'.repeat(25)}`);
  });
});
