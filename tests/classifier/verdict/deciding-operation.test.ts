// Which operation of a multi-operation tool decides its verdict, which others count with it, and the flags each brings:
// a tool can do whatever any of its operations does, so every flag one of them sets must survive the merge.
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../../data/schema.ts';
import { choice, classify, tool, verdict } from '../class-helpers.ts';

const BROWSER = { name: 'io.example/browser-driver', description: 'Drives a browser for an agent' };
/** The sentence of a rationale that opens with `start`. */
const sentence = (rationale: string[], start: string) => rationale.find((line) => line.startsWith(start));
/** The operations as `name:category/scope/risk`, the one that decides marked with `*`. */
const operationsOf = (c: Classification) => c.operations.map((o) => `${o.name}:${o.category}/${o.destructiveScope}/${o.risk}${o.decisive ? '*' : ''}`);

describe('the flags an operation brings to the tool that fronts it', () => {
  it('moves money when one operation refunds, though the tool’s own words do not say so', () => {
    const c = classify(tool('orders', 'Work with orders.', { action: choice('list', 'refund') }));
    expect(c.operations.map((o) => `${o.name}:${o.risk}${o.decisive ? '*' : ''}`)).toEqual(['list:low', 'refund:critical*']);
    expect({ category: c.category, financial: c.financial, openWorld: c.openWorld, scope: c.destructiveScope, risk: c.risk }).toEqual({
      category: 'write',
      financial: true,
      // (nothing here reaches outside the server)
      openWorld: false,
      scope: 'in-place',
      risk: 'critical',
    });
  });

  it('reaches outside the server when one operation deploys', () => {
    const c = classify(tool('apps', 'Apps of the account.', { action: choice('list', 'deploy') }));
    expect({ category: c.category, openWorld: c.openWorld, risk: c.risk }).toEqual({ category: 'execute', openWorld: true, risk: 'high' });
    // (a server that drives no browser: what the deploy runs is a job, not a page)
    expect(sentence(c.rationale, 'Category')).toBe('Category execute: it runs or starts something: a job, process, workflow, test or deployment (“deploy” in the parameter action values).');
  });

  it('administers permissions when one operation grants an admin role', () => {
    const c = classify(tool('manage_users', 'Manage users.', { action: choice('list', 'grant_admin') }));
    expect(c.risk).toBe('critical');
    expect(sentence(c.rationale, 'Risk')).toBe('Risk critical: to manage users, one of its actions, grant_admin, changes who can reach what; the policy asks a human to approve each call.');
  });

  it('runs commands on the host when one operation runs the command a nested parameter holds', () => {
    const c = classify(tool('manage_service', 'Manage a hosted service.', { action: choice('get', 'run'), config: { type: 'object', properties: { command: { type: 'string' } } } }));
    expect({ category: c.category, scope: c.destructiveScope, risk: c.risk }).toEqual({ category: 'execute', scope: 'broad', risk: 'critical' });
    expect(sentence(c.rationale, 'Category')).toBe('Category execute: it runs commands or code of the caller’s choosing (“run” in the parameter action values, “command” in the parameter config.command).');
    expect(sentence(c.rationale, 'Risk')).toBe('Risk critical: to manage service, its command parameter says what runs; the policy asks a human to approve each call.');
  });

  it('runs queries that can write when one listed operation executes SQL', () => {
    const c = classify(tool('mysql', 'Commands for managing MySQL servers. Includes operations for listing databases and executing SQL queries.'));
    expect(c.operations.filter((o) => o.decisive).map((o) => o.name)).toEqual(['executing SQL queries']);
    expect(c.risk).toBe('critical');
    expect(sentence(c.rationale, 'Risk')).toBe('Risk critical: for mysql, SQL queries of the caller’s choosing can change or delete data; the policy asks a human to approve each call.');
  });

  it('puts configuration on a cluster when one operation applies the manifest, though the tool calls itself read-only', () => {
    // the read-only promise covers the validation; applying a manifest of the caller's choosing can run any workload
    const c = classify(tool('k8s_manifest_apply', 'Kubernetes manifests: read-only unless the action is apply.', { action: choice('validate', 'apply'), manifest: { type: 'string' } }));
    expect(c.operations.map((o) => `${o.name}:${o.risk}${o.decisive ? '*' : ''}`)).toEqual(['validate:low', 'apply:critical*']);
    expect(c.risk).toBe('critical');
    expect(sentence(c.rationale, 'Risk')).toBe('Risk critical: to apply manifest, it applies manifest to a cluster, which can run any workload there and change who may do what; the policy asks a human to approve each call.');
  });

  it('hands over every secret at once when one listed operation lists them all, on a tool that otherwise updates', () => {
    const c = classify(tool('manage_projects', 'Manage projects. Includes operations for renaming projects and listing all secrets.'));
    expect(c.operations.map((o) => `${o.name}:${o.category}:${o.risk}${o.decisive ? '*' : ''}`)).toEqual(['renaming projects:write:medium', 'listing all secrets:read:high*']);
    expect({ category: c.category, risk: c.risk }).toEqual({ category: 'write', risk: 'high' });
    expect(sentence(c.rationale, 'Risk')).toBe('Risk high: to manage projects, one call (all secrets) hands over every secret there; the policy limits how often it runs.');
  });

  it('drives the browser on a browser server when one operation clicks', () => {
    const c = classify(tool('page', 'The open page.', { action: choice('get_title', 'click') }), BROWSER);
    expect(c.risk).toBe('high');
    expect(sentence(c.rationale, 'Category')).toBe('Category execute: it drives a browser, page or device (“click” in the parameter action values).');
  });
});

