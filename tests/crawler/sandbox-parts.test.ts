// The parts of crawler/sandbox.ts, in the test process: sandbox.test.ts proves the sandbox holds against hostile servers
// through the CLI and a whole crawl. Here, each part on its own: the command line, each limit and the reason a stop is given, the
// users, the store, what the unprivileged user can reach, what network settings pass in, and a real run in bubblewrap.
import { execFile } from 'node:child_process';
import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acquireUser,
  DEFAULT_SANDBOX_LIMITS,
  findSandbox,
  limitReason,
  networkEnvironment,
  reachableBySandbox,
  SANDBOX_INSTALL_HINT,
  SANDBOX_PATHS,
  sandboxCommand,
  sandboxStore,
  SandboxUnavailable,
  withoutPrivilegeDrop,
  type Sandbox,
} from '../../crawler/sandbox.ts';
import { tempDir } from '../helpers.ts';

const run = promisify(execFile);
const LIMITS = { memoryMiB: 256, cpuSeconds: 3, processes: 48, fileSizeMiB: 8 };
const MIB = 1024 * 1024;
const root = process.getuid?.() === 0;

describe('limitReason: why a sandboxed server stopped', () => {
  const reason = (code: number | null, signal: NodeJS.Signals | null, stderr = '') => limitReason({ code, signal }, stderr, LIMITS);

  it('names the CPU limit from SIGXCPU, its number as bubblewrap exits (128 + 24), or a SIGKILL that says CPU time', () => {
    for (const stop of [reason(null, 'SIGXCPU'), reason(152, null), reason(null, 'SIGKILL', 'CPU time limit exceeded'), reason(137, null, 'cpu time')]) expect(stop).toBe('hit the CPU time limit (3 s)');
    // (a SIGKILL that says nothing of CPU time is no limit the crawler can name)
    expect(reason(null, 'SIGKILL')).toBeUndefined();
    expect(reason(137, null)).toBeUndefined();
  });

  it('names the file size limit from SIGXFSZ (128 + 25) or what the server said', () => {
    for (const stop of [reason(null, 'SIGXFSZ'), reason(153, null), reason(1, null, 'Error: EFBIG: file too large, write'), reason(1, null, 'File too large')]) expect(stop).toBe('hit the file size limit (8 MiB)');
  });

  it('names the process, memory and space limits from what the server said', () => {
    for (const stderr of ['Error: spawn sleep EAGAIN', 'fork: Resource temporarily unavailable', 'bash: fork: retry: No child processes', 'cannot fork']) expect(reason(1, null, stderr), stderr).toBe('hit the process limit (48 processes and threads)');
    for (const stderr of ['FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory', "terminate called after throwing an instance of 'std::bad_alloc'", 'mmap: Cannot allocate memory', 'Error: ENOMEM', 'out of memory']) {
      expect(reason(1, null, stderr), stderr).toBe('hit the memory limit (256 MiB)');
    }
    for (const stderr of ['Error: ENOSPC: no space left on device', 'No space left on device']) expect(reason(1, null, stderr), stderr).toBe('filled its 8 MiB of temporary space');
  });

  it('says nothing when nothing points at a limit, or there was no exit', () => {
    expect(reason(3, null, 'fatal: missing API key')).toBeUndefined();
    expect(reason(0, null)).toBeUndefined();
    expect(reason(128, null)).toBeUndefined();
    expect(limitReason(undefined, '', LIMITS)).toBeUndefined();
    expect(limitReason(undefined, 'out of memory', DEFAULT_SANDBOX_LIMITS)).toBe('hit the memory limit (2048 MiB)');
  });
});

