// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 1222-1283 on rules-129 (seventeenth
// session): inputProperties, the walk every parameter rule reads. It goes three levels deep, through objects and array items
// alike, numbering each property's depth, and a schema that is not an object has no properties.
import { describe, expect, it } from 'vitest';
import { inputProperties } from '../../classifier/signals.ts';

const object = (properties: Record<string, unknown>) => ({ type: 'object', properties });
const listed = (schema: unknown) => inputProperties(schema as Record<string, unknown>).map(({ path, depth }) => `${depth} ${path}`);

describe('the properties of an input schema', () => {
  it('are read three levels deep and no further', () => {
    const schema = object({ a: object({ b: object({ c: object({ d: { type: 'string' } }) }) }) });
    expect(listed(schema)).toEqual([
      '1 inputSchema.properties.a',
      '2 inputSchema.properties.a.properties.b',
      '3 inputSchema.properties.a.properties.b.properties.c',
    ]);
  });

  it('count an array\'s items as one level down', () => {
    const schema = object({ rows: { type: 'array', items: object({ cells: { type: 'array', items: object({ value: object({ deep: { type: 'string' } }) }) } }) } });
    expect(listed(schema)).toEqual([
      '1 inputSchema.properties.rows',
      '2 inputSchema.properties.rows.items.properties.cells',
      '3 inputSchema.properties.rows.items.properties.cells.items.properties.value',
    ]);
  });

  it('are none for a schema that is null, and asking twice is as safe as asking once', () => {
    expect(listed(null)).toEqual([]);
    expect(listed(null)).toEqual([]);
  });
});
