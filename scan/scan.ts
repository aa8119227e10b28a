// `toolrisk scan`: read a team's MCP client configurations, match each configured server to the
// catalog (or inspect it in the crawler's sandbox), and gather the report: each server's tools with
// their verdicts, findings with their OWASP MCP ids, the lethal trifecta, changes since the lock file.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Risk, ScanTool, ToolPolicy } from '../data/schema.ts';
import { RISK_LEVELS } from '../data/schema.ts';
import { DataFileError } from '../data/serialize.ts';
import { CLIENT_NAMES, findConfigs, pathsOutside, readConfig, type Candidate, type ConfigProblem, type ConfiguredServer, type Places } from './configs.ts';
import type { Catalog } from './catalog.ts';
import { launchOf, matchServer, sourceOf, type Launch } from './match.ts';
import { displayCommand, displayUrl, Redactor, secretsOf, secretValues } from './secrets.ts';
import { findTrifecta, LEG_SHORT, LEGS, type LegTool, type Trifecta } from './trifecta.ts';
import { ruleOf, type Level } from './rules.ts';
import { choicesFor, type Overrides } from './overrides.ts';
import { compareLock, configKey, LOCK_FILE, type LockChange } from './lock.ts';
import type { ScanLock } from '../data/schema.ts';

export interface LiveResult {
  tools?: ScanTool[];
  /** Why no tools (a failed start, a refused inspection). */
  error?: string;
  /** What ran, for the report (`npx -y pkg@1.2.3 in bubblewrap`). */
  how?: string;
}

/** Inspects one configured server live; the scan passes it in (the crawler's sandbox, or a test's). */
export type LiveInspector = (server: ConfiguredServer, launch: Launch) => Promise<LiveResult>;

export interface ScanOptions {
  /** Config files named on the command line; none: the usual places. */
  files: readonly string[];
  places: Places;
  catalog: Catalog;
  /** Inspect every server live (`--live`), only those the catalog lacks (the default), or none (`--offline`). */
  inspect: 'all' | 'unmatched' | 'none';
  live?: LiveInspector;
  overrides?: Overrides;
  lock?: ScanLock;
  progress?: (line: string) => void;
}

export interface ScannedServer {
  name: string;
  client: ConfiguredServer['client'];
  file: string;
  line: number;
  scope: ConfiguredServer['scope'];
  transport: ConfiguredServer['transport'];
  /** The command or URL, with secrets replaced. */
  runs: string;
  launch: Launch;
  /** The names of the environment variables it is given (never their values). */
  envNames: string[];
  disabled: boolean;
  match?: { slug: string; name: string; title?: string; by: string; version: string; crawledAt?: string };
  /** Where its tools' verdicts come from. */
  source: 'catalog' | 'live' | 'none';
  /** Why its tools are unknown, or what the live inspection said. */
  note?: string;
  tools: ScanTool[];
  /** The policy's choice per tool (the recommendation with the user's overrides). */
  choices: Map<string, ToolPolicy['choice']>;
  /** Tools that differ from the catalog's crawl (live inspection of a catalogued server). */
  changedFromCatalog?: { added: string[]; removed: string[]; changed: string[] };
  /** What the config gives the server (command, arguments, URL), for its policy's folders and host. May hold secrets: never print it. */
  given: Pick<ConfiguredServer, 'command' | 'args' | 'url'>;
}

export interface Finding {
  rule: string;
  owasp: string;
  level: Level;
  message: string;
  file: string;
  line: number;
  server?: string;
  tool?: string;
  risk?: Risk;
}

export interface ScanReport {
  catalog: { label: string; crawledUntil?: string };
  configs: { file: string; client: string; scope: string; servers: number }[];
  /** Where the scan looked when no file was named. */
  searched: Candidate[];
  servers: ScannedServer[];
  findings: Finding[];
  /** One per agent (client) whose servers together give it the lethal trifecta. */
  trifectas: Trifecta[];
  lockChanges: LockChange[];
  counts: Record<Risk, number>;
  /** Servers whose tools are unknown: they count as failing --fail-on. */
  unknown: ScannedServer[];
  redactor: Redactor;
}

