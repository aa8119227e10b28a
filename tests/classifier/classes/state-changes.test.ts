// Classes of mistakes found on the development label sets: resolving, uninstalling, verifying and changing who may see
// an item change state. Each is tested in words of its own: a positive case that fails without its rule and a negative
// case that stays put.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from '../class-helpers.ts';

describe('resolving a work item closes it', () => {
  it('`resolve_incident`, "Resolve a review thread"', () => {
    expect(classify(tool('resolve_incident', 'Marks the incident resolved.', { id: { type: 'string' } })).category).toBe('write');
    expect(classify(tool('thread_resolve', 'Resolve a review thread on a pull request.', { thread_id: { type: 'string' } })).category).toBe('write');
  });

  it('resolving a name, an id or a host looks it up', () => {
    expect(verdict(classify(tool('resolve_hostname', 'Resolve a host name to addresses.', { host: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('resolve_package_id', 'Resolves a package name to its id.')))).toBe('read low');
    expect(verdict(classify(tool('resolve_ticket_number', 'Resolves a ticket number to the ticket.')))).toBe('read low');
  });
});

describe('changing who may see an item is a change of access', () => {
  it('an update with a visibility switch or a public link made or withdrawn is critical', () => {
    expect(classify(tool('edit_board', 'Edit a board\'s title and settings.', { title: { type: 'string' }, visibility: { type: 'string', enum: ['private', 'team', 'public'] } })).risk).toBe('critical');
    expect(classify(tool('modify_album', 'Modify an album.', { is_public: { type: 'boolean' } })).risk).toBe('critical');
    expect(classify(tool('create_report_public_link', 'Makes a link anyone can open.')).risk).toBe('critical');
  });

  it('a new item made with a visibility of its own, a visibility read, or a public link listed is not', () => {
    expect(classify(tool('upload_photo', 'Upload a photo to an album.', { data: { type: 'string' }, is_public: { type: 'boolean' } })).risk).not.toBe('critical');
    expect(classify(tool('create_album', 'Create an album.', { name: { type: 'string' }, visibility: { type: 'string', enum: ['private', 'public'] } })).risk).not.toBe('critical');
    expect(classify(tool('list_public_links', 'Lists the public links of a report.')).risk).toBe('low');
  });
});

describe('uninstalling is the reverse of installing, and verifying a domain records who owns it', () => {
  it('uninstalling an add-on runs the installer backwards', () => {
    expect(verdict(classify(tool('uninstall_addon', 'Uninstalls an add-on from the editor.', { addon_id: { type: 'string' } })))).toBe('execute+destructive high');
  });
  it('verifying a domain or a sender the name acts on changes its verified state', () => {
    expect(verdict(classify(tool('verify_sender', 'Verify a sender.', { sender_id: { type: 'string' } })))).toBe('write medium');
    expect(verdict(classify(tool('mail_verify_domain', 'Starts the DNS check of a mail domain.', { domain: { type: 'string' } })))).toBe('write medium');
  });
  it('verifying anything else, or an identity looked up in prose, checks it', () => {
    expect(verdict(classify(tool('verify_signature', 'Verify a webhook signature.', { payload: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('check_peer', 'Verify a peer\'s identity and return its key.', { peer: { type: 'string' } })))).toBe('read low');
  });
});

describe('delivering, announcing and splitting change what is stored or reach someone', () => {
  it('"Redeliver a webhook delivery", "Announce something you shipped to the community board", "Split a transaction": writes', () => {
    expect(classify(tool('redeliver_webhook_delivery', 'Redeliver a repository webhook delivery.', { hook_id: { type: 'number' }, delivery_id: { type: 'number' } })).category).toBe('write');
    expect(classify(tool('vibe_ship', 'Announce something you just shipped to the community board and update your profile.', { what: { type: 'string' } })).category).toBe('write');
    expect(classify(tool('split_transaction', 'Split an existing transaction into child transactions.', { id: { type: 'string' }, children: { type: 'array' } })).category).toBe('write');
  });
});
