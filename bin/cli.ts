// The `toolrisk` command line. I/O lives here; the stages are libraries.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { spawn } from 'node:child_process';
import { dirname, resolve, join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CrawlSnapshotSchema } from '../data/schema.ts';
import { serializeRecord } from '../data/serialize.ts';
import { serverSlug } from '../data/slug.ts';
import { crawlIndex, parseShard } from '../crawler/crawl.ts';
import { syncRegistry } from '../crawler/registry.ts';
import { inspect, looksLikeFile, type InspectTarget } from '../crawler/inspect.ts';
import { findSandbox, SANDBOX_MODES, SandboxUnavailable, type Sandbox, type SandboxMode } from '../crawler/sandbox.ts';
import { loadIndex } from '../crawler/index-files.ts';
import { renderTable, terminalSafe } from '../crawler/terminal.ts';
import { checkDataFiles } from '../data/lint.ts';
import { importRecorded } from '../crawler/import-recorded.ts';
import { coverageLines, loadCoverage } from '../crawler/coverage.ts';
import { addNpmServers, parseCandidates, parsePackageSpec, type NpmCandidate } from '../crawler/npm-entries.ts';
import { atOrAbove, classifyCatalog, classifyToolsFile, toolJson } from '../classifier/run.ts';
import { classifySnapshot } from '../classifier/catalog.ts';
import { serverPolicy } from '../classifier/policy.ts';
import { CLIENT_POLICY_FORMATS, clientServerName, POLICY_FORMATS, renderClientPolicy, renderPolicy, type ClientPolicyFormat, type PolicyFormat } from '../classifier/policy.ts';
import { RiskSchema, type Classification, type CrawlSnapshot, type McpTool, type Risk } from '../data/schema.ts';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { scanCommand, ScanUsageError } from '../scan/command.ts';
import { LLM_HELP, LLM_HINT, LLM_OPTIONS, LlmSettingsError, llmSettings, type LlmFlags } from './llm.ts';
import { AnswerCache, ModelReviewer, reviewTools, userCacheDir } from '../classifier/review.ts';
import { RuleFileError, ruleSet } from '../classifier/engine/registry.ts';
import { rulesCommand } from './rules.ts';

const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const DEFAULT_DATA = join(REPO_ROOT, 'data');
/** Every --policy format: a policy per server, or a client's own settings (scan: one file for every server). */
const ALL_POLICY_FORMATS = [...POLICY_FORMATS, ...CLIENT_POLICY_FORMATS] as const;

/** This program's version, from the package.json beside it (the packaged command) or the repository's. */
const PACKAGE_VERSION = (() => {
  for (const dir of [dirname(fileURLToPath(import.meta.url)), REPO_ROOT]) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'toolrisk' && pkg.version) return pkg.version;
    } catch {
      // (not there: the next place)
    }
  }
  return '0.0.0';
})();

const HELP = `toolrisk: what MCP server tools can do, how risky they are, and how to fence them

Usage:
  toolrisk crawl [options]               list the tools of every server in data/index/ into data/crawled/
      --concurrency <n>                  servers at once (default 4)
      --only <name|slug>                 crawl only this server (repeatable)
      --shard <i/n>                      crawl the i-th of n shards, to split a crawl across machines
      --force                            crawl again even if the entry's version is unchanged
      --timeout <ms>                     time limit per stage (initialize, each tools/list page)
      --registry <base-url>              first sync data/index/ from an MCP registry (GET /v0.1/servers)
      --updated-since <RFC 3339 time>    with --registry: only entries updated since then
      --sync-only                        with --registry: update the index, do not crawl
      --data <dir>                       data folder (default: the repository's data/)
      --sandbox <required|auto|off>      run each server in bubblewrap (default required: no sandbox,
                                         no crawl); auto falls back to plain processes with a warning
  toolrisk inspect [options] -- <command> [args…]   crawl one stdio server live and print its tools
  toolrisk inspect [options] <url>                   the same over Streamable HTTP (falls back to SSE);
                                                     a URL ending in /.well-known/mcp/server-card.json
                                                     is read as an MCP Server Card
  toolrisk inspect [options] --recorded <file>       read a recorded tools/list file
      --json                             print the crawl snapshot as JSON (tools under "tools")
      --env NAME=VALUE                   a placeholder variable for the server (repeatable)
      --header "Name: value"             an HTTP header for a remote server (repeatable)
      --timeout <ms>                     time limit per stage
      --sandbox <required|auto|off>      run the server in bubblewrap (default auto: when installed)
      --network                          let the sandboxed server reach the network
  toolrisk add <package[@version]>… [options]   add npm MCP servers to data/index/ (exact version,
                                         description and repository from npm; the latest when no version)
      --env NAME[=VALUE]                 a variable the server needs: a placeholder is made up (or VALUE,
                                         never a real secret) (repeatable; one package only)
      --arg VALUE                        an argument the server needs to start, e.g. {workdir} (repeatable)
      --bin NAME                         the bin to run, for a package with several
      --from <file>                      candidates, one JSON object per line:
                                         {"package","version","env":[…],"arguments":[…],"downloadsPerMonth",…}
  toolrisk import <file>… [--data <dir>]   add recorded tools/list files ({"server","source","tools"}) to
                                         data/recorded/ and data/index/, for servers that cannot run here
  toolrisk build [--data <dir>]          build the static site into dist/ from data/crawled and data/classified
  toolrisk serve [--port <n>]            serve dist/ at http://localhost:4321
  toolrisk catalog [--data <dir>]        classify (cached) and print the catalog: servers, status, tools per risk
  toolrisk check-data [--data <dir>]     check that every data file matches its schema and the serializer's form
  toolrisk classify [--data <dir>]       classify data/crawled/ into data/classified/ (cached by fingerprint)
  toolrisk classify <file> [options]     classify a saved tools/list result: {"tools":[…]}, a bare array,
                                         or {"server":{name,title,description},"tools":[…]}
      --json                             one object per input tool, in input order
      --fail-on <low|medium|high|critical>   exit 1 when any tool is at or above that risk (for CI)
  inspect also takes --fail-on, and --policy <intercept-json|intercept-yaml|gateway|claude-code|codex>
  to print the whole-server policy instead of the table (claude-code, codex: the tools to turn off).
  toolrisk rules [--json] [--data <dir>]   every rule of the classifier: what it concludes, why, its
                                         examples, and how many catalog tools it fires on
  toolrisk scan [file…] [options]        the risk report for the servers in your MCP client configs
                                         (no file: .mcp.json, .cursor/mcp.json, .vscode/mcp.json in this
                                         folder, then Claude Desktop, Claude Code, Cursor, VS Code and
                                         Windsurf user configs); secrets in them are never printed
      --json | --sarif                   the report as JSON, or as SARIF 2.1.0 for code scanning
      --notes                            SARIF carries notes too (annotation hints and the like)
      --policy <intercept-json|intercept-yaml|gateway>   write one policy per server into --policy-dir
      --policy <claude-code|codex>       write one client settings fragment for every server: the tools
                                         to turn off (Claude Code permissions.deny, Codex disabled_tools)
      --policy-dir <dir>                 where policies go (default toolrisk-policies)
      --overrides <file>                 your choices per tool (default ./toolrisk.policy.yaml if present)
      --fail-on <low|medium|high|critical>   exit 1 when a tool is at or above that risk, or unknown
      --allow-unknown <name>             accept this server's unknown tools under --fail-on (repeatable;
                                         or list it under allow-unknown: in toolrisk.policy.yaml)
      --fail-on-warning                  exit 1 on any finding (secrets, poisoning, unpinned, trifecta…)
      --lock                             write toolrisk.lock.json (versions and tool fingerprints of the
                                         project's configs, keyed by config file and server name)
      --include-user                     with --lock: lock your own user-level configs too
      --fail-on-change                   exit 1 when servers or tools changed since the lock file
      --live                             inspect every server live (default: only those not in the catalog)
      --offline                          inspect none; the catalog only
      --use-env                          give inspected servers the real env values (default placeholders)
      --sandbox <required|auto|off>      run inspected servers in bubblewrap (default required)
      --network                          let the sandboxed server reach the network
      --catalog <dir|file|url>           a data/ folder, a catalog file, or a ToolRisk site's URL
      --project <dir>                    the project folder (default: the current folder)
${LLM_HELP}

Examples:
  toolrisk inspect -- npx -y @modelcontextprotocol/server-everything
  toolrisk inspect --json http://127.0.0.1:3000/mcp
  toolrisk crawl --only io.github.modelcontextprotocol/server-memory --force
  toolrisk crawl --shard 1/4 --concurrency 8
  toolrisk classify tools.json --fail-on critical
  OPENAI_API_KEY=… toolrisk classify --llm --model gpt-4o-mini --max-tools 200
  toolrisk inspect --llm --model llama3.1 --base-url http://localhost:11434/v1 -- npx -y @modelcontextprotocol/server-memory
`;