export function defaultPlaces(project = process.cwd(), env: NodeJS.ProcessEnv = process.env): Places {
  return { project: resolve(project), home: env.HOME ?? homedir(), platform: process.platform, ...(env.APPDATA ? { appData: env.APPDATA } : {}), ...(env.XDG_CONFIG_HOME ? { configHome: env.XDG_CONFIG_HOME } : {}) };
}

function diffTools(catalogTools: readonly ScanTool[], liveTools: readonly ScanTool[]): { added: string[]; removed: string[]; changed: string[] } {
  const before = new Map(catalogTools.map((tool) => [tool.tool, tool.fingerprint]));
  const after = new Map(liveTools.map((tool) => [tool.tool, tool.fingerprint]));
  return {
    added: [...after.keys()].filter((name) => !before.has(name)),
    removed: [...before.keys()].filter((name) => !after.has(name)),
    changed: [...after].filter(([name, fingerprint]) => before.has(name) && before.get(name) !== fingerprint).map(([name]) => name),
  };
}

function list(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max).map((name) => `"${name}"`).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

interface Place {
  file: string;
  line: number;
  server?: string;
}

/** A word for a shell command line, quoted when it needs to be. */
function quoteArg(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** How to see an unknown server's tools: inspect it live (in the sandbox), by the scan or by itself. */
function howToInspect(config: ConfiguredServer, inspect: ScanOptions['inspect']): string {
  const alone = config.transport === 'stdio' ? `toolrisk inspect -- ${displayCommand(config)}` : `toolrisk inspect ${displayUrl(config.url ?? '')}`;
  return inspect === 'none' ? `inspect it (drop --offline, or run \`${alone}\`)` : `inspect it by hand (\`${alone}\`) to see why`;
}

/** The agents of a scan: one per client (its project and user configs together); a plain mcpServers file is an agent of its own. */
export function agentsOf(servers: readonly ScannedServer[]): { agent: string; servers: ScannedServer[] }[] {
  const agents = new Map<string, ScannedServer[]>();
  for (const server of servers) {
    const agent = server.client === 'mcp-json' ? `${CLIENT_NAMES.get(server.client)} (${server.file})` : (CLIENT_NAMES.get(server.client) ?? server.client);
    agents.set(agent, [...(agents.get(agent) ?? []), server]);
  }
  return [...agents].map(([agent, members]) => ({ agent, servers: members }));
}

/** A finding of `rule` at a place; its OWASP id is the rule's. */
function finding(at: Place, rule: string, level: Level, message: string, extra: Pick<Finding, 'tool' | 'risk'> = {}): Finding {
  return { ...at, ...extra, rule, owasp: ruleOf(rule).owasp, level, message };
}

/** Tools per risk level. */
export function riskCounts(tools: Iterable<ScanTool>): Record<Risk, number> {
  const counts: Record<Risk, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  for (const tool of tools) counts[tool.risk] += 1;
  return counts;
}

/** The sentence of a tool's rationale that says why it has its risk. */
export function riskReason(tool: ScanTool): string {
  return tool.why.find((sentence) => sentence.startsWith('Risk ')) ?? tool.why[0] ?? '';
}

function toolFindings(server: ScannedServer): Finding[] {
  const at = { file: server.file, line: server.line, server: server.name };
  const findings: Finding[] = [];
  for (const tool of server.tools) {
    const poisoning = tool.warnings.filter((warning) => warning.severity === 'poisoning');
    if (poisoning.length) {
      findings.push(finding(at, 'tool-poisoning', 'error', `${server.name}: tool "${tool.tool}": ${poisoning.map((warning) => warning.message.replace(/\.?$/, '.')).join(' ')}`, { tool: tool.tool, risk: tool.risk }));
      continue;
    }
    if (tool.risk === 'critical' || tool.risk === 'high') {
      const rule = tool.category === 'execute' ? 'command-execution' : tool.effects.includes('privileged') && tool.sensitive ? 'credential-access' : 'high-impact-tool';
      findings.push(finding(at, rule, tool.risk === 'critical' ? 'error' : 'warning', `${server.name}: tool "${tool.tool}" is ${tool.risk} risk (${tool.category}). ${riskReason(tool)} Policy: ${server.choices.get(tool.tool) ?? tool.policy.choice}.`, { tool: tool.tool, risk: tool.risk }));
    }
    for (const contradiction of tool.contradictions) {
      findings.push(finding(at, 'annotation-contradiction', 'note', `${server.name}: tool "${tool.tool}": ${contradiction}`, { tool: tool.tool, risk: tool.risk }));
    }
  }
  return findings;
}

function hygieneFindings(config: ConfiguredServer, scanned: ScannedServer, outside: readonly string[], project: string): Finding[] {
  const at = { file: config.file, line: config.line, server: config.name };
  const findings: Finding[] = [];
  const add = (rule: string, level: Level, message: string) => findings.push(finding(at, rule, level, message));
  for (const secret of secretsOf(config)) add('secret-in-config', 'error', `${config.name}: a secret is written into the config (${secret.where}); its value is not shown.`);
  const launch = scanned.launch;
  if ((launch.kind === 'npm' || launch.kind === 'pypi' || launch.kind === 'oci') && !launch.pinned) {
    add('unpinned-server', 'warning', `${config.name}: runs ${sourceOf(launch)}${launch.version ? `@${launch.version}` : ''} with no exact version, so each start may run new code.`);
  }
  if (config.transport !== 'stdio' && config.url && /^http:\/\//i.test(config.url)) {
    let local = false;
    try {
      local = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(new URL(config.url).hostname);
    } catch {
      // (refused when read)
    }
    if (!local) add('plain-http', 'warning', `${config.name}: reaches ${displayUrl(config.url)} over plain HTTP.`);
  }
  for (const path of outside) add('outside-project', 'warning', `${config.name}: points at ${path}, outside the project ${project}; it was not read or run.`);
  return findings;
}

export async function runScan(options: ScanOptions): Promise<ScanReport> {
  const progress = options.progress ?? (() => {});
  const redactor = new Redactor();
  const { candidates, searched } = findConfigs(options.files, options.places);
  const findings: Finding[] = [];
  const configs: ScanReport['configs'] = [];
  const configured: ConfiguredServer[] = [];
  const problem = (entry: ConfigProblem) =>
    findings.push(finding({ file: entry.file, line: entry.line ?? 1, ...(entry.server !== undefined ? { server: entry.server } : {}) }, 'config-problem', 'error', `${entry.file}${entry.line ? `:${entry.line}` : ''}: ${entry.message}`));
  for (const candidate of candidates) {
    const read = readConfig(candidate.file, candidate.scope, options.places.project, options.files.length ? undefined : candidate.client);
    read.problems.forEach(problem);
    configs.push({ file: read.file, client: CLIENT_NAMES.get(read.client) ?? read.client, scope: read.scope, servers: read.servers.length });
    for (const server of read.servers) redactor.add(secretValues(server));
    configured.push(...read.servers);
  }
  const servers: ScannedServer[] = [];
  for (const [index, config] of configured.entries()) {
    const launch = launchOf(config);
    const scanned: ScannedServer = {
      name: config.name,
      client: config.client,
      file: config.file,
      line: config.line,
      scope: config.scope,
      transport: config.transport,
      runs: config.transport === 'stdio' ? displayCommand(config) : displayUrl(config.url ?? ''),
      launch,
      envNames: [...config.env.keys()],
      disabled: config.disabled,
      source: 'none',
      tools: [],
      choices: new Map(),
      given: { ...(config.command !== undefined ? { command: config.command } : {}), args: config.args, ...(config.url !== undefined ? { url: config.url } : {}) },
    };
    progress(`[${index + 1}/${configured.length}] ${config.name}: ${scanned.runs}`);
    const match = matchServer(launch, options.catalog);
    let catalogTools: ScanTool[] | undefined;
    if (match) {
      try {
        const server = await options.catalog.load(match.server.slug);
        scanned.match = { slug: match.server.slug, name: match.server.name, ...(match.server.title ? { title: match.server.title } : {}), by: match.by, version: match.server.version, ...(server ? { crawledAt: server.crawledAt } : {}) };
        if (server && server.status === 'ok') {
          catalogTools = server.tools;
          scanned.tools = server.tools;
          scanned.source = 'catalog';
        } else scanned.note = server ? `the catalog's crawl of ${match.server.name} failed, so its tools are unknown` : `the catalog lists ${match.server.name} but holds no crawl of it`;
      } catch (error) {
        scanned.note = error instanceof DataFileError ? `the catalog's file for ${match.server.name} is broken: ${error.message}` : `the catalog could not load ${match.server.name}: ${(error as Error).message}`;
      }
    }
    const outside = pathsOutside(config, options.places.project);
    const wantLive = options.inspect === 'all' || (options.inspect === 'unmatched' && scanned.source !== 'catalog');
    if (config.disabled) scanned.note = 'disabled in the config; not inspected';
    else if (wantLive && outside.length) scanned.note = `not inspected: it points at ${outside.join(', ')}, outside the project`;
    else if (wantLive && options.live) {
      progress(`  inspecting ${config.name} live…`);
      const result = await options.live(config, launch);
      if (result.tools) {
        scanned.tools = result.tools;
        scanned.source = 'live';
        scanned.note = result.how;
        if (catalogTools) {
          const diff = diffTools(catalogTools, result.tools);
          if (diff.added.length || diff.removed.length || diff.changed.length) scanned.changedFromCatalog = diff;
        }
      } else if (scanned.source !== 'catalog') scanned.note = `could not be inspected: ${result.error ?? 'no tools'}`;
      else scanned.note = `the live inspection failed (${result.error ?? 'no tools'}); the catalog's verdicts are shown`;
    } else if (scanned.source === 'none' && !scanned.note) {
      scanned.note = options.inspect === 'none' ? 'not inspected (--offline)' : 'no live inspection is available';
    }
    scanned.choices = choicesFor(config.name, scanned.tools, options.overrides);
    servers.push(scanned);
    findings.push(...hygieneFindings(config, scanned, outside, options.places.project));
    const at = { file: config.file, line: config.line, server: config.name };
    // one finding per server whose tools are not the catalog's: not in it, or in it but unavailable
    if (!match && !config.disabled) {
      const unknown = scanned.source === 'none' ? ` Its tools are unknown, which fails --fail-on: ${howToInspect(config, options.inspect)}, or accept it with --allow-unknown ${quoteArg(config.name)}.` : '';
      findings.push(finding(at, 'not-in-catalog', scanned.source === 'live' ? 'note' : 'warning', `${config.name}: ${scanned.runs} is not in the catalog${scanned.source === 'live' ? '; it was inspected live' : `; ${scanned.note ?? 'its tools are unknown'}`}.${unknown}`));
    } else if (scanned.source === 'none' && !config.disabled) {
      findings.push(finding(at, 'server-unavailable', 'warning', `${config.name}: ${scanned.note}. Its tools are unknown, which fails --fail-on: ${howToInspect(config, options.inspect)}, or accept it with --allow-unknown ${quoteArg(config.name)}.`));
    }
    if (scanned.changedFromCatalog) {
      const diff = scanned.changedFromCatalog;
      const parts = [diff.added.length && `added ${list(diff.added)}`, diff.removed.length && `removed ${list(diff.removed)}`, diff.changed.length && `changed ${list(diff.changed)}`].filter(Boolean).join('; ');
      findings.push(finding(at, 'tools-changed', 'warning', `${config.name}: the running server's tools differ from the catalog's crawl${scanned.match?.crawledAt ? ` of ${scanned.match.crawledAt.slice(0, 10)}` : ''}: ${parts}.`));
    }
    findings.push(...toolFindings(scanned));
  }
  const active = servers.filter((server) => !server.disabled);
  const trifectas = agentsOf(active).flatMap(({ agent, servers: agentServers }) => {
    const trifecta = findTrifecta(agent, agentServers);
    return trifecta ? [{ trifecta, servers: agentServers }] : [];
  });
  for (const { trifecta, servers: agentServers } of trifectas) {
    const named = (tool: LegTool) => `${tool.server}/${tool.tool} (${tool.why})`;
    const anchorTool = trifecta.breakWith?.tools[0] ?? trifecta.examples.get('exfiltration')![0]!;
    const anchor = agentServers.find((server) => server.name === anchorTool.server)!;
    const legs = LEGS.map((leg) => `${LEG_SHORT.get(leg)}: ${list(trifecta.examples.get(leg)!.map(named), 3)}`).join('; ');
    const breaks = trifecta.breakWith
      ? `Deny or require approval for ${trifecta.breakWith.tools.length === 1 ? 'this tool' : `these ${trifecta.breakWith.tools.length} tools`} (${LEG_SHORT.get(trifecta.breakWith.leg)}) to break it: ${list(trifecta.breakWith.tools.map((tool) => `${tool.server}/${tool.tool}`), 8)}.`
      : `The policy this scan writes already breaks it: it denies or hides every tool of ${trifecta.closedLegs.map((leg) => LEG_SHORT.get(leg)).join(' and ')}.`;
    findings.push(finding({ file: anchor.file, line: anchor.line, server: anchor.name }, 'lethal-trifecta', trifecta.openUnderPolicy ? 'error' : 'note', `${trifecta.agent}: its servers (${list(trifecta.servers, 6)}) together give the agent the lethal trifecta. ${legs}. ${breaks}`));
  }
  const lockPlaces = { project: options.places.project, home: options.places.home };
  const lockChanges = options.lock ? compareLock(options.lock, servers, { places: lockPlaces, readFiles: configs.map((config) => config.file) }) : [];
  for (const change of lockChanges) {
    const server = servers.find((candidate) => candidate.name === change.server && configKey(candidate.file, lockPlaces) === change.config);
    findings.push(finding({ file: server?.file ?? configs[0]?.file ?? join(options.places.project, LOCK_FILE), line: server?.line ?? 1, server: change.server }, 'changed-since-lock', 'error', change.message, change.tool ? { tool: change.tool } : {}));
  }
  const counts = riskCounts(active.flatMap((server) => server.tools));
  const order = new Map<Level, number>([['error', 0], ['warning', 1], ['note', 2]]);
  findings.sort((a, b) => order.get(a.level)! - order.get(b.level)! || RISK_LEVELS.indexOf(b.risk ?? 'low') - RISK_LEVELS.indexOf(a.risk ?? 'low'));
  return {
    catalog: { label: options.catalog.label, ...(options.catalog.crawledUntil ? { crawledUntil: options.catalog.crawledUntil } : {}) },
    configs,
    searched,
    servers,
    findings,
    trifectas: trifectas.map(({ trifecta }) => trifecta),
    lockChanges,
    counts,
    unknown: active.filter((server) => server.source === 'none'),
    redactor,
  };
}

/** The project's overrides and lock files, when they exist. */
export function projectFile(project: string, name: string): string | undefined {
  const file = join(project, name);
  return existsSync(file) ? file : undefined;
}