describe('sandboxCommand: the command line', () => {
  const unprivileged: Sandbox = { bwrap: '/b/bwrap', prlimit: '/b/prlimit', setpriv: '/b/setpriv', user: { uid: 4000, gid: 4001 } };
  const plain: Sandbox = { bwrap: '/b/bwrap', prlimit: '/b/prlimit', user: { uid: 1000, gid: 1000 } };

  it('drops to the sandbox user, sets every limit, and runs bubblewrap with new namespaces, no network and no capabilities', () => {
    const { command, args } = sandboxCommand(unprivileged, { command: 'node', args: ['server.js', '--flag'], network: false, limits: LIMITS });
    expect(command).toBe('/b/setpriv');
    expect(args.slice(0, 14)).toEqual([
      '--reuid=4000', '--regid=4001', '--clear-groups', '--inh-caps=-all', '--',
      '/b/prlimit', `--data=${256 * MIB}`, '--cpu=3:8', '--nproc=48', `--fsize=${8 * MIB}`, '--core=0', '--',
      '/b/bwrap', '--unshare-all',
    ]);
    const line = args.join(' ');
    for (const part of ['--unshare-user', '--die-with-parent', '--new-session', '--disable-userns', '--cap-drop ALL', '--hostname toolrisk-sandbox', '--proc /proc', '--dev /dev']) expect(line).toContain(part);
    expect(line).not.toContain('--share-net');
    expect(line).toContain(`--size ${8 * MIB} --tmpfs /tmp --size ${8 * MIB} --tmpfs ${SANDBOX_PATHS.base} --dir ${SANDBOX_PATHS.home} --dir ${SANDBOX_PATHS.workdir}`);
    expect(args.slice(-6)).toEqual(['--chdir', SANDBOX_PATHS.workdir, '--', 'node', 'server.js', '--flag']);
    // the system folders read-only, or as the symlinks they are; of /etc only what programs need
    expect(line).toMatch(/(--ro-bind \/usr \/usr|--symlink \S+ \/usr)/);
    expect(line).not.toMatch(/--bind \/usr /);
    expect(line).not.toContain('/etc/shadow');
  });

  it('shares the network only when asked, binds folders read-only unless writable, and starts where it is told, as the user it is told', () => {
    const { args } = sandboxCommand(unprivileged, {
      command: 'npm',
      args: ['install'],
      network: true,
      limits: LIMITS,
      binds: [
        { from: '/store/pkg', to: SANDBOX_PATHS.package, writable: true },
        { from: '/store/src', to: '/sandbox/source' },
      ],
      cwd: SANDBOX_PATHS.package,
      user: { uid: 5000, gid: 5001 },
    });
    const line = args.join(' ');
    expect(args.slice(0, 2)).toEqual(['--reuid=5000', '--regid=5001']);
    expect(line).toContain('--unshare-all --unshare-user --share-net --die-with-parent');
    expect(line).toContain(`--bind /store/pkg ${SANDBOX_PATHS.package} --ro-bind /store/src /sandbox/source --chdir ${SANDBOX_PATHS.package} -- npm install`);
  });

  it('runs prlimit itself when it is not root, with the process budget on top of what its user already runs', () => {
    const { command, args } = sandboxCommand(plain, { command: 'true', args: [], network: false, limits: LIMITS });
    expect(command).toBe('/b/prlimit');
    const nproc = Number(/^--nproc=(\d+)$/.exec(args.find((arg) => arg.startsWith('--nproc='))!)![1]);
    // (this test's own process and threads are among what its user runs)
    expect(nproc).toBeGreaterThan(LIMITS.processes);
    expect(args.at(-1)).toBe('true');
  });
});

