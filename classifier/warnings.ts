// Description warnings: poisoning found by the analyzer (poisoning.ts), and weak signals kept as
// notes. Each warning carries the exact text it came from.
import type { DescriptionWarning, McpTool } from '../data/schema.ts';
import { ANALYSIS_LIMITS, analysePoisoning, decodeTagCharacters } from './poisoning.ts';

export { decodeTagCharacters };

// a named tool the text tells the model to call
const NAMED_TOOL = /\b(?:call|invoke|use|run|trigger)\s+(?:the\s+)?[`'"]?([A-Za-z][A-Za-z0-9]*(?:[_.-][A-Za-z0-9]+)+)[`'"]?\s+tool\b/gi;
// zero-width characters, invisible separators, soft hyphens: they also occur in ordinary text
// (emoji sequences, right-to-left marks), so alone they are a note
const ZERO_WIDTH = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/u;
// words a definition shouts at the model; alone they are style, not an attack
const SHOUTING = /\b(MANDATORY|MUST|ALWAYS|NEVER|IMPORTANT|CRITICAL|REQUIRED)\b/;

/** Descriptions longer than this are flagged: real tools rarely need more, hidden payloads often do. */
export const EXTREME_LENGTH = 10_000;

function describeCodePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

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
    message: finding.message,
    evidence: { where: finding.where, text: finding.evidence },
    sentence: finding.sentence,
    ...(finding.decoded ? { decoded: true } : {}),
  }));
  // (each note below is added once at most, and the poisoning findings above are never notes)
  const add = (warning: DescriptionWarning) => warnings.push(warning);
  const description = tool.description ?? '';
  // (the pattern needs the word "tool", in any case: a cheap test first)
  if (/tool/i.test(description)) {
    for (const match of description.matchAll(NAMED_TOOL)) {
      if (siblings.has(match[1]!) || match[1] === tool.name) continue;
      add({ kind: 'unknown-tool-reference', severity: 'note', message: `refers to a tool named “${match[1]!.slice(0, 80)}” that this crawl did not list (it may come from another server, or the listing was partial)`, evidence: { where: 'description', text: match[0] } });
      break;
    }
  }
  if (!warnings.some((warning) => warning.kind === 'invisible-unicode')) {
    const zeroWidth = ZERO_WIDTH.exec(description);
    if (zeroWidth) add({ kind: 'hidden-characters', severity: 'note', message: `contains an invisible character (${describeCodePoint(zeroWidth[0])})`, evidence: { where: 'description', text: zeroWidth[0] } });
  }
  const shout = SHOUTING.exec(description);
  if (shout) add({ kind: 'shouting', severity: 'note', message: `insists in capitals (“${shout[0]}”); style, not a risk by itself`, evidence: { where: 'description', text: shout[0] } });
  if (description.length > EXTREME_LENGTH) {
    add({ kind: 'extreme-length', severity: 'note', message: `the description is ${description.length.toLocaleString('en-US')} characters long`, evidence: { where: 'description', text: description.slice(0, 80) } });
  }
  if (truncated) add({ kind: 'truncated-analysis', severity: 'note', message: `the definition is too large or deep to read whole; the poisoning check read it up to its limits (${ANALYSIS_LIMITS})`, evidence: { where: 'name', text: tool.name } });
  return warnings;
}
