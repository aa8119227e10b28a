// Tests written for the mutants StrykerJS left alive in classifier/classify.ts lines 345-491: the confidence of a verdict
// nothing weighs for (confidenceOf), which names only read so that an action enum on them filters (readsByName, isRequired),
// a read that hands over a credential (revealedCredentialSignals) and converting a stored item in place
// (transformedItemSignals). Each says what the rule is for, in tools of its own.
import { describe, expect, it } from 'vitest';
import { classifyTool, collectSignals } from '../../classifier/classify.ts';
import type { Classification, McpTool } from '../../data/schema.ts';
import { labels, PLAIN, tool, weighed } from './signal-helpers.ts';

const classified = (definition: McpTool): Classification => classifyTool({ tool: definition, fingerprint: 'sha256:test', traits: PLAIN });
const action = (...values: string[]) => ({ action: { type: 'string', enum: values } });
const revealed = (definition: McpTool) => labels(collectSignals(definition, PLAIN)).filter((label) => label.includes(':reveals:'));

describe('the confidence of a verdict nothing weighs for (confidenceOf)', () => {
  it('counts a title as part of the definition: a definition that says something, but nothing about reading or changing, is 0.4', () => {
    // ("Password vault" makes the tool sensitive, and says nothing it does)
    const titled = classified({ ...tool('xyzzy'), title: 'Password vault' });
    expect(titled.signals.every((s) => s.family === 'title')).toBe(true);
    expect([titled.category, titled.risk, titled.confidence]).toEqual(['read', 'medium', 0.4]);
    // (an annotation's title is the server's words about the tool too)
    expect(classified({ ...tool('xyzzy'), annotations: { title: 'Password vault' } }).confidence).toBe(0.4);
  });

  it('is lowest, 0.25, when the definition says nothing at all', () => {
    const bare = classified(tool('xyzzy'));
    expect(bare.signals).toEqual([]);
    expect([bare.category, bare.risk, bare.confidence]).toEqual(['read', 'low', 0.25]);
  });
});

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

describe('a read that hands over a credential (revealedCredentialSignals)', () => {
  it('reveals the token a name makes a credential', () => {
    expect(revealed(tool('get_session_token'))).toEqual(['privileged:reveals:credential:token']);
    expect(revealed(tool('password_view'))).toEqual(['privileged:reveals:credential:password']);
  });

  it('leaves a token the name does not make a credential: an API token the description mentions is what the call sends', () => {
    const erc20 = tool('get_token', 'Get an ERC-20 token by contract address, using your API token.');
    expect(labels(collectSignals(erc20, PLAIN))).toEqual([
      'read:verb:get:get',
      'privileged:noun:token:token',
      'read:verb:get:Get',
      'privileged:noun:token:token',
      'privileged:noun:token:token',
      'sensitive:noun:token:token',
    ]);
    expect(classified(erc20).risk).toBe('low');
  });

  it('asks whether the word the name acts on is the credential, not any word of it: a page token for listing secrets is not one', () => {
    expect(labels(collectSignals(tool('get_secrets_page_token'), PLAIN))).toEqual([
      'read:verb:get:get',
      'privileged:noun:secrets:secrets',
      'sensitive:noun:secrets:secrets',
      'privileged:noun:token:token',
    ]);
  });

  it('needs the revealing verb to be the name’s action: setting the password visitors need to view a board reveals nothing', () => {
    const share = tool('set_view_password', 'Sets the password visitors must enter to view a shared board.');
    expect(revealed(share)).toEqual([]);
    expect(collectSignals(share, PLAIN).find((s) => s.label === 'verb:view')?.weight).toBe(0.75);
  });
});

describe('converting a stored item named by its id (transformedItemSignals)', () => {
  const id = (name: string) => ({ [name]: { type: 'string' } });

  it('changes in place the item a converting name acts on, also after a plural resource (`drafts_convert`)', () => {
    expect(weighed(tool('drafts_convert', '', id('draftId')))).toEqual(['read:verb:convert:convert:3', 'write:verb:transform:convert:3']);
  });

  it('takes a converting word after another verb as a modifier: getting a converted file converts nothing', () => {
    expect(weighed(tool('get_converted_file', '', id('fileId')))).toEqual(['read:verb:get:get:3', 'read:verb:convert:converted:0.75', 'write:noun:file:file:0']);
  });

  it('keeps the conversion when the description leads with a verb that changes things, and drops it when it leads with a read', () => {
    const moves = tool('convert_issue_to_subtask', 'Moves an issue under a parent issue as its subtask.', { ...id('issueId'), ...id('parentId') });
    expect(weighed(moves)).toEqual(['read:verb:convert:convert:3', 'write:verb:move:Moves:2', 'write:verb:transform:convert:3']);
    const options = tool('convert_issue_to_subtask', 'Get the conversion options for an issue.', id('issueId'));
    expect(weighed(options)).toEqual(['read:verb:convert:convert:3', 'read:verb:get:Get:2']);
  });
});
