// The scan as SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one result per risky
// tool or finding, located at the configured server's line in its config file, tagged with its OWASP
// MCP Top 10 id. Files inside the project are named relative to it (as code scanning expects);
// others by absolute file URI.
import type { Log } from 'sarif';
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isInside } from './configs.ts';
import { OWASP_MCP, RULES, type Level } from './rules.ts';
import type { ScanReport } from './scan.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** How GitHub ranks a rule (0.1–10): what the worst case of each finding costs. */
const SEVERITY = new Map<string, string>([
  ['tool-poisoning', '9.5'],
  ['lethal-trifecta', '8.5'],
  ['secret-in-config', '8.0'],
  ['command-execution', '8.0'],
  ['credential-access', '8.0'],
  ['high-impact-tool', '7.0'],
  ['changed-since-lock', '7.0'],
  ['tools-changed', '6.0'],
  ['unpinned-server', '5.0'],
  ['plain-http', '5.0'],
  ['outside-project', '4.0'],
  ['not-in-catalog', '4.0'],
  ['server-unavailable', '3.0'],
  ['annotation-contradiction', '3.0'],
  ['config-problem', '3.0'],
]);

const DEFAULT_LEVEL = new Map<string, Level>([
  ['tool-poisoning', 'error'],
  ['lethal-trifecta', 'error'],
  ['secret-in-config', 'error'],
  ['changed-since-lock', 'error'],
  ['config-problem', 'error'],
  ['annotation-contradiction', 'note'],
]);

/** `notes`: keep findings of level note (annotation hints and the like); by default SARIF carries errors and warnings only. */
export function renderSarif(report: ScanReport, project: string, version: string, options: { notes?: boolean } = {}): string {
  const rules = [...RULES.values()];
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const artifact = (file: string) => (isInside(project, file) ? { uri: relative(project, file).split(sep).join('/') } : { uri: pathToFileURL(file).href });
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ToolRisk',
            version,
            informationUri: 'https://github.com/toolrisk/toolrisk',
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase()),
              shortDescription: { text: rule.title },
              fullDescription: { text: `${rule.title}. ${rule.help}` },
              help: { text: `${rule.help} OWASP MCP Top 10: ${rule.owasp} ${OWASP_MCP.get(rule.owasp) ?? ''}.` },
              defaultConfiguration: { level: DEFAULT_LEVEL.get(rule.id) ?? 'warning' },
              properties: { tags: ['security', 'mcp', rule.owasp, `OWASP-${rule.owasp}`], 'security-severity': SEVERITY.get(rule.id) ?? '5.0' },
            })),
          },
        },
        results: report.findings.filter((finding) => options.notes || finding.level !== 'note').map((finding) => ({
          ruleId: finding.rule,
          ruleIndex: index.get(finding.rule) ?? 0,
          level: finding.level,
          message: { text: finding.message },
          locations: [{ physicalLocation: { artifactLocation: artifact(finding.file), region: { startLine: Math.max(1, finding.line) } } }],
          // stable across runs, so code scanning tracks one finding instead of opening a new one each time
          partialFingerprints: { 'toolrisk/v1': createHash('sha256').update([finding.rule, finding.server ?? '', finding.tool ?? '', finding.message].join('\u0000')).digest('hex').slice(0, 32) },
          properties: {
            tags: [finding.owasp, `OWASP-${finding.owasp}`],
            owasp: `${finding.owasp}: ${OWASP_MCP.get(finding.owasp) ?? ''}`,
            ...(finding.server !== undefined ? { server: finding.server } : {}),
            ...(finding.tool !== undefined ? { tool: finding.tool } : {}),
            ...(finding.risk ? { risk: finding.risk } : {}),
          },
        })),
        properties: { catalog: report.catalog.label, ...(report.catalog.crawledUntil ? { catalogCrawledUntil: report.catalog.crawledUntil } : {}) },
      },
    ],
  };
  return report.redactor.redact(`${JSON.stringify(log, null, 2)}\n`);
}