class UsageError extends Error {}

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true } as const);
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify.*$/s, '')}. Run \`toolrisk --help\` for the options.`);
  }
}

/** The --sandbox value, checked whatever else the command line says (exit 2 with the allowed values). */
function sandboxMode(value: string | undefined, fallback: SandboxMode): SandboxMode {
  const mode = value ?? fallback;
  if (!(SANDBOX_MODES as readonly string[]).includes(mode)) throw new UsageError(`--sandbox takes ${SANDBOX_MODES.join(', ')}, got "${mode}"`);
  return mode as SandboxMode;
}

/**
 * The sandbox a command runs servers in: `off` none; `required` bubblewrap or exit 1 with how to
 * install it; `auto` bubblewrap when it works, else a warning and plain child processes.
 */
async function sandboxFor(value: string | undefined, fallback: SandboxMode, command: string): Promise<{ sandbox?: Sandbox } | { exit: number }> {
  const mode = sandboxMode(value, fallback);
  if (mode === 'off') return {};
  try {
    return { sandbox: await findSandbox() };
  } catch (error) {
    if (!(error instanceof SandboxUnavailable)) throw error;
    if (mode === 'required') {
      console.error(`${command}: servers run only in a sandbox, and ${error.message}`);
      return { exit: 1 };
    }
    console.error(`warning: no sandbox (${error.message}); servers run as plain child processes, not isolated`);
    return {};
  }
}

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${flag} needs a whole number of at least 1, got "${value}"`);
  return number;
}

function portNumber(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < 1 || number > 65_535) throw new UsageError(`--port takes a port number from 1 to 65535, got "${value}"`);
  return number;
}

function keyValues(values: string[] | undefined, separator: string, flag: string): Record<string, string> {
  const out = new Map<string, string>();
  for (const value of values ?? []) {
    const at = value.indexOf(separator);
    if (at < 1) throw new UsageError(`${flag} needs NAME${separator}VALUE, got "${value}"`);
    out.set(value.slice(0, at).trim(), value.slice(at + separator.length).trim());
  }
  // (fromEntries defines own properties: a name like `__proto__` stays a name)
  return Object.fromEntries(out);
}

/**
 * The model reviewer for --llm, or undefined (the rules alone). A missing model or endpoint is
 * reported with what to set, and the rules classifier runs.
 */
function reviewerFrom(values: LlmFlags): ModelReviewer | undefined {
  let settings;
  try {
    settings = llmSettings(values);
  } catch (error) {
    if (!(error instanceof LlmSettingsError)) throw error;
    // nothing says which model to use: the rules run, and the message says what to set; a wrong value is an error
    if (!error.missing) throw new UsageError(error.message);
    console.error(`${error.message} The rules classifier runs alone.`);
    return undefined;
  }
  return settings ? new ModelReviewer(settings, (line) => console.error(terminalSafe(line))) : undefined;
}

/** Reviews one server's classifications outside the catalog (inspect, classify <file>), cached in the user's cache. */
async function reviewOutsideCatalog(reviewer: ModelReviewer | undefined, serverName: string, tools: McpTool[], classifications: Classification[]): Promise<Classification[]> {
  if (!reviewer) return classifications;
  const cache = await AnswerCache.open(userCacheDir(), serverSlug(serverName), serverName);
  const reviewed = await reviewTools(reviewer, serverName, tools, classifications, cache);
  await cache.save().catch((error: Error) => console.error(`warning: could not save the model answers to ${cache.file}: ${error.message}`));
  console.error(terminalSafe(reviewer.report()));
  return reviewed;
}

async function crawlCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    concurrency: { type: 'string' },
    only: { type: 'string', multiple: true },
    shard: { type: 'string' },
    force: { type: 'boolean' },
    timeout: { type: 'string' },
    registry: { type: 'string' },
    'updated-since': { type: 'string' },
    'sync-only': { type: 'boolean' },
    data: { type: 'string' },
    sandbox: { type: 'string' },
  });
  const dataDir = resolve(values.data ?? DEFAULT_DATA);
  const concurrency = positiveInt(values.concurrency, '--concurrency') ?? 4;
  const timeout = positiveInt(values.timeout, '--timeout');
  let shard: [number, number] | undefined;
  if (values.shard) {
    try {
      shard = parseShard(values.shard);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  if ((values['updated-since'] || values['sync-only']) && !values.registry) {
    throw new UsageError('--updated-since and --sync-only go with --registry <base-url>');
  }
  if (values['updated-since'] && Number.isNaN(Date.parse(values['updated-since']))) {
    throw new UsageError(`--updated-since needs an RFC 3339 time such as 2026-01-31T00:00:00Z, got "${values['updated-since']}"`);
  }
  const chosen = values['sync-only'] ? {} : await sandboxFor(values.sandbox, 'required', 'crawl');
  if ('exit' in chosen) return chosen.exit;
  let exitCode = 0;
  if (values.registry) {
    const sync = await syncRegistry({
      baseUrl: values.registry,
      dataDir,
      updatedSince: values['updated-since'],
      log: (line) => console.error(terminalSafe(line)),
    });
    for (const error of sync.errors) console.error(`warning: ${terminalSafe(error)}`);
    console.error(
      `registry: ${sync.pages} page(s), ${sync.written.length} written, ${sync.unchanged.length} unchanged, ${sync.removed.length} removed, ${sync.skipped} skipped, ${sync.errors.length} error(s)`,
    );
    if (values['sync-only']) return sync.errors.length ? 1 : 0;
    if (sync.errors.length) exitCode = 1;
  }
  const summary = await crawlIndex({
    dataDir,
    concurrency,
    only: values.only,
    shard,
    force: values.force,
    limits: timeout ? { initializeMs: timeout, pageMs: timeout } : undefined,
    sandbox: chosen.sandbox,
  });
  for (const error of summary.errors) console.error(`warning: ${terminalSafe(error)}`);
  console.error(
    `crawl: ${summary.ok} ok, ${summary.failed} failed, ${summary.skipped} skipped, ${summary.tools} tools, ${(summary.ms / 1000).toFixed(1)}s at concurrency ${concurrency} → ${join(dataDir, 'crawled')}`,
  );
  // the whole index as it now stands, as /coverage/ shows it
  const { coverage } = await loadCoverage(dataDir);
  for (const line of coverageLines(coverage)) console.error(terminalSafe(line));
  return summary.errors.length ? 1 : exitCode;
}

async function inspectCommand(args: string[]): Promise<number> {
  const dashes = args.indexOf('--');
  const own = dashes === -1 ? args : args.slice(0, dashes);
  const command = dashes === -1 ? undefined : args.slice(dashes + 1);
  const { values, positionals } = parse(own, {
    json: { type: 'boolean' },
    env: { type: 'string', multiple: true },
    header: { type: 'string', multiple: true },
    timeout: { type: 'string' },
    recorded: { type: 'string' },
    'server-card': { type: 'string' },
    'fail-on': { type: 'string' },
    policy: { type: 'string' },
    sandbox: { type: 'string' },
    network: { type: 'boolean' },
    ...LLM_OPTIONS,
  });
  const failOn = parseFailOn(values['fail-on']);
  const reviewer = reviewerFrom(values);
  if (values.policy && !(ALL_POLICY_FORMATS as readonly string[]).includes(values.policy)) {
    throw new UsageError(`--policy takes ${ALL_POLICY_FORMATS.join(', ')}, got "${values.policy}"`);
  }
  if (command && command.length === 0) throw new UsageError('nothing after `--`: give the server command, e.g. `toolrisk inspect -- npx -y @modelcontextprotocol/server-everything`');
  if (positionals.length > 1) throw new UsageError(`inspect takes one URL or file; put a command after \`--\` (got ${positionals.length} arguments)`);
  const timeout = positiveInt(values.timeout, '--timeout');
  const target: InspectTarget = {
    command,
    recorded: values.recorded ?? (positionals[0] && looksLikeFile(positionals[0]) ? positionals[0] : undefined),
    serverCard: values['server-card'],
    env: keyValues(values.env, '=', '--env'),
    headers: keyValues(values.header, ':', '--header'),
    limits: timeout ? { initializeMs: timeout, pageMs: timeout } : undefined,
  };
  if (!target.recorded && positionals[0]) {
    try {
      target.url = new URL(positionals[0]).href;
    } catch {
      throw new UsageError(`"${positionals[0]}" is neither a URL nor a file; to run a command put it after \`--\``);
    }
  }
  if (!target.command && !target.url && !target.recorded && !target.serverCard) {
    throw new UsageError('inspect needs a server: `toolrisk inspect -- <command> [args…]` or `toolrisk inspect <url>`');
  }
  if (target.command) {
    const chosen = await sandboxFor(values.sandbox, 'auto', 'inspect');
    if ('exit' in chosen) return chosen.exit;
    target.sandbox = chosen.sandbox;
    target.network = values.network;
  } else {
    // (a remote or static server runs no local code, but a wrong value is still wrong)
    sandboxMode(values.sandbox, 'auto');
  }
  const snapshot = await inspect(target);
  const { record } = classifySnapshot(snapshot);
  const unclassified = (record.unclassified ?? []).map((failure) => ({ label: toolLabel(failure.index, failure.tool), error: failure.error }));
  const failedByName = new Map((record.unclassified ?? []).map((failure) => [failure.tool, failure.error]));
  const classifications = await reviewOutsideCatalog(reviewer, snapshot.name, snapshot.tools, record.tools);
  if (!values.llm) console.error(LLM_HINT);
  if (reviewer) record.policy = serverPolicy(snapshot.name, classifications.map((classification) => classification.policy));
  const classified = new Map(classifications.map((classification) => [classification.tool, classification]));
  if (values.policy) {
    const model = record.policy;
    const client = (CLIENT_POLICY_FORMATS as readonly string[]).includes(values.policy) ? (values.policy as ClientPolicyFormat) : undefined;
    // a client's settings name the server as its config does: here, the server's short name
    process.stdout.write(client ? renderClientPolicy([{ name: clientServerName(snapshot.name), tools: model.tools }], client) : renderPolicy(model, values.policy as PolicyFormat));
  } else if (values.json) {
    const record = JSON.parse(serializeRecord(CrawlSnapshotSchema, snapshot)) as { tools: Record<string, unknown>[] };
    record.tools = record.tools.map((tool) => {
      const classification = classified.get(tool.name as string);
      return { ...tool, classification: classification ? toolJson(classification) : { error: `could not be classified: ${failedByName.get(tool.name as string) ?? 'unknown error'}` } };
    });
    process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
  } else {
    printSnapshot(snapshot, classified);
  }
  for (const entry of unclassified) console.error(terminalSafe(`warning: ${snapshot.name}: tool ${entry.label} could not be classified: ${entry.error}`));
  if (snapshot.status === 'failed') {
    console.error(`inspect failed at ${snapshot.failure?.stage}: ${terminalSafe(snapshot.failure?.reason ?? '')}`);
    if (snapshot.stderr) console.error(`server stderr (last lines):\n${terminalSafe(snapshot.stderr.split('\n').slice(-10).join('\n'))}`);
    return 1;
  }
  return failOnReport(classifications, failOn, unclassified);
}

