// boundJson and isCut (crawler/bounded.ts), case by case in the test process: robustness.test.ts shows that a 5,000-level
// schema or a million values cost one tool its depth and nothing else, through the CLI, where no mutation run sees which
// step cut what. Each case is one promise of the module: the copy, the two limits, where a cut is said to be, and the
// words a cut is recognised by.
import { describe, expect, it } from 'vitest';
import { boundJson, isCut, MAX_DEFINITION_DEPTH, MAX_DEFINITION_VALUES } from '../../crawler/bounded.ts';

/** An object nested `levels` deep under `key`, with `leaf` at the bottom. */
const nested = (levels: number, key = 'p', leaf: unknown = 'x'): unknown => {
  let value: unknown = leaf;
  for (let i = 0; i < levels; i++) value = { [key]: value };
  return value;
};
const depthOf = (value: unknown): number => (value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0);

describe('boundJson', () => {
  it('gives back a value that is not an object or array as it is, with nothing cut', () => {
    for (const value of ['text', 42, true, null, undefined]) expect(boundJson(value)).toEqual({ value, cuts: [] });
  });

  it('copies what is within the limits exactly, arrays as arrays and objects as objects, never the same objects', () => {
    const source = { name: 'x', list: [1, 'two', null, { three: [3] }], empty: {}, none: [], flag: false };
    const { value, cuts } = boundJson(source);
    expect(cuts).toEqual([]);
    expect(value).toStrictEqual(source);
    expect(value).not.toBe(source);
    expect(value.list).not.toBe(source.list);
    expect(Array.isArray(value.list) && Array.isArray(value.none) && Array.isArray(boundJson([1, [2]]).value)).toBe(true);
    expect(boundJson([1, [2, [3]]]).value).toStrictEqual([1, [2, [3]]]);
  });

  it('keeps a key named __proto__ as an own, enumerable, writable key, and the copy\'s prototype as it was', () => {
    const source = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": 1}}') as Record<string, unknown>;
    const { value } = boundJson(source);
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const descriptor = Object.getOwnPropertyDescriptor(value, '__proto__')!;
    expect([descriptor.enumerable, descriptor.writable, descriptor.configurable]).toEqual([true, true, true]);
    expect(JSON.stringify(value)).toBe(JSON.stringify(source));
  });

  it('reads to the depth limit and no further, and says which top-level field was too deep', () => {
    // (the limit counts levels of objects under the root: at 4, the fourth nested object is kept empty)
    const { value, cuts } = boundJson({ name: 'deep', inputSchema: nested(10) }, 4);
    expect(cuts).toEqual(['inputSchema: nested deeper than 4 levels; read to that depth']);
    expect(value).toStrictEqual({ name: 'deep', inputSchema: { p: { p: { p: {} } } } });
    // four levels of objects, the root among them, are read whole; a fifth is cut
    const at = boundJson({ inputSchema: nested(3) }, 4);
    expect(at.cuts).toEqual([]);
    expect(depthOf(at.value)).toBe(4);
    expect(boundJson({ inputSchema: nested(4) }, 4).cuts).toHaveLength(1);
    // a deep array becomes an empty array where it is cut
    expect(boundJson({ a: [[[[1]]]] }, 3).value).toStrictEqual({ a: [[[]]] });
  });

  it('names the root when the root itself holds too many values, and a top-level item by its index', () => {
    expect(boundJson([1, 2, 3, 4, 5], 64, 3).cuts).toEqual(['(root): more than 3 values; read up to that many']);
    expect(boundJson([[[1]]], 1).cuts).toEqual(['0: nested deeper than 1 levels; read to that depth']);
  });

  it('reads up to the value limit, counting the root, and says in which top-level field it stopped', () => {
    const { value, cuts } = boundJson({ name: 'big', inputSchema: { enum: Array.from({ length: 50 }, (_, i) => i) } }, 64, 10);
    expect(cuts).toEqual(['inputSchema: more than 10 values; read up to that many']);
    // root, name, inputSchema, enum: 4 values, then 6 of the 50
    expect(value).toStrictEqual({ name: 'big', inputSchema: { enum: [0, 1, 2, 3, 4, 5] } });
    // exactly at the limit nothing is cut
    expect(boundJson([1, 2], 64, 3).cuts).toEqual([]);
    expect(boundJson([1, 2, 3], 64, 3).cuts).toHaveLength(1);
    // (the figure is written as people read it)
    expect(boundJson(Array.from({ length: 20 }), 64, 12_345).cuts).toEqual([]);
    expect(boundJson(Array.from({ length: 12_345 }), 64, 12_345).cuts).toEqual(['(root): more than 12,345 values; read up to that many']);
  });

  it('says both limits when both are hit, depth first, and has defaults far beyond any real schema', () => {
    expect(boundJson({ a: Array.from({ length: 20 }), b: nested(5) }, 3, 12).cuts).toEqual(['b: nested deeper than 3 levels; read to that depth', 'a: more than 12 values; read up to that many']);
    expect([MAX_DEFINITION_DEPTH, MAX_DEFINITION_VALUES]).toEqual([64, 100_000]);
    expect(boundJson(nested(64)).cuts).toEqual([]);
    expect(boundJson(nested(65)).cuts).toEqual(['p: nested deeper than 64 levels; read to that depth']);
    expect(boundJson(nested(5_000)).cuts).toEqual(['p: nested deeper than 64 levels; read to that depth']);
  });
});

describe('isCut', () => {
  it('recognises the two sentences boundJson writes, and nothing else', () => {
    for (const cut of [...boundJson({ a: nested(5) }, 2).cuts, ...boundJson(Array.from({ length: 5_000 }), 64, 1_000).cuts]) expect(isCut(cut), cut).toBe(true);
    for (const other of ['inputSchema: expected object', 'nested deeper than 4 levels; read to that depth', 'a: more than many values; read up to that many', 'a: nested deeper than 4 levels; read to that depth!']) {
      expect(isCut(other), other).toBe(false);
    }
  });
});
