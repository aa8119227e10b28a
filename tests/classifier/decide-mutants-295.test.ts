// The last rules of the classifier's verdict (classifier/classify.ts, decide, lines 295-343): the switches and phrases that
// widen or narrow the destructive scope after the verbs have spoken (a truncate switch, an undo, a force, a cleared cache),
// and the flags that depend on the category (a revealed credential, configuration put on a cluster, a dump of secrets).
// Written for the mutants StrykerJS left alive there; each case runs a whole tool definition through the signal rules and
// decide, so that it holds what the rule is for.
import { describe, expect, it } from 'vitest';
import { collectSignals, decide, type Verdict } from '../../classifier/classify.ts';
import { serverTraits, type ServerTraits } from '../../classifier/signals.ts';
import type { McpTool } from '../../data/schema.ts';
import { PLAIN, tool } from './signal-helpers.ts';

const verdictOf = (definition: McpTool, traits: ServerTraits = PLAIN): Verdict => decide(collectSignals(definition, traits));
const scopeOf = (definition: McpTool, traits: ServerTraits = PLAIN) => {
  const verdict = verdictOf(definition, traits);
  return `${verdict.category} ${verdict.destructiveScope}`;
};
const BROWSER = serverTraits({ name: 'io.example/browser', description: 'Browser automation with Playwright' });
const flag = { type: 'boolean' };

describe('a switch that truncates what the tool writes into', () => {
  it('empties the whole target before writing, a sweep, even when the schema gives the switch no type', () => {
    const table = { table: { type: 'string' } };
    // (an untyped `truncate` is read as a switch; only a boolean one is also read as deleting something besides)
    expect(scopeOf(tool('import_csv', 'Import rows from a CSV file into a table.', { ...table, truncate: { description: 'Empty the table before importing' } }))).toBe('write broad');
    expect(scopeOf(tool('import_csv', 'Import rows from a CSV file into a table.', { ...table, truncate: flag }))).toBe('write broad');
    // without the switch the import only adds rows
    expect(scopeOf(tool('import_csv', 'Import rows from a CSV file into a table.', table))).toBe('write none');
  });
});

describe('a tool that also undoes what it does ("subscribe or unsubscribe")', () => {
  it('takes away what exists, in place, when it writes', () => {
    expect(scopeOf(tool('watch_card', 'Subscribe or unsubscribe to notifications for a card.', { card_id: { type: 'string' } }))).toBe('write in-place');
  });

  it('says nothing about a tool that drives a page: waiting for a spinner to "appear or disappear" changes nothing stored', () => {
    const click = tool('browser_click', 'Click an element on the page and wait for the spinner to appear or disappear.', { selector: { type: 'string' } });
    expect(scopeOf(click, BROWSER)).toBe('execute none');
    expect(verdictOf(click, BROWSER).destructive).toBe(false);
  });
});

describe('force', () => {
  it('sweeps a purge of the trash: a name that only mentions what was deleted does not make it the delete of one thing', () => {
    const purge = tool('purge_deleted_messages', 'Purge messages from trash.', { force: flag });
    expect(scopeOf(purge)).toBe('write broad');
    // (a delete of one thing that is forced takes that thing and its links, not a sweep)
    expect(scopeOf(tool('delete_branch', 'Delete a branch.', { branch: { type: 'string' }, force: flag }))).toBe('write item');
  });

  it('makes a push replace the remote history only when pushing is what the name does, not when "push" only qualifies its object', () => {
    expect(scopeOf(tool('git_push', 'Push local commits to the remote.', { remote: { type: 'string' }, force: flag }))).toBe('write broad');
    const rule = tool('add_push_rule', 'Add a push rule to the project.', {
      project_id: { type: 'string' },
      pattern: { type: 'string' },
      force: { type: 'boolean', description: 'Save the rule even when its pattern fails validation' },
    });
    expect(scopeOf(rule)).toBe('write none');
  });
});

describe('clearing what only the server holds for a while', () => {
  it('narrows the loss of one item to a change in place (a cache, a session)', () => {
    expect(scopeOf(tool('flush_cache', 'Flush the cache.'))).toBe('write in-place');
  });

  it('leaves a sweep a sweep: clearing every session signs everyone out', () => {
    expect(scopeOf(tool('clear_all_sessions', 'Clear all user sessions, signing every user out.'))).toBe('write broad');
  });
});

describe('a credential handed over by a read', () => {
  const folder = { folder: { type: 'string' } };
  it('is privileged when the read returns the secrets themselves', () => {
    expect(verdictOf(tool('get_secrets', 'Returns the secrets of a folder.', folder)).privileged).toBe(true);
  });

  it('is not when the description says the read only returns their names', () => {
    const names = verdictOf(tool('get_secrets', 'Lists the secrets of a folder. Only returns their names.', folder));
    expect(names.category).toBe('read');
    expect(names.privileged).toBe(false);
  });
});

describe('configuration of the caller\'s choosing put on a cluster', () => {
  const chart = { chart: { type: 'string' } };
  it('is flagged when the tool installs the chart', () => {
    expect(verdictOf(tool('helm_install', 'Install a Helm chart on the Kubernetes cluster.', { ...chart, release: { type: 'string' } })).clusterConfig).toBe(true);
  });

  it('is not when the tool only reads about an install or validates a manifest', () => {
    const notes = verdictOf(tool('get_helm_install_notes', 'Get the notes of a Helm install.', chart));
    expect(notes.category).toBe('read');
    expect(notes.clusterConfig).toBe(false);
    const validate = verdictOf(tool('kubectl_apply_validate', 'Validate a Kubernetes manifest against the cluster schema. Does not modify the cluster.', { manifest: { type: 'string' } }));
    expect(validate.category).toBe('read');
    expect(validate.clusterConfig).toBe(false);
  });
});

describe('a dump of every secret or environment variable', () => {
  it('is what a read that prints all environment variables returns', () => {
    expect(verdictOf(tool('print_env', 'Print all environment variables of the service.', { service: { type: 'string' } })).dumpsSecrets).toBe(true);
  });

  it('is not a copy of all secrets from one store to another: nothing is handed back', () => {
    const sync = verdictOf(tool('sync_secrets', 'Copy all secrets from the Vault path to the Kubernetes namespace.', { path: { type: 'string' }, namespace: { type: 'string' } }));
    expect(sync.category).toBe('write');
    expect(sync.dumpsSecrets).toBe(false);
  });

  it('is not a listing of all secrets that says their values are never returned', () => {
    const list = verdictOf(tool('list_secrets', 'List all secrets in the vault. Secret values are never returned.', { vault: { type: 'string' } }));
    expect(list.category).toBe('read');
    expect(list.dumpsSecrets).toBe(false);
  });
});
