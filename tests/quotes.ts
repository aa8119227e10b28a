// Where a quote points: the text of a tool definition at a location.
import type { McpTool } from '../data/schema.ts';

/** The text of a definition at a location (the classifier's evidence must be a substring of it). */
export function textAt(definition: McpTool, where: string, server?: { name: string; title?: string; description?: string }): string {
  if (where === 'name') return definition.name;
  if (where === 'title') return definition.title ?? '';
  if (where === 'description') return definition.description ?? '';
  if (where === 'server') return [server?.name, server?.title, server?.description].join('\n');
  if (where.startsWith('annotations.')) {
    const value = (definition.annotations as Record<string, unknown> | undefined)?.[where.slice('annotations.'.length)];
    return String(value);
  }
  const parts = where.split('.').slice(1);
  let node: unknown = where.startsWith('outputSchema.') ? definition.outputSchema : definition.inputSchema;
  for (const part of parts) node = (node as Record<string, unknown>)?.[part];
  if (typeof node === 'string') return node;
  // values (enum, default, examples) are quoted from their strings, one per line
  if (Array.isArray(node)) return node.filter((item) => typeof item === 'string').join('\n');
  if (node !== null && typeof node === 'object' && /\.(default|examples|example|const)$/.test(where)) return Object.values(node).filter((item) => typeof item === 'string').join('\n');
  // a parameter location quotes the parameter's name
  return parts.at(-1) ?? '';
}