/**
 * `--fail-on`: the tools at or above the level, each with its risk and why, on stderr; 1 when there
 * are any. A tool that could not be classified counts as crossing: its risk is unknown, not low.
 */
function failOnReport(classifications: readonly Classification[], failOn: Risk | undefined, unclassified: readonly { label: string; error: string }[] = []): number {
  if (!failOn) return 0;
  const crossed = classifications.filter((classification) => atOrAbove(classification.risk, failOn));
  if (!crossed.length && !unclassified.length) {
    console.error(`fail-on ${failOn}: no tool is at or above ${failOn}.`);
    return 0;
  }
  if (crossed.length) console.error(`fail-on ${failOn}: ${crossed.length} tool${crossed.length === 1 ? '' : 's'} at or above ${failOn}:`);
  for (const classification of crossed) {
    const why = classification.rationale.find((sentence) => sentence.startsWith('Risk ')) ?? '';
    console.error(terminalSafe(`  ${classification.tool}  ${classification.risk}  ${why}`));
  }
  if (unclassified.length) console.error(`fail-on ${failOn}: ${unclassified.length} tool${unclassified.length === 1 ? '' : 's'} could not be classified (unknown risk counts as failing):`);
  for (const entry of unclassified) console.error(terminalSafe(`  ${entry.label}  unknown  ${entry.error}`));
  return 1;
}


