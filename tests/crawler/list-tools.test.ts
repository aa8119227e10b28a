// Every robustness case of the crawler, each against a real server process over a real pipe or
// loopback HTTP. Each ends in a per-server status, and no process is left behind.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspect } from '../../crawler/inspect.ts';
import { groupMembers } from '../../crawler/stdio-transport.ts';
import { hashedSlug, isSafeSegment, serverSlug } from '../../data/slug.ts';
import { rawServerCommand, sdkServerCommand, startHttpFixture, type RunningHttpFixture } from '../helpers.ts';

async function inspectCommand(command: string[], limits?: Parameters<typeof inspect>[0]['limits']) {
  const pgids: number[] = [];
  const snapshot = await inspect({ command, limits, onSpawn: (pgid) => pgids.push(pgid) });
  expect(pgids).toHaveLength(1);
  // nothing of the server's process group is left, zombies aside
  expect(groupMembers(pgids[0]!)).toEqual([]);
  return snapshot;
}

describe('crawling over stdio', () => {
  it('lists the tools of an SDK server with server info and fingerprints', async () => {
    const snapshot = await inspectCommand(sdkServerCommand('basic'));
    expect(snapshot.status).toBe('ok');
    expect(snapshot.source).toBe('stdio');
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(['read_file', 'delete_file', 'run_command']);
    expect(snapshot.tools[0]!.annotations).toEqual({ readOnlyHint: true });
    expect(snapshot.initialize?.serverInfo).toEqual({ name: 'fixture-basic', version: '1.2.3' });
    expect(snapshot.initialize?.instructions).toBe('Fixture server for tests.');
    expect(snapshot.fingerprints.map((entry) => entry.name)).toEqual(['read_file', 'delete_file', 'run_command']);
    expect(new Set(snapshot.fingerprints.map((entry) => entry.fingerprint)).size).toBe(3);
    expect(snapshot.history).toHaveLength(1);
    expect(snapshot.history[0]!.added).toHaveLength(3);
  });

  it('records a server that exits at once as failed at initialize, with its exit code and stderr', async () => {
    const snapshot = await inspectCommand(rawServerCommand('exit'));
    expect(snapshot.status).toBe('failed');
    expect(snapshot.failure?.stage).toBe('initialize');
    expect(snapshot.failure?.reason).toMatch(/exited with code 3/);
    expect(snapshot.stderr).toContain('fatal: missing API key');
  });

  it('times out a server that hangs before initialize and kills it', async () => {
    const snapshot = await inspectCommand(rawServerCommand('hang-before-init'), { initializeMs: 1500 });
    expect(snapshot.status).toBe('failed');
    expect(snapshot.failure?.stage).toBe('initialize');
    expect(snapshot.failure?.reason).toMatch(/no answer to initialize in time/);
  });

  it('times out a server that hangs on tools/list and kills it', async () => {
    const snapshot = await inspectCommand(sdkServerCommand('hang-on-list'), { pageMs: 1500 });
    expect(snapshot.status).toBe('failed');
    expect(snapshot.failure?.stage).toBe('list');
    expect(snapshot.failure?.reason).toMatch(/no answer to tools\/list in time/);
    expect(snapshot.initialize?.serverInfo?.name).toBeUndefined(); // a failed crawl keeps no half facts
  });

  it('ignores non-JSON lines on stdout with a warning and keeps the tools', async () => {
    const snapshot = await inspectCommand(rawServerCommand('noise'));
    expect(snapshot.status).toBe('ok');
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(['good_one', 'good_two']);
    const noise = snapshot.warnings.find((warning) => warning.code === 'stdout-noise');
    expect(noise?.message).toMatch(/3 line\(s\).*Server starting/);
  });

  it('fails a server that only prints garbage, at initialize, naming the noise', async () => {
    const snapshot = await inspectCommand(rawServerCommand('garbage'), { initializeMs: 1500 });
    expect(snapshot.status).toBe('failed');
    expect(snapshot.failure?.stage).toBe('initialize');
    expect(snapshot.warnings[0]?.code).toBe('stdout-noise');
  });

  it('keeps the valid tools when one has an invalid inputSchema, repairing named ones and recording every bad one', async () => {
    const snapshot = await inspectCommand(rawServerCommand('invalid-tool'));
    expect(snapshot.status).toBe('ok');
    // the named one is kept with an object schema; the nameless one cannot be called, so it is only recorded
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(['good_one', 'bad_schema', 'good_two']);
    expect(snapshot.tools[1]!.inputSchema).toEqual({ type: 'object' });
    expect(snapshot.invalidTools.map((tool) => [tool.index, tool.name, tool.repaired])).toEqual([
      [1, 'bad_schema', true],
      [2, undefined, undefined],
    ]);
    expect(snapshot.invalidTools[0]!.problems.join()).toMatch(/inputSchema\.type/);
    expect(JSON.parse(snapshot.invalidTools[0]!.definition)).toMatchObject({ name: 'bad_schema' });
    const warnings = snapshot.warnings.filter((warning) => warning.code === 'invalid-tool');
    expect(warnings.map((warning) => warning.tool)).toEqual(['bad_schema', undefined]);
    expect(warnings[0]!.message).toMatch(/kept with its malformed parts repaired/);
    expect(warnings[1]!.message).toMatch(/#3 is not a valid MCP tool definition and was not kept/);
  });

  it('follows nextCursor over several pages', async () => {
    const snapshot = await inspectCommand(sdkServerCommand('paginate'));
    expect(snapshot.status).toBe('ok');
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(['page1_a', 'page1_b', 'page2_a', 'page3_a']);
    expect(snapshot.warnings).toEqual([]);
  });

  it('stops a server that repeats a cursor forever, keeping what it listed', async () => {
    const snapshot = await inspectCommand(sdkServerCommand('repeat-cursor'));
    expect(snapshot.status).toBe('ok');
    // the first "again" page is read once; the second time the cursor comes back, listing stops
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(['loop_a', 'loop_b']);
    expect(snapshot.warnings.map((warning) => warning.code)).toContain('repeated-cursor');
  });

  it('caps pages for a server that never stops paginating', async () => {
    const snapshot = await inspectCommand(sdkServerCommand('paginate'), { maxPages: 2 });
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(['page1_a', 'page1_b', 'page2_a']);
    expect(snapshot.warnings.map((warning) => warning.code)).toEqual(['page-cap']);
  });

  it('lists 5,000 tools, and caps the tool count when asked', async () => {
    const all = await inspectCommand(sdkServerCommand('many'));
    expect(all.status).toBe('ok');
    expect(all.tools).toHaveLength(5000);
    expect(all.fingerprints).toHaveLength(5000);
    const capped = await inspectCommand(sdkServerCommand('many'), { maxTools: 1000 });
    expect(capped.tools).toHaveLength(1000);
    expect(capped.warnings.map((warning) => warning.code)).toEqual(['tool-cap']);
  });

  it('keeps a tool with a 1 MB description whole', async () => {
    const snapshot = await inspectCommand(sdkServerCommand('huge-description'));
    expect(snapshot.status).toBe('ok');
    expect(snapshot.tools[0]!.description).toHaveLength(1024 * 1024);
    expect(snapshot.tools[1]!.name).toBe('small');
  });

  it('keeps tools with odd names, warns on names outside the spec, and derives only safe slugs', async () => {
    const snapshot = await inspectCommand(sdkServerCommand('odd-names'));
    expect(snapshot.status).toBe('ok');
    const names = snapshot.tools.map((tool) => tool.name);
    expect(names).toContain('../../etc/passwd');
    expect(names).toContain('__proto__');
    expect(snapshot.fingerprints.map((entry) => entry.name)).toEqual(names);
    const warned = new Set(snapshot.warnings.filter((warning) => warning.code === 'tool-name').map((warning) => warning.tool));
    for (const name of ['créer_fichier', '工具', 'a/b', '..', '../../etc/passwd', '<script>alert(1)</script>', 'x'.repeat(300)]) {
      expect(warned.has(name), name).toBe(true);
    }
    for (const name of ['git.commit', 'create-issue', '__proto__', 'constructor']) expect(warned.has(name), name).toBe(false);
    const slugs = names.map(hashedSlug);
    for (const slug of slugs) expect(isSafeSegment(slug), slug).toBe(true);
    expect(new Set(slugs).size).toBe(names.length);
    expect(isSafeSegment(serverSlug('../../etc/passwd'))).toBe(true);
  });

  it('gives the server only the allowlisted environment, a fresh HOME and working folder, removed afterwards', async () => {
    process.env.TOOLRISK_TEST_SECRET = 'do-not-leak';
    try {
      const folders: string[] = [];
      const snapshot = await inspect({ command: sdkServerCommand('env-report'), env: { API_KEY: 'placeholder-key' }, onFolders: (base) => folders.push(base) });
      const report = JSON.parse(snapshot.tools[0]!.description!) as { env: Record<string, string>; cwd: string };
      expect(report.env.TOOLRISK_TEST_SECRET).toBeUndefined();
      expect(report.env.API_KEY).toBe('placeholder-key');
      // the fresh folders, masked in the record so re-crawls give the same data
      expect(report.env.HOME).toBe('{home}');
      expect(report.env.TMPDIR).toBe('{workdir}');
      expect(report.cwd).toBe('{workdir}');
      expect(JSON.stringify(snapshot)).not.toMatch(/toolrisk-server-/);
      const allowed = new Set(['HOME', 'LOGNAME', 'PATH', 'SHELL', 'TERM', 'USER', 'TMPDIR', 'API_KEY', 'NO_UPDATE_NOTIFIER']);
      for (const key of Object.keys(report.env)) {
        expect(allowed.has(key) || key.startsWith('npm_config_'), key).toBe(true);
      }
      expect(folders).toHaveLength(1);
      expect(folders[0]).toMatch(/toolrisk-server-/);
      expect(existsSync(folders[0]!)).toBe(false);
    } finally {
      delete process.env.TOOLRISK_TEST_SECRET;
    }
  });

  it("kills the server's whole process group, grandchildren included", async () => {
    const snapshot = await inspectCommand(sdkServerCommand('spawn-child'));
    const grandchild = Number(snapshot.tools[0]!.description);
    expect(grandchild).toBeGreaterThan(0);
    expect(existsSync(`/proc/${grandchild}`) && !/\) Z /.test(await readStat(grandchild))).toBe(false);
  });

  it('fails clearly when the command does not exist', async () => {
    const snapshot = await inspect({ command: ['toolrisk-no-such-command-xyz'] });
    expect(snapshot.status).toBe('failed');
    expect(snapshot.failure).toEqual({ stage: 'start', reason: 'command not found: toolrisk-no-such-command-xyz (is it installed and on PATH?)' });
  });
});

