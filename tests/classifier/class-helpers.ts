// What the tests of verdict classes share: a tool made of a name, a description and parameters,
// classified on a generic server, and its verdict as one short string ("write+destructive high").
import { classifyTool } from '../../classifier/classify.ts';
import { analysePoisoning } from '../../classifier/poisoning.ts';
import type { Classification, McpTool } from '../../data/schema.ts';

export function tool(name: string, description = '', properties: Record<string, unknown> = {}, required?: string[]): McpTool {
  return { name, description, inputSchema: { type: 'object', properties, ...(required ? { required } : {}) } };
}

export function classify(definition: McpTool, server = { name: 'io.example/generic', description: 'A generic server' }): Classification {
  return classifyTool({ tool: definition, fingerprint: 'sha256:test', server });
}

export const verdict = (c: Classification) => `${c.category}${c.destructive ? '+destructive' : ''} ${c.risk}`;
/** The rules whose poisoning warnings a tool with this description and no parameters gets, classified as a whole. */
export const poisoningRules = (description: string, name = 'get_weather') =>
  classify(tool(name, description)).warnings.filter((warning) => warning.severity === 'poisoning').map((warning) => warning.rule);
/** A string parameter limited to these values. */
export const choice = (...values: string[]) => ({ type: 'string', enum: values });

/** The poisoning findings of a definition, each as "kind:evidence", with the server's other tools as `siblings`. */
export const findingsOf = (definition: McpTool, siblings: string[] = []) => analysePoisoning(definition, new Set(siblings)).findings.map((f) => `${f.kind}:${f.evidence}`);
/** The findings of a weather tool (`get_forecast`, one `city` parameter) with `text` as its description: an ordinary tool to hide an order in. */
export const forecast = (text: string) => findingsOf(tool('get_forecast', text, { city: { type: 'string' } }));
/** The same, each as "kind:where:evidence": where the finding sits in the definition. */
export const placedFindingsOf = (definition: McpTool, siblings: string[] = []) => analysePoisoning(definition, new Set(siblings)).findings.map((f) => `${f.kind}:${f.where}:${f.evidence}`);
/** A tool whose one parameter, `setup`, has `value` as its default. */
export const withDefault = (value: string, name = 'get_quote', description = 'Returns a quote.'): McpTool => tool(name, description, { setup: { type: 'string', default: value } });
/** ASCII written in Unicode tag characters (U+E0020-U+E007E): invisible, and spelled out by the rules as hidden text. */
export const tags = (ascii: string) => [...ascii].map((char) => String.fromCodePoint(0xe0000 + char.charCodeAt(0))).join('');
