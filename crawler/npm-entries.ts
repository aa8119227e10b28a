// `toolrisk add`: index entries for npm MCP servers that publish no registry entry of their own
// (or publish a server.json in their repository that was read by hand). The exact version, the
// description and the repository come from the npm registry (`npm view`: metadata only, no package
// code is fetched or run); required environment variables become placeholders, never real values;
// the entry says where it came from (`crawl.origin`). Entries are written by the serializer.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { IndexEntrySchema, NpmCandidateSchema, ServerJsonSchema, type IndexEntry, type CrawlSettings, type NpmCandidate, type ServerJson } from '../data/schema.ts';

export type { NpmCandidate };
import { formatZodError, writeRecord } from '../data/serialize.ts';
import { serverSlug } from '../data/slug.ts';
import { EXACT_VERSION, NPM_PACKAGE_NAME } from './launch.ts';
import { loadIndex } from './index-files.ts';

/** What `npm view` says of one version. */
export interface NpmMetadata {
  name: string;
  version: string;
  description?: string;
  homepage?: string;
  repository?: string | { url?: string; directory?: string };
  bin?: string | Record<string, string>;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `name` or `name@version` (a scoped name keeps its leading @). */
export function parsePackageSpec(spec: string): { package: string; version?: string } {
  const at = spec.lastIndexOf('@');
  const [name, version] = at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, undefined];
  if (!NPM_PACKAGE_NAME.test(name)) throw new Error(`"${spec.slice(0, 200)}" is not an npm package name`);
  if (version !== undefined && !EXACT_VERSION.test(version)) throw new Error(`"${spec.slice(0, 200)}": the version must be exact (like 1.2.3), got "${version.slice(0, 60)}"`);
  return { package: name, ...(version ? { version } : {}) };
}

/**
 * A placeholder for an environment variable, by what its name says it holds: a URL or host on
 * 127.0.0.1 (nothing listens there in the sandbox, and the sandbox has no network), a port, a folder
 * (the server's own empty work folder), else a string that is plainly not a secret.
 */
export function placeholderFor(name: string): string {
  const upper = name.toUpperCase();
  if (/(URL|URI|ENDPOINT)$/.test(upper)) return 'http://127.0.0.1:9';
  if (/(^|_)(HOST|HOSTNAME|SERVER)$/.test(upper)) return '127.0.0.1';
  if (/(^|_)PORT$/.test(upper)) return '9';
  if (/(PATH|DIR|DIRECTORY|ROOT|FOLDER|WORKSPACE)$/.test(upper)) return '{workdir}';
  if (/EMAIL/.test(upper)) return 'placeholder@example.com';
  return 'toolrisk-placeholder';
}

const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH|COOKIE|PAT$/i;

function repositoryOf(meta: NpmMetadata): { url: string; directory?: string } | undefined {
  const raw = typeof meta.repository === 'string' ? { url: meta.repository } : meta.repository;
  if (!raw?.url) return undefined;
  let url = raw.url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/^git:\/\//, 'https://').replace(/^ssh:\/\/git@/, 'https://');
  // npm's shorthand: "github:owner/repo" or "owner/repo"
  const short = /^(?:github:)?([\w.-]+)\/([\w.-]+)$/.exec(url);
  if (short) url = `https://github.com/${short[1]}/${short[2]}`;
  if (!/^https?:\/\//.test(url)) return undefined;
  return { url, ...(raw.directory ? { directory: raw.directory } : {}) };
}

const nameSegment = (text: string) => text.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '').slice(0, 100) || 'server';

/**
 * The registry-style name of an entry made from a package: `io.github.<owner>/<package>` when the
 * package names a GitHub repository (the namespace the registry gives GitHub publishers), else
 * `npm/<package>`; a scoped package keeps its scope in the name (`@acme/mcp` → `acme-mcp`), so
 * names stay distinct when a vendor's packages are all called `mcp`. `taken` holds the names in use.
 */
export function registryNameFor(packageName: string, repositoryUrl: string | undefined, taken: ReadonlySet<string>): string {
  const local = nameSegment(packageName.replace(/^@/, '').replace('/', '-'));
  const github = repositoryUrl ? /^https?:\/\/(?:www\.)?github\.com\/([\w.-]+)\//i.exec(`${repositoryUrl}/`) : null;
  const namespace = github ? `io.github.${nameSegment(github[1]!)}` : 'npm';
  const name = `${namespace}/${local}`;
  return taken.has(name) ? `${namespace}/${local}-npm` : name;
}

