// How often a tool's "why" is its own: catalog tools whose rationale, with quotes, the tool's and the server's names and
// digits taken out, is the same as that of five or more other tools. Quotes are the definition's words, not a reason; what
// is left is what the classifier itself says about the tool. Target (issue 68): at most 15% of the catalog.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RationaleSharing {
  total: number;
  /** Tools whose rationale, so reduced, at least `SHARED_BY` tools have. */
  shared: number;
  /** The most shared reduced rationales, with how many tools have each. */
  top: { rationale: string; tools: number }[];
}

/** Five others, or six tools in all. */
const SHARED_BY = 6;

/** A rationale as the measure compares it: no quotes, no names, no digits, one case, single spaces. */
export function reducedRationale(sentences: readonly string[], names: readonly string[]): string {
  let text = sentences.join(' ').replace(/“[^”]*(”|$)/g, '').replace(/\d+(\.\d+)?/g, '');
  // (a name of one or two letters would take letters out of words)
  for (const name of names) if (name.length > 2) text = text.split(name).join('');
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The measure over classified server files (`{ name, slug, tools: [{ tool, rationale }] }`), e.g. data/classified/. */
export function rationaleSharing(dir: string): RationaleSharing {
  const counts = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    const server = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { name: string; slug?: string; tools: { tool: string; rationale: string[] }[] };
    for (const tool of server.tools) {
      total += 1;
      const key = reducedRationale(tool.rationale, [tool.tool, server.name, server.slug ?? '']);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  let shared = 0;
  for (const tools of counts.values()) if (tools >= SHARED_BY) shared += tools;
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([rationale, tools]) => ({ rationale, tools }));
  return { total, shared, top };
}
