// The scan's outputs: the terminal report, its JSON, and the policy files. Every one of them is
// passed through the scan's redactor, so a secret seen in a configuration never leaves in any output.
import { relative } from 'node:path';
import { RISK_LEVELS, type PolicyModel, type Risk } from '../data/schema.ts';
import { hashedSlug } from '../data/slug.ts';
import { policyForChoice, renderPolicy, serverPolicy, type PolicyFormat } from '../classifier/policy.ts';
import { renderTable, terminalSafe } from '../crawler/terminal.ts';
import { CLIENT_NAMES, isInside } from './configs.ts';
import { LEGS, LEG_WORDS } from './trifecta.ts';
import { riskCounts, riskReason, type ScanReport } from './scan.ts';

const RANK = new Map<Risk, number>(RISK_LEVELS.map((risk, index) => [risk, index]));

function where(file: string, project: string): string {
  return isInside(project, file) ? relative(project, file) : file;
}

/** The report for a person at a terminal. */
export function renderTerminal(report: ScanReport, project: string, top = 10): string {
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
      const from = server.disabled ? 'disabled' : server.source === 'catalog' ? `catalog: ${server.match!.name}` : server.source === 'live' ? 'live inspection' : 'unknown';
      return [server.name, from, server.source === 'none' ? '?' : String(server.tools.length), ...RISK_LEVELS.slice().reverse().map((risk) => (server.source === 'none' ? '' : String(counts[risk]))), server.runs];
    });
    out.push(renderTable(['SERVER', 'VERDICTS FROM', 'TOOLS', 'CRIT', 'HIGH', 'MED', 'LOW', 'RUNS'], rows, [28, 60, 5, 4, 4, 4, 4, 80]));
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
  if (report.trifecta) {
    out.push('', `Lethal trifecta: ${report.trifecta.openUnderPolicy ? 'OPEN under the policy this scan writes' : `broken by the policy this scan writes (it closes the ${report.trifecta.closedLegs.join(' and ')} leg)`}.`);
    for (const leg of LEGS) {
      const tools = report.trifecta.legs.get(leg)!;
      out.push(`  ${LEG_WORDS.get(leg)}: ${tools.slice(0, 6).map((tool) => `${tool.server}/${tool.tool} (${tool.choice})`).join(', ')}${tools.length > 6 ? ` and ${tools.length - 6} more` : ''}`);
    }
  }
  return report.redactor.redact(out.flatMap((block) => block.split('\n')).map((line) => terminalSafe(line)).join('\n')) + '\n';
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
        fingerprint: tool.fingerprint,
        policy: server.choices.get(tool.tool),
        recommended: tool.policy.choice,
      })),
    })),
    counts: report.counts,
    findings: report.findings,
    trifecta: report.trifecta
      ? { openUnderPolicy: report.trifecta.openUnderPolicy, closedLegs: report.trifecta.closedLegs, legs: Object.fromEntries(LEGS.map((leg) => [leg, report.trifecta!.legs.get(leg)])), weakest: report.trifecta.weakest ?? null }
      : null,
    lockChanges: report.lockChanges,
  };
  return report.redactor.redact(`${JSON.stringify(json, null, 2)}\n`);
}

export interface PolicyFile {
  server: string;
  /** A file name made from the server's name: safe whatever the name holds. */
  name: string;
  model: PolicyModel;
  text: string;
}

/** A file name for a server's policy: its config name made safe, unique among the others. */
function fileStem(name: string, taken: Set<string>): string {
  const readable = name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 60);
  const stem = readable && readable === name.toLowerCase() && !taken.has(readable) ? readable : hashedSlug(name);
  taken.add(stem);
  return stem;
}

/** One policy per configured server whose tools are known: the recommendation with the user's choices on top. */
export function policyFiles(report: ScanReport, format: PolicyFormat): PolicyFile[] {
  const taken = new Set<string>();
  return report.servers
    .filter((server) => !server.disabled && server.source !== 'none')
    .map((server) => {
      const model = serverPolicy(server.match?.name ?? server.name, server.tools.map((tool) => policyForChoice(tool.policy, server.choices.get(tool.tool) ?? tool.policy.choice)));
      model.description = `ToolRisk policy for the configured server "${server.name}"${server.match ? ` (${server.match.name})` : ''}`;
      const text = renderPolicy(model, format);
      const extension = format === 'intercept-yaml' ? 'yaml' : format === 'intercept-json' ? 'json' : 'gateway.json';
      return { server: server.name, name: `${fileStem(server.name, taken)}.${extension}`, model, text: report.redactor.redact(text) };
    });
}