function parseFailOn(value: string | undefined): Risk | undefined {
  if (value === undefined) return undefined;
  const parsed = RiskSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--fail-on takes low, medium, high or critical, got "${value}"`);
  return parsed.data;
}

function flags(classification: Classification): string {
  const review = classification.review;
  const reviewNote = !review ? '' : review.status === 'failed' ? 'model failed' : review.disagreements.length ? 'model disagrees' : 'model agrees';
  return [classification.destructive && 'destructive', classification.financial && 'financial', classification.openWorld && 'open-world', classification.sensitive && 'sensitive', classification.warnings.length && 'WARNING', reviewNote]
    .filter(Boolean)
    .join(', ');
}

async function classifyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, 'fail-on': { type: 'string' }, data: { type: 'string' }, ...LLM_OPTIONS });
  const failOn = parseFailOn(values['fail-on']);
  const reviewer = reviewerFrom(values);
  if (positionals.length > 1) throw new UsageError(`classify takes one file, got ${positionals.length}`);
  if (!positionals.length) {
    if (values.json || failOn) throw new UsageError('--json and --fail-on go with a file: `toolrisk classify <file>`');
    const dataDir = resolve(values.data ?? DEFAULT_DATA);
    const summary = await classifyCatalog(dataDir, (line) => console.error(terminalSafe(line)), undefined, { reviewer });
    for (const error of summary.errors) console.error(`warning: ${terminalSafe(error)}`);
    console.error(
      `classify: ${summary.servers} servers, ${summary.tools} tools (${summary.classified} classified, ${summary.reused} from the cache), ${summary.unchanged} files unchanged, ${(summary.ms / 1000).toFixed(1)}s → ${join(dataDir, 'classified')}`,
    );
    if (reviewer) console.error(terminalSafe(reviewer.report()));
    else if (summary.reviewed) console.error(`${summary.reviewed} tools carry a model review from ${join(dataDir, 'llm')} (ask again with --llm).`);
    if (!values.llm) console.error(LLM_HINT);
    return summary.errors.length ? 1 : 0;
  }
  const file = resolve(positionals[0]!);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${positionals[0]}: ${(error as Error).message}`);
  }
  const result = classifyToolsFile(positionals[0]!, text);
  if (reviewer) {
    const okEntries = result.results.filter((entry) => 'classification' in entry);
    const reviewed = await reviewOutsideCatalog(reviewer, result.server.name, okEntries.map((entry) => entry.tool), okEntries.map((entry) => entry.classification));
    okEntries.forEach((entry, index) => (entry.classification = reviewed[index]!));
  }
  const ok = result.results.filter((entry) => 'classification' in entry);
  if (!values.llm) console.error(LLM_HINT);
  if (values.json) {
    // one tool at a time: the same bytes as JSON.stringify(all, null, 2), without the whole text in memory
    await writeJsonArray(result.results.map((entry) => () => ('classification' in entry ? toolJson(entry.classification) : { name: entry.name ?? null, index: entry.index, error: entry.error })));
  } else {
    const rows = result.results.map((entry) =>
      'classification' in entry
        ? [entry.name, entry.classification.risk, entry.classification.category, flags(entry.classification), entry.classification.rationale[0] ?? '']
        : [entry.name ?? `#${entry.index + 1}`, 'error', '', '', entry.error],
    );
    console.log(renderTable(['TOOL', 'RISK', 'CATEGORY', 'FLAGS', 'WHY'], rows, [40, 8, 8, 36, 90]));
  }
  const errors = result.results.flatMap((entry) => ('error' in entry ? [{ label: toolLabel(entry.index, entry.name), error: entry.error }] : []));
  for (const entry of errors) console.error(terminalSafe(`warning: ${positionals[0]}: tool ${entry.label}: ${entry.error}`));
  const repaired = ok.filter((entry) => entry.classification.warnings.some((warning) => warning.kind === 'invalid-definition'));
  for (const entry of repaired) console.error(terminalSafe(`warning: ${positionals[0]}: tool ${toolLabel(result.results.indexOf(entry), entry.name)}: ${entry.classification.warnings.find((warning) => warning.kind === 'invalid-definition')!.message}`));
  if (repaired.length) console.error(`${repaired.length} of ${result.results.length} tools had definitions that were repaired or cut to be read; they are classified from what was kept.`);
  // duplicates are listed for completeness; the first definition of that name is the one classified
  return failOnReport(ok.map((entry) => entry.classification), failOn, errors.filter((entry) => !entry.error.startsWith('duplicate tool name')));
}

