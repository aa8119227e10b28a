// The one walk of a tool's schemas, shared by every rule that reads them: the texts a model reads
// (texts.ts), the parameters (properties.ts), the names and values the poisoning detectors know as
// the tool's own, the amounts a policy can cap. One set of bounds; each schema object is walked once.
// Browser-safe: the policy builder runs on the site too.
import { locationKey } from '../../data/location.ts';

// the bounds on what one definition can make the classifier walk
export const MAX_DEPTH = 8;
export const MAX_ALTERNATIVES = 20;
/** How deep parameters are read as parameters: a top-level one is level 1, one of its fields level 2, … */
export const MAX_PARAMETER_LEVEL = 3;

/** One schema object of a definition, in the order of the walk: a node, then its properties, its items, its alternatives. */
export interface SchemaNode {
  /** Its location (a property's schema may be a list, which has nothing under it): `inputSchema`, `inputSchema.properties.a`, `….items`, `….anyOf.0`. */
  path: string;
  schema: Record<string, unknown>;
  /** Steps from the root. */
  depth: number;
  /** How it is reached from its parent. */
  step: 'root' | 'properties' | 'items' | 'anyOf' | 'oneOf' | 'allOf';
  /** Its name, when it is a property. */
  name?: string;
  /** Its parameter level when it is reached through properties and a parameter's items only (items add none): a top-level parameter is 1; undefined inside an alternative. */
  level?: number;
  parent?: SchemaNode;
  /** Inside an alternative of anyOf, oneOf or allOf, however deep. */
  inAlternative?: true;
}

export interface SchemaWalk {
  nodes: SchemaNode[];
  /** A part was left unwalked: deeper than MAX_DEPTH, or past MAX_ALTERNATIVES alternatives. */
  truncated: boolean;
}

const WALKS = new WeakMap<object, Map<string, SchemaWalk>>();
const NONE: SchemaWalk = { nodes: [], truncated: false };

/** Every schema object under `root` (a tool's inputSchema or outputSchema, at `rootPath`), walked once per object. */
export function schemaWalk(root: unknown, rootPath: 'inputSchema' | 'outputSchema'): SchemaWalk {
  if (!root || typeof root !== 'object' || Array.isArray(root)) return NONE;
  let byPath = WALKS.get(root);
  if (!byPath) WALKS.set(root, (byPath = new Map()));
  let known = byPath.get(rootPath);
  if (!known) byPath.set(rootPath, (known = walkFrom(root as Record<string, unknown>, rootPath)));
  return known;
}

function walkFrom(root: Record<string, unknown>, rootPath: string): SchemaWalk {
  const nodes: SchemaNode[] = [];
  let truncated = false;
  const walk = (schema: unknown, path: string, depth: number, step: SchemaNode['step'], name: string | undefined, level: number | undefined, parent: SchemaNode | undefined) => {
    // (a property whose schema is a list is no schema, but it is a parameter all the same: a node with nothing under it)
    if (!schema || typeof schema !== 'object' || (Array.isArray(schema) && step !== 'properties')) return;
    if (depth > MAX_DEPTH) {
      // (a list there would have had nothing under it to leave unread)
      if (!Array.isArray(schema)) truncated = true;
      return;
    }
    const inAlternative = step === 'anyOf' || step === 'oneOf' || step === 'allOf' || parent?.inAlternative === true;
    const node: SchemaNode = {
      path,
      schema: schema as Record<string, unknown>,
      depth,
      step,
      ...(name === undefined ? {} : { name }),
      ...(level === undefined ? {} : { level }),
      ...(parent ? { parent } : {}),
      ...(inAlternative ? { inAlternative } : {}),
    };
    nodes.push(node);
    if (Array.isArray(schema)) return;
    const properties = node.schema.properties;
    if (properties && typeof properties === 'object' && !Array.isArray(properties)) {
      for (const [key, property] of Object.entries(properties)) {
        walk(property, `${path}.properties.${locationKey(key)}`, depth + 1, 'properties', key, level === undefined ? undefined : level + 1, node);
      }
    }
    // (a parameter's items hold its fields at the same level; items anywhere else hold no parameters)
    if (node.schema.items) walk(node.schema.items, `${path}.items`, depth + 1, 'items', undefined, step === 'properties' ? level : undefined, node);
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      const list = node.schema[key];
      if (!Array.isArray(list)) continue;
      if (list.length > MAX_ALTERNATIVES) truncated = true;
      list.slice(0, MAX_ALTERNATIVES).forEach((item, i) => walk(item, `${path}.${key}.${i}`, depth + 1, key, undefined, undefined, node));
    }
  };
  walk(root, rootPath, 0, 'root', undefined, 0, undefined);
  return { nodes, truncated };
}

/** The nodes that are parameters, up to MAX_PARAMETER_LEVEL: properties reached through properties and items only. */
export function parameterNodes(walk: SchemaWalk): SchemaNode[] {
  return walk.nodes.filter((node) => node.step === 'properties' && node.level !== undefined && node.level <= MAX_PARAMETER_LEVEL);
}
