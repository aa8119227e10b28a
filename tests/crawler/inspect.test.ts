// crawler/inspect.ts in the test process: the target a user gives `toolrisk inspect` made into a launch plan, the project
// folder a local server needs to see, and a local server run in bubblewrap (what it is shown, and what the record says
// when its files are where the unprivileged sandbox user cannot read them). The CLI tests drive the same in child
// processes.
import { chmod, copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspect, inspectPlan, looksLikeFile, projectFolder } from '../../crawler/inspect.ts';
import { findSandbox } from '../../crawler/sandbox.ts';
import { RAW_SERVER, ROOT, tempDir } from '../helpers.ts';

describe('inspectPlan: what the user named, as a launch plan', () => {
  it('runs a command over stdio, with files named relative to here made absolute, and knows installers', () => {
    // (named relative to the working folder, whatever it is: a worker thread, as under Stryker, cannot change it)
    const file = join(ROOT, 'tests', 'fixtures', 'raw-server.mjs');
    const named = relative(process.cwd(), file);
    expect(named).not.toBe(file);
    const { plan, name } = inspectPlan({ command: ['node', named, '--flag', 'no-such-file', 'noise'], env: { API_KEY: 'x', REGION: 'y' } });
    expect(plan).toEqual({ kind: 'stdio', from: 'command', command: 'node', args: [file, '--flag', 'no-such-file', 'noise'], placeholderVariables: ['API_KEY', 'REGION'], installs: false });
    expect(name).toBe(`node ${file} --flag no-such-file noise`);
    for (const installer of ['npx', 'uvx', 'pnpx', 'bunx']) expect(inspectPlan({ command: [installer, '-y', 'pkg'] }).plan).toMatchObject({ installs: true, placeholderVariables: [] });
    expect(inspectPlan({ command: ['docker', 'run', 'image'] }).plan).toMatchObject({ installs: false });
  });

  it('reads a recorded file from its absolute path, and a server card from its URL or when named so', () => {
    expect(inspectPlan({ recorded: 'saved/tools.json' })).toEqual({ plan: { kind: 'recorded', file: resolve('saved/tools.json') }, name: 'saved/tools.json' });
    const card = 'https://example.com/.well-known/mcp/server-card.json';
    expect(inspectPlan({ url: card })).toEqual({ plan: { kind: 'server-card', url: card }, name: card });
    expect(inspectPlan({ serverCard: 'https://example.com/card.json' })).toEqual({ plan: { kind: 'server-card', url: 'https://example.com/card.json' }, name: 'https://example.com/card.json' });
    // (a card's path only in the query is not a card)
    expect(inspectPlan({ url: 'https://example.com/mcp?x=/.well-known/mcp/server-card.json' }).plan.kind).toBe('http');
  });

  it('connects to an http(s) URL by Streamable HTTP, then SSE, and refuses any other scheme or no target at all', () => {
    expect(inspectPlan({ url: 'http://127.0.0.1:3000/mcp' })).toEqual({ plan: { kind: 'http', url: 'http://127.0.0.1:3000/mcp', transports: ['streamable-http', 'sse'] }, name: 'http://127.0.0.1:3000/mcp' });
    expect(inspectPlan({ url: 'https://example.com' }).name).toBe('https://example.com/');
    expect(() => inspectPlan({ url: 'file:///etc/passwd' })).toThrow('inspect needs an http(s) URL, got file:');
    expect(() => inspectPlan({})).toThrow('inspect needs a target: `inspect -- <command> [args…]`, `inspect <url>`, or `inspect --recorded <file>`');
    expect(() => inspectPlan({ command: [] })).toThrow(/^inspect needs a target/);
  });

  it('tells a file from a URL', () => {
    expect(looksLikeFile(RAW_SERVER)).toBe(true);
    expect(looksLikeFile(join(ROOT, 'no-such-file.json'))).toBe(false);
    expect(looksLikeFile('https://example.com/tools.json')).toBe(false);
    expect(looksLikeFile('HTTP://example.com')).toBe(false);
  });
});

