// Promises the docs make (docs/crawling.md, docs/model-review.md, docs/search.md) that no other test held: the 64 MiB cap on a stdio message, the KILL
// that follows TERM, relative `inspect` paths made absolute, a 403 or 404 from a model endpoint
// ending the run's asking, and two typos allowed in a long search word (one in a short word). Each
// test runs the real thing (servers as real processes over real pipes, a model endpoint over real
// HTTP on 127.0.0.1, the real search engine) and fails when its promise breaks.
import { execFile } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchEngine } from '../site/src/search/engine.ts';
import { buildSearchIndex, type SearchInput } from '../site/src/search/index-format.ts';
import type { McpTool } from '../data/schema.ts';
import { ROOT, tempDir, toolriskWithEnv } from './helpers.ts';
import { startFakeOpenAI } from './llm/fake-openai.ts';

/**
 * Runs `toolrisk` as a process from `cwd`, killed after `timeoutMs`: a crawler that hangs shows up
 * as `timedOut` (and a failed assertion) rather than as a test that never ends.
 */
function runToolrisk(cwd: string, args: string[], timeoutMs = 90_000): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('OPENAI_')));
  return new Promise((done) => {
    execFile(process.execPath, [join(ROOT, 'bin', 'toolrisk.js'), ...args], { cwd, env, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const failed = error as (Error & { code?: number | string; killed?: boolean }) | null;
      done({ code: failed ? (typeof failed.code === 'number' ? failed.code : null) : 0, stdout, stderr, timedOut: failed?.killed === true });
    });
  });
}

/**
 * The lines of a raw stdio MCP server: answers initialize and tools/list (with `tools`, a JS
 * expression), then whatever `extra` adds. No SDK: these servers do what the SDK would not.
 */
function rawServer(name: string, tools: string, extra = ''): string {
  return `import { createInterface } from 'node:readline';
const send = (message) => process.stdout.write(JSON.stringify(message) + '\\n');
${extra}
createInterface({ input: process.stdin }).on('line', (line) => {
  const message = JSON.parse(line);
  if (message.method === 'initialize') {
    send({ jsonrpc: '2.0', id: message.id, result: { protocolVersion: message.params.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: ${JSON.stringify(name)}, title: process.cwd(), version: '1.0.0' } } });
  } else if (message.method === 'tools/list') {
    send({ jsonrpc: '2.0', id: message.id, result: { tools: ${tools} } });
  } else if (message.id !== undefined) {
    send({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } });
  }
});
`;
}

/** True while the process runs (a zombie, dead but not yet reaped by its parent, does not count). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true; // no /proc: kill(0) said it exists
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

let dir: Awaited<ReturnType<typeof tempDir>>;
/** Processes a test started that must not outlive the file, whatever the test's outcome. */
const strays: number[] = [];

