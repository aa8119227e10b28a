// What the crawl covered: every indexed server by status, failure reason and package type, its
// tools and the date of its crawl. One pure function feeds the end of `toolrisk crawl`, the
// /coverage/ page and /api/coverage.json, so they always say the same thing.
import { join } from 'node:path';
import type { CrawlSnapshot, IndexEntry } from '../data/schema.ts';
import { jsonFiles, loadIndex, loadSnapshot } from './index-files.ts';

/** Why a server could not list its tools here, in classes a reader can act on. */
export const FAILURE_CLASSES = {
  'not-runnable-here': 'the crawler does not run its package type here (Python, Docker, a package that serves HTTP itself)',
  'install-failed': 'npm could not install the package',
  'no-bin': 'the package has no runnable bin, or several and none chosen',
  'native-module': 'a native module needs install scripts or a build toolchain',
  'needs-newer-node': 'it needs a newer Node.js than this machine has (20)',
  'needs-program': 'it runs a program this machine does not have (an SDK, git, a browser)',
  'needs-credentials': 'it wants real credentials (a placeholder was refused)',
  'needs-service': 'it connects to a service or the network at start',
  'needs-configuration': 'it needs configuration, a project or arguments to start',
  'sandbox-limit': 'it crossed a sandbox limit (memory, CPU time, processes, file size)',
  timeout: 'it did not answer in time',
  'exited-on-start': 'it exited on start without saying why',
  protocol: 'it answered, but not as an MCP server should',
  other: 'another reason (see the server page)',
} as const;
export type FailureClass = keyof typeof FAILURE_CLASSES;

/** How the server is distributed, which decides whether this machine can run it. */
export type PackageType = 'npm' | 'pypi' | 'oci' | 'remote' | 'static' | 'other';
export const PACKAGE_TYPES: Record<PackageType, string> = {
  npm: 'npm packages: installed and run in the sandbox',
  pypi: 'Python packages (uvx): not installable on this machine',
  oci: 'Docker images: not runnable on this machine',
  remote: 'remote servers over HTTP',
  static: 'recorded listings and server cards',
  other: 'other package types',
};

