// Running a stranger's server inside bubblewrap (the sandbox Flatpak is built on). The crawler only
// builds command lines here: bubblewrap makes the namespaces and mounts, prlimit sets the kernel's
// resource limits, and setpriv drops root to an unprivileged user so those limits hold. No process,
// file, secret or connection of the crawler's reaches the server:
//
//   setpriv (when root) → prlimit → bwrap --unshare-all --die-with-parent --new-session … → server
//
// Inside, the server sees the system folders read-only, its installed package read-only at
// /sandbox/package, and an empty HOME and working folder on a size-capped tmpfs; no network unless
// its index entry asks for it. The crawler's home, the repository and other packages are not there.
import { execFile } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const SANDBOX_MODES = ['required', 'auto', 'off'] as const;
export type SandboxMode = (typeof SANDBOX_MODES)[number];

/** Per-server limits, each enforced by the kernel (prlimit) or by bubblewrap's tmpfs size. */
export interface SandboxLimits {
  /** Writable memory (RLIMIT_DATA), MiB. */
  memoryMiB: number;
  /** CPU time (RLIMIT_CPU), seconds. */
  cpuSeconds: number;
  /** Processes and threads of the sandbox's user (RLIMIT_NPROC). */
  processes: number;
  /** Largest file the server may write (RLIMIT_FSIZE), MiB; also the size of its tmpfs. */
  fileSizeMiB: number;
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = {
  memoryMiB: 2048,
  cpuSeconds: 120,
  processes: 256,
  fileSizeMiB: 256,
};

/** Where things are inside the sandbox. Fixed paths, so the same server gives the same data on every crawl. */
export const SANDBOX_PATHS = {
  base: '/sandbox',
  home: '/sandbox/home',
  workdir: '/sandbox/work',
  package: '/sandbox/package',
} as const;

/**
 * The users sandboxes run as when the crawler is root (root is exempt from the process limit, and
 * reads root's files). The kernel counts the process limit per user across the whole machine, so
 * each running server gets a user of its own, from a range no account uses; installs share the first.
 */
const FIRST_UID = 2_147_000_000;
const UNPRIVILEGED = { uid: FIRST_UID, gid: FIRST_UID };
const SERVER_UIDS = 1000;
const usedUids = new Set<number>();

/** The crawler's own user. */
function crawlerUser(): { uid: number; gid: number } {
  return { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
}

/** A user for one server's run, released when it ends. The crawler's own user when it is not root. */
export function acquireUser(sandbox: Sandbox): { uid: number; gid: number; release: () => void } {
  if (!sandbox.setpriv) return { ...sandbox.user, release: () => undefined };
  for (let uid = FIRST_UID + 1; uid <= FIRST_UID + SERVER_UIDS; uid++) {
    if (usedUids.has(uid)) continue;
    usedUids.add(uid);
    return { uid, gid: uid, release: () => usedUids.delete(uid) };
  }
  throw new SandboxUnavailable(`more than ${SERVER_UIDS} sandboxes at once`);
}

export interface Sandbox {
  bwrap: string;
  prlimit: string;
  /** setpriv, when the crawler runs as root and must drop to `UNPRIVILEGED`. */
  setpriv?: string;
  /** The uid and gid the server runs as outside its namespace. */
  user: { uid: number; gid: number };
}

export const SANDBOX_INSTALL_HINT =
  'install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap; Fedora: dnf install bubblewrap; Arch: pacman -S bubblewrap), or pass --sandbox auto to run servers without it (not isolated)';

export class SandboxUnavailable extends Error {
  override name = 'SandboxUnavailable';
}

/**
 * Finds bubblewrap, prlimit and (as root) setpriv, and proves they work together by running `true`
 * in a sandbox. Throws SandboxUnavailable with what is missing and how to install it.
 */
export async function findSandbox(): Promise<Sandbox> {
  const missing: string[] = [];
  const which = (tool: string): string | undefined => {
    for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(':')) {
      if (!dir) continue;
      const path = `${dir}/${tool}`;
      try {
        const stat = lstatSync(path);
        if (stat.isFile() || stat.isSymbolicLink()) return path;
      } catch {
        // not here
      }
    }
    missing.push(tool);
    return undefined;
  };
  const root = process.getuid?.() === 0;
  const bwrap = which('bwrap');
  const prlimit = which('prlimit');
  const setpriv = root ? which('setpriv') : undefined;
  if (!bwrap || !prlimit || (root && !setpriv)) {
    throw new SandboxUnavailable(`the sandbox needs ${missing.join(', ')}, not found on PATH: ${missing.includes('bwrap') ? SANDBOX_INSTALL_HINT : 'install util-linux'}`);
  }
  const sandbox: Sandbox = { bwrap, prlimit, setpriv, user: root ? UNPRIVILEGED : crawlerUser() };
  const trial = sandboxCommand(sandbox, { command: 'true', args: [], network: false, limits: DEFAULT_SANDBOX_LIMITS });
  try {
    await run(trial.command, trial.args, { timeout: 10_000, env: { PATH: '/usr/bin:/bin' } });
  } catch (error) {
    const detail = ((error as { stderr?: string }).stderr ?? (error as Error).message).trim().split('\n')[0];
    throw new SandboxUnavailable(`bubblewrap is installed but cannot make a sandbox here (${detail}); user namespaces may be disabled (sysctl kernel.unprivileged_userns_clone=1), or pass --sandbox auto`);
  }
  return sandbox;
}

/** System folders the server may read: the root's top-level system folders, as they are (folder or symlink). */
const SYSTEM_FOLDERS = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];
// of /etc only what programs need to run, resolve names and check certificates: not the crawler's configuration
const ETC_ENTRIES = [
  'alternatives', 'ca-certificates', 'ca-certificates.conf', 'ssl', 'pki', 'crypto-policies', 'resolv.conf', 'hosts', 'host.conf',
  'nsswitch.conf', 'gai.conf', 'services', 'protocols', 'passwd', 'group', 'localtime', 'timezone', 'ld.so.cache', 'ld.so.conf',
  'ld.so.conf.d', 'mime.types', 'os-release', 'npmrc',
];

