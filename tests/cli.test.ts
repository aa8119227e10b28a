// The real `toolrisk` command, run as a process: inspect (table and --json) against fixture and
// real npm servers, and clear errors for wrong flags.
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CrawlSnapshotSchema } from '../data/schema.ts';
import { ROOT, rawServerCommand, sdkServerCommand, tempDir, toolrisk } from './helpers.ts';


describe('toolrisk inspect', () => {
  it('prints the tools of a stdio server as a table', async () => {
    const result = await toolrisk('inspect', '--', ...sdkServerCommand('basic'));
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^fixture-basic 1\.2\.3 · 3 tools · via stdio · \d+ ms$/);
    expect(lines[1]).toMatch(/^TOOL\s+RISK\s+CATEGORY\s+FLAGS\s+PARAMETERS\s+HINTS\s+DESCRIPTION$/);
    expect(lines[3]).toMatch(/^read_file\s+low\s+read\s+path\s+readOnly\s+Read the complete contents of a file\.$/);
    expect(lines[4]).toMatch(/^delete_file\s+high\s+write\s+destructive\s+path\s+destructive\s+Delete a file permanently\.$/);
  });

  it('--json prints the crawl snapshot with the tools under "tools"', async () => {
    const result = await toolrisk('inspect', '--json', '--', ...sdkServerCommand('paginate'));
    expect(result.code).toBe(0);
    const snapshot = CrawlSnapshotSchema.parse(JSON.parse(result.stdout));
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(['page1_a', 'page1_b', 'page2_a', 'page3_a']);
    expect(snapshot.status).toBe('ok');
  });

  it('lists a real npm server installed as a devDependency (@modelcontextprotocol/server-everything)', async () => {
    const entry = join(ROOT, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');
    const result = await toolrisk('inspect', '--json', '--', process.execPath, entry, 'stdio');
    expect(result.code).toBe(0);
    const snapshot = CrawlSnapshotSchema.parse(JSON.parse(result.stdout));
    expect(snapshot.initialize?.serverInfo?.name).toMatch(/everything/);
    const names = snapshot.tools.map((tool) => tool.name);
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(names).toContain('echo');
    expect(names).toContain('get-sum');
    expect(snapshot.tools.find((tool) => tool.name === 'echo')?.inputSchema.properties).toHaveProperty('message');
  });

  it('exits 1 and explains when the server fails, showing its stderr', async () => {
    const result = await toolrisk('inspect', '--', ...rawServerCommand('exit'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/inspect failed at initialize: .*exited with code 3/);
    expect(result.stderr).toContain('fatal: missing API key');
  });

  it('escapes terminal control sequences in server-supplied text', async () => {
    const result = await toolrisk('inspect', '--', ...sdkServerCommand('odd-names'));
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/\u001b|\u202e/);
    expect(result.stdout).toContain('evil\\u001b[2J\\u202eclear');
  });
});

describe('wrong input', () => {
  it('rejects unknown flags and bad values with exit 2 and a hint', async () => {
    const unknown = await toolrisk('crawl', '--concurency', '3');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--concurency'.*toolrisk --help/);
    const shard = await toolrisk('crawl', '--shard', '3/2');
    expect(shard.code).toBe(2);
    expect(shard.stderr).toMatch(/--shard must look like i\/n/);
    const concurrency = await toolrisk('crawl', '--concurrency', '0');
    expect(concurrency.code).toBe(2);
    expect(concurrency.stderr).toMatch(/--concurrency needs a whole number of at least 1, got "0"/);
    const since = await toolrisk('crawl', '--updated-since', 'yesterday');
    expect(since.code).toBe(2);
    expect(since.stderr).toMatch(/go with --registry/);
    const nothing = await toolrisk('inspect');
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/inspect needs a server/);
    const command = await toolrisk('frobnicate');
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/unknown command "frobnicate"/);
  });

  it('prints help', async () => {
    const help = await toolrisk('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/toolrisk crawl \[options\]/);
  });
});

