// The walk over an input schema's properties (inputProperties) that every parameter rule reads: how deep it goes, what
// it counts as a level, what it skips, and that a schema a server got wrong does not make it fail.
import { describe, expect, it } from 'vitest';
import { inputProperties } from '../../../classifier/signals.ts';
import { modelTexts } from '../../../classifier/engine/texts.ts';
import type { McpTool } from '../../../data/schema.ts';
import { classifyTool } from '../../../classifier/classify.ts';

const names = (schema: unknown) => inputProperties(schema as Record<string, unknown>).map((property) => property.path);
const object = (properties: Record<string, unknown>) => ({ type: 'object', properties });
const objectSchema = (properties: Record<string, unknown>) => ({ type: 'object' as const, properties });
const listed = (schema: unknown) => inputProperties(schema as Record<string, unknown>).map(({ path, depth }) => `${depth} ${path}`);

describe('the properties of an input schema (inputProperties)', () => {
  it('walks a schema once: asking again for the same schema gives the same list', () => {
    const schema = { type: 'object', properties: { path: { type: 'string' }, recursive: { type: 'boolean' } } };
    const first = inputProperties(schema);
    expect(first.map((property) => property.name)).toEqual(['path', 'recursive']);
    expect(inputProperties(schema)).toBe(first);
  });

  it('finds no properties in a boolean schema ("accept anything") and does not fail on it', () => {
    expect(names(true)).toEqual([]);
    expect(names(false)).toEqual([]);
  });

  it('takes a schema whose properties are null as one with none', () => {
    expect(names({ type: 'object', properties: null })).toEqual([]);
  });

  it('skips a property whose schema is not an object (a boolean schema, or null)', () => {
    const schema = { type: 'object', properties: { query: { type: 'string' }, extra: true, legacy: null, limit: { type: 'integer' } } };
    expect(names(schema)).toEqual(['inputSchema.properties.query', 'inputSchema.properties.limit']);
  });

  it('keeps a property whose schema is a list as a parameter: a malformed schema does not hide what the tool takes', () => {
    const schema = { type: 'object', properties: { command: [], timeout: { type: 'integer' } } };
    expect(names(schema)).toEqual(['inputSchema.properties.command', 'inputSchema.properties.timeout']);
    const tool: McpTool = { name: 'do_it', description: 'Does it on the host.', inputSchema: { type: 'object', properties: { command: [] } } };
    expect(classifyTool({ tool, fingerprint: 'f' }).category).toBe('execute');
  });

  it('looks into the items of an array only when they are a schema object', () => {
    const schema = {
      type: 'object',
      properties: {
        files: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' } } } },
        tags: { type: 'array', items: null },
      },
    };
    expect(names(schema)).toEqual(['inputSchema.properties.files', 'inputSchema.properties.files.items.properties.path', 'inputSchema.properties.tags']);
  });

  it('reads every property the one schema walk reaches: no count of its own hides the 65th', () => {
    const properties = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`field${i}`, { type: 'string' }]));
    const found = inputProperties({ type: 'object', properties });
    expect(found).toHaveLength(70);
    expect(found.at(-1)!.name).toBe('field69');
  });

  it('are the parameters of the same walk the texts come from: an alternative\'s fields are read as text, not as parameters', () => {
    const tool: McpTool = {
      name: 'set_target',
      inputSchema: objectSchema({
        target: { anyOf: [object({ url: { type: 'string', description: 'Where to send it.' } }), { type: 'string' }] },
        mode: { type: 'string', description: 'How to send it.' },
      }),
    };
    expect(names(tool.inputSchema)).toEqual(['inputSchema.properties.target', 'inputSchema.properties.mode']);
    expect(modelTexts(tool).texts.map((text) => text.where)).toEqual([
      'name',
      'inputSchema.properties.target.anyOf.0.properties.url.description',
      'inputSchema.properties.mode.description',
    ]);
  });
});

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