/** Writes `[item, …]` to stdout exactly as JSON.stringify(items, null, 2) would, rendering and writing one item at a time. */
async function writeJsonArray(items: readonly (() => unknown)[]): Promise<void> {
  if (!items.length) {
    process.stdout.write('[]\n');
    return;
  }
  let chunk = '[\n';
  for (let i = 0; i < items.length; i++) {
    chunk += `  ${JSON.stringify(items[i]!(), null, 2).replace(/\n/g, '\n  ')}${i + 1 < items.length ? ',' : ''}\n`;
    // about a megabyte at a time, waiting for the pipe to drain instead of holding every tool's text
    if (chunk.length > 1 << 20) {
      const drained = process.stdout.write(chunk);
      chunk = '';
      // (a pipe the reader closed never drains: stop writing)
      if (process.stdout.destroyed) return;
      if (!drained) await new Promise((resume) => (process.stdout.once('drain', resume), process.stdout.once('close', resume)));
    }
  }
  process.stdout.write(`${chunk}]\n`);
}

/** A tool as error lines name it: its position in the listing and its name (`#12 "send_mail"`). */
function toolLabel(index: number, name: string | undefined): string {
  return `#${index + 1}${name === undefined || name === '' ? '' : ` ${JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name)}`}`;
}

function oneLine(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function printSnapshot(snapshot: ReturnType<typeof CrawlSnapshotSchema.parse>, classified: Map<string, Classification>): void {
  const info = snapshot.initialize?.serverInfo;
  const via = snapshot.source ?? snapshot.launch?.kind ?? 'unknown';
  console.log(terminalSafe(`${info?.name ?? snapshot.name}${info?.version ? ` ${info.version}` : ''} · ${snapshot.tools.length} tools · via ${via} · ${snapshot.timings.totalMs} ms`));
  if (snapshot.tools.length) {
    const rows = snapshot.tools.map((tool) => {
      const params = Object.keys((tool.inputSchema.properties as Record<string, unknown> | undefined) ?? {});
      const hints = Object.entries(tool.annotations ?? {})
        .filter(([key, value]) => key.endsWith('Hint') && value === true)
        .map(([key]) => key.replace('Hint', ''));
      const classification = classified.get(tool.name);
      // a tool the classifier failed on says so: an empty risk would read as "nothing to fear"
      return [tool.name, classification?.risk ?? 'error', classification?.category ?? '', classification ? flags(classification) : 'could not be classified', params.join(', '), hints.join(', '), oneLine(tool.description)];
    });
    console.log(renderTable(['TOOL', 'RISK', 'CATEGORY', 'FLAGS', 'PARAMETERS', 'HINTS', 'DESCRIPTION'], rows, [40, 8, 8, 30, 30, 24, 60]));
  }
  for (const warning of snapshot.warnings) console.log(terminalSafe(`warning: ${warning.message}`));
}

/** The catalog a scan uses by default: the one shipped beside the packaged command, else the repository's data/. */
function defaultScanCatalog(): string {
  const shipped = join(dirname(fileURLToPath(import.meta.url)), 'catalog.json.gz');
  return existsSync(shipped) ? shipped : DEFAULT_DATA;
}

/** The terminal report's width: the terminal's, else $COLUMNS when set (a CI log, a pipe), else 100. */
function reportWidth(): number {
  if (process.stdout.isTTY && process.stdout.columns) return process.stdout.columns;
  const columns = Number(process.env.COLUMNS);
  return Number.isInteger(columns) && columns >= 40 ? columns : 100;
}

async function scanCommandLine(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean' },
    sarif: { type: 'boolean' },
    policy: { type: 'string' },
    'policy-dir': { type: 'string' },
    overrides: { type: 'string' },
    'fail-on': { type: 'string' },
    'fail-on-warning': { type: 'boolean' },
    'fail-on-change': { type: 'boolean' },
    lock: { type: 'boolean' },
    'include-user': { type: 'boolean' },
    'allow-unknown': { type: 'string', multiple: true },
    notes: { type: 'boolean' },
    live: { type: 'boolean' },
    offline: { type: 'boolean' },
    'use-env': { type: 'boolean' },
    sandbox: { type: 'string' },
    network: { type: 'boolean' },
    timeout: { type: 'string' },
    catalog: { type: 'string' },
    project: { type: 'string' },
  });
  const failOn = parseFailOn(values['fail-on']);
  const sandbox = sandboxMode(values.sandbox, 'required');
  const timeout = positiveInt(values.timeout, '--timeout');
  if (values.json && values.sarif) throw new UsageError('--json and --sarif both print the report; choose one');
  if (values.live && values.offline) throw new UsageError('--live inspects every server and --offline none; choose one');
  if (values.policy !== undefined && !(ALL_POLICY_FORMATS as readonly string[]).includes(values.policy)) throw new UsageError(`--policy takes ${ALL_POLICY_FORMATS.join(', ')}, got "${values.policy}"`);
  if (values['include-user'] && !values.lock) throw new UsageError('--include-user goes with --lock (a check compares what the lock file holds)');
  if (values['policy-dir'] !== undefined && values.policy === undefined) throw new UsageError('--policy-dir goes with --policy <format>');
  const project = resolve(values.project ?? process.cwd());
  if (!existsSync(project)) throw new UsageError(`--project ${values.project}: no such folder`);
  try {
    const result = await scanCommand({
      files: positionals,
      project,
      catalog: values.catalog ?? defaultScanCatalog(),
      ...(values.overrides ? { overrides: values.overrides } : {}),
      output: values.sarif ? 'sarif' : values.json ? 'json' : 'terminal',
      inspect: values.live ? 'all' : values.offline ? 'none' : 'unmatched',
      sandbox,
      useEnv: !!values['use-env'],
      network: !!values.network,
      ...(timeout ? { timeoutMs: timeout } : {}),
      ...(values.policy ? { policy: { format: values.policy as PolicyFormat | ClientPolicyFormat, dir: resolve(values['policy-dir'] ?? 'toolrisk-policies') } } : {}),
      lock: !!values.lock,
      includeUser: !!values['include-user'],
      allowUnknown: values['allow-unknown'] ?? [],
      notes: !!values.notes,
      width: reportWidth(),
      ...(failOn ? { failOn } : {}),
      failOnWarning: !!values['fail-on-warning'],
      failOnChange: !!values['fail-on-change'],
      version: PACKAGE_VERSION,
      log: (line) => console.error(terminalSafe(line)),
    });
    process.stdout.write(result.stdout);
    return result.exit;
  } catch (error) {
    if (error instanceof ScanUsageError) throw new UsageError(error.message);
    throw error;
  }
}

