// The install phase of a sandboxed crawl: the exact package version goes into its own folder under
// the crawler's store, installed by npm inside a sandbox that can write only that folder and the
// store's npm cache, with lifecycle scripts off unless the index entry says the server needs them.
// The folder is then bound read-only into the server's sandbox (crawler/sandbox.ts).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chown, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { EXACT_VERSION, NPM_PACKAGE_NAME } from './launch.ts';
import { networkEnvironment, sandboxCommand, SANDBOX_PATHS, type Sandbox, type SandboxLimits } from './sandbox.ts';

export interface InstallSpec {
  /** An npm package name, or an absolute path to a package tarball or folder. */
  identifier: string;
  /** The exact version; without one the package is installed afresh every time. */
  version?: string;
  /** Run the package's lifecycle scripts (off unless the index entry says the server needs them). */
  scripts?: boolean;
  /** The bin to run when the package has several. */
  bin?: string;
}

export interface Installed {
  /** The package's folder on the host (bound read-only at SANDBOX_PATHS.package). */
  folder: string;
  /** The installed package's name and version. */
  name: string;
  version: string;
  /** The bin it runs (named in the entry, or picked by pickBin). */
  bin: string;
  /** The command to run, inside the sandbox. */
  command: string;
  /** Whether an earlier crawl had installed it already. */
  cached: boolean;
}

export class InstallError extends Error {
  override name = 'InstallError';
}

const MARKER = '.toolrisk-installed.json';
// where the store's npm cache appears inside the install's sandbox
const NPM_CACHE = '/sandbox/npm-cache';
const run = promisify(execFile);
// an exact version, a range or a dist-tag; nothing that starts like a flag, a path or a URL
const VERSION = /^(?!-)[\w^~<>=.*+| -]*\w[\w^~<>=.*+| -]*$/;

/** A folder name for a package: readable, safe for any identifier, and distinct for distinct specs. */
export function packageFolderName(spec: Pick<InstallSpec, 'identifier' | 'version' | 'scripts'>): string {
  const readable = `${spec.identifier}-${spec.version ?? 'latest'}`.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, 80);
  const hash = createHash('sha256').update(`${spec.identifier}\u0000${spec.version ?? ''}\u0000${spec.scripts ? 'scripts' : ''}`).digest('hex').slice(0, 12);
  return `${readable || 'package'}-${hash}`;
}

/** Whether a version pins one release (so an install can be reused). */
function exact(version: string | undefined): version is string {
  return version !== undefined && EXACT_VERSION.test(version);
}

function isLocal(identifier: string): boolean {
  return isAbsolute(identifier);
}

/** The environment npm gets: an empty HOME, the store's cache, and the crawler's registry, proxy and certificate settings (no tokens). */
function installEnvironment(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: SANDBOX_PATHS.home,
    TMPDIR: '/tmp',
    npm_config_cache: NPM_CACHE,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...networkEnvironment(),
  };
}

/** The bin a package runs: the one named like the package, or its only one, or the one the entry names. */
export function pickBin(pkg: { name: string; bin?: string | Record<string, string> }, wanted?: string): string {
  const unscoped = pkg.name.split('/').pop()!;
  if (typeof pkg.bin === 'string' && /^[\w.-]+$/.test(unscoped)) return unscoped;
  // (a bin given as one path, of a package whose name is no file name, is no bin the sandbox can name)
  const bins = Object.keys(typeof pkg.bin === 'object' ? pkg.bin : {}).filter((bin) => /^[\w@.-]+$/.test(bin) && bin !== '.' && bin !== '..');
  if (wanted) {
    if (bins.includes(wanted)) return wanted;
    throw new InstallError(`${pkg.name} has no bin "${wanted}" (it has: ${bins.join(', ') || 'none'})`);
  }
  if (bins.length === 1) return bins[0]!;
  if (bins.includes(unscoped)) return unscoped;
  if (bins.length === 0) throw new InstallError(`${pkg.name} has no bin to run; it may be a library, not a server`);
  throw new InstallError(`${pkg.name} has several bins (${bins.join(', ')}); name one in the entry's crawl.bin`);
}

function runInstall(command: string, args: string[], env: Record<string, string>, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { env, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      const killed = (error as { killed?: boolean }).killed;
      const tail = stderr.trim().split('\n').filter((line) => !/^npm (warn|notice)/i.test(line)).slice(-6).join(' | ');
      reject(new InstallError(killed ? `npm install took longer than ${timeoutMs} ms` : `npm install failed${tail ? `: ${tail.slice(0, 600)}` : ` (exit ${String((error as { code?: unknown }).code)})`}`));
    });
  });
}

/**
 * Installs `spec` into its folder under `store` (reusing an earlier complete install of the same
 * exact version), inside a sandbox with network that can write only that folder and the npm cache.
 */
