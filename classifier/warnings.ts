// Description warnings: poisoning found by the analyzer (poisoning.ts), and weak signals kept as
// notes (classifier/rules/notes/). Each warning carries the exact text it came from.
import type { DescriptionWarning, McpTool } from '../data/schema.ts';
import { ANALYSIS_LIMITS, analysePoisoning, decodeTagCharacters } from './poisoning.ts';
import { dataRuleWarnings } from './engine/data-rules.ts';
import { ruleById } from './engine/registry.ts';

export { decodeTagCharacters };

/** True when a warning is tool poisoning (it makes the tool critical and hidden); notes change nothing. */
export const isPoisoning = (warning: DescriptionWarning): boolean => warning.severity === 'poisoning';

/**
 * Warnings for one tool, each graded. Poisoning comes from the analyzer; `siblings` are the names
 * of the server's own tools: pointing to one of those ("use the list-users tool to get an ID") is
 * ordinary guidance; pointing to a tool this crawl did not list is a note (the crawl may be partial).
 */
export function descriptionWarnings(tool: McpTool, siblings: ReadonlySet<string> = new Set()): DescriptionWarning[] {
  const { findings, truncated } = analysePoisoning(tool, siblings);
  const warnings: DescriptionWarning[] = findings.map((finding) => ({
    kind: finding.kind,
    severity: 'poisoning',
    rule: finding.rule,
    message: finding.message,
    evidence: { where: finding.where, text: finding.evidence },
    sentence: finding.sentence,
    ...(finding.decoded ? { decoded: true } : {}),
  }));
  // the notes: data rules (classifier/rules/notes/), each added once at most
  warnings.push(...dataRuleWarnings('notes', tool, { siblings, warnings }));
  if (truncated) warnings.push({ kind: 'truncated-analysis', severity: 'note', rule: ruleById('truncated-analysis').id, message: `the definition is too large or deep to read whole; the poisoning check read it up to its limits (${ANALYSIS_LIMITS})`, evidence: { where: 'name', text: tool.name } });
  return warnings;
}