async function catalogCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { data: { type: 'string' } });
  const dataDir = resolve(values.data ?? DEFAULT_DATA);
  const index = await loadIndex(join(dataDir, 'index'));
  // classify first (cached: only new or changed tools are classified), so the counts are current;
  // the snapshots and classifications come back from that one pass over the data
  const snapshots: CrawlSnapshot[] = [];
  const classified = new Map<string, Classification[]>();
  const classification = await classifyCatalog(dataDir, undefined, (snapshot, record) => {
    snapshots.push(snapshot);
    classified.set(record.slug, record.tools);
  });
  const bySlug = new Map(snapshots.map((snapshot) => [snapshot.slug, snapshot]));
  const totals: Record<Risk, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  const rows = index.items.map(({ slug, entry }) => {
    const snapshot = bySlug.get(slug);
    const status = snapshot ? snapshot.status : 'not crawled';
    const tools = classified.get(slug) ?? [];
    const counts: Record<Risk, number> = { low: 0, medium: 0, high: 0, critical: 0 };
    for (const tool of tools) {
      counts[tool.risk] += 1;
      totals[tool.risk] += 1;
    }
    const detail = snapshot?.status === 'failed' ? `${snapshot.failure?.stage}: ${oneLine(snapshot.failure?.reason)}` : oneLine(entry.server.description);
    return [entry.server.name, status, String(snapshot?.tools.length ?? 0), String(counts.low), String(counts.medium), String(counts.high), String(counts.critical), snapshot?.source ?? '', detail];
  });
  console.log(renderTable(['SERVER', 'STATUS', 'TOOLS', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL', 'VIA', 'NOTES'], rows, [56, 11, 5, 5, 6, 5, 8, 9, 50]));
  const ok = snapshots.filter((snapshot) => snapshot.status === 'ok');
  const toolCount = snapshots.reduce((sum, snapshot) => sum + snapshot.tools.length, 0);
  console.log(`\n${index.items.length} servers in the index, ${ok.length} listed their tools, ${toolCount} tools: ${totals.low} low, ${totals.medium} medium, ${totals.high} high, ${totals.critical} critical risk`);
  console.log('Browse it as a site: npm start (http://localhost:4321).');
  const errors = [...index.errors, ...classification.errors];
  for (const error of errors) console.error(`warning: ${terminalSafe(error)}`);
  return errors.length ? 1 : 0;
}

async function addCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    data: { type: 'string' },
    from: { type: 'string' },
    env: { type: 'string', multiple: true },
    arg: { type: 'string', multiple: true },
    bin: { type: 'string' },
  });
  if (!positionals.length && !values.from) throw new UsageError('add needs npm packages (name or name@version) or --from <file>');
  if (values.from && positionals.length) throw new UsageError('add takes either packages or --from <file>, not both');
  if ((values.env || values.arg || values.bin) && positionals.length !== 1) throw new UsageError('--env, --arg and --bin apply to one package: name exactly one');
  const dataDir = resolve(values.data ?? DEFAULT_DATA);
  let candidates: NpmCandidate[];
  const errors: string[] = [];
  if (values.from) {
    const file = resolve(values.from);
    const parsed = parseCandidates(file, await readFile(file, 'utf8'));
    candidates = parsed.candidates;
    errors.push(...parsed.errors);
  } else {
    candidates = positionals.map((spec) => {
      try {
        return parsePackageSpec(spec);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    });
    // --env NAME (a made-up placeholder) or NAME=VALUE (a placeholder of your choosing; never a real secret)
    const env = (values.env ?? []).map((item) => item.split('=')[0]!.trim());
    const chosen = keyValues((values.env ?? []).filter((item) => item.includes('=')), '=', '--env');
    if (env.length) candidates[0] = { ...candidates[0]!, env, ...(Object.keys(chosen).length ? { placeholders: chosen } : {}) };
    if (values.arg) candidates[0] = { ...candidates[0]!, arguments: values.arg };
    if (values.bin) candidates[0] = { ...candidates[0]!, bin: values.bin };
  }
  const result = await addNpmServers(candidates, dataDir, { log: (line) => console.error(terminalSafe(line)) });
  errors.push(...result.errors);
  for (const error of errors) console.error(`toolrisk: ${terminalSafe(error)}`);
  if (result.skipped.length) console.error(terminalSafe(`already indexed, left alone: ${result.skipped.join(', ')}`));
  console.error(`add: ${result.written.length} entries written to ${join(dataDir, 'index')}, ${result.skipped.length} already indexed, ${errors.length} error(s)`);
  return errors.length ? 1 : 0;
}

