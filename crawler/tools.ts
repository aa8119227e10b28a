// Turning what a server listed into valid tool records: each tool is checked on its own, so one
// bad definition is recorded with a warning and never costs the others.
import { validateToolName } from '@modelcontextprotocol/sdk/shared/toolNameValidation.js';
import { McpToolSchema, type CrawlWarning, type InvalidTool, type McpTool } from '../data/schema.ts';
import { toolFingerprint } from './fingerprint.ts';
import { boundJson } from './bounded.ts';

const MAX_INVALID_DEFINITION = 64 * 1024;

export interface CheckedTools {
  tools: McpTool[];
  /** Tool name → fingerprint, in listing order. */
  fingerprints: Map<string, string>;
  invalidTools: InvalidTool[];
  warnings: CrawlWarning[];
}

/** Renders a string for a message: quoted, control characters escaped, cut at `max`. */
export function quoteForMessage(text: string, max = 80): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut);
}

const isObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/**
 * A valid tool made from an invalid definition that has a name: real servers ship `{}` or schemas
 * without `"type": "object"`. The input schema becomes an object schema (its properties kept when it
 * was one in all but its type), and fields that are not valid are dropped. Undefined without a name.
 */
export function repairTool(raw: unknown): McpTool | undefined {
  if (!isObject(raw) || typeof raw.name !== 'string' || raw.name.length === 0) return undefined;
  const schema = isObject(raw.inputSchema) && (raw.inputSchema.type === undefined || raw.inputSchema.type === 'object') ? raw.inputSchema : {};
  const candidate: Record<string, unknown> = { name: raw.name, inputSchema: { ...schema, type: 'object' } };
  for (const key of ['title', 'description'] as const) if (typeof raw[key] === 'string') candidate[key] = raw[key];
  if (McpToolSchema.shape.outputSchema.safeParse(raw.outputSchema).success) candidate.outputSchema = raw.outputSchema;
  if (isObject(raw.annotations)) {
    const annotations = Object.fromEntries(Object.entries(raw.annotations).filter(([key, value]) => (key === 'title' ? typeof value === 'string' : typeof value === 'boolean' && key.endsWith('Hint'))));
    if (McpToolSchema.shape.annotations.safeParse(annotations).success) candidate.annotations = annotations;
  }
  if (isObject(raw._meta)) candidate._meta = raw._meta;
  const parsed = McpToolSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

export function checkListedTools(listed: readonly unknown[]): CheckedTools {
  const tools: McpTool[] = [];
  const fingerprints = new Map<string, string>();
  const invalidTools: InvalidTool[] = [];
  const warnings: CrawlWarning[] = [];
  const checkOne = (listedRaw: unknown, index: number, rawName: string | undefined) => {
    // cut to the bounds first: every later step walks the definition
    const { value: raw, cuts } = boundJson(listedRaw);
    // a cut definition goes the way of a repaired one: kept as read, with what was cut as its problems
    const parsed = cuts.length ? undefined : McpToolSchema.safeParse(raw);
    if (!parsed?.success) {
      const problems = parsed ? parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(tool)'}: ${issue.message}`) : cuts;
      let definition: string;
      try {
        definition = JSON.stringify(raw) ?? 'undefined';
      } catch {
        definition = String(raw);
      }
      const repaired = repairTool(raw);
      // (fingerprinted before anything is recorded: a fingerprint that throws is then recorded once, by the catch below)
      const fingerprint = repaired !== undefined && !fingerprints.has(repaired.name) ? toolFingerprint(repaired) : undefined;
      const kept = fingerprint !== undefined;
      invalidTools.push({ index, name: rawName, problems, ...(kept ? { repaired: true } : {}), definition: definition.slice(0, MAX_INVALID_DEFINITION) });
      warnings.push({
        code: 'invalid-tool',
        tool: rawName,
        message: cuts.length
          ? `tool #${index + 1}${rawName === undefined ? '' : ` ${quoteForMessage(rawName)}`} is larger than a definition may be (${cuts.join('; ')})${kept ? '; kept as cut, and classified from what was read' : ', and what was read is not a tool; it was not kept'}`
          : `tool #${index + 1}${rawName === undefined ? '' : ` ${quoteForMessage(rawName)}`} is not a valid MCP tool definition${kept ? '; kept with its malformed parts repaired, and classified from what it has' : ' and was not kept'}: ${problems.slice(0, 3).join('; ')}`,
      });
      if (repaired !== undefined && fingerprint !== undefined) {
        tools.push(repaired);
        fingerprints.set(repaired.name, fingerprint);
      }
      return;
    }
    const tool = parsed.data;
    if (fingerprints.has(tool.name)) {
      warnings.push({
        code: 'duplicate-tool',
        tool: tool.name,
        message: `tool name ${quoteForMessage(tool.name)} is listed more than once; only the first definition is kept`,
      });
      return;
    }
    const nameCheck = validateToolName(tool.name);
    if (!nameCheck.isValid || nameCheck.warnings.length) {
      warnings.push({
        code: 'tool-name',
        tool: tool.name,
        message: `tool name ${quoteForMessage(tool.name)} is outside the MCP spec's tool-name format: ${nameCheck.warnings.join('; ')}`,
      });
    }
    const fingerprint = toolFingerprint(tool);
    tools.push(tool);
    fingerprints.set(tool.name, fingerprint);
  };
  listed.forEach((raw, index) => {
    const rawName = raw && typeof raw === 'object' && typeof (raw as { name?: unknown }).name === 'string' ? (raw as { name: string }).name : undefined;
    try {
      checkOne(raw, index, rawName);
    } catch (error) {
      // whatever a definition does to a step (a walk, a fingerprint), it costs only that tool
      const problem = `could not be read: ${(error as Error).message}`;
      invalidTools.push({ index, name: rawName, problems: [problem], definition: '' });
      warnings.push({ code: 'invalid-tool', tool: rawName, message: `tool #${index + 1}${rawName === undefined ? '' : ` ${quoteForMessage(rawName)}`} ${problem}; it was not kept` });
    }
  });
  return { tools, fingerprints, invalidTools, warnings };
}