describe('users, the store, and what the sandbox user can reach', () => {
  it('gives each server a user of its own while it runs, and the same one back once released', () => {
    const sandbox: Sandbox = { bwrap: 'b', prlimit: 'p', setpriv: 's', user: { uid: 7, gid: 7 } };
    const a = acquireUser(sandbox);
    const b = acquireUser(sandbox);
    expect(a.uid).not.toBe(b.uid);
    expect([a.gid, b.gid]).toEqual([a.uid, b.uid]);
    expect(a.uid).toBeGreaterThan(2_147_000_000);
    a.release();
    const c = acquireUser(sandbox);
    expect(c.uid).toBe(a.uid);
    b.release();
    c.release();
    // without a drop of privileges, every server runs as the crawler's user
    const own = acquireUser({ bwrap: 'b', prlimit: 'p', user: { uid: 1000, gid: 1001 } });
    expect([own.uid, own.gid]).toEqual([1000, 1001]);
  });

  it('keeps the store where the sandbox user can reach it: the system cache for root, the user cache otherwise', () => {
    expect(sandboxStore({ setpriv: '/usr/bin/setpriv' }, '/home/me/.cache')).toBe('/var/cache/toolrisk');
    expect(sandboxStore({}, '/home/me/.cache')).toBe('/home/me/.cache/toolrisk');
  });

  it('drops nothing for a local command, and keeps the rest of the sandbox', () => {
    const sandbox: Sandbox = { bwrap: 'b', prlimit: 'p', setpriv: 's', user: { uid: 7, gid: 7 } };
    expect(withoutPrivilegeDrop(sandbox)).toEqual({ bwrap: 'b', prlimit: 'p', setpriv: undefined, user: { uid: process.getuid!(), gid: process.getgid!() } });
  });

  describe('reachableBySandbox', () => {
    let work: Awaited<ReturnType<typeof tempDir>>;
    beforeAll(async () => {
      work = await tempDir('toolrisk-reach-');
      await chmod(work.path, 0o755);
      await mkdir(join(work.path, 'open', 'inner'), { recursive: true });
      await mkdir(join(work.path, 'closed', 'inner'), { recursive: true });
      await chmod(join(work.path, 'closed'), 0o750);
      await writeFile(join(work.path, 'open', 'readable.tgz'), 'x');
      await writeFile(join(work.path, 'open', 'private.tgz'), 'x');
      await chmod(join(work.path, 'open', 'private.tgz'), 0o600);
      await mkdir(join(work.path, 'open', 'listable-only'));
      await chmod(join(work.path, 'open', 'listable-only'), 0o754);
    });
    afterAll(async () => work?.remove());
    const drop = { setpriv: '/usr/bin/setpriv' };

    it('is true when every folder on the way lets others through and the end lets them read', () => {
      expect(reachableBySandbox(drop, join(work.path, 'open', 'inner'))).toBe(true);
      expect(reachableBySandbox(drop, join(work.path, 'open', 'readable.tgz'))).toBe(true);
    });

    it('is false behind a folder others cannot pass, at a file others cannot read, at a folder they cannot enter, or at nothing', () => {
      expect(reachableBySandbox(drop, join(work.path, 'closed', 'inner'))).toBe(false);
      expect(reachableBySandbox(drop, join(work.path, 'open', 'private.tgz'))).toBe(false);
      expect(reachableBySandbox(drop, join(work.path, 'open', 'listable-only'))).toBe(false);
      expect(reachableBySandbox(drop, join(work.path, 'missing'))).toBe(false);
    });

    it('is always true when no privileges are dropped', () => {
      expect(reachableBySandbox({}, join(work.path, 'closed', 'inner'))).toBe(true);
      expect(reachableBySandbox({}, join(work.path, 'missing'))).toBe(true);
    });
  });

  it('passes the crawler\'s registry, proxy and certificate settings into a sandbox with network, and never a token', () => {
    const set = { npm_config_registry: 'https://registry.example/', HTTPS_PROXY: 'http://proxy:3128', no_proxy: 'localhost', NODE_EXTRA_CA_CERTS: '/ca.pem', SSL_CERT_FILE: '/cert.pem', SSL_CERT_DIR: '/certs', npm_config_strict_ssl: 'true', npm_config_cafile: '/npm-ca.pem', http_proxy: 'http://p:1' };
    const never = { NPM_TOKEN: 'secret', npm_config__authToken: 'secret', GITHUB_TOKEN: 'secret', npm_config_registry_extra: 'x', MY_HTTPS_PROXY: 'x' };
    const saved = new Map(Object.keys({ ...set, ...never }).map((name) => [name, process.env[name]]));
    try {
      Object.assign(process.env, set, never);
      const env = networkEnvironment();
      for (const [name, value] of Object.entries(set)) expect(env[name], name).toBe(value);
      for (const name of Object.keys(never)) expect(env[name], name).toBeUndefined();
    } finally {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe('findSandbox and a run in bubblewrap', () => {
  let work: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    work = await tempDir('toolrisk-find-');
  });
  afterAll(async () => work?.remove());

  /** findSandbox with PATH holding only links to these tools. */
  const findWith = async (tools: string[]) => {
    const bin = join(work.path, `bin-${tools.join('-') || 'none'}`);
    await mkdir(bin, { recursive: true });
    for (const tool of tools) await symlink(`/usr/bin/${tool}`, join(bin, tool)).catch(() => undefined);
    const path = process.env.PATH;
    process.env.PATH = bin;
    try {
      return await findSandbox().catch((error: unknown) => error);
    } finally {
      process.env.PATH = path;
    }
  };

  it('says what is missing and how to install it', async () => {
    const none = await findWith([]);
    expect(none).toBeInstanceOf(SandboxUnavailable);
    expect((none as Error).message).toBe(`the sandbox needs bwrap, prlimit${root ? ', setpriv' : ''}, not found on PATH: ${SANDBOX_INSTALL_HINT}`);
    const noPrlimit = await findWith(['bwrap', 'setpriv']);
    expect((noPrlimit as Error).message).toBe('the sandbox needs prlimit, not found on PATH: install util-linux');
  });

  it('finds the tools on PATH, proves they work, and runs a command inside: its own host name, an empty home, no network', async () => {
    const sandbox = await findSandbox();
    expect(sandbox.bwrap).toMatch(/\/bwrap$/);
    expect(sandbox.prlimit).toMatch(/\/prlimit$/);
    expect(Boolean(sandbox.setpriv)).toBe(root);
    const script = 'hostname; id -u; ls -A /sandbox/home | wc -l; pwd; tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d " " | tr "\\n" " "; echo; ls /etc/shadow 2>&1 >/dev/null; true';
    const { command, args } = sandboxCommand(sandbox, { command: 'sh', args: ['-c', script], network: false, limits: DEFAULT_SANDBOX_LIMITS });
    const { stdout } = await run(command, args, { env: { PATH: '/usr/bin:/bin' }, timeout: 30_000 });
    const [hostname, uid, homeEntries, cwd, devices, shadow] = stdout.split('\n');
    expect(hostname).toBe('toolrisk-sandbox');
    expect(Number(uid)).toBe(root ? 2_147_000_000 : process.getuid!());
    expect(homeEntries?.trim()).toBe('0');
    expect(cwd).toBe(SANDBOX_PATHS.workdir);
    // (a network namespace of its own, with nothing but loopback; and none of /etc but what programs need)
    expect(devices).toBe('lo ');
    expect(shadow).toMatch(/No such file/);
  }, 60_000);
});
