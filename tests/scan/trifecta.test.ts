// The lethal trifecta as a team meets it: real client configs naming servers of the repository's
// catalog, scanned offline. Legs come from what the tools do; each agent (client) is judged on its
// own servers; the report names the tools that best show each leg and the fewest that break it.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataCatalog, type Catalog } from '../../scan/catalog.ts';
import { runScan } from '../../scan/scan.ts';
import { ROOT, tempDir, toolriskAt, writeFileIn } from '../helpers.ts';

const npx = (pkg: string, ...args: string[]) => ({ command: 'npx', args: ['-y', pkg, ...args] });
const FILESYSTEM = npx('@modelcontextprotocol/server-filesystem@2025.8.21', '/home/me/notes');
const PUPPETEER = npx('@modelcontextprotocol/server-puppeteer');
const SLACK = npx('@modelcontextprotocol/server-slack');
const GITHUB = npx('@modelcontextprotocol/server-github@2025.4.8');
const MEMORY = npx('@modelcontextprotocol/server-memory');
const SEARCH = npx('@modelcontextprotocol/server-brave-search@0.6.2');
const EMAIL = npx('@skanda-yutori/mcp-send-email@1.0.0');

let dir: { path: string; remove(): Promise<void> };
let catalog: Catalog;

beforeAll(async () => {
  dir = await tempDir('toolrisk-trifecta-');
  catalog = await dataCatalog(join(ROOT, 'data'));
});
afterAll(() => dir.remove());

let count = 0;
/** Scans a project whose configs are `files` (path under the project or `~/…` → JSON), offline. */
async function scanOf(files: Record<string, unknown>) {
  const root = join(dir.path, `case-${++count}`);
  const project = join(root, 'project');
  const home = join(root, 'home');
  for (const [path, content] of Object.entries(files)) await writeFileIn(path.startsWith('~/') ? join(home, path.slice(2)) : join(project, path), JSON.stringify(content));
  await writeFileIn(join(home, '.keep'), '');
  return runScan({ files: [], places: { project, home, platform: 'linux', configHome: join(home, '.config') }, catalog, inspect: 'none' });
}

const named = (tools: readonly { server: string; tool: string }[] | undefined) => (tools ?? []).map((tool) => `${tool.server}/${tool.tool}`);

