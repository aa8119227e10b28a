// `toolrisk classify <file>` and the classification in `toolrisk inspect`, run as real processes.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateInterceptPolicy } from '../../classifier/validate-policy.ts';
import { classifyToolsFile } from '../../classifier/run.ts';
import { sdkServerCommand, tempDir, toolrisk } from '../helpers.ts';


const TOOLS = [
  { name: 'list_files', description: 'List files in a folder.', inputSchema: { type: 'object', properties: { path: { type: 'string' } } } },
  { name: 'delete_file', description: 'Delete a file.', inputSchema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] } },
  { name: 'broken', inputSchema: { type: 'string' } },
  { name: 'run_shell', description: 'Run a shell command.', inputSchema: { type: 'object', properties: { command: { type: 'string' } } } },
];

describe('toolrisk classify <file>', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    dir = await tempDir();
    await writeFile(join(dir.path, 'wrapped.json'), JSON.stringify({ tools: TOOLS }));
    await writeFile(join(dir.path, 'bare.json'), JSON.stringify(TOOLS));
    await writeFile(join(dir.path, 'server.json'), JSON.stringify({ server: { name: 'io.example/browser', description: 'Browser automation' }, tools: [{ name: 'click', description: 'Click an element.', inputSchema: { type: 'object' } }] }));
    await writeFile(join(dir.path, 'bad.json'), '{"tools": 5}');
  });
  afterAll(() => dir?.remove());

  it('--json gives one object per input tool, in input order, with both policies', async () => {
    const result = await toolrisk('classify', '--json', join(dir.path, 'wrapped.json'));
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as Record<string, unknown>[];
    // written a tool at a time, byte for byte what JSON.stringify(all, null, 2) gives
    expect(result.stdout).toBe(`${JSON.stringify(out, null, 2)}\n`);
    expect(out.map((entry) => entry.name)).toEqual(['list_files', 'delete_file', 'broken', 'run_shell']);
    expect(Object.keys(out[0]!)).toEqual(['name', 'category', 'risk', 'destructive', 'financial', 'openWorld', 'sensitive', 'destructiveScope', 'operations', 'score', 'confidence', 'rationale', 'evidence', 'signals', 'warnings', 'policy']);
    expect(out[0]).toMatchObject({ category: 'read', risk: 'low' });
    expect(out[1]).toMatchObject({ category: 'write', risk: 'high', destructive: true });
    // a schema the SDK rejects: classified from what it has, with a note saying so
    expect(out[2]).toMatchObject({ name: 'broken', category: 'read', risk: 'low' });
    expect(out[2]!.warnings).toEqual([expect.objectContaining({ kind: 'invalid-definition', severity: 'note' })]);
    expect(out[3]).toMatchObject({ category: 'execute', risk: 'critical' });
    for (const entry of out) {
      const policy = entry!.policy as { intercept: unknown; gateway: { version: string; default: string } };
      expect(validateInterceptPolicy(policy.intercept)).toEqual([]);
      expect(policy.gateway).toMatchObject({ version: '1', default: 'deny' });
    }
    // error lines name the file, the tool's position and its name
    expect(result.stderr).toContain(`${join(dir.path, 'wrapped.json')}: tool #3 "broken": the server's definition is not a valid MCP tool (inputSchema.type`);
    expect(result.stderr).toMatch(/1 of 4 tools had definitions that were repaired or cut to be read/);
  });

  it('classifies definitions real servers ship broken, one result per input in input order', () => {
    const listed = [
      { name: 'delete_note', description: 'Delete a note.', inputSchema: {} },
      { name: 'search_notes', description: 'Search notes.', inputSchema: { properties: { query: { type: 'string' } } } },
      { name: 'send_email', description: 'Send an email.', inputSchema: { type: 'object' }, annotations: { readOnlyHint: 'no', destructiveHint: false } },
      { description: 'nameless', inputSchema: { type: 'object' } },
      { name: 'delete_note', description: 'A second definition under the same name.', inputSchema: {} },
    ];
    const { results } = classifyToolsFile('broken.json', JSON.stringify(listed));
    expect(results.map((entry) => entry.name ?? null)).toEqual(['delete_note', 'search_notes', 'send_email', null, 'delete_note']);
    const verdicts = results.map((entry) => ('classification' in entry ? `${entry.classification.category} ${entry.classification.risk}` : entry.error.slice(0, 40)));
    expect(verdicts.slice(0, 3)).toEqual(['write high', 'read low', 'write medium']);
    // the parts that were valid are kept: the properties of a schema without "type", the boolean hints
    const tools = results.map((entry) => ('tool' in entry ? entry.tool : undefined));
    expect(tools[1]?.inputSchema).toEqual({ type: 'object', properties: { query: { type: 'string' } } });
    expect(tools[2]?.annotations).toEqual({ destructiveHint: false });
    for (const entry of results.slice(0, 2)) expect('classification' in entry && entry.classification.warnings.map((w) => [w.kind, w.severity])).toEqual([['invalid-definition', 'note']]);
    expect(verdicts[3]).toMatch(/not a valid MCP tool definition/);
    // a second definition under a name already kept is not classified again
    expect(verdicts[4]).toMatch(/not a valid MCP tool definition/);
  });

  it('reads a bare array and a {server, tools} file, using the server context', async () => {
    const bare = JSON.parse((await toolrisk('classify', '--json', join(dir.path, 'bare.json'))).stdout) as { name: string }[];
    expect(bare.map((entry) => entry.name)).toEqual(['list_files', 'delete_file', 'broken', 'run_shell']);
    const browser = JSON.parse((await toolrisk('classify', '--json', join(dir.path, 'server.json'))).stdout) as { category: string }[];
    expect(browser[0]!.category).toBe('execute');
  });

  it('prints a table, and --fail-on exits 1 at or above the level', async () => {
    const table = await toolrisk('classify', join(dir.path, 'wrapped.json'));
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^TOOL\s+RISK\s+CATEGORY\s+FLAGS\s+WHY/);
    expect(table.stdout).toMatch(/delete_file\s+high\s+write\s+destructive/);
    const crossed = await toolrisk('classify', '--fail-on', 'high', join(dir.path, 'wrapped.json'));
    expect(crossed.code).toBe(1);
    // the tools that crossed, each with its risk and the reason
    expect(crossed.stderr).toMatch(/fail-on high: 2 tools at or above high:\n {2}delete_file {2}high {2}Risk high: .+\n {2}run_shell {2}critical {2}Risk critical: .+/);
    expect(crossed.stderr).not.toMatch(/ {2}list_files /);
    const calm = await toolrisk('classify', '--fail-on', 'critical', join(dir.path, 'server.json'));
    expect(calm.code).toBe(0);
    expect(calm.stderr).toMatch(/fail-on critical: no tool is at or above critical/);
    const wrong = await toolrisk('classify', '--fail-on', 'severe', join(dir.path, 'wrapped.json'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--fail-on takes low, medium, high or critical, got "severe"/);
  });

  it('names the file and the problem for bad input', async () => {
    const bad = await toolrisk('classify', join(dir.path, 'bad.json'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.json: expected \{"tools":\[…\]\}/);
    const missing = await toolrisk('classify', join(dir.path, 'missing.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*missing\.json/);
  });
});

describe('toolrisk inspect with classification', () => {
  it('adds risk and category to the table and to --json, and prints policies', async () => {
    const table = await toolrisk('inspect', '--', ...sdkServerCommand('basic'));
    expect(table.stdout).toMatch(/read_file\s+low\s+read/);
    expect(table.stdout).toMatch(/run_command\s+critical\s+execute/);
    const json = JSON.parse((await toolrisk('inspect', '--json', '--', ...sdkServerCommand('basic'))).stdout) as { tools: { name: string; classification: { risk: string; category: string } }[] };
    expect(json.tools.map((tool) => [tool.name, tool.classification.category, tool.classification.risk])).toEqual([
      ['read_file', 'read', 'low'],
      ['delete_file', 'write', 'high'],
      ['run_command', 'execute', 'critical'],
    ]);
    const policy = await toolrisk('inspect', '--policy', 'intercept-json', '--', ...sdkServerCommand('basic'));
    expect(validateInterceptPolicy(JSON.parse(policy.stdout))).toEqual([]);
    expect((await toolrisk('inspect', '--fail-on', 'high', '--', ...sdkServerCommand('basic'))).code).toBe(1);
  });
});