describe('import, crawl and catalog from a fresh data folder', () => {
  it('imports recorded files (a broken one costs only itself), crawls them without a network, and prints the catalog', async () => {
    const dir = await tempDir();
    try {
      const data = join(dir.path, 'data');
      const good = join(dir.path, 'notes.json');
      await writeFile(good, JSON.stringify({ server: { name: 'io.example/notes', description: 'Notes from a recorded listing', version: '2.0.0' }, tools: [{ name: 'delete_note', description: 'Delete a note permanently.', inputSchema: { type: 'object', properties: { id: { type: 'string' } } } }, { name: 'list_notes', description: 'List notes.', inputSchema: { type: 'object' } }] }));
      const broken = join(dir.path, 'broken.json');
      await writeFile(broken, '{"server": 5}');
      const imported = await toolrisk('import', '--data', data, broken, good);
      expect(imported.code).toBe(1);
      expect(imported.stderr).toContain(broken);
      expect(imported.stderr).toContain('imported io.example/notes (2 tools) → recorded/io.example__notes.json and index/io.example__notes.json');
      const crawled = await toolrisk('crawl', '--data', data);
      expect(crawled.code).toBe(0);
      // the crawl ends with the coverage of the whole index, as /coverage/ shows it
      expect(crawled.stderr).toMatch(/crawl: 1 ok, 0 failed, 0 skipped, 2 tools, [\d.]+s at concurrency 4/);
      expect(crawled.stderr).toContain('coverage: 1 servers in the index: 1 listed their tools, 0 failed, 0 not crawled; 2 tools (median 2 per server, most 2)');
      expect(crawled.stderr).toMatch(/^ {4}static +1 servers, 1 ok, 0 failed, 0 not crawled, 2 tools \(recorded listings and server cards\)$/m);
      const catalog = await toolrisk('catalog', '--data', data);
      expect(catalog.code).toBe(0);
      // server, status, tools, then counts per risk: one high (delete) and one low (list)
      expect(catalog.stdout).toMatch(/^io\.example\/notes\s+ok\s+2\s+1\s+0\s+1\s+0\s+recorded/m);
    } finally {
      await dir.remove();
    }
  });
});

describe('output to a reader that stops early', () => {
  // `toolrisk classify tools.json --json | head`: the reader closes the pipe after a few lines
  const readFirstChunk = (file: string, ...flags: string[]) =>
    new Promise<{ code: number | null; stderr: string; read: number }>((done, fail) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'toolrisk.js'), 'classify', file, ...flags], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      let read = 0;
      child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
      child.stdout.once('data', (chunk: Buffer) => {
        read = chunk.length;
        child.stdout.destroy();
      });
      child.on('error', fail);
      child.on('close', (code) => done({ code, stderr, read }));
    });

  it('stops writing without a stack trace, and exits with the code of what it found', async () => {
    const dir = await tempDir();
    try {
      // several megabytes of --json: far more than a pipe holds, so most of it is written after the reader has gone
      const tools = Array.from({ length: 400 }, (_, i) => ({ name: `delete_item_${i}`, description: 'Delete the item permanently. '.repeat(20), inputSchema: { type: 'object', properties: { id: { type: 'string' } } } }));
      const file = join(dir.path, 'many.json');
      await writeFile(file, JSON.stringify({ tools }));
      const plain = await readFirstChunk(file, '--json');
      expect(plain.read).toBeGreaterThan(0);
      expect(plain.stderr).not.toMatch(/EPIPE|\n\s+at /);
      expect(plain.code).toBe(0);
      // (every tool is high: --fail-on high still fails, the pipe closed or not)
      const failing = await readFirstChunk(file, '--json', '--fail-on', 'high');
      expect(failing.stderr).not.toMatch(/EPIPE|\n\s+at /);
      expect(failing.code).toBe(1);
    } finally {
      await dir.remove();
    }
  }, 120_000);
});
