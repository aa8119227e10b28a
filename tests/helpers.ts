// Shared test helpers: fixture paths, loopback HTTP servers started as real processes.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProgressReporter } from '../crawler/progress.ts';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
export const FIXTURES = join(ROOT, 'tests/fixtures');
export const SDK_SERVER = join(FIXTURES, 'sdk-server.mjs');
export const RAW_SERVER = join(FIXTURES, 'raw-server.mjs');

export function sdkServerCommand(mode: string): string[] {
  return [process.execPath, SDK_SERVER, mode];
}

export function rawServerCommand(mode: string): string[] {
  return [process.execPath, RAW_SERVER, mode];
}

export interface RunningHttpFixture {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts the SDK fixture over Streamable HTTP (`--http`) or legacy SSE (`--sse`) on 127.0.0.1. */
export async function startHttpFixture(mode: string, flag: '--http' | '--sse' = '--http'): Promise<RunningHttpFixture> {
  const child: ChildProcess = spawn(process.execPath, [SDK_SERVER, mode, flag, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolvePort, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /listening (\d+)/.exec(buffered);
      if (match) resolvePort(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`fixture server exited with ${code}`)));
    setTimeout(() => reject(new Error('fixture server did not start in 15 s')), 15_000);
  });
  return {
    port,
    url: flag === '--http' ? `http://127.0.0.1:${port}/mcp` : `http://127.0.0.1:${port}/sse`,
    async stop() {
      child.kill('SIGKILL');
      await new Promise((done) => (child.exitCode !== null ? done(undefined) : child.once('exit', done)));
    },
  };
}

export async function tempDir(prefix = 'toolrisk-test-'): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

const execFileAsync = promisify(execFile);

/** Runs the real `toolrisk` command as a process; never throws for a non-zero exit. */
export function toolrisk(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return toolriskWithEnv({}, ...args);
}

/** The same with extra environment variables; the caller's OPENAI_* variables are left out, so model settings come only from `env`. */
export async function toolriskWithEnv(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('OPENAI_')));
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [join(ROOT, 'bin', 'toolrisk.js'), ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...base, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Serves a built site folder on 127.0.0.1 (a tiny static server: files, `index.html` for folders, 404.html). */
export async function serveStatic(root: string): Promise<{ url: string; stop(): Promise<void> }> {
  const { createServer } = await import('node:http');
  const { readFile, stat } = await import('node:fs/promises');
  const { extname, normalize } = await import('node:path');
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.css': 'text/css', '.js': 'text/javascript', '.xml': 'application/xml', '.yaml': 'application/yaml' };
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
    } catch {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(await readFile(join(root, '404.html')).catch(() => 'not found'));
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Debian's Chromium, launched as this machine requires (Playwright's own browser download does not work here). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A crawl progress reporter that prints nothing, for tests that check the crawl's results. */
export const QUIET_PROGRESS: ProgressReporter = { started() {}, finished() {}, skipped() {}, close() {} };
