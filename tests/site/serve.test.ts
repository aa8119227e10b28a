// `toolrisk serve`: the URL it prints is the one that answers, a signal to it stops the server it
// started (no process left holding the port), a busy port is said plainly (or, without --port, the
// next free one is taken), and nothing outside the built site is served.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir, toolriskWithEnv } from '../helpers.ts';
import { fileFor, serveStatic } from '../../bin/serve.ts';

let dir: Awaited<ReturnType<typeof tempDir>>;
let site: string;

beforeAll(async () => {
  dir = await tempDir();
  site = join(dir.path, 'dist');
  await mkdir(join(site, 'servers'), { recursive: true });
  await writeFile(join(site, 'index.html'), '<!doctype html><title>home</title>');
  await writeFile(join(site, 'servers', 'index.html'), '<!doctype html><title>servers</title>');
  await writeFile(join(site, '404.html'), '<!doctype html><title>not here</title>');
  await writeFile(join(site, 'style.css'), 'body{}');
  await writeFile(join(dir.path, 'secret.txt'), 'outside the site');
});
afterAll(async () => {
  await dir?.remove();
});

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** Starts `toolrisk serve` and waits for the line that names its URL. */
async function startServe(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'toolrisk.js'), 'serve', ...args], { cwd: ROOT, env: { ...process.env, TOOLRISK_OUT_DIR: site }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let waited = 0; waited < 30_000; waited += 50) {
    const url = /serving .* at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
    if (url) return { child, url, output: () => output };
    if (child.exitCode !== null) break;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`toolrisk serve printed no URL: ${output}`);
}

const exited = (child: ChildProcess) => new Promise<number | null>((done) => (child.exitCode !== null ? done(child.exitCode) : child.once('exit', (code) => done(code))));

describe('toolrisk serve', () => {
  it('prints the URL that answers, serves pages, redirects a folder to its slash, and 404s what is not there', async () => {
    const port = await freePort();
    const { child, url } = await startServe(['--port', String(port)]);
    try {
      expect(url).toBe(`http://127.0.0.1:${port}/`);
      const home = await fetch(url);
      expect(home.status).toBe(200);
      expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await home.text()).toContain('<title>home</title>');
      expect((await fetch(`${url}style.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
      const folder = await fetch(`${url}servers`, { redirect: 'manual' });
      expect(folder.status).toBe(301);
      expect(folder.headers.get('location')).toBe('/servers/');
      const missing = await fetch(`${url}nothing/here/`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('not here');
      expect((await fetch(url, { method: 'POST' })).status).toBe(405);
    } finally {
      child.kill('SIGTERM');
      await exited(child);
    }
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops the server it started on ${signal}, and the port is free again`, async () => {
      const port = await freePort();
      const { child, url, output } = await startServe(['--port', String(port)]);
      expect((await fetch(url)).status).toBe(200);
      child.kill(signal);
      expect(await exited(child)).toBe(0);
      expect(output()).toContain('stopped serving');
      await expect(fetch(url)).rejects.toThrow();
      // nothing holds the port: it can be listened on at once
      const again: Server = createServer();
      await new Promise<void>((done, fail) => again.once('error', fail).listen(port, '127.0.0.1', () => done()));
      await new Promise((done) => again.close(done));
    });
  }

  it('says plainly that a port given with --port is busy, and exits 1; without --port it takes the next free one', async () => {
    const busy: Server = createServer();
    const port = await new Promise<number>((done) => busy.listen(0, '127.0.0.1', () => done((busy.address() as { port: number }).port)));
    try {
      const result = await toolriskWithEnv({ TOOLRISK_OUT_DIR: site }, 'serve', '--port', String(port));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`toolrisk serve: port ${port} is already in use on 127.0.0.1; stop what uses it, or choose another with --port`);
      expect(result.stderr).not.toMatch(/serving|at .*\.ts:\d+/);
      // the default port moves on to the next free one, and the URL given is the one that answers
      const { server, url } = await serveStatic(site, port, true);
      try {
        expect(Number(new URL(url).port)).toBeGreaterThan(port);
        expect((await fetch(url)).status).toBe(200);
      } finally {
        await new Promise((done) => server.close(done));
      }
      await expect(serveStatic(site, port, false)).rejects.toThrow(`port ${port} is already in use`);
    } finally {
      await new Promise((done) => busy.close(done));
    }
  });

  it('without a built site says to build first, and exits 1', async () => {
    const result = await toolriskWithEnv({ TOOLRISK_OUT_DIR: join(dir.path, 'no-site') }, 'serve', '--port', String(await freePort()));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/holds no built site; run npm run build first/);
  });

  it('never serves a file outside the built site', async () => {
    const root = '/srv/site';
    expect(fileFor(root, '/')).toBe('/srv/site/index.html');
    expect(fileFor(root, '/servers/')).toBe('/srv/site/servers/index.html');
    expect(fileFor(root, '/style.css?x=1')).toBe('/srv/site/style.css');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/servers/../../secret.txt', '/%00', '/%E0%A4%A']) expect(fileFor(root, path), path).toBeUndefined();
    const port = await freePort();
    return startServe(['--port', String(port)]).then(async ({ child, url }) => {
      try {
        for (const path of ['..%2fsecret.txt', '%2e%2e/secret.txt']) {
          const response = await fetch(`${url}${path}`);
          expect(response.status, path).toBe(404);
          expect(await response.text()).not.toContain('outside the site');
        }
      } finally {
        child.kill('SIGTERM');
        await exited(child);
      }
    });
  });
});
