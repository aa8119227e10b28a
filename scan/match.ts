// What a configured server runs (an npm or PyPI package, a container image, a remote URL, or a local
// program) and which catalog server that is.
import { basename } from 'node:path';
import type { ConfiguredServer } from './configs.ts';
import { displayCommand, displayUrl } from './secrets.ts';
import type { Catalog, CatalogKeys } from './catalog.ts';

export interface Launch {
  kind: 'npm' | 'pypi' | 'oci' | 'remote' | 'local';
  /** Package name, image (without tag) or URL. */
  identifier: string;
  /** The version the config asks for, when it names one. */
  version?: string;
  /** True when the config runs one exact version (a remote server is whatever its host serves). */
  pinned: boolean;
}

const EXACT_VERSION = /^v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/;
const NPM_NAME = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i;

function programName(command: string): string {
  return basename(command.replace(/\\/g, '/')).replace(/\.(cmd|exe|bat|ps1)$/i, '').toLowerCase();
}

/** `npx -y pkg@1.2.3 args`, `npx --package=pkg bin`, `pnpm dlx pkg`, `bunx pkg`, `npm exec -- pkg`. */
function npmSpec(args: readonly string[]): string | undefined {
  let pkg: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return pkg ?? args[i + 1];
    if (arg === '-p' || arg === '--package') {
      pkg = args[++i];
      continue;
    }
    if (arg.startsWith('--package=')) {
      pkg = arg.slice('--package='.length);
      continue;
    }
    if (arg.startsWith('-')) continue;
    return pkg ?? arg;
  }
  return pkg;
}

function splitNpm(spec: string): { identifier: string; version?: string } | undefined {
  const at = spec.lastIndexOf('@');
  const [identifier, version] = at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, undefined];
  if (!NPM_NAME.test(identifier)) return undefined;
  return { identifier: identifier.toLowerCase(), ...(version ? { version } : {}) };
}

/** PyPI names compare after PEP 503 normalisation. */
export function pypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function uvSpec(args: readonly string[]): { identifier: string; version?: string } | undefined {
  let from: string | undefined;
  let first: string | undefined;
  const valued = new Set(['--python', '-p', '--with', '--index', '--index-url', '--extra-index-url', '--directory', '--env-file']);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--from') from = args[++i];
    else if (arg.startsWith('--from=')) from = arg.slice(7);
    else if (valued.has(arg)) i++;
    else if (!arg.startsWith('-')) {
      first = arg;
      break;
    }
  }
  const spec = from ?? first;
  if (!spec || /[/\\]/.test(spec)) return undefined;
  const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?(?:(?:==|@)([^\s,;<>=!~]+))?/.exec(spec);
  if (!match) return undefined;
  return { identifier: pypiName(match[1]!), ...(match[2] ? { version: match[2] } : {}) };
}

/** `docker run [options] image[:tag|@digest] [command]`. */
function dockerImage(args: readonly string[]): { identifier: string; version?: string } | undefined {
  const at = args.indexOf('run');
  if (at === -1) return undefined;
  const valued = /^(-e|--env|-v|--volume|--name|--network|--net|-p|--publish|--mount|-w|--workdir|-u|--user|--env-file|--entrypoint|--platform|-l|--label|--add-host|--memory|-m|--cpus|--pull|--restart|--device|--cap-add|--cap-drop|--security-opt|--tmpfs|--ulimit|-h|--hostname|--dns|--ipc|--pid|--runtime|--shm-size|--log-driver|--log-opt|--gpus)$/;
  for (let i = at + 1; i < args.length; i++) {
    const arg = args[i]!;
    if (valued.test(arg)) i++;
    else if (arg.startsWith('-')) continue;
    else {
      const digest = arg.indexOf('@');
      if (digest > 0) return { identifier: normaliseImage(arg.slice(0, digest)), version: arg.slice(digest + 1) };
      const colon = arg.lastIndexOf(':');
      const tagged = colon > arg.lastIndexOf('/');
      return tagged ? { identifier: normaliseImage(arg.slice(0, colon)), version: arg.slice(colon + 1) } : { identifier: normaliseImage(arg) };
    }
  }
  return undefined;
}

/** `docker.io/library/x` and `x` are one image. */
export function normaliseImage(image: string): string {
  return image
    .toLowerCase()
    .replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '')
    .replace(/^library\//, '')
    .replace(/:[^/:]*$/, '');
}

