// The scan's outputs: the terminal report, its JSON, and the policy files. Every one of them is
// passed through the scan's redactor, so a secret seen in a configuration never leaves in any output.
import { relative } from 'node:path';
import { RISK_LEVELS, type PolicyModel, type Risk } from '../data/schema.ts';
import { hashedSlug } from '../data/slug.ts';
import { clientPolicyLosses, policyForChoice, renderClientPolicy, renderPolicy, serverPolicy, type ClientPolicyFormat, type PolicyFormat } from '../classifier/policy.ts';
import { renderTable, terminalSafe } from '../crawler/terminal.ts';
import { CLIENT_NAMES, isInside } from './configs.ts';
import { LEGS, LEG_SHORT } from './trifecta.ts';
import { configValues, policyFromConfig } from './policy-from-config.ts';
import { configKey } from './lock.ts';
import { riskCounts, riskReason, type ScanReport } from './scan.ts';

const RANK = new Map<Risk, number>(RISK_LEVELS.map((risk, index) => [risk, index]));

function where(file: string, project: string): string {
  return isInside(project, file) ? relative(project, file) : file;
}

/** One line wrapped at spaces to `width` (code points); continuation lines indented two past the line's own indent; a word longer than a line is cut. */
export function wrapLine(line: string, width: number): string[] {
  if ([...line].length <= width) return [line];
  const indent = ' '.repeat(Math.min(/^ */.exec(line)![0].length + 2, Math.floor(width / 2)));
  const out: string[] = [];
  let current = '';
  for (const word of line.trimStart().split(/ +/)) {
    let rest = word;
    for (;;) {
      const prefix = current ? `${current} ` : out.length ? indent : /^ */.exec(line)![0];
      if ([...prefix].length + [...rest].length <= width) {
        current = prefix + rest;
        break;
      }
      if (current.trim() && current !== indent) {
        out.push(current);
        current = '';
        continue;
      }
      // a word longer than a whole line: cut it
      const room = Math.max(1, width - [...prefix].length);
      out.push(prefix + [...rest].slice(0, room).join(''));
      rest = [...rest].slice(room).join('');
      current = '';
      if (!rest) break;
    }
  }
  if (current.trim()) out.push(current);
  return out;
}

/** Column widths that fit `width`: each column its widest cell; the first flexible column is cut first, then the widest. */
function fitColumns(headers: readonly string[], rows: readonly string[][], flexible: readonly number[], width: number): number[] {
  const widths = headers.map((header, column) => Math.max([...header].length, ...rows.map((row) => [...terminalSafe(row[column] ?? '')].length)));
  const total = () => widths.reduce((sum, each) => sum + each, 0) + 2 * (widths.length - 1);
  // the first flexible column gives way down to 20 characters, then the widest of them all
  while (total() > width && widths[flexible[0]!]! > 20) widths[flexible[0]!]! -= 1;
  while (total() > width) {
    const widest = flexible.reduce((best, column) => (widths[column]! > widths[best]! ? column : best), flexible[0]!);
    if (widths[widest]! <= 6) break;
    widths[widest]! -= 1;
  }
  return widths;
}