// the same for every sandbox of a run: worked out once
let systemBindArgs: string[] | undefined;

function systemBinds(): string[] {
  if (systemBindArgs) return systemBindArgs;
  const args: string[] = [];
  const add = (path: string) => {
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      return;
    }
    if (stat.isSymbolicLink()) args.push('--symlink', readlinkSync(path), path);
    else args.push('--ro-bind', path, path);
  };
  for (const folder of SYSTEM_FOLDERS) add(folder);
  for (const entry of ETC_ENTRIES) add(`/etc/${entry}`);
  // a Node.js installed outside /usr (nvm, a tarball in /opt): its own prefix, read-only
  const prefix = dirname(dirname(realpathSync(process.execPath)));
  if (!SYSTEM_FOLDERS.some((folder) => prefix === folder || prefix.startsWith(`${folder}/`))) args.push('--ro-bind', prefix, prefix);
  systemBindArgs = args;
  return args;
}

export interface SandboxedCommand {
  command: string;
  args: string[];
  /** Whether the server may reach the network (its index entry said so). */
  network: boolean;
  limits: SandboxLimits;
  /**
   * Folders bound into the sandbox: host path → path inside, read-only unless `writable` (an install
   * writes its package folder and the npm cache). The sandbox's user must be able to reach `from`
   * (see `sandboxStore`).
   */
  binds?: { from: string; to: string; writable?: boolean }[];
  /** Folder to start in (inside); the working folder by default. */
  cwd?: string;
  /** The user to run as (acquireUser()); the sandbox's own by default. */
  user?: { uid: number; gid: number };
}

/**
 * The command line that runs `command args` in a sandbox. The environment is not part of it: the
 * caller spawns it with the server's own environment (HOME and TMPDIR pointing into the sandbox).
 */
