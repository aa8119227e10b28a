// The whole of `toolrisk scan` behind its flags: open the catalog, read the overrides and the lock
// file, set up live inspection, run the scan, render the chosen output, write policies and the lock
// file, and apply the CI gates. bin/cli.ts parses the flags, calls this, and prints what it returns.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Risk, ScanLock } from '../data/schema.ts';
import { findSandbox, SandboxUnavailable, type Sandbox, type SandboxMode } from '../crawler/sandbox.ts';
import { openCatalog, type Catalog } from './catalog.ts';
import { gate } from './gate.ts';
import { liveInspector } from './live.ts';
import { LOCK_FILE, makeLock, parseLock, renderLock } from './lock.ts';
import { readOverrides, unusedOverrides, type Overrides } from './overrides.ts';
import type { ClientPolicyFormat, PolicyFormat } from '../classifier/policy.ts';
import { policyFiles, renderJson, renderTerminal } from './report.ts';
import { renderSarif } from './sarif.ts';
import { defaultPlaces, projectFile, runScan } from './scan.ts';

export const OVERRIDES_FILE = 'toolrisk.policy.yaml';

/** A flag combination that cannot work (exit 2). */
export class ScanUsageError extends Error {}

export interface ScanCommandOptions {
  files: readonly string[];
  project: string;
  /** A data/ folder, catalog file or site URL. */
  catalog: string;
  overrides?: string;
  output: 'terminal' | 'json' | 'sarif';
  inspect: 'all' | 'unmatched' | 'none';
  sandbox: SandboxMode;
  useEnv: boolean;
  network: boolean;
  timeoutMs?: number;
  policy?: { format: PolicyFormat | ClientPolicyFormat; dir: string };
  lock: boolean;
  /** Lock the user's own configs too, not only the project's. */
  includeUser: boolean;
  failOn?: Risk;
  failOnWarning: boolean;
  failOnChange: boolean;
  /** Servers whose unknown tools --fail-on accepts. */
  allowUnknown: readonly string[];
  /** Notes (annotation hints and the like) in SARIF too. */
  notes: boolean;
  /** The terminal report's width. */
  width: number;
  version: string;
  /** Lines for stderr as the scan goes (progress, warnings). */
  log: (line: string) => void;
}

export interface ScanCommandResult {
  stdout: string;
  exit: number;
}

export async function scanCommand(options: ScanCommandOptions): Promise<ScanCommandResult> {
  const { project, log } = options;
  const lockFile = join(project, LOCK_FILE);
  if (options.failOnChange && !options.lock && !existsSync(lockFile)) throw new ScanUsageError(`--fail-on-change compares with ${lockFile}, which does not exist; write it first with \`toolrisk scan --lock\``);
  let catalog: Catalog;
  try {
    catalog = await openCatalog(options.catalog);
  } catch (error) {
    log(`toolrisk scan: the catalog ${(error as Error).message}`);
    return { stdout: '', exit: 1 };
  }
  for (const problem of catalog.problems) log(`warning: catalog: ${problem}`);
  let overrides: Overrides | undefined;
  const overridesFile = options.overrides ?? projectFile(project, OVERRIDES_FILE);
  let lock: ScanLock | undefined;
  try {
    if (overridesFile) overrides = readOverrides(resolve(overridesFile));
    if (!options.lock && existsSync(lockFile)) lock = parseLock(lockFile, await readFile(lockFile, 'utf8'));
  } catch (error) {
    log(`toolrisk scan: ${(error as Error).message}`);
    return { stdout: '', exit: 1 };
  }
  let live;
  if (options.inspect !== 'none') {
    let sandbox: Sandbox | undefined;
    let noSandbox: string | undefined;
    if (options.sandbox !== 'off') {
      try {
        sandbox = await findSandbox();
      } catch (error) {
        if (!(error instanceof SandboxUnavailable)) throw error;
        noSandbox = error.message;
      }
    }
    live = liveInspector({ ...(sandbox ? { sandbox } : {}), ...(noSandbox ? { noSandbox } : {}), allowUnsandboxed: options.sandbox !== 'required', project, useEnv: options.useEnv, network: options.network, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
  }
  const report = await runScan({
    files: options.files,
    places: defaultPlaces(project),
    catalog,
    inspect: options.inspect,
    ...(live ? { live } : {}),
    ...(overrides ? { overrides } : {}),
    ...(lock ? { lock } : {}),
    progress: (line) => {
      if (options.output === 'terminal') log(line);
    },
  });
  const stdout = options.output === 'sarif' ? renderSarif(report, project, options.version, { notes: options.notes }) : options.output === 'json' ? renderJson(report) : renderTerminal(report, project, { width: options.width });
  if (overrides) for (const line of unusedOverrides(overrides, report.servers)) log(`warning: ${line}`);
  if (options.policy) {
    await mkdir(options.policy.dir, { recursive: true });
    const files = policyFiles(report, options.policy.format);
    for (const file of files) await writeFile(join(options.policy.dir, file.name), file.text);
    if (options.policy.format === 'claude-code' || options.policy.format === 'codex') {
      // one fragment for every server, and what it cannot say, said here (Claude Code's settings are strict JSON: no comments)
      const file = files[0]!;
      const into = options.policy.format === 'claude-code' ? 'merge its permissions.deny into .claude/settings.json' : 'add each disabled_tools line to its [mcp_servers.<name>] table in ~/.codex/config.toml';
      log(`policy (${options.policy.format}): ${join(options.policy.dir, file.name)} for ${file.server || 'no server with known tools'}; ${into}.`);
      for (const line of file.cannot ?? []) log(`  not expressed: ${line}`);
    } else log(`policy (${options.policy.format}): ${files.length} file${files.length === 1 ? '' : 's'} in ${options.policy.dir}: ${files.map((file) => `${file.name} (${file.server})`).join(', ') || 'none: no server with known tools'}`);
  }
  if (options.lock) {
    const places = defaultPlaces(project);
    const written = makeLock(report.servers, { project: places.project, home: places.home }, options.includeUser);
    await writeFile(lockFile, report.redactor.redact(renderLock(written)));
    const left = report.servers.filter((server) => !server.disabled && server.scope === 'user').length;
    log(`lock: wrote ${lockFile} (${written.servers.length} server${written.servers.length === 1 ? '' : 's'}${!options.includeUser && left ? `; ${left} of your own user-level config${left === 1 ? '' : 's'} left out, as CI does not have them: --include-user locks them too` : ''}); commit it, and later scans report what changed since`);
  }
  for (const name of options.allowUnknown) if (!report.servers.some((server) => server.name === name)) log(`warning: --allow-unknown ${name}: no configured server is named so`);
  const allowUnknown = [...options.allowUnknown, ...(overrides?.allowUnknown.keys() ?? [])];
  const { exit, lines } = gate(report, { ...(options.failOn ? { failOn: options.failOn } : {}), failOnWarning: options.failOnWarning, failOnChange: options.failOnChange, allowUnknown });
  lines.forEach((line) => log(line));
  if (!report.configs.length) {
    log(options.files.length ? 'scan: none of the named files could be read.' : 'scan: no MCP client configuration found (see above for where it looked); name one: toolrisk scan path/to/mcp.json');
    return { stdout, exit: 1 };
  }
  const unreadable = report.findings.some((finding) => finding.rule === 'config-problem');
  return { stdout, exit: exit || (unreadable ? 1 : 0) };
}
