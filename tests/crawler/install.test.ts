// The install phase of a sandboxed crawl (crawler/install.ts) in the test process: sandbox.test.ts crawls hostile packages
// through the CLI and `crawlIndex`; these check each part of the install on its own. These tests install small local
// tarballs packed here, with npm, inside bubblewrap (it binds only the store and the tarball's folder), and need no network.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InstallError, installPackage, packageFolderName, pickBin } from '../../crawler/install.ts';
import { findSandbox, SANDBOX_PATHS, type Sandbox } from '../../crawler/sandbox.ts';
import { tempDir } from '../helpers.ts';

const run = promisify(execFile);
const LIMITS = { memoryMiB: 1024, cpuSeconds: 60, processes: 256, fileSizeMiB: 64 };

/** Packs a dependency-free package with these bins into `dir` and returns the tarball's path. */
async function pack(dir: string, name: string, bins: Record<string, string>, scripts: Record<string, string> = {}): Promise<string> {
  const folder = join(dir, `src-${name}`);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'package.json'), JSON.stringify({ name, version: '1.2.3', type: 'module', bin: bins, scripts }));
  for (const file of new Set(Object.values(bins))) await writeFile(join(folder, file), '#!/usr/bin/env node\nconsole.log("hello");\n');
  const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: folder });
  return join(dir, stdout.trim().split('\n').pop()!);
}

const localVersion = async (tarball: string) => `local-${createHash('sha256').update(await readFile(tarball)).digest('hex').slice(0, 16)}`;

describe('installPackage, a local tarball inside bubblewrap', () => {
  let work: Awaited<ReturnType<typeof tempDir>>;
  let sandbox: Sandbox;
  let server: string;
  let options: { store: string; limits: typeof LIMITS; timeoutMs: number };

  beforeAll(async () => {
    work = await tempDir('toolrisk-install-');
    // (the sandbox's unprivileged user reaches the store and the tarballs through it)
    await chmod(work.path, 0o755);
    sandbox = await findSandbox();
    server = await pack(work.path, 'toolrisk-install-probe', { 'toolrisk-install-probe': 'server.js' }, { postinstall: 'node -e "require(\'fs\').writeFileSync(\'postinstall-ran\', \'\')"' });
    options = { store: join(work.path, 'store'), limits: LIMITS, timeoutMs: 120_000 };
  }, 120_000);
  afterAll(async () => work?.remove());

  it('installs it into a folder named by its content, says what it installed and the command to run, and reuses it next time', async () => {
    const first = await installPackage(sandbox, { identifier: server }, options);
    const folder = join(options.store, 'packages', packageFolderName({ identifier: server, version: await localVersion(server) }));
    expect(first).toEqual({ name: 'toolrisk-install-probe', version: '1.2.3', folder, command: `${SANDBOX_PATHS.package}/node_modules/.bin/toolrisk-install-probe`, bin: 'toolrisk-install-probe', cached: false });
    expect(JSON.parse(await readFile(join(folder, '.toolrisk-installed.json'), 'utf8'))).toEqual({ name: 'toolrisk-install-probe', version: '1.2.3', bin: 'toolrisk-install-probe' });
    expect(existsSync(join(folder, 'node_modules', 'toolrisk-install-probe', 'server.js'))).toBe(true);
    // (the store's npm cache is where npm kept what it fetched)
    expect((await readdir(join(options.store, 'npm-cache'))).length).toBeGreaterThan(0);
    const again = await installPackage(sandbox, { identifier: server }, options);
    expect(again).toEqual({ ...first, cached: true });
  }, 180_000);

  it('runs the lifecycle scripts only when asked, and installs that into a folder of its own', async () => {
    const version = await localVersion(server);
    const without = await installPackage(sandbox, { identifier: server }, options);
    const withScripts = await installPackage(sandbox, { identifier: server, scripts: true }, options);
    expect(withScripts.folder).toBe(join(options.store, 'packages', packageFolderName({ identifier: server, version, scripts: true })));
    expect(withScripts.folder).not.toBe(without.folder);
    expect(withScripts.cached).toBe(false);
    expect(existsSync(join(withScripts.folder, 'node_modules', 'toolrisk-install-probe', 'postinstall-ran'))).toBe(true);
    expect(existsSync(join(without.folder, 'node_modules', 'toolrisk-install-probe', 'postinstall-ran'))).toBe(false);
  }, 180_000);

  it('shares one install between crawls of the same package at once', async () => {
    const fresh = { ...options, store: join(work.path, 'store-shared') };
    const [a, b] = await Promise.all([installPackage(sandbox, { identifier: server }, fresh), installPackage(sandbox, { identifier: server }, fresh)]);
    expect([a.cached, b.cached].sort()).toEqual([false, true]);
    expect(a.folder).toBe(b.folder);
    // once it is done, the next one reads the marker
    expect((await installPackage(sandbox, { identifier: server }, fresh)).cached).toBe(true);
  }, 180_000);

  it('installs afresh over a half-finished install (a marker that is missing, broken or incomplete)', async () => {
    const fresh = { ...options, store: join(work.path, 'store-half') };
    const first = await installPackage(sandbox, { identifier: server }, fresh);
    const marker = join(first.folder, '.toolrisk-installed.json');
    for (const broken of ['{"name": ', JSON.stringify({ name: 'toolrisk-install-probe', version: '1.2.3' }), JSON.stringify({ name: 1, version: '1.2.3', bin: 'x' }), JSON.stringify({ name: 'x', version: 2, bin: 'x' })]) {
      await writeFile(marker, broken);
      const again = await installPackage(sandbox, { identifier: server }, fresh);
      expect(again.cached, broken).toBe(false);
      expect(JSON.parse(await readFile(marker, 'utf8'))).toEqual({ name: 'toolrisk-install-probe', version: '1.2.3', bin: 'toolrisk-install-probe' });
    }
  }, 300_000);

  it('runs the bin the entry names when a package has several, and says which there are when it names none', async () => {
    const several = await pack(work.path, 'toolrisk-two-bins', { alpha: 'a.js', beta: 'b.js' });
    const named = await installPackage(sandbox, { identifier: several, bin: 'beta' }, options);
    expect([named.bin, named.command]).toEqual(['beta', `${SANDBOX_PATHS.package}/node_modules/.bin/beta`]);
    const error = await installPackage(sandbox, { identifier: several }, { ...options, store: join(work.path, 'store-bins') }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InstallError);
    expect((error as Error).message).toBe("toolrisk-two-bins has several bins (alpha, beta); name one in the entry's crawl.bin");
  }, 180_000);

  it('says why npm failed, in the last lines npm wrote, and when it took too long', async () => {
    const notTarball = join(work.path, 'broken.tgz');
    await writeFile(notTarball, 'this is not a tarball');
    const failed = await installPackage(sandbox, { identifier: notTarball }, options).catch((caught: unknown) => caught);
    expect(failed).toBeInstanceOf(InstallError);
    expect((failed as Error).message).toMatch(/^npm install failed: npm error code TAR_BAD_ARCHIVE \| .*Unrecognized archive format/);
    expect((failed as Error).message).not.toMatch(/npm warn/i);
    const slow = await installPackage(sandbox, { identifier: server }, { ...options, store: join(work.path, 'store-slow'), timeoutMs: 1 }).catch((caught: unknown) => caught);
    expect(slow).toBeInstanceOf(InstallError);
    expect((slow as Error).message).toBe('npm install took longer than 1 ms');
  }, 180_000);

  it('refuses an identifier or version that is not a package name or version before npm sees it', async () => {
    for (const [spec, message] of [
      [{ identifier: '--registry=http://127.0.0.1:9/' }, '"--registry=http://127.0.0.1:9/" is not an npm package name'],
      [{ identifier: 'git+https://example.com/x.git' }, '"git+https://example.com/x.git" is not an npm package name'],
      [{ identifier: 'left-pad', version: '--foo' }, '"--foo" is not a package version'],
      [{ identifier: 'left-pad', version: '../x' }, '"../x" is not a package version'],
      [{ identifier: 'x'.repeat(300) + '!' }, `"${'x'.repeat(100)}" is not an npm package name`],
    ] as const) {
      const error = await installPackage(sandbox, spec, options).catch((caught: unknown) => caught);
      expect(error, JSON.stringify(spec)).toBeInstanceOf(InstallError);
      expect((error as Error).message).toBe(message);
    }
  });
});