/** A URL as matching compares it: scheme and host lowercase, no query, fragment or trailing slash. */
export function normaliseUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host.toLowerCase()}${decodeURI(url.pathname).replace(/\/+$/, '')}`;
  } catch {
    return raw.trim().replace(/[?#].*$/, '').replace(/\/+$/, '');
  }
}

/** What the configured server runs. */
export function launchOf(server: ConfiguredServer): Launch {
  // (identifiers are shown and locked: a URL loses its query and password, a command its secret arguments)
  if (server.transport !== 'stdio' && server.url) return { kind: 'remote', identifier: displayUrl(server.url), pinned: false };
  let command = server.command ?? '';
  let args = server.args;
  // Windows configs wrap the launcher: `cmd /c npx -y pkg`
  if (/^cmd$/.test(programName(command)) && /^\/c$/i.test(args[0] ?? '')) [command, args] = [args[1] ?? '', args.slice(2)];
  const program = programName(command);
  let npm: string | undefined;
  if (program === 'npx' || program === 'pnpx' || program === 'bunx') npm = npmSpec(args);
  else if ((program === 'pnpm' || program === 'yarn') && args[0] === 'dlx') npm = npmSpec(args.slice(1));
  else if (program === 'npm' && (args[0] === 'exec' || args[0] === 'x')) npm = npmSpec(args.slice(1));
  else if (program === 'bun' && args[0] === 'x') npm = npmSpec(args.slice(1));
  if (npm) {
    const split = splitNpm(npm);
    if (split) return { kind: 'npm', ...split, pinned: !!split.version && EXACT_VERSION.test(split.version) };
  }
  let pypi: ReturnType<typeof uvSpec>;
  if (program === 'uvx') pypi = uvSpec(args);
  else if (program === 'uv' && args[0] === 'tool' && args[1] === 'run') pypi = uvSpec(args.slice(2));
  else if (program === 'pipx' && args[0] === 'run') pypi = uvSpec(args.slice(1));
  if (pypi) return { kind: 'pypi', ...pypi, pinned: !!pypi.version && /^\d+(\.\d+)*([a-z]+\d*)?$/i.test(pypi.version) };
  if (program === 'docker' || program === 'podman') {
    const image = dockerImage(args);
    if (image) return { kind: 'oci', ...image, pinned: !!image.version && image.version !== 'latest' };
  }
  return { kind: 'local', identifier: displayCommand(server), pinned: false };
}

/** `npm:pkg`, `pypi:pkg`, `oci:image`, the URL, or the command: what a lock file records. */
export function sourceOf(launch: Launch): string {
  return launch.kind === 'remote' || launch.kind === 'local' ? launch.identifier : `${launch.kind}:${launch.identifier}`;
}

export interface Match {
  server: CatalogKeys;
  /** How it was matched, in words. */
  by: string;
}

function remotePattern(url: string): RegExp {
  // a registry URL may hold template variables (`https://{tenant}.example.com/mcp`): each matches one segment
  const parts = normaliseUrl(url).split(/\{[^}]*\}/).map((part) => part.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/.]+')}$`, 'i');
}

/** The catalog server the configured one runs, preferring the crawl of the same version, then one that listed tools. */
export function matchServer(launch: Launch, catalog: Catalog): Match | undefined {
  const found: { server: CatalogKeys; by: string; sameVersion: boolean }[] = [];
  for (const server of catalog.servers) {
    if (launch.kind === 'remote') {
      const target = normaliseUrl(launch.identifier);
      const remote = server.remotes.find((candidate) => remotePattern(candidate.url).test(target));
      if (remote) found.push({ server, by: `remote URL ${normaliseUrl(remote.url)}`, sameVersion: true });
      continue;
    }
    if (launch.kind === 'local') continue;
    const registry = launch.kind;
    const pkg = server.packages.find((candidate) => {
      if (candidate.registryType !== registry) return false;
      if (registry === 'npm') return candidate.identifier.toLowerCase() === launch.identifier;
      if (registry === 'pypi') return pypiName(candidate.identifier) === launch.identifier;
      return normaliseImage(candidate.identifier) === launch.identifier;
    });
    if (pkg) found.push({ server, by: `${registry} package ${launch.kind === 'oci' ? 'image ' : ''}${pkg.identifier}`, sameVersion: !!launch.version && (pkg.version === launch.version || server.version === launch.version) });
  }
  found.sort((a, b) => Number(b.sameVersion) - Number(a.sameVersion) || Number(b.server.status !== 'failed') - Number(a.server.status !== 'failed'));
  const best = found[0];
  return best ? { server: best.server, by: best.by } : undefined;
}