describe('many things changed by one call, from an operation or from the tool’s own words', () => {
  it('changes many records when one operation updates many', () => {
    const c = classify(tool('records', 'Records of the ledger.', { action: choice('list', 'update_many') }));
    expect({ scope: c.destructiveScope, risk: c.risk }).toEqual({ scope: 'in-place', risk: 'high' });
    expect(sentence(c.rationale, 'Risk')).toMatch(/^Risk high: (to|for) [^,]+, one call can change many existing things; the policy limits how often it runs\.$/);
  });

  it('changes many records when the tool finds them by a filter and an operation updates what it finds', () => {
    // the update alone changes one record (medium); the description says a call acts on all that match
    // (a name that is no verb, so that the tool's own words read and the update decides: `records` would read as "record", a write of its own)
    const c = classify(tool('ledger_entries', 'Entries of the ledger, found by a filter: all entries that match.', { action: choice('find', 'update') }));
    expect(c.operations.map((o) => `${o.name}:${o.risk}:${o.decisive}`)).toEqual(['find:low:false', 'update:medium:true']);
    expect({ scope: c.destructiveScope, risk: c.risk }).toEqual({ scope: 'in-place', risk: 'high' });
    expect(sentence(c.rationale, 'Risk')).toMatch(/^Risk high: (to|for) [^,]+, one call can change many existing things; the policy limits how often it runs\.$/);
  });
});

describe('an action enum that names fewer than two operations', () => {
  it('keeps the verb of its one known value in the tool’s own verdict', () => {
    // "frobnicate" is no operation the rules know, so there is no set of operations; "delete" still says the tool deletes
    const c = classify(tool('notes', 'Notes of a notebook.', { action: choice('delete', 'frobnicate') }));
    expect([verdict(c), c.destructiveScope, c.operations]).toEqual(['write+destructive high', 'item', []]);
  });
});

describe('which operation decides', () => {
  it('the riskiest, whatever the category of a less risky one', () => {
    // deleting every script is critical; running one is high: the tool is critical, and deleting them all is what decides
    const c = classify(tool('scripts', 'Scripts of a project.', { action: choice('run', 'delete_all') }));
    expect(operationsOf(c)).toEqual(['run:execute/none/high', 'delete_all:write/broad/critical*']);
    expect([c.risk, c.destructive, c.destructiveScope]).toEqual(['critical', true, 'broad']);
  });

  it('among operations of equal risk, the one that runs things over the one that writes', () => {
    const c = classify(tool('scripts', 'Scripts of a project.', { action: choice('purge', 'run') }));
    expect(operationsOf(c)).toEqual(['purge:write/item/high', 'run:execute/none/high*']);
    // (what the other operation of that risk does counts too: the tool runs and deletes)
    expect([verdict(c), c.destructiveScope]).toEqual(['execute+destructive high', 'item']);
  });

  it('among operations of equal risk and category, the one with the wider change', () => {
    // stopping a job ends it in place; starting one changes nothing that exists
    const c = classify(tool('jobs', 'Jobs of a queue.', { action: choice('start', 'stop') }));
    expect(operationsOf(c)).toEqual(['start:execute/none/high', 'stop:execute/in-place/high*']);
  });

  it('among operations that weigh the same, the first listed', () => {
    expect(operationsOf(classify(tool('notes', 'Notes of a notebook.', { action: choice('create', 'add') })))).toEqual(['create:write/none/medium*', 'add:write/none/medium']);
  });
});

describe('which other operations count with the one that decides', () => {
  it('only those of its risk: a bulk read does not make a single update a bulk one', () => {
    // reading many notes at once is low; updating one in place is medium, not the high of an update that sweeps a filter
    const c = classify(tool('notes', 'Notes of a notebook.', { action: choice('bulk_get', 'update') }));
    expect(operationsOf(c)).toEqual(['bulk_get:read/none/low', 'update:write/in-place/medium*']);
    expect([verdict(c), c.destructiveScope]).toEqual(['write+destructive medium', 'in-place']);
  });
});

describe('when the tool’s own words already say what its riskiest operation does', () => {
  it('no operation is said to decide when the operations add nothing riskier or of another category', () => {
    const updates = classify(tool('update_notes', 'Updates notes of a notebook.', { mode: choice('update', 'patch') }));
    expect(operationsOf(updates)).toEqual(['update:write/in-place/medium', 'patch:write/in-place/medium']);
    expect(verdict(updates)).toBe('write+destructive medium');
    const creates = classify(tool('notes', 'Creates notes in a notebook.', { action: choice('create', 'add') }));
    expect(operationsOf(creates)).toEqual(['create:write/none/medium', 'add:write/none/medium']);
    expect([verdict(creates), creates.destructiveScope]).toEqual(['write medium', 'none']);
  });

  it('an operation of the same risk but another category still decides: a tool that deletes and runs scripts runs things', () => {
    const c = classify(tool('scripts', 'Deletes scripts of a project.', { action: choice('run', 'execute') }));
    expect(operationsOf(c)).toEqual(['run:execute/none/high*', 'execute:execute/none/high']);
    expect([verdict(c), c.destructiveScope]).toEqual(['execute+destructive high', 'item']);
  });
});