async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { data: { type: 'string' } });
  if (!positionals.length) throw new UsageError('import needs one or more recorded tools/list files');
  const dataDir = resolve(values.data ?? DEFAULT_DATA);
  let failures = 0;
  for (const file of positionals) {
    try {
      const imported = await importRecorded(resolve(file), dataDir);
      console.error(terminalSafe(`imported ${imported.name} (${imported.tools} tools) → recorded/${imported.slug}.json and index/${imported.slug}.json`));
    } catch (error) {
      failures += 1;
      console.error(`toolrisk: ${terminalSafe((error as Error).message)}`);
    }
  }
  return failures ? 1 : 0;
}

/**
 * Runs Astro (from node_modules) on the site; resolves with its exit code. With `progress`, Astro's
 * own lines (one per page built) are not passed on: a line every few seconds says how many pages are
 * done, warnings and errors are passed on as they come, and on failure the last lines Astro printed.
 */
function runAstro(args: string[], env: Record<string, string | undefined>, cwd?: string, progress = false): Promise<number> {
  const astro = join(REPO_ROOT, 'node_modules', 'astro', 'astro.js');
  return new Promise((done) => {
    const child = spawn(process.execPath, [astro, ...args, '--root', join(REPO_ROOT, 'site')], {
      stdio: progress ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    });
    const tail: string[] = [];
    if (progress) {
      let pages = 0;
      let last = performance.now();
      let rest = '';
      const onText = (chunk: Buffer) => {
        const lines = (rest + chunk.toString('utf8')).split('\n');
        rest = lines.pop() ?? '';
        for (const raw of lines) {
          const line = raw.replace(/\u001b\[[0-9;]*m/g, '');
          tail.push(line);
          if (tail.length > 60) tail.shift();
          if (/[├└]─ \//.test(line)) pages += 1;
          else if (/\b(warn(ing)?|error|failed)\b|[✘⚠]/i.test(line)) console.error(`astro: ${line.trim()}`);
          if (performance.now() - last > 5000) {
            last = performance.now();
            console.error(`toolrisk build: ${pages.toLocaleString('en-US')} routes rendered…`);
          }
        }
      };
      child.stdout!.on('data', onText);
      child.stderr!.on('data', onText);
    }
    child.once('exit', (code) => {
      if (progress && code !== 0) console.error(`toolrisk build: Astro exited ${code}; its last lines:\n${tail.join('\n')}`);
      done(code ?? 1);
    });
    child.once('error', (error) => {
      console.error(`toolrisk: cannot run Astro: ${error.message}; run npm install first`);
      done(1);
    });
  });
}

async function buildCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { data: { type: 'string' } });
  const dataDir = resolve(values.data ?? DEFAULT_DATA);
  const outDir = resolve(process.env.TOOLRISK_OUT_DIR ?? join(REPO_ROOT, 'dist'));
  // The tool JSON files and sitemaps are written by this process while Astro renders the pages in
  // its own (two cores, two jobs), into a staging folder moved into place when Astro is done.
  const staging = `${outDir}.files-tmp`;
  await rm(staging, { recursive: true, force: true });
  process.env.TOOLRISK_DATA = dataDir;
  const started = performance.now();
  console.error(`toolrisk build: ${dataDir} → ${outDir}: rendering the pages (Astro) and writing the tool files…`);
  const { writeSiteFiles } = await import('./site-files.ts');
  // Astro stages its page bundle in <working folder>/.astro (it must resolve the repository's
  // node_modules from there): each build gets a working folder of its own, so two builds never clash
  const workFolder = join(REPO_ROOT, 'node_modules', '.cache', 'toolrisk-build', `${process.pid}-${Date.now()}`);
  await mkdir(workFolder, { recursive: true });
  const [code, files] = await Promise.all([
    runAstro(['build'], { TOOLRISK_DATA: dataDir, TOOLRISK_OUT_DIR: outDir }, workFolder, true),
    writeSiteFiles(staging, process.env.TOOLRISK_SITE_URL ?? 'http://localhost:4321'),
  ]);
  await rm(workFolder, { recursive: true, force: true });
  if (code !== 0) {
    await rm(staging, { recursive: true, force: true });
    return code;
  }
  await mkdir(join(outDir, 'api'), { recursive: true });
  await rm(join(outDir, 'api', 'tools'), { recursive: true, force: true });
  await rename(join(staging, 'api', 'tools'), join(outDir, 'api', 'tools'));
  // Astro built the /search/ page into outDir/search/; the index files join it there
  await mkdir(join(outDir, 'search'), { recursive: true });
  for (const name of await readdir(join(staging, 'search'))) await rename(join(staging, 'search', name), join(outDir, 'search', name));
  for (const name of await readdir(staging)) {
    if (name.startsWith('sitemap') || name === 'robots.txt') await rename(join(staging, name), join(outDir, name));
  }
  await rm(staging, { recursive: true, force: true });
  const pages = (await readdir(outDir, { recursive: true })).filter((name) => name.endsWith('.html')).length;
  // the summary comes last, after Astro's route lines, so what was left out cannot scroll past
  console.error(
    `toolrisk build: ${pages.toLocaleString('en-US')} pages, ${files.servers.toLocaleString('en-US')} servers, ${files.tools.toLocaleString('en-US')} tools, ${files.toolFiles.toLocaleString('en-US')} tool JSON files, ${files.sitemaps} sitemap file(s) in ${((performance.now() - started) / 1000).toFixed(1)} s → ${outDir}`,
  );
  if (!files.skipped.length) return 0;
  console.error(`toolrisk build: left out ${files.skipped.length} file(s) or tool(s); everything else was built:`);
  for (const problem of files.skipped) console.error(terminalSafe(`  ${problem.split('\n')[0]}`));
  return 1;
}