describe('install parts', () => {
  it('picks the bin named like the package or its only one, and says which to name otherwise', () => {
    expect(pickBin({ name: '@scope/server-x', bin: 'dist/index.js' })).toBe('server-x');
    expect(pickBin({ name: '@scope/server-x', bin: { 'mcp-server-x': 'a.js' } })).toBe('mcp-server-x');
    expect(pickBin({ name: 'x', bin: { x: 'a.js', 'x-cli': 'b.js' } })).toBe('x');
    expect(pickBin({ name: 'x', bin: { a: 'a.js', b: 'b.js' } }, 'b')).toBe('b');
    expect(() => pickBin({ name: 'x', bin: { a: 'a.js', b: 'b.js' } })).toThrow("x has several bins (a, b); name one in the entry's crawl.bin");
    expect(() => pickBin({ name: 'x', bin: { a: 'a.js' } }, 'c')).toThrow('x has no bin "c" (it has: a)');
    expect(() => pickBin({ name: 'x' }, 'c')).toThrow('x has no bin "c" (it has: none)');
    expect(() => pickBin({ name: 'x' })).toThrow('x has no bin to run; it may be a library, not a server');
    // a bin name that would climb out of node_modules/.bin is not taken, nor a string bin of a name that is not a file name
    expect(() => pickBin({ name: 'x', bin: { '..': 'a.js', 'a/../../b': 'b.js', '.': 'c.js' } })).toThrow(/no bin to run/);
    expect(() => pickBin({ name: '@scope/a b', bin: 'index.js' })).toThrow(/no bin to run/);
  });

  it('names package folders safely for any identifier, and apart for different specs', () => {
    const names = ['../../etc/passwd', '@scope/pkg', '/tmp/x.tgz', 'a b\u202e', '...', ''].map((identifier) => packageFolderName({ identifier, version: '1.0.0' }));
    for (const name of names) expect(name).toMatch(/^[a-z0-9][a-z0-9._-]*-[0-9a-f]{12}$/);
    expect(new Set(names).size).toBe(names.length);
    expect(packageFolderName({ identifier: '@Scope/Pkg', version: '1.0.0' })).toMatch(/^scope-pkg-1\.0\.0-[0-9a-f]{12}$/);
    expect(packageFolderName({ identifier: 'p' })).toMatch(/^p-latest-/);
    expect(packageFolderName({ identifier: 'x'.repeat(200), version: '1.0.0' })).toHaveLength(80 + 13);
    const base = { identifier: 'p', version: '1.0.0' };
    expect(new Set([packageFolderName(base), packageFolderName({ ...base, version: '1.0.1' }), packageFolderName({ ...base, scripts: true }), packageFolderName({ identifier: 'p' })]).size).toBe(4);
  });
});
