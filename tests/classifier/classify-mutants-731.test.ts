// Tests written for the mutants StrykerJS left alive in classifier/classify.ts lines 729-745: `riskier`, which merges the
// verdicts of a tool's operations of the top risk into the tool's own verdict, field by field. A tool can do whatever
// any of its operations does, so each flag one operation (or the tool's own wording) sets must survive the merge.
// Each says what the rule is for, in words and tools of its own.
import { describe, expect, it } from 'vitest';
import { choice, classify, tool } from './class-helpers.ts';

const BROWSER = { name: 'io.example/browser-driver', description: 'Drives a browser for an agent' };
/** The sentence of a rationale that opens with `start`. */
const sentence = (rationale: string[], start: string) => rationale.find((line) => line.startsWith(start));

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
    expect(sentence(c.rationale, 'Risk')).toBe('Risk critical: it administers credentials or permissions, which decide who can reach what; the policy asks a human to approve each call.');
  });

  it('runs commands on the host when one operation runs the command a nested parameter holds', () => {
    const c = classify(tool('manage_service', 'Manage a hosted service.', { action: choice('get', 'run'), config: { type: 'object', properties: { command: { type: 'string' } } } }));
    expect({ category: c.category, scope: c.destructiveScope, risk: c.risk }).toEqual({ category: 'execute', scope: 'broad', risk: 'critical' });
    expect(sentence(c.rationale, 'Category')).toBe('Category execute: it runs commands or code of the caller’s choosing (“run” in the parameter action values, “command” in the parameter config.command).');
    expect(sentence(c.rationale, 'Risk')).toBe('Risk critical: whatever it runs executes with the server’s rights, so it can read, change or delete anything they reach; the policy asks a human to approve each call.');
  });

  it('runs queries that can write when one listed operation executes SQL', () => {
    const c = classify(tool('mysql', 'Commands for managing MySQL servers. Includes operations for listing databases and executing SQL queries.'));
    expect(c.operations.filter((o) => o.decisive).map((o) => o.name)).toEqual(['executing SQL queries']);
    expect(c.risk).toBe('critical');
    expect(sentence(c.rationale, 'Risk')).toBe('Risk critical: a query of the caller’s choosing can change or delete data; the policy asks a human to approve each call.');
  });

  it('puts configuration on a cluster when one operation applies the manifest, though the tool calls itself read-only', () => {
    // the read-only promise covers the validation; applying a manifest of the caller's choosing can run any workload
    const c = classify(tool('k8s_manifest_apply', 'Kubernetes manifests: read-only unless the action is apply.', { action: choice('validate', 'apply'), manifest: { type: 'string' } }));
    expect(c.operations.map((o) => `${o.name}:${o.risk}${o.decisive ? '*' : ''}`)).toEqual(['validate:low', 'apply:critical*']);
    expect(c.risk).toBe('critical');
    expect(sentence(c.rationale, 'Risk')).toBe('Risk critical: configuration of the caller’s choosing on a cluster can run any workload there and change who may do what; the policy asks a human to approve each call.');
  });

  it('hands over every secret at once when one listed operation lists them all, on a tool that otherwise updates', () => {
    const c = classify(tool('manage_projects', 'Manage projects. Includes operations for renaming projects and listing all secrets.'));
    expect(c.operations.map((o) => `${o.name}:${o.category}:${o.risk}${o.decisive ? '*' : ''}`)).toEqual(['renaming projects:write:medium', 'listing all secrets:read:high*']);
    expect({ category: c.category, risk: c.risk }).toEqual({ category: 'write', risk: 'high' });
    expect(sentence(c.rationale, 'Risk')).toBe('Risk high: it returns every secret or variable of the place it reads at once, so one call hands over all of them; the policy limits how often it runs.');
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
    expect(sentence(c.rationale, 'Risk')).toBe('Risk high: one call can change many existing things; the policy limits how often it runs.');
  });

  it('changes many records when the tool finds them by a filter and an operation updates what it finds', () => {
    // the update alone changes one record (medium); the description says a call acts on all that match
    // (a name that is no verb, so that the tool's own words read and the update decides: `records` would read as "record", a write of its own)
    const c = classify(tool('ledger_entries', 'Entries of the ledger, found by a filter: all entries that match.', { action: choice('find', 'update') }));
    expect(c.operations.map((o) => `${o.name}:${o.risk}:${o.decisive}`)).toEqual(['find:low:false', 'update:medium:true']);
    expect({ scope: c.destructiveScope, risk: c.risk }).toEqual({ scope: 'in-place', risk: 'high' });
    expect(sentence(c.rationale, 'Risk')).toBe('Risk high: one call can change many existing things; the policy limits how often it runs.');
  });
});
