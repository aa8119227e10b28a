// The operations a multi-operation tool fronts (an action enum, the constants of a union of argument shapes, a list in
// prose), how each is named, and each judged as a tool of its own. A schema that is not valid is read for what it has.
import { describe, expect, it } from 'vitest';
import type { Classification, McpTool } from '../../../data/schema.ts';
import { choice, classify, tool, verdict } from '../class-helpers.ts';

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
/** Each operation as "name:category:scope:risk", with a star on the one that decides. */
const operationsOf = (c: Classification) => c.operations.map((o) => `${o.name}:${o.category}:${o.destructiveScope}:${o.risk}${o.decisive ? '*' : ''}`);
const BROWSER = { name: 'io.example/browser', description: 'Browser automation with Playwright' };
const TEXT = { type: 'string' };

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

describe('a bare verb under an operations heading', () => {
  it("acts on the name's nouns, not with the name's own verb", () => {
    // "update" here updates keys in place; read with the name's "revoke" it would be one more revocation
    const c = classify(tool('revoke_keys', 'API key administration. Actions: get, update.'));
    expect(operationsOf(c)).toEqual(['get:read:none:low', 'update:write:in-place:medium']);
    // the tool is still judged by what its name does
    expect(c.risk).toBe('critical');
  });

  it("keeps the name's nouns: a bare delete of keys deletes credentials", () => {
    const c = classify(tool('rotate_keys', 'Works with keys. Actions: list, delete.', { id: { type: 'string' } }));
    expect(operationsOf(c)).toEqual(['list:read:none:low', 'delete:write:item:critical']);
  });
});

describe('an operation listed with its object', () => {
  it('moves money when its phrase does, though its name-like words alone do not say so', () => {
    const c = classify(tool('wallet', 'Commands for moving money between accounts and listing balances.'));
    expect(operationsOf(c)).toEqual(['moving money between accounts:write:in-place:critical*', 'listing balances:read:none:low']);
    expect(c.financial).toBe(true);
    expect(c.risk).toBe('critical');
  });

  it('is the same verdict in the "Supports …" form of the list', () => {
    const c = classify(tool('wallet', 'Supports moving money between wallets, listing balances.'));
    expect(c.operations.map((o) => `${o.name}:${o.risk}`)).toEqual(['moving money between wallets:critical', 'listing balances:low']);
    expect(c.financial).toBe(true);
  });
});

describe('the operations of a multi-operation tool', () => {
  it('lists none for a tool fronting one action', () => {
    expect(classify(tool('get_note', 'Returns a note.')).operations).toEqual([]);
  });

  it('judges each operation with the tool’s other parameters: writing a range of cells overwrites them', () => {
    const c = classify(tool('sheet_cells', 'Cells of a sheet.', { action: choice('read', 'write'), range: TEXT }));
    expect(operationsOf(c)).toEqual(['read:read:none:low', 'write:write:in-place:medium*']);
    expect(verdict(c)).toBe('write+destructive medium');
  });

  it('judges each operation on the server it runs on: a browser server’s clicks drive the browser', () => {
    const c = classify(tool('page_action', 'Acts on the page.', { action: choice('click', 'scroll') }), BROWSER);
    expect(operationsOf(c)).toEqual(['click:execute:none:high*', 'scroll:execute:none:high']);
  });

  it('judges an operation of a verb and a noun, `remove_items`, as one', () => {
    const c = classify(tool('dataset_tool', 'Dataset tool.', { action: choice('create', 'list', 'remove_items') }));
    expect(operationsOf(c)).toEqual(['create:write:none:medium', 'list:read:none:low', 'remove_items:write:item:high*']);
  });

  it('does not take a tool whose operations read, plus one it cannot name, as one that only reads', () => {
    // "member_roles" may change roles: the umbrella "manage" is kept, and the tool is not read-only
    expect(verdict(classify(tool('manage_team', 'Manage the team.', { action: choice('list', 'get', 'member_roles') })))).toBe('write+destructive medium');
    // (nor "usage_limits": usage is shown, but limits may be set)
    expect(verdict(classify(tool('manage_team', 'Manage the team.', { action: choice('list', 'get', 'usage_limits') })))).toBe('write+destructive medium');
    // (where every other value is a noun that names what is shown, it reads)
    expect(verdict(classify(tool('manage_team', 'Manage the team.', { action: choice('list', 'get', 'members') })))).toBe('read low');
  });

  it('names an operation that has its own noun by itself, not by the tool’s nouns', () => {
    // adding a note on a payments tool moves no money
    const c = classify(tool('payments', 'Payments.', { action: choice('add_note', 'list_notes') }));
    expect(operationsOf(c)).toEqual(['add_note:write:none:medium*', 'list_notes:read:none:low']);
  });

  it('names a bare operation by the tool’s nouns, without the tool’s own verb', () => {
    expect(operationsOf(classify(tool('manage_branches', 'Branches.', { action: choice('list', 'delete') })))).toEqual(['list:read:none:low', 'delete:write:item:high*']);
    expect(operationsOf(classify(tool('manage_window', 'Windows of the app.', { action: choice('list', 'focus', 'resize') })))).toEqual(['list:read:none:low', 'focus:read:none:low', 'resize:write:in-place:medium']);
  });

  it('names a bare verb under an "Actions:" heading by the tool’s nouns', () => {
    expect(operationsOf(classify(tool('manage_tickets', 'Ticket desk. Actions: list, delete.', { id: TEXT })))).toEqual(['list:read:none:low', 'delete:write:item:high*']);
    // (listing deployed apps deploys nothing)
    expect(operationsOf(classify(tool('deploy_apps', 'Deployed apps. Actions: list, remove.', { id: TEXT })))).toEqual(['list:read:none:low', 'remove:write:item:high']);
    expect(operationsOf(classify(tool('db_admin', 'Database admin. Actions: drop, list.', { id: TEXT })))).toEqual(['drop:write:item:critical*', 'list:read:none:low']);
  });
});