/** The index entry for one candidate, from its npm metadata (pure). */
export function npmEntry(candidate: NpmCandidate, meta: NpmMetadata, taken: ReadonlySet<string>, today: string): IndexEntry {
  const env = [...new Set(candidate.env ?? [])];
  for (const name of env) if (!ENV_NAME.test(name)) throw new Error(`${candidate.package}: "${name.slice(0, 80)}" is not an environment variable name`);
  const environmentVariables = env.map((name) => ({ name, isRequired: true, ...(SECRET_NAME.test(name) ? { isSecret: true } : {}) }));
  const server = candidate.serverJson ? serverFromServerJson(candidate, meta, environmentVariables) : serverFromNpm(meta, taken, environmentVariables);
  // placeholders: the candidate's variables, values chosen by hand, then any other variable the server requires
  const placeholders = new Map<string, string>(env.map((name) => [name, placeholderFor(name)]));
  for (const [name, value] of Object.entries(candidate.placeholders ?? {})) placeholders.set(name, value);
  for (const variable of server.packages?.[0]?.environmentVariables ?? []) if (variable.isRequired && !placeholders.has(variable.name)) placeholders.set(variable.name, placeholderFor(variable.name));
  const crawl: CrawlSettings = {
    ...(placeholders.size ? { placeholders: Object.fromEntries(placeholders) } : {}),
    ...(candidate.arguments?.length ? { arguments: candidate.arguments } : {}),
    ...(candidate.bin ? { bin: candidate.bin } : {}),
    origin: {
      kind: candidate.serverJson ? 'server.json' : 'npm',
      addedAt: today,
      ...(candidate.downloadsPerMonth !== undefined ? { downloadsPerMonth: candidate.downloadsPerMonth } : {}),
      ...(candidate.serverJsonFrom ? { detail: candidate.serverJsonFrom } : {}),
    },
  };
  return IndexEntrySchema.parse({ server, crawl });
}

type Variables = NonNullable<NonNullable<ServerJson['packages']>[number]['environmentVariables']>;

/** The repository's own server.json, for the version crawled (its own version may lag behind npm), with its npm package only. */
function serverFromServerJson(candidate: NpmCandidate, meta: NpmMetadata, environmentVariables: Variables): ServerJson {
  const parsed = ServerJsonSchema.safeParse(candidate.serverJson);
  if (!parsed.success) throw new Error(`${candidate.package}: its server.json (${candidate.serverJsonFrom ?? 'given'}) is not valid:\n${formatZodError(parsed.error)}`);
  const npm = parsed.data.packages?.find((pkg) => pkg.registryType === 'npm' && pkg.identifier === meta.name);
  if (!npm) throw new Error(`${candidate.package}: its server.json lists no npm package named ${meta.name}`);
  const packages = [{ ...npm, version: meta.version, environmentVariables: npm.environmentVariables?.length ? npm.environmentVariables : environmentVariables }];
  return { ...parsed.data, version: meta.version, packages, remotes: undefined };
}