export function sandboxCommand(sandbox: Sandbox, what: SandboxedCommand): { command: string; args: string[] } {
  const { limits } = what;
  const mib = 1024 * 1024;
  const bwrap = [
    sandbox.bwrap,
    '--unshare-all',
    '--unshare-user',
    ...(what.network ? ['--share-net'] : []),
    '--die-with-parent',
    '--new-session',
    '--disable-userns',
    '--cap-drop', 'ALL',
    '--hostname', 'toolrisk-sandbox',
    ...systemBinds(),
    '--proc', '/proc',
    '--dev', '/dev',
    '--size', String(limits.fileSizeMiB * mib), '--tmpfs', '/tmp',
    '--size', String(limits.fileSizeMiB * mib), '--tmpfs', SANDBOX_PATHS.base,
    '--dir', SANDBOX_PATHS.home,
    '--dir', SANDBOX_PATHS.workdir,
    ...(what.binds ?? []).flatMap(({ from, to, writable }) => [writable ? '--bind' : '--ro-bind', from, to]),
    '--chdir', what.cwd ?? SANDBOX_PATHS.workdir,
    '--',
    what.command,
    ...what.args,
  ];
  const prlimit = [
    sandbox.prlimit,
    `--data=${limits.memoryMiB * mib}`,
    // a grace of 5 s between the soft limit (SIGXCPU) and the hard one (SIGKILL)
    `--cpu=${limits.cpuSeconds}:${limits.cpuSeconds + 5}`,
    `--nproc=${processBudget(sandbox, limits.processes)}`,
    `--fsize=${limits.fileSizeMiB * mib}`,
    '--core=0',
    '--',
    ...bwrap,
  ];
  const user = what.user ?? sandbox.user;
  const line = sandbox.setpriv
    ? [sandbox.setpriv, `--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', '--inh-caps=-all', '--', ...prlimit]
    : prlimit;
  return { command: line[0]!, args: line.slice(1) };
}

/**
 * The process limit to set. A user of its own (root crawling) starts from nothing; a crawler that is
 * not root shares the count with everything else its user runs, so the server's budget is added to that.
 */
function processBudget(sandbox: Pick<Sandbox, 'setpriv'>, processes: number): number {
  if (sandbox.setpriv) return processes;
  let running = 0;
  const owned = new RegExp(`^Uid:\\s+${process.getuid?.() ?? -1}\\s`, 'm');
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        if (owned.test(status)) running += Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? 1);
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    // no /proc: leave the count out
  }
  return running + processes;
}

/**
 * Why a sandboxed server stopped, when a limit stopped it: from how it exited and the tail of its
 * stderr. Undefined when nothing points at a limit.
 */
export function limitReason(exit: { code: number | null; signal: NodeJS.Signals | null } | undefined, stderr: string, limits: SandboxLimits): string | undefined {
  // bubblewrap exits 128 + the signal number when the server was killed by a signal
  const signal = exit?.signal ?? (exit?.code && exit.code > 128 ? exit.code - 128 : undefined);
  const is = (name: NodeJS.Signals, number: number) => signal === name || signal === number;
  if (is('SIGXCPU', 24) || (is('SIGKILL', 9) && /cpu time/i.test(stderr))) return `hit the CPU time limit (${limits.cpuSeconds} s)`;
  if (is('SIGXFSZ', 25) || /\bEFBIG\b|file too large/i.test(stderr)) return `hit the file size limit (${limits.fileSizeMiB} MiB)`;
  if (/\bEAGAIN\b|resource temporarily unavailable|fork: retry|cannot fork/i.test(stderr)) return `hit the process limit (${limits.processes} processes and threads)`;
  if (/heap out of memory|allocation failed|bad_alloc|cannot allocate memory|\bENOMEM\b|out of memory/i.test(stderr)) return `hit the memory limit (${limits.memoryMiB} MiB)`;
  if (/\bENOSPC\b|no space left on device/i.test(stderr)) return `filled its ${limits.fileSizeMiB} MiB of temporary space`;
  return undefined;
}

/**
 * Where installed packages and the install's npm cache live. The sandbox's user must reach them:
 * under the crawler's own cache folder, except for root, whose home the unprivileged sandbox user
 * cannot enter; root keeps them in /var/cache/toolrisk, the system's place for a service's cache.
 */
export function sandboxStore(sandbox: Pick<Sandbox, 'setpriv'>, cacheHome = process.env.XDG_CACHE_HOME ?? `${process.env.HOME ?? '/tmp'}/.cache`): string {
  return sandbox.setpriv ? '/var/cache/toolrisk' : `${cacheHome}/toolrisk`;
}

/**
 * Whether the sandbox's unprivileged user can reach `path` to bind it: every folder on the way lets
 * others through and the path itself lets others read. Always true when no privileges are dropped.
 */
export function reachableBySandbox(sandbox: Pick<Sandbox, 'setpriv'>, path: string): boolean {
  if (!sandbox.setpriv) return true;
  try {
    const parts = path.split('/').filter(Boolean);
    for (let i = 0; i < parts.length; i++) {
      const mode = statSync(`/${parts.slice(0, i + 1).join('/')}`).mode;
      const last = i === parts.length - 1;
      if (!(mode & 0o001) && (!last || statSync(path).isDirectory())) return false;
      if (last && !(mode & 0o004)) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** The same sandbox without the drop to an unprivileged user: for a local command in folders only the crawler's user can read. */
export function withoutPrivilegeDrop(sandbox: Sandbox): Sandbox {
  return { ...sandbox, setpriv: undefined, user: crawlerUser() };
}

/**
 * The crawler's settings for trusting certificates and reaching the registry through a proxy, for a
 * sandbox with network (an install, or a server whose entry needs the network). Never tokens.
 */
export function networkEnvironment(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((pair): pair is [string, string] => pair[1] !== undefined && /^(npm_config_(registry|strict_ssl|cafile)|(https?|no)_proxy|node_extra_ca_certs|ssl_cert_file|ssl_cert_dir)$/i.test(pair[0])),
  );
}
