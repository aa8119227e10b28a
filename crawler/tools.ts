// Turning what a server listed into valid tool records: each tool is checked on its own, so one
// bad definition is recorded with a warning and never costs the others.
import { validateToolName } from '@modelcontextprotocol/sdk/shared/toolNameValidation.js';
import { McpToolSchema, type CrawlWarning, type InvalidTool, type McpTool } from '../data/schema.ts';
import { toolFingerprint } from './fingerprint.ts';

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

export function checkListedTools(listed: readonly unknown[]): CheckedTools {
  const tools: McpTool[] = [];
  const fingerprints = new Map<string, string>();
  const invalidTools: InvalidTool[] = [];
  const warnings: CrawlWarning[] = [];
  listed.forEach((raw, index) => {
    const parsed = McpToolSchema.safeParse(raw);
    const rawName = raw && typeof raw === 'object' && typeof (raw as { name?: unknown }).name === 'string'
      ? (raw as { name: string }).name
      : undefined;
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(tool)'}: ${issue.message}`);
      let definition: string;
      try {
        definition = JSON.stringify(raw) ?? 'undefined';
      } catch {
        definition = String(raw);
      }
      invalidTools.push({ index, name: rawName, problems, definition: definition.slice(0, MAX_INVALID_DEFINITION) });
      warnings.push({
        code: 'invalid-tool',
        tool: rawName,
        message: `tool #${index + 1}${rawName === undefined ? '' : ` ${quoteForMessage(rawName)}`} is not a valid MCP tool definition and was not kept: ${problems.slice(0, 3).join('; ')}`,
      });
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
    tools.push(tool);
    fingerprints.set(tool.name, toolFingerprint(tool));
  });
  return { tools, fingerprints, invalidTools, warnings };
}