describe('projectFolder', () => {
  let work: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    work = await tempDir('toolrisk-project-');
    await mkdir(join(work.path, 'app', 'src', 'deep'), { recursive: true });
    await writeFile(join(work.path, 'app', 'package.json'), '{}');
    await mkdir(join(work.path, 'loose'), { recursive: true });
    await writeFile(join(work.path, 'loose', 'server.js'), '');
  });
  afterAll(async () => work?.remove());

  it('is the folder that holds the node_modules a file sits in', () => {
    expect(projectFolder('/home/me/app/node_modules/pkg/dist/index.js')).toBe('/home/me/app');
  });

  it('is the nearest folder with a package.json above a file or a folder, else the file\'s own folder', () => {
    expect(projectFolder(join(work.path, 'app', 'src', 'deep', 'server.js'))).toBe(join(work.path, 'app'));
    expect(projectFolder(join(work.path, 'app', 'src', 'deep'))).toBe(join(work.path, 'app'));
    expect(projectFolder(join(work.path, 'app'))).toBe(join(work.path, 'app'));
    expect(projectFolder(join(work.path, 'loose', 'server.js'))).toBe(join(work.path, 'loose'));
  });
});

describe('inspect: a local server in bubblewrap', () => {
  let work: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    work = await tempDir('toolrisk-inspect-');
    for (const folder of ['open', 'closed']) {
      await mkdir(join(work.path, folder), { recursive: true });
      await copyFile(RAW_SERVER, join(work.path, folder, 'server.mjs'));
    }
    await chmod(work.path, 0o755);
    await chmod(join(work.path, 'open'), 0o755);
    await chmod(join(work.path, 'open', 'server.mjs'), 0o644);
    await chmod(join(work.path, 'closed'), 0o700);
  });
  afterAll(async () => work?.remove());

  it('shows the server its own folder and lists its tools, as the unprivileged user when it can read them', async () => {
    const sandbox = await findSandbox();
    const snapshot = await inspect({ command: [process.execPath, join(work.path, 'open', 'server.mjs'), 'invalid-tool'], sandbox }, new Date('2026-11-01T00:00:00Z'));
    expect(snapshot.status).toBe('ok');
    expect(snapshot.tools.length).toBeGreaterThan(0);
    expect(snapshot.crawledAt).toBe('2026-11-01T00:00:00.000Z');
    expect(snapshot.sandbox).toEqual({ kind: 'bubblewrap', network: false });
    expect(snapshot.warnings.filter((warning) => warning.code === 'sandbox')).toEqual([]);
  }, 60_000);

  it('runs it as the crawler\'s own user inside the sandbox when its files are in a folder only that user can read, and says so', async () => {
    const sandbox = await findSandbox();
    const snapshot = await inspect({ command: [process.execPath, join(work.path, 'closed', 'server.mjs'), 'invalid-tool'], sandbox });
    expect(snapshot.status).toBe('ok');
    const notes = snapshot.warnings.filter((warning) => warning.code === 'sandbox').map((warning) => warning.message);
    if (process.getuid?.() === 0) {
      expect(notes).toEqual([`${join(work.path, 'closed')} is not readable by the unprivileged sandbox user, so the server ran as the crawler's own user inside the sandbox (the process limit does not hold for root)`]);
    } else {
      // (a crawler that is not root drops nothing: every folder its user reads, the sandbox reads)
      expect(notes).toEqual([]);
    }
  }, 60_000);

  it('names the server after what it says it is, else after the command', async () => {
    const snapshot = await inspect({ command: [process.execPath, join(work.path, 'open', 'server.mjs'), 'invalid-tool'] });
    expect([snapshot.name, snapshot.entry.version]).toEqual(['raw-invalid-tool', '0.0.1']);
    const failed = await inspect({ command: [process.execPath, join(work.path, 'open', 'server.mjs'), 'exit'] });
    expect(failed.status).toBe('failed');
    expect(failed.name).toBe(`${process.execPath} ${join(work.path, 'open', 'server.mjs')} exit`);
  }, 60_000);
});