/** The report for a person at a terminal, `width` columns wide (100 when not a terminal). */
export function renderTerminal(report: ScanReport, project: string, options: { width?: number; top?: number; home?: string } = {}): string {
  const width = Math.max(40, options.width ?? 100);
  const top = options.top ?? 10;
  const home = options.home ?? process.env.HOME;
  const out: string[] = [];
  const catalogDate = report.catalog.crawledUntil ? ` (crawled until ${report.catalog.crawledUntil.slice(0, 10)})` : '';
  out.push(`ToolRisk scan · catalog ${report.catalog.label}${catalogDate}`);
  if (!report.configs.length) {
    out.push('No MCP client configuration found. Looked for:');
    for (const candidate of report.searched) out.push(`  ${candidate.file} (${CLIENT_NAMES.get(candidate.client)}, ${candidate.scope})`);
    out.push('Name a file: toolrisk scan path/to/mcp.json');
  } else {
    out.push('Read:');
    for (const config of report.configs) out.push(`  ${where(config.file, project)} (${config.client}, ${config.scope}, ${config.servers} server${config.servers === 1 ? '' : 's'})`);
  }
  if (report.servers.length) {
    out.push('');
    const rows = report.servers.map((server) => {
      const counts = riskCounts(server.tools);
      const from = server.disabled ? 'disabled' : server.source === 'catalog' ? 'catalog' : server.source === 'live' ? 'live' : 'unknown';
      const client = CLIENT_NAMES.get(server.client) ?? server.client;
      // the client is the agent; its scope is named when the client has configs of both
      const scoped = report.servers.some((other) => other.client === server.client && other.scope !== server.scope);
      const where = server.client === 'mcp-json' ? configKey(server.file, { project, home: home ?? '' }) : scoped ? `${client} (${server.scope})` : client;
      return [server.name, where, from, server.source === 'none' ? '?' : String(server.tools.length), ...RISK_LEVELS.slice().reverse().map((risk) => (server.source === 'none' ? '' : String(counts[risk]))), server.runs];
    });
    const headers = ['SERVER', 'CLIENT', 'VERDICTS FROM', 'TOOLS', 'CRIT', 'HIGH', 'MED', 'LOW', 'RUNS'];
    out.push(renderTable(headers, rows, fitColumns(headers, rows, [8, 0, 1], width)));
    const matched = report.servers.filter((server) => server.source === 'catalog' && server.match);
    if (matched.length) out.push(`Catalog entries: ${matched.map((server) => `${server.name} = ${server.match!.name}`).join(', ')}.`);
    const total = RISK_LEVELS.reduce((sum, risk) => sum + report.counts[risk], 0);
    out.push(`${total} tools: ${RISK_LEVELS.slice().reverse().map((risk) => `${report.counts[risk]} ${risk}`).join(', ')}.${report.unknown.length ? ` ${report.unknown.length} server${report.unknown.length === 1 ? '' : 's'} with unknown tools.` : ''}`);
    for (const server of report.servers) if (server.note && server.source !== 'catalog') out.push(`  ${server.name}: ${server.note}`);
  }
  const risky = report.servers
    .filter((server) => !server.disabled)
    .flatMap((server) => server.tools.map((tool) => ({ server, tool })))
    .filter(({ tool }) => tool.risk === 'critical' || tool.risk === 'high' || tool.warnings.some((warning) => warning.severity === 'poisoning'))
    .sort((a, b) => RANK.get(b.tool.risk)! - RANK.get(a.tool.risk)! || b.tool.score - a.tool.score);
  if (risky.length) {
    out.push('', `Riskiest tools (${Math.min(top, risky.length)} of ${risky.length} high or critical):`);
    for (const { server, tool } of risky.slice(0, top)) {
      out.push(`  ${tool.risk.padEnd(8)} ${server.name}/${tool.tool} → policy ${server.choices.get(tool.tool)}`);
      out.push(`           ${riskReason(tool)}`);
    }
  }
  const findings = report.findings.filter((finding) => !['command-execution', 'credential-access', 'high-impact-tool'].includes(finding.rule));
  if (findings.length) {
    const errors = findings.filter((finding) => finding.level === 'error').length;
    const warnings = findings.filter((finding) => finding.level === 'warning').length;
    out.push('', `Findings: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${findings.length - errors - warnings} note${findings.length - errors - warnings === 1 ? '' : 's'} (risky tools listed above):`);
    for (const finding of findings) out.push(`  ${finding.level.padEnd(7)} ${finding.owasp} ${finding.rule}  ${where(finding.file, project)}:${finding.line}`, `          ${finding.message}`);
  }
  for (const trifecta of report.trifectas) {
    out.push('', `Lethal trifecta for ${trifecta.agent}: ${trifecta.openUnderPolicy ? 'OPEN under the policy this scan writes' : `broken by the policy this scan writes (it closes ${trifecta.closedLegs.map((leg) => LEG_SHORT.get(leg)).join(' and ')})`}.`);
    for (const leg of LEGS) {
      const tools = trifecta.legs.get(leg)!;
      const shown = trifecta.examples.get(leg)!;
      out.push(`  ${LEG_SHORT.get(leg)}: ${shown.map((tool) => `${tool.server}/${tool.tool} (${tool.why}; ${tool.choice})`).join(', ')}${tools.length > shown.length ? `, and ${tools.length - shown.length} more` : ''}`);
    }
    if (trifecta.breakWith) out.push(`  to break it, deny or require approval for: ${trifecta.breakWith.tools.map((tool) => `${tool.server}/${tool.tool}`).join(', ')}`);
  }
  // redacted before it is wrapped, so no secret is split across lines where the redactor cannot see it whole
  const redacted = report.redactor.redact(out.flatMap((block) => block.split('\n')).map((line) => terminalSafe(line)).join('\n'));
  return redacted.split('\n').flatMap((line) => wrapLine(line, width)).join('\n') + '\n';
}