/** The failure class of a failed crawl, from its stage, reason and the server's stderr. */
export function failureClass(snapshot: Pick<CrawlSnapshot, 'failure' | 'stderr' | 'launch'> & { warnings?: CrawlSnapshot['warnings'] }): FailureClass {
  const stage = snapshot.failure?.stage;
  const reason = snapshot.failure?.reason ?? '';
  // what the server printed on stdout instead of speaking JSON-RPC (often its usage) counts as what it said
  const printed = (snapshot.warnings ?? []).filter((warning) => warning.code === 'stdout-noise').map((warning) => warning.message).join('\n');
  const stderr = `${snapshot.stderr ?? ''}\n${printed}`;
  const both = `${reason}\n${stderr}`;
  if (stage === 'plan') {
    // (the launch planner's own words: crawler/launch.ts, and sandboxRunFor in crawler/crawl.ts)
    if (/argument "[^"]*" has no value/.test(reason)) return 'needs-configuration';
    if (/cannot be launched|packages are not run in the sandbox|serves \S+ itself/.test(reason)) return 'not-runnable-here';
  }
  if (/has no bin|several bins|no bin "/i.test(reason)) return 'no-bin';
  // (the sandbox's own words: crawler/sandbox.ts limitReason)
  if (/hit the (CPU time|file size|process|memory) limit|of temporary space/i.test(reason)) return 'sandbox-limit';
  // (a process killed for its file size or CPU time exits 128 + 25 or 24)
  if (/SIGXFSZ|SIGXCPU|\(exit 15[23]\)/.test(reason)) return 'sandbox-limit';
  if (stage === 'install' && /gyp|prebuild|node-pre-gyp|cmake/i.test(reason)) return 'native-module';
  if (stage === 'install') return /took longer/i.test(reason) ? 'timeout' : 'install-failed';
  if (/requires Node(\.js)? (v?\d+|version)|does not provide an export named|Unsupported engine|is not a function[\s\S]{0,200}node:internal|Node\.js v?\d+ or (later|newer|higher)/i.test(stderr)) return 'needs-newer-node';
  if (/\.node['"]|build\/Release|node-gyp|prebuild|NODE_MODULE_VERSION|was compiled against a different|Could not locate the bindings file/i.test(stderr)) return 'native-module';
  if (/took longer|timed out|timeout/i.test(reason)) return 'timeout';
  if (/SDK not found|(not found|not installed)[.,]? please install|spawn \S+ ENOENT|command not found|executable doesn't exist|could not find (chrome|chromium|a browser|python|java|git)|please install \w+ first/i.test(stderr)) return 'needs-program';
  if (/\b(401|403)\b|unauthori[sz]ed|forbidden|invalid (api[_ ]?key|token|credentials?)|authentication failed|bad credentials|api key (is )?(invalid|not valid)/i.test(both)) return 'needs-credentials';
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo|ECONNREFUSED|ECONNRESET|fetch failed|network (error|unreachable)|socket hang up|connect ETIMEDOUT|could not connect|failed to connect|connection refused/i.test(both)) return 'needs-service';
  if (/\b(is required|are required|required environment|missing (required )?(environment|env|config|argument|option)|not set|must be (set|provided|specified)|must provide|please (set|provide|specify)|no (config|configuration)|cannot find (config|configuration)|usage:|not a (git|valid) (repository|project)|environment variable|not enough non-option arguments|missing required argument|unknown command)|--[a-z][\w-]+ (is )?required/i.test(both)) return 'needs-configuration';
  if (/credential|api[_ -]?key|token/i.test(stderr)) return 'needs-credentials';
  if (/MCP error -32\d{3}(?!.*Connection closed)|not valid JSON|unexpected (token|message)|protocol|invalid (response|result)/i.test(reason) && !/exited/i.test(reason)) return 'protocol';
  // a server that ends at once with success, having printed something, wants a command or arguments
  if (/exited with code 0/.test(reason) && printed) return 'needs-configuration';
  if (/usage|--help|commands?:/i.test(printed)) return 'needs-configuration';
  if (/exited|Connection closed|closed before/i.test(reason)) return 'exited-on-start';
  return 'other';
}

/** The package type of an entry (and its crawl's launch plan, which wins when there is one). */
export function packageTypeOf(entry: IndexEntry | undefined, snapshot?: Pick<CrawlSnapshot, 'launch' | 'entry'>): PackageType {
  const launch = snapshot?.launch;
  if (launch?.kind === 'http') return 'remote';
  if (launch?.kind === 'recorded' || launch?.kind === 'server-card') return 'static';
  if (launch?.kind === 'stdio' && launch.from !== 'command') return launch.from;
  if (entry?.crawl.source) return 'static';
  const server = entry?.server ?? snapshot?.entry;
  const registryType = server?.packages?.[0]?.registryType;
  if (registryType === 'npm' || registryType === 'pypi' || registryType === 'oci') return registryType;
  if (server?.remotes?.length) return 'remote';
  return 'other';
}

export interface CoverageServer {
  name: string;
  slug: string;
  type: PackageType;
  status: 'ok' | 'failed' | 'not-crawled';
  tools: number;
  /** When it was last crawled (ISO time), if ever. */
  crawledAt?: string;
  stage?: string;
  failure?: FailureClass;
  reason?: string;
  /** Monthly npm downloads when the entry was chosen, where the entry records it. */
  downloadsPerMonth?: number;
}

export interface Coverage {
  servers: number;
  tools: number;
  status: Record<CoverageServer['status'], number>;
  /** Failed servers by class, most common first. */
  failures: { class: FailureClass; meaning: string; count: number }[];
  /** Per package type: how many, and how they fared. */
  types: { type: PackageType; meaning: string; total: number; ok: number; failed: number; notCrawled: number; tools: number }[];
  /** How many tools the servers that listed them have: bands of servers. */
  toolsPerServer: { band: string; servers: number }[];
  /** The median and largest tool counts of servers that listed tools. */
  medianTools: number;
  maxTools: number;
  /** The oldest and newest crawl dates (YYYY-MM-DD). */
  oldestCrawl?: string;
  newestCrawl?: string;
  list: CoverageServer[];
}

const BANDS: [string, number, number][] = [
  ['0', 0, 0],
  ['1–5', 1, 5],
  ['6–20', 6, 20],
  ['21–50', 21, 50],
  ['51–100', 51, 100],
  ['101–500', 101, 500],
  ['over 500', 501, Infinity],
];

/** One server's line in the coverage: its entry (if still indexed) and its latest snapshot (if crawled). */
export function coverageServerOf(slug: string, entry: IndexEntry | undefined, snapshot: CrawlSnapshot | undefined): CoverageServer {
  const name = entry?.server.name ?? snapshot?.name ?? slug;
  const downloads = entry?.crawl.origin?.downloadsPerMonth;
  const base = { name, slug, type: packageTypeOf(entry, snapshot), ...(downloads !== undefined ? { downloadsPerMonth: downloads } : {}) };
  if (!snapshot) return { ...base, status: 'not-crawled', tools: 0 };
  if (snapshot.status === 'ok') return { ...base, status: 'ok', tools: snapshot.tools.length, crawledAt: snapshot.crawledAt };
  return {
    ...base,
    status: 'failed',
    tools: 0,
    crawledAt: snapshot.crawledAt,
    ...(snapshot.failure ? { stage: snapshot.failure.stage } : {}),
    failure: failureClass(snapshot),
    reason: (snapshot.failure?.reason ?? '').slice(0, 300),
  };
}

/** Coverage of the index by the crawl: `snapshots` by slug; an entry with none was not crawled. */
export function coverageOf(entries: readonly { slug: string; entry: IndexEntry }[], snapshots: ReadonlyMap<string, CrawlSnapshot>): Coverage {
  const list = entries.map(({ slug, entry }) => coverageServerOf(slug, entry, snapshots.get(slug)));
  const indexed = new Set(entries.map(({ slug }) => slug));
  // a snapshot whose entry left the index is still in the catalog
  for (const [slug, snapshot] of snapshots) if (!indexed.has(slug)) list.push(coverageServerOf(slug, undefined, snapshot));
  return summarizeCoverage(list);
}

/** The figures over servers' coverage lines. */
export function summarizeCoverage(servers: readonly CoverageServer[]): Coverage {
  const list = [...servers].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const status = { ok: 0, failed: 0, 'not-crawled': 0 };
  const failures = new Map<FailureClass, number>();
  const types = new Map<PackageType, Coverage['types'][number]>();
  for (const server of list) {
    status[server.status] += 1;
    if (server.failure) failures.set(server.failure, (failures.get(server.failure) ?? 0) + 1);
    const type = types.get(server.type) ?? { type: server.type, meaning: PACKAGE_TYPES[server.type], total: 0, ok: 0, failed: 0, notCrawled: 0, tools: 0 };
    type.total += 1;
    type.tools += server.tools;
    if (server.status === 'ok') type.ok += 1;
    else if (server.status === 'failed') type.failed += 1;
    else type.notCrawled += 1;
    types.set(server.type, type);
  }
  const listed = list.filter((server) => server.status === 'ok').map((server) => server.tools).sort((a, b) => a - b);
  const dates = list.flatMap((server) => (server.crawledAt ? [server.crawledAt.slice(0, 10)] : [])).sort();
  return {
    servers: list.length,
    tools: listed.reduce((sum, count) => sum + count, 0),
    status,
    failures: [...failures].map(([kind, count]) => ({ class: kind, meaning: FAILURE_CLASSES[kind], count })).sort((a, b) => b.count - a.count || (a.class < b.class ? -1 : 1)),
    types: [...types.values()].sort((a, b) => b.total - a.total || (a.type < b.type ? -1 : 1)),
    toolsPerServer: BANDS.map(([band, low, high]) => ({ band, servers: listed.filter((count) => count >= low && count <= high).length })),
    medianTools: listed.length ? listed[Math.floor((listed.length - 1) / 2)]! : 0,
    maxTools: listed.at(-1) ?? 0,
    ...(dates.length ? { oldestCrawl: dates[0], newestCrawl: dates.at(-1) } : {}),
    list,
  };
}

/** The coverage as terminal lines (the end of `toolrisk crawl`, and `toolrisk catalog`). */
export function coverageLines(coverage: Coverage): string[] {
  const lines = [
    `coverage: ${coverage.servers} servers in the index: ${coverage.status.ok} listed their tools, ${coverage.status.failed} failed, ${coverage.status['not-crawled']} not crawled; ${coverage.tools} tools (median ${coverage.medianTools} per server, most ${coverage.maxTools})`,
  ];
  if (coverage.failures.length) {
    lines.push('  failed, by reason:');
    for (const failure of coverage.failures) lines.push(`    ${String(failure.count).padStart(4)}  ${failure.class}: ${failure.meaning}`);
  }
  lines.push('  by package type:');
  for (const type of coverage.types) lines.push(`    ${type.type.padEnd(7)} ${String(type.total).padStart(4)} servers, ${type.ok} ok, ${type.failed} failed, ${type.notCrawled} not crawled, ${type.tools} tools (${type.meaning})`);
  if (coverage.oldestCrawl) lines.push(`  crawled between ${coverage.oldestCrawl} and ${coverage.newestCrawl}`);
  return lines;
}

/** The coverage of a data folder's index by its crawled snapshots (broken files are left out and named in `errors`). */
export async function loadCoverage(dataDir: string): Promise<{ coverage: Coverage; errors: string[] }> {
  const index = await loadIndex(join(dataDir, 'index'));
  const entries = new Map(index.items.map((item) => [item.slug, item.entry]));
  const errors = [...index.errors];
  const list: CoverageServer[] = [];
  // one snapshot at a time: only its coverage line is kept
  for (const name of await jsonFiles(join(dataDir, 'crawled'))) {
    const slug = name.slice(0, -'.json'.length);
    try {
      const snapshot = await loadSnapshot(join(dataDir, 'crawled', name));
      list.push(coverageServerOf(slug, entries.get(slug), snapshot));
      entries.delete(slug);
    } catch (error) {
      errors.push((error as Error).message);
    }
  }
  for (const [slug, entry] of entries) list.push(coverageServerOf(slug, entry, undefined));
  return { coverage: summarizeCoverage(list), errors };
}
