// The parameters of a tool's input schema, walked once per schema and shared by every rule that reads
// them (and by the policy builder, which runs in the browser too: this module imports nothing that
// reads files).
import { locationKey } from '../../data/location.ts';

export interface PropertyView {
  path: string;
  name: string;
  schema: Record<string, unknown>;
  /** 1 for a top-level parameter, 2 for one nested inside it, … */
  depth: number;
}

/** Properties of the input schema, nested objects included, up to three levels and 64 properties (enough to see what a tool takes; huge schemas cost time, not insight). */
export function inputProperties(inputSchema: Record<string, unknown>): PropertyView[] {
  // (a dozen rules ask for one schema's properties: each schema is walked once; callers only read the list)
  const cacheable = typeof inputSchema === 'object' && inputSchema !== null;
  const known = cacheable ? PROPERTIES_CACHE.get(inputSchema) : undefined;
  if (known) return known;
  const out: PropertyView[] = [];
  if (cacheable) PROPERTIES_CACHE.set(inputSchema, out);
  const walk = (schema: Record<string, unknown>, path: string, depth: number) => {
    const properties = schema.properties;
    if (!properties || typeof properties !== 'object' || depth > 2) return;
    for (const [name, child] of Object.entries(properties as Record<string, unknown>)) {
      if (out.length >= 64) return;
      if (!child || typeof child !== 'object') continue;
      const childPath = `${path}.properties.${locationKey(name)}`;
      out.push({ path: childPath, name, schema: child as Record<string, unknown>, depth: depth + 1 });
      walk(child as Record<string, unknown>, childPath, depth + 1);
      const items = (child as { items?: unknown }).items;
      if (items && typeof items === 'object') walk(items as Record<string, unknown>, `${childPath}.items`, depth + 1);
    }
  };
  if (cacheable) walk(inputSchema, 'inputSchema', 0);
  return out;
}

const PROPERTIES_CACHE = new WeakMap<object, PropertyView[]>();
