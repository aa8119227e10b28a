// Where a quote points: the text of a tool definition at a location.
import type { McpTool } from '../data/schema.ts';
import { schemaTextAt } from '../classifier/poisoning.ts';

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
  return schemaTextAt(definition, where);
}
