// Launch plans: how to reach a server from its index entry. Pure functions, no I/O.
import { getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { Argument, IndexEntry, LaunchPlan, Package } from '../data/schema.ts';
import { own } from '../data/own.ts';

export class PlanError extends Error {
  override name = 'PlanError';
}

/** The package kinds the crawler can launch, in order of preference (npm runs on every crawling machine). */
const LAUNCHABLE = ['npm', 'pypi', 'oci'] as const;

/** `{workdir}` and `{home}` in arguments and placeholder values become the server's fresh folders. */
export interface ServerFolders {
  home: string;
  workdir: string;
}

export function expandTokens(value: string, folders: ServerFolders): string {
  return value.replaceAll('{workdir}', folders.workdir).replaceAll('{home}', folders.home);
}

function argumentValues(args: readonly Argument[] | undefined, where: string): string[] {
  const out: string[] = [];
  for (const arg of args ?? []) {
    const value = arg.value ?? arg.default;
    if (arg.type === 'named') {
      if (!arg.name) throw new PlanError(`a named ${where} argument has no name`);
      out.push(arg.name);
      if (value !== undefined) out.push(value);
    } else if (value !== undefined) {
      out.push(value);
    } else if (arg.isRequired) {
      const label = arg.valueHint ?? arg.description ?? 'positional';
      throw new PlanError(`required ${where} argument "${label}" has no value; give one in the entry's crawl.arguments`);
    }
  }
  return out;
}

function packageSpec(pkg: Package, separator: string): string {
  return pkg.version && pkg.version !== 'latest' ? `${pkg.identifier}${separator}${pkg.version}` : pkg.identifier;
}

/** Placeholder variables for a package: every variable its entry marks required, plus any the settings name. */
export function placeholderVariables(entry: IndexEntry, pkg: Package | undefined): Record<string, string> {
  const values = new Map<string, string>();
  for (const variable of pkg?.environmentVariables ?? []) {
    if (!variable.isRequired) continue;
    values.set(variable.name, own(entry.crawl.placeholders, variable.name) ?? variable.default ?? `toolrisk-placeholder-${variable.name.toLowerCase()}`);
  }
  for (const [name, value] of Object.entries(entry.crawl.placeholders ?? {})) values.set(name, value);
  return Object.fromEntries(values);
}

/** The arguments the server itself gets: the package's, then the entry's crawl arguments. */
export function packageArguments(entry: IndexEntry, pkg: Package): string[] {
  return [...argumentValues(pkg.packageArguments, 'package'), ...(entry.crawl.arguments ?? [])];
}

export function planForPackage(entry: IndexEntry, pkg: Package): LaunchPlan {
  const transport = pkg.transport?.type ?? 'stdio';
  if (transport !== 'stdio') {
    throw new PlanError(`package ${pkg.identifier} serves ${transport} itself; the crawler launches stdio packages or connects to remotes`);
  }
  const runtimeArgs = argumentValues(pkg.runtimeArguments, 'runtime');
  const packageArgs = packageArguments(entry, pkg);
  const placeholders = Object.keys(placeholderVariables(entry, pkg));
  switch (pkg.registryType) {
    case 'npm':
      return {
        kind: 'stdio',
        from: 'npm',
        command: 'npx',
        args: ['-y', ...runtimeArgs, packageSpec(pkg, '@'), ...packageArgs],
        placeholderVariables: placeholders,
        installs: true,
      };
    case 'pypi':
      return {
        kind: 'stdio',
        from: 'pypi',
        command: 'uvx',
        args: [...runtimeArgs, packageSpec(pkg, '=='), ...packageArgs],
        placeholderVariables: placeholders,
        installs: true,
      };
    case 'oci': {
      const image = pkg.version && !/[:@]/.test(pkg.identifier.split('/').pop() ?? '') ? `${pkg.identifier}:${pkg.version}` : pkg.identifier;
      // docker passes only the variables named with -e; their values come from the crawler's minimal environment
      const envFlags = placeholders.flatMap((name) => ['-e', name]);
      return {
        kind: 'stdio',
        from: 'oci',
        command: 'docker',
        args: ['run', '-i', '--rm', ...envFlags, ...runtimeArgs, image, ...packageArgs],
        placeholderVariables: placeholders,
        installs: false,
      };
    }
    default:
      throw new PlanError(`package registry type "${pkg.registryType}" cannot be launched (supported: npm, pypi, oci, remotes)`);
  }
}

/**
 * The launch plan for an index entry: a static source if the entry names one, else its first
 * launchable package (npm before pypi before oci), else its first remote.
 */
export function launchPlanFor(entry: IndexEntry): LaunchPlan {
  const source = entry.crawl.source;
  if (source?.kind === 'recorded') return { kind: 'recorded', file: source.file };
  if (source?.kind === 'server-card') return { kind: 'server-card', url: source.url };
  const packages = entry.server.packages ?? [];
  const problems: string[] = [];
  for (const registryType of LAUNCHABLE) {
    for (const pkg of packages.filter((candidate) => candidate.registryType === registryType)) {
      try {
        return planForPackage(entry, pkg);
      } catch (error) {
        if (!(error instanceof PlanError)) throw error;
        problems.push(error.message);
      }
    }
  }
  const remote = entry.server.remotes?.[0];
  if (remote) {
    return { kind: 'http', url: remote.url, transports: remote.type === 'sse' ? ['sse'] : ['streamable-http', 'sse'] };
  }
  for (const pkg of packages.filter((candidate) => !LAUNCHABLE.includes(candidate.registryType as never))) {
    problems.push(`package registry type "${pkg.registryType}" cannot be launched`);
  }
  throw new PlanError(problems.length ? problems.join('; ') : 'the entry has no packages and no remotes to crawl');
}

/** An npm package name (`name` or `@scope/name`): what an `npx` command or an index entry may install. */
export const NPM_PACKAGE_NAME = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i;

/** A version that pins one release (semver, with an optional pre-release and build). */
export const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/**
 * The package an `npx` command runs and the arguments after it (`npx -y @scope/server@1.2.3 --flag`),
 * so a sandboxed inspect can install it first; undefined when the command is not that simple form.
 */
export function npxPackage(args: readonly string[]): { identifier: string; version?: string; args: string[] } | undefined {
  let i = 0;
  while (i < args.length && /^(-y|--yes)$/.test(args[i]!)) i++;
  const spec = args[i];
  if (!spec || spec.startsWith('-')) return undefined;
  const at = spec.lastIndexOf('@');
  const [identifier, version] = at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, undefined];
  if (!NPM_PACKAGE_NAME.test(identifier)) return undefined;
  return { identifier, version: version || undefined, args: args.slice(i + 1) };
}

/**
 * The whole environment a server gets: the SDK's allowlist (PATH, TERM, USER…), its own fresh
 * HOME, a shared npm cache so npx need not download again, and placeholder variables. Nothing
 * else of the crawler's environment (no tokens, no keys) reaches it.
 */
export function serverEnvironment(
  placeholders: Record<string, string>,
  folders: ServerFolders,
  npmCache: string,
): Record<string, string> {
  const env = new Map<string, string>(Object.entries(getDefaultEnvironment()));
  env.set('HOME', folders.home);
  env.set('TMPDIR', folders.workdir);
  env.set('npm_config_cache', npmCache);
  env.set('npm_config_update_notifier', 'false');
  env.set('npm_config_fund', 'false');
  env.set('npm_config_audit', 'false');
  env.set('NO_UPDATE_NOTIFIER', '1');
  for (const [name, value] of Object.entries(placeholders)) env.set(name, expandTokens(value, folders));
  return Object.fromEntries(env);
}