async function serveCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { port: { type: 'string' } });
  const port = portNumber(values.port, 4321);
  const outDir = resolve(process.env.TOOLRISK_OUT_DIR ?? join(REPO_ROOT, 'dist'));
  if (!(await readdir(outDir).catch(() => [] as string[])).includes('index.html')) {
    console.error(`toolrisk serve: ${outDir} holds no built site; run npm run build first`);
    return 1;
  }
  const { serveStatic } = await import('./serve.ts');
  let served: Awaited<ReturnType<typeof serveStatic>>;
  try {
    // a port given with --port is that port or an error; the default moves on to the next free one
    served = await serveStatic(outDir, port, values.port === undefined);
  } catch (error) {
    console.error(`toolrisk serve: ${(error as Error).message}`);
    return 1;
  }
  if (values.port === undefined && !served.url.endsWith(`:${port}/`)) console.error(`toolrisk: port ${port} is in use; took the next free one`);
  console.error(`toolrisk: serving ${outDir} at ${served.url} (Ctrl-C stops)`);
  // Ctrl-C, or SIGTERM from whatever started this, stops the server: no process is left behind
  await new Promise<void>((done) => {
    const stop = () => {
      served.server.closeAllConnections();
      served.server.close(() => done());
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stop);
  });
  console.error('toolrisk: stopped serving');
  return 0;
}

async function checkDataCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { data: { type: 'string' } });
  const dataDir = resolve(values.data ?? DEFAULT_DATA);
  const report = await checkDataFiles(dataDir);
  for (const problem of report.problems) console.error(terminalSafe(problem));
  console.error(`check-data: ${report.files} files checked, ${report.problems.length} problem(s)`);
  return report.problems.length ? 1 : 0;
}

/** Commands that read or write the repository's data/ or build its site: not in the packaged command. */
const REPOSITORY_COMMANDS = new Set(['crawl', 'catalog', 'import', 'add', 'build', 'serve', 'check-site', 'check-data']);

/**
 * The help of the packaged command: the usage blocks of the commands it has (a block is a
 * `  toolrisk <command>` line with the option lines under it), and examples of those only.
 */
export function packagedHelp(help: string): string {
  let keep = true;
  const out: string[] = [];
  for (const line of help.split('\n')) {
    // a usage or example line: `  toolrisk <command> …`, or `  NAME=… toolrisk <command> …`
    const usage = /^ {2}(?:\S+=\S+ )*toolrisk (\S+)/.exec(line);
    // classify without a file classifies the repository's catalog
    if (usage) keep = !REPOSITORY_COMMANDS.has(usage[1]!) && !(usage[1] === 'classify' && !/toolrisk classify (<file>|\S+\.json)/.test(line));
    else if (/^\S/.test(line)) keep = true;
    if (keep) out.push(line);
  }
  return out.join('\n');
}

// the commands that classify tools (and so need the classifier's rules)
const CLASSIFYING_COMMANDS = new Set(['crawl', 'inspect', 'catalog', 'import', 'add', 'classify', 'scan', 'rules']);

export async function main(argv: string[], options: { packaged?: boolean } = {}): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (options.packaged && command !== undefined && (REPOSITORY_COMMANDS.has(command) || (command === 'classify' && !rest.some((arg) => !arg.startsWith('-'))))) {
      throw new UsageError(`"${command}${command === 'classify' ? '' : ''}" works in a clone of the ToolRisk repository (it needs its data/ folder or its site's build tools); this installed command has scan, inspect and classify <file>`);
    }
    // the rules are read and checked before any command that classifies starts: a malformed rule file stops it, named
    if (command !== undefined && CLASSIFYING_COMMANDS.has(command)) ruleSet();
    switch (command) {
      case 'crawl':
        return await crawlCommand(rest);
      case 'inspect':
        return await inspectCommand(rest);
      case 'catalog':
        return await catalogCommand(rest);
      case 'import':
        return await importCommand(rest);
      case 'add':
        return await addCommand(rest);
      case 'build':
        return await buildCommand(rest);
      case 'serve':
        return await serveCommand(rest);
      case 'check-site':
        // type-check the Astro pages (tsc does not read .astro files)
        return await runAstro(['check'], { TOOLRISK_DATA: DEFAULT_DATA });
      case 'check-data':
        return await checkDataCommand(rest);
      case 'classify':
        return await classifyCommand(rest);
      case 'rules': {
        const { values } = parse(rest, { json: { type: 'boolean' }, data: { type: 'string' } });
        return await rulesCommand({ json: values.json ?? false, dataDir: resolve(values.data ?? DEFAULT_DATA) });
      }
      case 'scan':
        return await scanCommandLine(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(options.packaged ? packagedHelp(HELP) : HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"; the commands are ${options.packaged ? 'scan, inspect, classify <file>, rules' : 'crawl, classify, rules, inspect, scan, build, serve, add, import, catalog, check-data'}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`toolrisk: ${error.message}`);
      return 2;
    }
    if (error instanceof RuleFileError) {
      console.error(`toolrisk: a rule file of the classifier is malformed, so nothing was classified: ${terminalSafe(error.message)}\n(fix that file; \`npx vitest run tests/classifier/rules\` checks every rule against its examples)`);
      return 1;
    }
    console.error(`toolrisk: ${terminalSafe((error as Error).message)}`);
    return 1;
  }
}