async function readStat(pid: number): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  try {
    return await readFile(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return '';
  }
}

describe('crawling over HTTP on 127.0.0.1', () => {
  let streamable: RunningHttpFixture;
  let sse: RunningHttpFixture;
  beforeAll(async () => {
    [streamable, sse] = await Promise.all([startHttpFixture('paginate', '--http'), startHttpFixture('basic', '--sse')]);
  });
  afterAll(async () => {
    await Promise.all([streamable?.stop(), sse?.stop()]);
  });

  it('lists tools over Streamable HTTP, following pages', async () => {
    const snapshot = await inspect({ url: streamable.url });
    expect(snapshot.status).toBe('ok');
    expect(snapshot.source).toBe('streamable-http');
    expect(snapshot.launch).toEqual({ kind: 'http', url: streamable.url, transports: ['streamable-http', 'sse'] });
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(['page1_a', 'page1_b', 'page2_a', 'page3_a']);
  });

  it('falls back to SSE for an SSE-only server, and says so', async () => {
    const snapshot = await inspect({ url: sse.url });
    expect(snapshot.status).toBe('ok');
    expect(snapshot.source).toBe('sse');
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(['read_file', 'delete_file', 'run_command']);
    expect(snapshot.warnings[0]?.code).toBe('transport-fallback');
  });

  it('records a refused connection as failed at initialize', async () => {
    const snapshot = await inspect({ url: 'http://127.0.0.1:9/mcp', limits: { initializeMs: 3000 } });
    expect(snapshot.status).toBe('failed');
    expect(snapshot.failure?.stage).toBe('initialize');
    expect(snapshot.failure?.reason).toMatch(/streamable-http: .*; sse: /);
  });
});