describe('the lethal trifecta', () => {
  it('is found for filesystem + puppeteer + slack, with the tools that show each leg', async () => {
    const report = await scanOf({ '~/.config/Claude/claude_desktop_config.json': { mcpServers: { filesystem: FILESYSTEM, puppeteer: PUPPETEER, slack: SLACK } } });
    expect(report.trifectas).toHaveLength(1);
    const trifecta = report.trifectas[0]!;
    expect(trifecta.agent).toBe('Claude Desktop');
    expect(named(trifecta.examples.get('private'))).toContain('filesystem/read_file');
    expect(named(trifecta.examples.get('untrusted'))).toContain('puppeteer/puppeteer_navigate');
    expect(named(trifecta.examples.get('exfiltration'))).toContain('slack/slack_post_message');
    // a tool that only closes or resizes a window is no way out
    const exits = named(trifecta.legs.get('exfiltration'));
    expect(exits.some((tool) => /close|resize|screenshot/.test(tool)), exits.join(', ')).toBe(false);
    for (const leg of trifecta.examples.values()) {
      expect(leg.length).toBeGreaterThanOrEqual(1);
      expect(leg.length).toBeLessThanOrEqual(3);
    }
    // the fewest tools to deny: the open tools of the smallest leg, and no fewer
    const smallest = Math.min(...[...trifecta.legs.values()].map((tools) => tools.filter((tool) => tool.choice === 'allow' || tool.choice === 'limit').length));
    expect(trifecta.breakWith?.tools.length).toBe(smallest);
    const finding = report.findings.find((entry) => entry.rule === 'lethal-trifecta')!;
    expect(finding.message).toMatch(/^Claude Desktop: its servers \(.*\) together give the agent the lethal trifecta\. private data: .*filesystem\/read_file \(reads local files\)/);
    expect(finding.message).toContain('puppeteer/puppeteer_navigate (fetches or browses web pages)');
    expect(finding.message).toContain('slack/slack_post_message (sends messages or email)');
  });

  it('is found for the GitHub server alone: private repositories, issues others write, public comments', async () => {
    const report = await scanOf({ '.vscode/mcp.json': { servers: { github: GITHUB } } });
    expect(report.trifectas).toHaveLength(1);
    const trifecta = report.trifectas[0]!;
    expect(trifecta.agent).toBe('VS Code');
    expect(named(trifecta.legs.get('private'))).toContain('github/get_file_contents');
    expect(named(trifecta.legs.get('untrusted'))).toEqual(expect.arrayContaining(['github/get_issue', 'github/list_issues']));
    expect(named(trifecta.legs.get('exfiltration'))).toEqual(expect.arrayContaining(['github/create_issue', 'github/add_issue_comment']));
  });

  it('is not found when no server gives a way out', async () => {
    const report = await scanOf({ '.cursor/mcp.json': { mcpServers: { filesystem: FILESYSTEM, memory: MEMORY } } });
    expect(report.trifectas).toEqual([]);
    expect(report.findings.some((entry) => entry.rule === 'lethal-trifecta')).toBe(false);
  });

  it("judges each client on its own servers: legs spread over three clients make none, one client's project and user configs together make one", async () => {
    // one leg each: local files, web search results, sending email
    const spread = await scanOf({
      '.vscode/mcp.json': { servers: { filesystem: FILESYSTEM } },
      '.cursor/mcp.json': { mcpServers: { search: SEARCH } },
      '~/.config/Claude/claude_desktop_config.json': { mcpServers: { email: EMAIL } },
    });
    expect(spread.trifectas).toEqual([]);
    const joined = await scanOf({
      '.cursor/mcp.json': { mcpServers: { filesystem: FILESYSTEM } },
      '~/.cursor/mcp.json': { mcpServers: { search: SEARCH, email: EMAIL } },
      '.vscode/mcp.json': { servers: { memory: MEMORY } },
    });
    expect(joined.trifectas.map((trifecta) => [trifecta.agent, trifecta.servers])).toEqual([['Cursor', ['filesystem', 'search', 'email']]]);
  });

  it('says so as a process: the terminal report and the JSON name the agent, the examples and what breaks it', async () => {
    const root = join(dir.path, 'process');
    await writeFileIn(join(root, 'home', '.config', 'Claude', 'claude_desktop_config.json'), JSON.stringify({ mcpServers: { filesystem: FILESYSTEM, puppeteer: PUPPETEER, slack: SLACK } }));
    await writeFileIn(join(root, 'project', '.keep'), '');
    const env = { HOME: join(root, 'home'), XDG_CONFIG_HOME: join(root, 'home', '.config') };
    const terminal = await toolriskAt(join(root, 'project'), env, 'scan', '--offline');
    expect(terminal.stdout).toMatch(/Lethal trifecta for Claude Desktop: OPEN under the policy this scan writes\.\n {2}private data: filesystem\/read_file \(reads local files; allow\)/);
    expect(terminal.stdout).toMatch(/\n {2}to break it, deny or require approval for: \S+/);
    const json = await toolriskAt(join(root, 'project'), env, 'scan', '--offline', '--json');
    const parsed = JSON.parse(json.stdout) as { trifectas: { agent: string; legs: Record<string, { examples: { tool: string }[] }>; breakWith: { tools: unknown[] } }[] };
    expect(parsed.trifectas.map((trifecta) => trifecta.agent)).toEqual(['Claude Desktop']);
    expect(parsed.trifectas[0]!.legs.exfiltration!.examples.map((tool) => tool.tool)).toContain('slack_post_message');
    expect(parsed.trifectas[0]!.breakWith.tools.length).toBeGreaterThan(0);
  });
});