beforeAll(async () => {
  dir = await tempDir('toolrisk-promises-');
});
afterAll(async () => {
  for (const pid of strays) {
    // only a process still running one of this file's scripts (a pid can be reused once it is gone)
    if (!running(pid) || !commandLine(pid).includes(dir.path)) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  await dir?.remove();
});

describe('a stdio server is capped at 64 MiB per message', () => {
  // Answers initialize with 70 MiB and no newline, then stays alive: a crawler without the cap
  // buffers it all and waits out the 60 s initialize limit (then the run below is killed at 20 s).
  // It writes its pid, so that a server a hung crawler left behind can be killed at the end.
  const flood = `import { createInterface } from 'node:readline';
import { writeFileSync } from 'node:fs';
writeFileSync(process.argv[2], String(process.pid));
createInterface({ input: process.stdin }).once('line', () => {
  const chunk = 'x'.repeat(1024 * 1024);
  let left = 70;
  const write = () => {
    while (left > 0) {
      left -= 1;
      if (!process.stdout.write(chunk)) return void process.stdout.once('drain', write);
    }
  };
  write();
});
setInterval(() => {}, 1000);
`;
  let run: Awaited<ReturnType<typeof runToolrisk>>;
  beforeAll(async () => {
    const script = join(dir.path, 'flood.mjs');
    const pidFile = join(dir.path, 'flood.pid');
    await writeFile(script, flood);
    // (unsandboxed: the server writes its pid on the host; the sandbox's own cleanup is tested in tests/crawler/sandbox.test.ts)
    run = await runToolrisk(ROOT, ['inspect', '--sandbox', 'off', '--', process.execPath, script, pidFile], 20_000);
    strays.push(Number(await readFile(pidFile, 'utf8')));
  });

  it('stops a server whose one message passes the cap instead of buffering it, and fails the crawl at initialize', () => {
    expect(run.timedOut, 'inspect did not return within 20 s').toBe(false);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/inspect failed at initialize/);
    // the crawl ended on the cap, not on the initialize time limit
    expect(run.stderr).not.toMatch(/no answer to initialize in time/);
  });

  // the transport's own error must reach the reason: the client alone sees only "Connection closed"
  it('says the message passed the 64 MiB cap', () => {
    expect(run.stderr).toMatch(/64 MiB|67,?108,?864 bytes/);
  });
});

describe('a server that ignores SIGTERM is killed', () => {
  it('is gone when inspect returns (TERM, then KILL)', async () => {
    const pidFile = join(dir.path, 'stubborn.pid');
    const script = join(dir.path, 'stubborn.mjs');
    await writeFile(
      script,
      rawServer(
        'stubborn',
        "[{ name: 'list_items', description: 'Lists items.', inputSchema: { type: 'object' } }]",
        // writes its pid where the test can find it, shrugs off TERM, and stays alive after stdin closes
        "import { writeFileSync } from 'node:fs';\nwriteFileSync(process.argv[2], String(process.pid));\nprocess.on('SIGTERM', () => {});\nsetInterval(() => {}, 1000);",
      ),
    );
    const run = await runToolrisk(ROOT, ['inspect', '--sandbox', 'off', '--', process.execPath, script, pidFile], 20_000);
    const pid = Number(await readFile(pidFile, 'utf8'));
    strays.push(pid);
    expect(running(pid), 'the server outlived inspect').toBe(false);
    expect(run.timedOut, 'inspect did not return within 20 s').toBe(false);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^stubborn 1\.0\.0 · 1 tool/);
  });
});

describe('inspect -- <command> makes relative file arguments absolute', () => {
  it('runs a server named by a path relative to the caller\'s folder, with a relative data file, in a fresh empty folder', async () => {
    const caller = join(dir.path, 'caller');
    await mkdir(join(caller, 'server'), { recursive: true });
    // the server lists the tools of the file it is given and reports its arguments and folder
    await writeFile(
      join(caller, 'server', 'main.mjs'),
      rawServer(
        'relative',
        "JSON.parse(readFileSync(process.argv[2], 'utf8')).map((name) => ({ name, description: JSON.stringify(process.argv.slice(2)), inputSchema: { type: 'object' } }))",
        "import { readFileSync } from 'node:fs';",
      ),
    );
    await writeFile(join(caller, 'tools.json'), JSON.stringify(['list_notes', 'read_note']));
    const run = await runToolrisk(caller, ['inspect', '--json', '--', process.execPath, 'server/main.mjs', './tools.json', 'not-a-file'], 20_000);
    expect(run.stderr).not.toMatch(/Cannot find module|ENOENT/);
    expect(run.code).toBe(0);
    const snapshot = JSON.parse(run.stdout) as { status: string; tools: McpTool[]; initialize?: { serverInfo?: { title?: string } } };
    expect(snapshot.status).toBe('ok');
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(['list_notes', 'read_note']);
    // the file argument reached the server absolute; a word that names no file is passed as it is
    expect(JSON.parse(snapshot.tools[0]!.description!)).toEqual([join(realpathSync(caller), 'tools.json'), 'not-a-file']);
    // and the server ran in its own fresh folder, not the caller's (the crawler masks that folder's path)
    expect(snapshot.initialize?.serverInfo?.title).toBe('{workdir}');
  });
});

