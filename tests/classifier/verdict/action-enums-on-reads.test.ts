// An action enum on a tool whose name only reads is a filter, not a list of operations, unless the name has a verb of
// its own that changes things or the parameter holding the enum is required.
import { describe, expect, it } from 'vitest';
import { classifyTool, collectSignals } from '../../../classifier/classify.ts';
import type { Classification, McpTool } from '../../../data/schema.ts';
import { labels, PLAIN, tool, weighed } from '../signal-helpers.ts';

const classified = (definition: McpTool): Classification => classifyTool({ tool: definition, fingerprint: 'sha256:test', traits: PLAIN });
const action = (...values: string[]) => ({ action: { type: 'string', enum: values } });
const found = (definition: McpTool, pattern: RegExp) => labels(collectSignals(definition, PLAIN)).filter((label) => pattern.test(label));

describe('an action enum on a tool whose name only reads is a filter (readsByName, isRequired)', () => {
  it('keeps the operations of a name with no verb of its own, however strongly the description says what the tool does', () => {
    // (running a program through its CLI weighs 3, as much as a name's verb: the enum still names what the tool can do)
    const rules = tool('firewall_rules', 'Adds or deletes firewall rules, running them through the ufw CLI.', action('add', 'delete'));
    expect(weighed(rules)).toEqual([
      'write:verb:add:Adds:2',
      'execute:phrase:runs-program:running them through the ufw CLI:3',
      'write:enum:add:add:1.5',
      'write:enum:delete:delete:1.5',
      'destructive:enum:delete:delete:1.5',
    ]);
  });

  it('keeps the operations of a name that reads and also runs something', () => {
    expect(labels(collectSignals(tool('list_and_run_jobs', '', action('pause', 'resume')), PLAIN))).toEqual([
      'read:verb:list:list',
      'execute:object:jobs:jobs',
      'execute:verb:run:run',
      'write:enum:pause:pause',
      'write:enum:resume:resume',
    ]);
  });

  it('asks only the name: a description that runs a program does not turn the listed firewall actions into operations', () => {
    const events = tool('list_firewall_events', 'Lists firewall events by running the query via the ufw CLI.', action('block', 'allow', 'reject'));
    expect(weighed(events)).toEqual([
      'read:verb:list:list:3',
      'read:verb:list:Lists:2',
      'execute:phrase:runs-code:running the query:2.5',
      'execute:phrase:runs-program:running the query via the ufw CLI:3',
    ]);
  });

  it('takes "dry run" leading a name as a read, as "dryrun" and "preview" are: its action enum only names what would be done', () => {
    for (const name of ['dry_run_migrations', 'dryrun_migrations', 'preview_migrations']) {
      const result = classified(tool(name, 'Show the migrations that would be applied.', action('apply', 'rollback')));
      expect([name, result.category, result.risk, result.operations.length]).toEqual([name, 'read', 'low', 0]);
    }
    // (and a server that says such a tool changes things is contradicted, as for the one-word forms)
    const declared = (name: string): McpTool => ({ ...tool(name, 'Show the migrations that would be applied.'), annotations: { readOnlyHint: false } });
    expect(classified(declared('dry_run_migration')).annotations.contradictions.map((c) => c.hint)).toEqual(['readOnlyHint']);
    expect(classified(declared('dryrun_migration')).annotations.contradictions.map((c) => c.hint)).toEqual(['readOnlyHint']);
  });

  it('reads a union of argument shapes at the top of the schema as optional: on a name that lists, its operations are filters', () => {
    const variant = (operation: string) => ({ properties: { operation: { const: operation }, siteId: { type: 'string' } } });
    const sites: McpTool = { name: 'list_sites', description: 'List the sites of an account.', inputSchema: { type: 'object', anyOf: [variant('get-site'), variant('delete-site')] } };
    const result = classified(sites);
    expect(result.operations).toEqual([]);
    expect([result.category, result.destructiveScope, result.risk]).toEqual(['read', 'none', 'low']);
  });
});

describe('an action enum on a name that only reads (isRequired)', () => {
  // (an action enum inside an object parameter counts, at half weight, when that parameter is required)
  const enumOf = (name: string, required: string[]) => tool('list_items', 'Lists the items.', { [name]: { type: 'object', properties: { action: { type: 'string', enum: ['create', 'delete'] } } } }, required);

  it('acts when what holds the enum is required, also when its name holds a dot', () => {
    for (const name of ['request', 'req.body']) {
      expect(found(enumOf(name, [name]), /:enum:/), name).toEqual(['write:enum:create:create', 'write:enum:delete:delete', 'destructive:enum:delete:delete']);
    }
  });

  it('filters when it is optional, or when `required` names another parameter', () => {
    for (const required of [[], ['req'], ['body'], ['action']]) expect(found(enumOf('req.body', required), /:enum:/), required.join()).toEqual([]);
  });
});
