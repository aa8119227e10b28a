// Server-supplied structure (a tool definition, a schema) can be nested thousands of levels deep or
// hold millions of values; every walk over it would then overflow the stack or stall. Definitions
// are cut to these bounds where they enter (crawl, inspect, classify <file>), without recursion, and
// what was cut is said in words that name the limit.

/** Deeper than any real schema (the deepest in the catalog is about 10 levels). */
export const MAX_DEFINITION_DEPTH = 64;
/** Values (objects, arrays, strings, numbers…) in one definition. */
export const MAX_DEFINITION_VALUES = 100_000;

export interface Bounded<T> {
  value: T;
  /** What was cut, one sentence per limit hit, e.g. `inputSchema: nested deeper than 64 levels; read to that depth`. */
  cuts: string[];
}

type Container = Record<string, unknown> | unknown[];

/**
 * A copy of a JSON value cut to `maxDepth` levels and `maxValues` values, walked with an explicit
 * stack. Keys stay own data properties (a key `__proto__` stays a key). Objects past the depth
 * limit become `{}` and arrays `[]`; past the value limit, the remaining values are left out.
 */
export function boundJson<T>(value: T, maxDepth = MAX_DEFINITION_DEPTH, maxValues = MAX_DEFINITION_VALUES): Bounded<T> {
  if (value === null || typeof value !== 'object') return { value, cuts: [] };
  let deepest: string | undefined;
  let count = 1;
  let full: string | undefined;
  const root: Container = Array.isArray(value) ? [] : {};
  const stack: { source: Container; target: Container; depth: number; path: string }[] = [{ source: value as Container, target: root, depth: 0, path: '' }];
  while (stack.length) {
    const { source, target, depth, path } = stack.pop()!;
    const entries: [string, unknown][] = Array.isArray(source) ? source.map((item, i) => [String(i), item]) : Object.entries(source);
    for (const [key, item] of entries) {
      if (count >= maxValues) {
        full ??= path || '(root)';
        break;
      }
      count += 1;
      let copy: unknown = item;
      if (item !== null && typeof item === 'object') {
        const childPath = path ? `${path}.${key}` : key;
        copy = Array.isArray(item) ? [] : {};
        if (depth + 1 >= maxDepth) deepest ??= childPath;
        else stack.push({ source: item as Container, target: copy as Container, depth: depth + 1, path: childPath });
      }
      if (Array.isArray(target)) target.push(copy);
      else Object.defineProperty(target, key, { value: copy, enumerable: true, writable: true, configurable: true });
    }
  }
  const cuts: string[] = [];
  if (deepest !== undefined) cuts.push(`${topOf(deepest)}: nested deeper than ${maxDepth} levels; read to that depth`);
  if (full !== undefined) cuts.push(`${topOf(full)}: more than ${maxValues.toLocaleString('en-US')} values; read up to that many`);
  return { value: root as T, cuts };
}

/** Whether a problem recorded for a definition is one of the cuts above (a valid definition, only too big to read whole). */
export function isCut(problem: string): boolean {
  return /: (nested deeper than \d+ levels; read to that depth|more than [\d,]+ values; read up to that many)$/.test(problem);
}

function topOf(path: string): string {
  return path.split('.')[0] || '(root)';
}