describe('a model endpoint that answers 403 or 404 ends the run\'s asking', () => {
  // Twenty tools: an endpoint error that is retried per tool would be asked forty times.
  const tools: McpTool[] = Array.from({ length: 20 }, (_, i) => ({ name: `read_report_${i}`, description: `Reads weekly report number ${i}.`, inputSchema: { type: 'object', properties: {} } }));

  for (const [status, concurrency] of [
    [404, 1],
    [403, 4],
  ] as const) {
    it(`asks no more after an HTTP ${status} (at --llm-concurrency ${concurrency}, no more than were already in flight), keeps the rules verdicts and says why`, async () => {
      const refusing = await startFakeOpenAI(() => ({ status, message: status === 404 ? 'The model `m` does not exist' : 'You are not allowed to use this model' }));
      const work = await tempDir(`toolrisk-llm-${status}-`);
      try {
        const file = join(work.path, 'tools.json');
        await writeFile(file, JSON.stringify({ tools }));
        const run = await toolriskWithEnv({ TOOLRISK_CACHE_DIR: work.path, OPENAI_BASE_URL: refusing.baseURL, OPENAI_MODEL: 'm' }, 'classify', file, '--json', '--llm', '--llm-concurrency', String(concurrency));
        expect(run.code).toBe(0);
        expect(refusing.requests.length).toBeGreaterThanOrEqual(1);
        expect(refusing.requests.length).toBeLessThanOrEqual(concurrency);
        expect(run.stderr).toMatch(new RegExp(`model: HTTP ${status} from the endpoint: .*; no more tools are sent this run`));
        expect(run.stderr).toMatch(new RegExp(`${tools.length - refusing.requests.length} not asked after the endpoint refused`));
        expect(run.stderr).toMatch(new RegExp(`Stopped asking: HTTP ${status}`));
        const out = JSON.parse(run.stdout) as { name: string; risk: string; review?: unknown }[];
        expect(out).toHaveLength(tools.length);
        expect(out.every((tool) => tool.review === undefined && tool.risk === 'low')).toBe(true);
      } finally {
        await refusing.close();
        await work.remove();
      }
    });
  }
});

describe('search allows two typos in a long word and one in a short word', () => {
  // The rule (site/src/search/engine.ts, wordMatch): a query word of 8 letters or more may be two
  // edits from an indexed word, one of 4 to 7 letters only one (a swap of neighbours is one edit).
  const tool = (name: string, line: string): SearchInput => ({ name, slug: name, serverName: 'io.example/office', serverSlug: 'io-example-office', risk: 'low', category: 'read', line });
  let engine: SearchEngine;
  beforeAll(() => {
    const index = buildSearchIndex([tool('export_spreadsheet', 'Exports a sheet.'), tool('archive_project', 'Archives a project.'), tool('list_calendars', 'Lists calendars.')]);
    engine = new SearchEngine({ names: async () => index.names, words: async (shard) => index.words.get(shard) ?? {} });
  });
  const found = async (query: string) => (await engine.search(query)).results.map((result) => result.name);

  it('finds a long word with two typos', async () => {
    expect(await found('spredsheat')).toEqual(['export_spreadsheet']); // "spreadsheet": a missing a, e for a
    expect(await found('calandrs')).toEqual(['list_calendars']); // "calendars": a for e, a missing a; 8 letters, the shortest that may have two
  });

  it('finds a short word with one typo, and not with two', async () => {
    expect(await found('archeve')).toEqual(['archive_project']); // one: e for i
    expect(await found('projcet')).toEqual(['archive_project']); // one: a swap
    expect(await found('achrive')).toEqual([]); // two, in 7 letters
    expect(await found('prjocet')).toEqual([]); // two swaps, in 7 letters
  });
});