/** A server.json made from the package's npm metadata. */
function serverFromNpm(meta: NpmMetadata, taken: ReadonlySet<string>, environmentVariables: Variables): ServerJson {
  const repository = repositoryOf(meta);
  return ServerJsonSchema.parse({
    name: registryNameFor(meta.name, repository?.url, taken),
    description: (meta.description ?? '').slice(0, 2000),
    version: meta.version,
    ...(meta.homepage && /^https?:\/\//.test(meta.homepage) ? { websiteUrl: meta.homepage } : {}),
    ...(repository ? { repository: { url: repository.url, ...(/^https?:\/\/(?:www\.)?github\.com\//i.test(repository.url) ? { source: 'github' } : {}), ...(repository.directory ? { subfolder: repository.directory } : {}) } } : {}),
    packages: [{ registryType: 'npm', identifier: meta.name, version: meta.version, transport: { type: 'stdio' }, ...(environmentVariables.length ? { environmentVariables } : {}) }],
  });
}

/**
 * Why npm view failed, from the error npm writes to stdout as JSON under --json, whatever its log level (a user's
 * `npm run -s` silences its stderr, whose last line would only point at a log file). Its code decides
 * the two common reasons (a package or a version npm does not have); otherwise npm's own summary, or undefined when
 * npm wrote no JSON error.
 */
export function npmReason(stdout: string): string | undefined {
  let error: unknown;
  try {
    error = (JSON.parse(stdout) as { error?: unknown } | null)?.error;
  } catch {
    return undefined;
  }
  if (!error || typeof error !== 'object') return undefined;
  const { code, summary } = error as { code?: unknown; summary?: unknown };
  // (npm view answers a version the package lacks with E404 too, "No match found for version 9.9.9"; npm install with ETARGET)
  if (code === 'ETARGET' || (code === 'E404' && typeof summary === 'string' && summary.startsWith('No match found for version'))) return 'no such version on npm';
  if (code === 'E404') return 'not found on npm';
  return typeof summary === 'string' && summary.trim() ? summary.trim() : undefined;
}

/** `npm view <package>@<version>` (metadata only). */
export function npmView(name: string, version: string | undefined, timeoutMs = 60_000): Promise<NpmMetadata> {
  return new Promise((resolve, reject) => {
    const spec = `${name}@${version ?? 'latest'}`;
    execFile('npm', ['view', spec, 'name', 'version', 'description', 'homepage', 'repository', 'bin', '--json'], { timeout: timeoutMs, maxBuffer: 8 * 1024 * 1024 }, (error, stdout) => {
      if (error) {
        const reason = npmReason(stdout) || error.message;
        return reject(new Error(`${spec}: npm view failed: ${reason.slice(0, 300)}`));
      }
      try {
        const parsed = JSON.parse(stdout) as NpmMetadata | NpmMetadata[];
        const meta = Array.isArray(parsed) ? parsed.at(-1) : parsed;
        if (!meta || typeof meta.name !== 'string' || typeof meta.version !== 'string') throw new Error('no name or version');
        resolve(meta);
      } catch (cause) {
        reject(new Error(`${spec}: npm view did not return package metadata (${(cause as Error).message})`));
      }
    });
  });
}

/** Reads a `--from` file: one JSON object per line (blank lines and `#` comments skipped); a bad line is named and skipped. */
export function parseCandidates(file: string, text: string): { candidates: NpmCandidate[]; errors: string[] } {
  const candidates: NpmCandidate[] = [];
  const errors: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim() || line.trimStart().startsWith('#')) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      errors.push(`${file}:${i + 1}: not JSON (${(error as Error).message})`);
      return;
    }
    const parsed = NpmCandidateSchema.safeParse(json);
    if (!parsed.success) errors.push(`${file}:${i + 1}: not a candidate:\n${formatZodError(parsed.error)}`);
    else candidates.push(parsed.data);
  });
  return { candidates, errors };
}

export interface AddResult {
  written: { name: string; package: string; version: string }[];
  /** Packages already in the index (by npm identifier). */
  skipped: string[];
  errors: string[];
}

/** Adds index entries for the candidates (already-indexed packages are left alone). */
export async function addNpmServers(
  candidates: readonly NpmCandidate[],
  dataDir: string,
  options: { concurrency?: number; today?: string; view?: typeof npmView; log?: (line: string) => void } = {},
): Promise<AddResult> {
  const indexDir = join(dataDir, 'index');
  const index = await loadIndex(indexDir);
  const taken = new Set(index.items.map((item) => item.entry.server.name));
  const indexed = new Set(index.items.flatMap((item) => (item.entry.server.packages ?? []).filter((pkg) => pkg.registryType === 'npm').map((pkg) => pkg.identifier)));
  const result: AddResult = { written: [], skipped: [], errors: [] };
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const view = options.view ?? npmView;
  const todo = candidates.filter((candidate) => {
    // the name and version go to npm as they are: only real package names and exact versions
    try {
      parsePackageSpec(candidate.version ? `${candidate.package}@${candidate.version}` : candidate.package);
    } catch (error) {
      result.errors.push((error as Error).message);
      return false;
    }
    if (indexed.has(candidate.package)) {
      result.skipped.push(candidate.package);
      return false;
    }
    // (a package listed twice is added once: the second is already indexed by this run)
    indexed.add(candidate.package);
    return true;
  });
  // metadata first, at some concurrency; entries are then named and written in the candidates' order
  const metas = new Array<NpmMetadata | Error>(todo.length);
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const i = next++;
      const candidate = todo[i]!;
      try {
        metas[i] = await view(candidate.package, candidate.version);
      } catch (error) {
        metas[i] = error as Error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 8) }, worker));
  for (const [i, candidate] of todo.entries()) {
    const meta = metas[i]!;
    if (meta instanceof Error) {
      result.errors.push(meta.message);
      continue;
    }
    try {
      if (meta.name !== candidate.package) throw new Error(`${candidate.package}: npm answered for another package (${meta.name})`);
      const entry = npmEntry(candidate, meta, taken, today);
      if (taken.has(entry.server.name)) throw new Error(`${candidate.package}: the name ${entry.server.name} is already in the index`);
      await writeRecord(join(indexDir, `${serverSlug(entry.server.name)}.json`), IndexEntrySchema, entry);
      taken.add(entry.server.name);
      result.written.push({ name: entry.server.name, package: meta.name, version: meta.version });
      options.log?.(`added ${entry.server.name} (${meta.name}@${meta.version})`);
    } catch (error) {
      result.errors.push((error as Error).message);
    }
  }
  return result;
}
