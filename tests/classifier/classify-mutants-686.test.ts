// Tests written for the mutants StrykerJS left alive in classifier/classify.ts lines 686-721: actionValues (the operations
// an action parameter's enum names, or else the constants that tell apart the argument shapes of a union, at the schema's
// top or in one parameter), isUnion and unionConstants. Each says what the rule is for, in tools of its own.
import { describe, expect, it } from 'vitest';
import type { McpTool } from '../../data/schema.ts';
import { choice, classify, tool, verdict } from './class-helpers.ts';

/** The operations of a tool, each as "name category risk @where". */
const ops = (definition: McpTool) => classify(definition).operations.map((o) => `${o.name} ${o.category} ${o.risk} @${o.where}`);
/** One argument shape per value, told apart by `key: { const: value }`. */
const shapes = (key: string, ...values: unknown[]) => values.map((value) => ({ type: 'object', properties: { [key]: { type: 'string', const: value }, id: { type: 'string' } } }));
/** A tool with an input schema of its own (a union at its top, say). */
const schemed = (name: string, description: string, inputSchema: Record<string, unknown>): McpTool => ({ name, description, inputSchema: { type: 'object', ...inputSchema } });
const NOTE = 'One note of an Acme workspace.';
/** A parameter whose shapes fetch or delete a note: what a tool that also has it can do. */
const getOrDelete = { anyOf: shapes('operation', 'get-note', 'delete-note') };
const GET_OR_DELETE = [
  'get-note read low @inputSchema.properties.request.anyOf.0.properties.operation.const',
  'delete-note write high @inputSchema.properties.request.anyOf.1.properties.operation.const',
];
const long = (length: number) => `archive_${'x'.repeat(length - 'archive_'.length)}`;

describe('an action parameter’s enum names the operations (actionValues)', () => {
  it('gives each operation the place of the enum it comes from', () => {
    expect(ops(tool('acme_note', NOTE, { action: choice('list', 'delete') }))).toEqual([
      'list read low @inputSchema.properties.action.enum',
      'delete write high @inputSchema.properties.action.enum',
    ]);
  });

  it('takes an enum of any other parameter as a setting, not as operations', () => {
    // the state orders are filtered by is not something done to them: listing orders stays a read
    const orders = tool('orders', 'List orders of the store.', { status: choice('pending', 'paid', 'refunded'), customer: { type: 'string' } });
    expect([verdict(classify(orders)), ops(orders)]).toEqual(['read low', []]);
  });

  it('counts only strings of 1 to 80 characters as operation names', () => {
    expect(ops(tool('acme_note', NOTE, { action: { type: 'string', enum: ['delete', 42] } }))).toEqual([]);
    expect(ops(tool('acme_note', NOTE, { action: choice('delete', long(81)) }))).toEqual([]);
    expect(ops(tool('acme_note', NOTE, { action: choice('delete', long(80)) }))).toEqual([
      'delete write high @inputSchema.properties.action.enum',
      `${long(80)} write medium @inputSchema.properties.action.enum`,
    ]);
  });

  it('looks on to a union of argument shapes when the enum names fewer than two operations', () => {
    // an empty value is no operation: the enum names one, and the shapes of `request` say what the tool can do
    const withEmpty = tool('acme_note', NOTE, { action: { type: 'string', enum: ['list', ''] }, request: getOrDelete });
    expect([verdict(classify(withEmpty)), ops(withEmpty)]).toEqual(['write+destructive high', GET_OR_DELETE]);
    const single = tool('acme_note', NOTE, { action: choice('list'), request: getOrDelete });
    expect([verdict(classify(single)), ops(single)]).toEqual(['write+destructive high', GET_OR_DELETE]);
  });

  it('judges at most 100 values of an enum', () => {
    const operations = ops(tool('acme_note', NOTE, { action: choice(...Array.from({ length: 120 }, (_, i) => `purge_${i}`)) }));
    expect([operations.length, operations.at(-1)]).toEqual([100, 'purge_99 write high @inputSchema.properties.action.enum']);
  });
});

