// Shared test helpers: fixture paths, loopback HTTP servers started as real processes.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProgressReporter } from '../crawler/progress.ts';

// (the site's build bundles this file elsewhere, so there site/astro.config.mjs names the repository)
export const ROOT = process.env.TOOLRISK_REPO_ROOT ? resolve(process.env.TOOLRISK_REPO_ROOT) : resolve(fileURLToPath(import.meta.url), '../..');
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

const execFileAsync = promisify(execFile);

/** Writes a file, making its folders first; returns its path. */
export async function writeFileIn(file: string, text: string | Uint8Array): Promise<string> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

/** Installs a packed tarball into `prefix` as a user would, without the network (the package has no dependencies). */
export async function installTarball(tarball: string, prefix: string): Promise<void> {
  await execFileAsync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--offline', tarball], { cwd: dirname(prefix) });
}

export async function tempDir(prefix = 'toolrisk-test-'): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** Runs the real `toolrisk` command as a process; never throws for a non-zero exit. */
export function toolrisk(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return toolriskWithEnv({}, ...args);
}

/** The same with extra environment variables; the caller's OPENAI_* variables are left out, so model settings come only from `env`. */
export function toolriskWithEnv(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return toolriskAt(ROOT, env, ...args);
}

/** The same, run in the folder `cwd` (a project the command should take as the current one). */
export function toolriskAt(cwd: string, env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('OPENAI_')));
  return runCommand(process.execPath, [join(ROOT, 'bin', 'toolrisk.js'), ...args], { cwd, env: { ...base, ...env } });
}

/**
 * Runs a command as a process, asynchronously (a test worker blocked in spawnSync for a minute misses Vitest's reply to its
 * progress message, and the run fails with "Timeout calling onTaskUpdate"); never throws for a non-zero exit.
 */
export async function runCommand(file: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(file, args, { maxBuffer: 64 * 1024 * 1024, ...options });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** `toolrisk build` into `outDir` (with more environment and flags); throws with the command's last output when it fails. */
export async function buildSiteInto(outDir: string, env: Record<string, string> = {}, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
  const result = await toolriskWithEnv({ ...env, TOOLRISK_OUT_DIR: outDir }, 'build', ...args);
  if (result.code !== 0) throw new Error(`toolrisk build failed (${result.code}):\n${result.stderr.slice(-3000)}\n${result.stdout.slice(-3000)}`);
  return result;
}

/**
 * Starts a long-running command (a server) in its own process group and waits until `url` answers
 * with 200, the command exits, or `limitMs` passes. `home` is the body of `url` ('' if it never
 * answered); `stop` ends the command and everything it started.
 */
export async function startUntilServing(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  /** The address to wait for, or how to find it in what the command prints (a server that picks its own port). */
  url: string | ((output: string) => string | undefined),
  limitMs: number,
): Promise<{ home: string; url: string; output(): string; stop(): Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await exited;
  };
  let home = '';
  let address = '';
  for (let waited = 0; waited < limitMs && child.exitCode === null; waited += 250) {
    address = (typeof url === 'string' ? url : url(output)) ?? '';
    home = address ? await fetch(address).then((response) => (response.ok ? response.text() : ''), () => '') : '';
    if (home) break;
    await new Promise((done) => setTimeout(done, 250));
  }
  return { home, url: address, output: () => output, stop };
}

/**
 * Serves a built site with the real `toolrisk serve` (Astro's preview server) on a free port of
 * 127.0.0.1, and waits until it answers. `stop` ends the command and its server.
 */
export async function serveWithToolrisk(outDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const { createServer } = await import('node:net');
  const port = await new Promise<number>((done, fail) => {
    const probe = createServer().once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => done(free));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const served = await startUntilServing(process.execPath, [join(ROOT, 'bin', 'toolrisk.js'), 'serve', '--port', String(port)], { ...process.env, TOOLRISK_OUT_DIR: outDir }, `${url}/`, 60_000);
  if (!served.home) {
    await served.stop();
    throw new Error(`toolrisk serve did not answer on ${url} within 60 s:\n${served.output().slice(-2000)}`);
  }
  return { url, stop: served.stop };
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

/**
 * One turn of the event loop, for a test that works through the whole catalog in one go: vitest's worker
 * must answer its runner within 60 s ('Timeout calling onTaskUpdate' otherwise), and on a busy machine
 * such a test takes about that long.
 */
export function turnEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