export async function installPackage(sandbox: Sandbox, spec: InstallSpec, options: { store: string; limits: SandboxLimits; timeoutMs: number }): Promise<Installed> {
  // the identifier and version come from a registry entry: never let one pass as an npm flag or another kind of spec
  if (!isLocal(spec.identifier) && !NPM_PACKAGE_NAME.test(spec.identifier)) throw new InstallError(`"${spec.identifier.slice(0, 100)}" is not an npm package name`);
  if (spec.version !== undefined && !VERSION.test(spec.version)) throw new InstallError(`"${spec.version.slice(0, 100)}" is not a package version`);
  // a local tarball is named by its content, so a changed file is installed afresh and an unchanged one reused
  const content = isLocal(spec.identifier) ? createHash('sha256').update(await readFile(spec.identifier)).digest('hex').slice(0, 16) : undefined;
  const folder = join(options.store, 'packages', packageFolderName({ ...spec, version: content ? `local-${content}` : spec.version }));
  // servers of one package crawled at once share one install
  const pending = installing.get(folder);
  if (pending) return { ...(await pending), cached: true };
  const install = installInto(folder, sandbox, spec, options, exact(spec.version) || content !== undefined);
  installing.set(folder, install);
  try {
    return await install;
  } finally {
    installing.delete(folder);
  }
}

const installing = new Map<string, Promise<Installed>>();

async function installInto(folder: string, sandbox: Sandbox, spec: InstallSpec, options: { store: string; limits: SandboxLimits; timeoutMs: number }, reusable: boolean): Promise<Installed> {
  const cache = join(options.store, 'npm-cache');
  if (reusable) {
    const done = await readMarker(folder);
    if (done) return { ...done, folder, command: binCommand(done.bin), cached: true };
  }
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  await mkdir(cache, { recursive: true });
  // the unprivileged sandbox user writes the folder and the cache (a cache another user wrote is handed over once)
  if (sandbox.setpriv) {
    await chown(folder, sandbox.user.uid, sandbox.user.gid);
    if (!(await ownedBy(cache, sandbox.user.uid))) await run('chown', ['-R', `${sandbox.user.uid}:${sandbox.user.gid}`, cache]);
  }
  const binds = [
    { from: folder, to: SANDBOX_PATHS.package, writable: true },
    { from: cache, to: NPM_CACHE, writable: true },
  ];
  let target = spec.version && !isLocal(spec.identifier) ? `${spec.identifier}@${spec.version}` : spec.identifier;
  if (isLocal(spec.identifier)) {
    binds.push({ from: dirname(spec.identifier), to: '/sandbox/source', writable: false });
    target = `/sandbox/source/${basename(spec.identifier)}`;
  }
  const npmArgs = ['install', '--prefix', SANDBOX_PATHS.package, '--omit=dev', '--install-links', '--no-audit', '--no-fund', '--loglevel=error', ...(spec.scripts ? [] : ['--ignore-scripts']), target];
  const command = sandboxCommand(sandbox, { command: 'npm', args: npmArgs, network: true, limits: options.limits, binds, cwd: SANDBOX_PATHS.workdir });
  await runInstall(command.command, command.args, installEnvironment(), options.timeoutMs);
  const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const names = Object.keys(manifest.dependencies ?? {});
  if (names.length !== 1) throw new InstallError(`npm installed ${names.length} top-level packages for ${spec.identifier}, expected 1`);
  const name = names[0]!;
  const installed = JSON.parse(await readFile(join(folder, 'node_modules', name, 'package.json'), 'utf8')) as { name: string; version: string; bin?: string | Record<string, string> };
  const bin = pickBin(installed, spec.bin);
  const record = { name: installed.name, version: installed.version, bin };
  await writeFile(join(folder, MARKER), `${JSON.stringify(record)}\n`);
  return { ...record, folder, command: binCommand(bin), cached: false };
}

/** Whether a folder and what is directly in it belong to `uid` (npm refuses a cache with files of another user). */
async function ownedBy(folder: string, uid: number): Promise<boolean> {
  if ((await stat(folder)).uid !== uid) return false;
  for (const name of await readdir(folder)) if ((await stat(join(folder, name))).uid !== uid) return false;
  return true;
}

function binCommand(bin: string): string {
  return `${SANDBOX_PATHS.package}/node_modules/.bin/${bin}`;
}

async function readMarker(folder: string): Promise<{ name: string; version: string; bin: string } | undefined> {
  try {
    const record = JSON.parse(await readFile(join(folder, MARKER), 'utf8')) as { name?: unknown; version?: unknown; bin?: unknown };
    if (typeof record.name === 'string' && typeof record.version === 'string' && typeof record.bin === 'string') return { name: record.name, version: record.version, bin: record.bin };
  } catch {
    // not installed (or half installed): install afresh
  }
  return undefined;
}
