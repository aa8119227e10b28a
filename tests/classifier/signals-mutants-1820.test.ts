// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 1820-1879 on rules-131 (eighteenth
// session): a credential made under another word (issuedCredentialSignals) and a change of who may see an item
// (sharedAccessSignals' visibility part). Each signal is compared whole, so its family and location count too; and the
// gate on the name's verbs is tried with verbs that only read, verbs that read the open world, and a verb that
// changes an item without making one.
import { describe, expect, it } from 'vitest';
import { issuedCredentialSignals, sharedAccessSignals } from '../../classifier/signals.ts';
import { tool } from './signal-helpers.ts';

const visibility = { type: 'string', enum: ['public', 'private'] };

describe('a database login made or dropped (issuedCredentialSignals)', () => {
  it('is a signal of the name, quoting the login word', () => {
    expect(issuedCredentialSignals(tool('create_db_user', 'Create a login with a password.'))).toEqual([
      { family: 'name', effect: 'privileged', label: 'issues-credential:database-login', weight: 0, where: 'name', text: 'user' },
    ]);
  });
});

describe('who may see an item (sharedAccessSignals, visibility)', () => {
  it('a name that makes a public link is a signal of the name', () => {
    expect(sharedAccessSignals(tool('create_dashboard_public_link', 'Create a link anyone can open.', { dashboard_id: { type: 'string' } }))).toEqual([
      { family: 'name', effect: 'privileged', label: 'grants-access:visibility', weight: 0, where: 'name', text: 'public' },
    ]);
  });

  it('is not changed by a name whose verbs only fetch: getting the public link shares nothing new', () => {
    expect(sharedAccessSignals(tool('get_public_link', 'Get the public link of a dashboard.', { dashboard_id: { type: 'string' } }))).toEqual([]);
    expect(sharedAccessSignals(tool('list_public_urls', 'List the public URLs of the reports.'))).toEqual([]);
  });

  it('is not changed by a verb that reads the open world, whatever its parameters pick', () => {
    // (crawling only the public pages filters what is read: it makes nothing visible)
    expect(sharedAccessSignals(tool('crawl_site', 'Crawl a site and return its pages.', { url: { type: 'string' }, visibility }))).toEqual([]);
    expect(sharedAccessSignals(tool('scrape_page', 'Scrape a page.', { is_public: { type: 'boolean' } }))).toEqual([]);
  });

  it('is changed by a verb that changes an item without making one, and the parameter that picks it is quoted', () => {
    expect(sharedAccessSignals(tool('configure_workspace', 'Configure a workspace.', { workspace_id: { type: 'string' }, visibility }))).toEqual([
      { family: 'parameter', effect: 'privileged', label: 'grants-access:visibility', weight: 0, where: 'inputSchema.properties.visibility', text: 'visibility' },
    ]);
    expect(sharedAccessSignals(tool('toggle_board_privacy', 'Toggle a board between public and private.', { board_id: { type: 'string' }, is_private: { type: 'boolean' } }))).toEqual([
      { family: 'parameter', effect: 'privileged', label: 'grants-access:visibility', weight: 0, where: 'inputSchema.properties.is_private', text: 'is_private' },
    ]);
  });

  it('reads only the call\'s own parameters: a visibility inside a nested setting is not one', () => {
    const nested = { type: 'object', properties: { visibility } };
    expect(sharedAccessSignals(tool('update_workspace', 'Update a workspace.', { workspace_id: { type: 'string' }, filters: nested }))).toEqual([]);
    // (the same setting at the top is read)
    expect(sharedAccessSignals(tool('update_workspace', 'Update a workspace.', { workspace_id: { type: 'string' }, visibility })).map((s) => s.where)).toEqual([
      'inputSchema.properties.visibility',
    ]);
  });
});
