// The parameters of a tool's input schema, read from the one schema walk (schema.ts) and shared by
// every rule that reads them (and by the policy builder, which runs in the browser too: this module
// imports nothing that reads files).
import { parameterNodes, schemaWalk } from './schema.ts';

export interface PropertyView {
  path: string;
  name: string;
  schema: Record<string, unknown>;
  /** 1 for a top-level parameter, 2 for one nested inside it, … */
  depth: number;
}

const PROPERTIES_CACHE = new WeakMap<object, PropertyView[]>();

/** Properties of the input schema, nested objects and list items included, down to MAX_PARAMETER_LEVEL levels (within the walk's bounds). */
export function inputProperties(inputSchema: Record<string, unknown>): PropertyView[] {
  // (a dozen rules ask for one schema's properties: each is worked out once; callers only read the list)
  if (typeof inputSchema !== 'object' || inputSchema === null) return [];
  let known = PROPERTIES_CACHE.get(inputSchema);
  if (!known) {
    known = parameterNodes(schemaWalk(inputSchema, 'inputSchema')).map((node) => ({ path: node.path, name: node.name!, schema: node.schema, depth: node.level! }));
    PROPERTIES_CACHE.set(inputSchema, known);
  }
  return known;
}
