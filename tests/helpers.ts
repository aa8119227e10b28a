// Shared test helpers: fixture paths, loopback HTTP servers started as real processes.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
export async function toolrisk(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [join(ROOT, 'bin', 'toolrisk.js'), ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