/** The report as JSON (stable key order; secrets never in it). */
export function renderJson(report: ScanReport): string {
  const json = {
    catalog: report.catalog,
    configs: report.configs,
    servers: report.servers.map((server) => ({
      name: server.name,
      client: server.client,
      file: server.file,
      line: server.line,
      scope: server.scope,
      transport: server.transport,
      runs: server.runs,
      launch: server.launch.kind === 'local' ? { kind: 'local' } : server.launch,
      env: server.envNames,
      disabled: server.disabled,
      match: server.match ?? null,
      source: server.source,
      note: server.note ?? null,
      counts: server.source === 'none' ? null : riskCounts(server.tools),
      changedFromCatalog: server.changedFromCatalog ?? null,
      tools: server.tools.map((tool) => ({
        tool: tool.tool,
        risk: tool.risk,
        score: tool.score,
        confidence: tool.confidence,
        category: tool.category,
        destructive: tool.destructive,
        destructiveScope: tool.destructiveScope,
        financial: tool.financial,
        openWorld: tool.openWorld,
        sensitive: tool.sensitive,
        why: tool.why,
        warnings: tool.warnings,
        contradictions: tool.contradictions,
        legs: tool.legs,
        fingerprint: tool.fingerprint,
        policy: server.choices.get(tool.tool),
        recommended: tool.policy.choice,
      })),
    })),
    counts: report.counts,
    findings: report.findings,
    trifectas: report.trifectas.map((trifecta) => ({
      agent: trifecta.agent,
      servers: trifecta.servers,
      openUnderPolicy: trifecta.openUnderPolicy,
      closedLegs: trifecta.closedLegs,
      legs: Object.fromEntries(LEGS.map((leg) => [leg, { examples: trifecta.examples.get(leg), tools: trifecta.legs.get(leg) }])),
      breakWith: trifecta.breakWith ?? null,
    })),
    lockChanges: report.lockChanges,
  };
  return report.redactor.redact(`${JSON.stringify(json, null, 2)}\n`);
}

export interface PolicyFile {
  /** The configured server's name; for a client's settings fragment (every server in one file), their names joined. */
  server: string;
  /** A file name made from the server's name: safe whatever the name holds. */
  name: string;
  /** The server's policy (none for a client's fragment, which holds every server). */
  model?: PolicyModel;
  text: string;
  /** What the file's format cannot say of the policies (a client's fragment): printed with it, never dropped silently. */
  cannot?: string[];
}

/** A file name for a server's policy: its config name made safe, unique among the others. */
function fileStem(name: string, taken: Set<string>): string {
  const readable = name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 60);
  const stem = readable && readable === name.toLowerCase() && !taken.has(readable) ? readable : hashedSlug(name);
  taken.add(stem);
  return stem;
}

/** The file a client's settings fragment is written to. */
export const CLIENT_POLICY_FILES: Readonly<Record<ClientPolicyFormat, string>> = { 'claude-code': 'claude-code.settings.json', codex: 'codex.config.toml' };

/**
 * One policy per configured server whose tools are known: the recommendation with the user's choices
 * on top, and what the server's config says (its folders, its host) in place of the placeholders. A
 * client's own format (`claude-code`, `codex`) is one file for every server.
 */
export function policyFiles(report: ScanReport, format: PolicyFormat | ClientPolicyFormat): PolicyFile[] {
  const taken = new Set<string>();
  const known = report.servers.filter((server) => !server.disabled && server.source !== 'none');
  if (format === 'claude-code' || format === 'codex') {
    const servers = known.map((server) => ({ name: server.name, tools: server.tools.map((tool) => ({ tool: tool.tool, choice: server.choices.get(tool.tool) ?? tool.policy.choice })) }));
    return [{ server: known.map((server) => server.name).join(', '), name: CLIENT_POLICY_FILES[format], text: report.redactor.redact(renderClientPolicy(servers, format)), cannot: clientPolicyLosses(servers, format) }];
  }
  // a value from the config goes into a policy only when it holds no secret the scan saw
  const keep = (value: string) => report.redactor.redact(value) === value;
  return known.map((server) => {
    const values = configValues(server.given, server.launch, server.transport, keep);
    const tools = server.tools.map((tool) => policyFromConfig(policyForChoice(tool.policy, server.choices.get(tool.tool) ?? tool.policy.choice), values));
    const model = serverPolicy(server.match?.name ?? server.name, tools);
    model.description = `ToolRisk policy for the configured server "${server.name}"${server.match ? ` (${server.match.name})` : ''}`;
    const text = renderPolicy(model, format);
    const extension = format === 'intercept-yaml' ? 'yaml' : format === 'intercept-json' ? 'json' : 'gateway.json';
    return { server: server.name, name: `${fileStem(server.name, taken)}.${extension}`, model, text: report.redactor.redact(text) };
  });
}