describe('the constants of a union of argument shapes name the operations (unionConstants)', () => {
  it('at the top of the schema: two shapes are enough, each placed in its shape', () => {
    expect(ops(schemed('acme_note', NOTE, { anyOf: shapes('operation', 'get-note', 'delete-note') }))).toEqual([
      'get-note read low @inputSchema.anyOf.0.properties.operation.const',
      'delete-note write high @inputSchema.anyOf.1.properties.operation.const',
    ]);
  });

  it('in one parameter, a oneOf as an anyOf', () => {
    expect(ops(tool('acme_note', NOTE, { request: { oneOf: shapes('operation', 'get-note', 'delete-note') } }))).toEqual([
      'get-note read low @inputSchema.properties.request.oneOf.0.properties.operation.const',
      'delete-note write high @inputSchema.properties.request.oneOf.1.properties.operation.const',
    ]);
  });

  it('a union with one shape fronts no operations', () => {
    const fetchOnly = { anyOf: shapes('operation', 'get-note') };
    expect(ops(tool('acme_note', NOTE, { request: fetchOnly }))).toEqual([]);
    expect(ops(schemed('acme_note', NOTE, fetchOnly))).toEqual([]);
  });

  it('looks on to a parameter’s union when the top names fewer than two operations', () => {
    // an empty constant is no operation, nor is one longer than 80 characters
    for (const other of ['', long(81)]) {
      const definition = schemed('acme_note', NOTE, { anyOf: shapes('operation', 'list-notes', other), properties: { request: getOrDelete } });
      expect([verdict(classify(definition)), ops(definition)]).toEqual(['write+destructive high', GET_OR_DELETE]);
    }
    expect(ops(schemed('acme_note', NOTE, { anyOf: shapes('operation', 'get-note', long(80)) }))).toEqual([
      'get-note read low @inputSchema.anyOf.0.properties.operation.const',
      `${long(80)} write medium @inputSchema.anyOf.1.properties.operation.const`,
    ]);
  });

  it('takes only the constants of an action parameter: a source told apart by its kind is no operation', () => {
    expect(ops(schemed('attach_file', 'Attach a file to a ticket.', { anyOf: shapes('source', 'upload', 'link') }))).toEqual([]);
    expect(ops(tool('acme_note', NOTE, { request: { anyOf: shapes('operation', 'get-note', 42) } }))).toEqual([]);
  });

  it('judges at most 100 shapes of a union', () => {
    const operations = ops(tool('acme_note', NOTE, { request: { anyOf: shapes('operation', ...Array.from({ length: 120 }, (_, i) => `purge_${i}`)) } }));
    expect([operations.length, operations.at(-1)]).toEqual([100, 'purge_99 write high @inputSchema.properties.request.anyOf.99.properties.operation.const']);
  });
});

describe('a definition that is not valid JSON Schema is still classified from what it has', () => {
  it('null properties, a null parameter schema', () => {
    const nullProperties = { name: 'acme_note', description: NOTE, inputSchema: { type: 'object', properties: null } } as unknown as McpTool;
    expect(verdict(classify(nullProperties))).toBe('read low');
    expect(verdict(classify(tool('acme_note', NOTE, { note: null })))).toBe('read low');
  });

  it('a null shape, shape properties or shape property among the shapes of a union', () => {
    for (const broken of [null, { properties: null }, { properties: { operation: null } }]) {
      expect(ops(tool('acme_note', NOTE, { request: { anyOf: [broken, ...getOrDelete.anyOf] } }))).toEqual([
        'get-note read low @inputSchema.properties.request.anyOf.1.properties.operation.const',
        'delete-note write high @inputSchema.properties.request.anyOf.2.properties.operation.const',
      ]);
    }
  });
});
