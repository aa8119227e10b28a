// Giving someone access to an item changes who can reach what, the rubric's critical row: sharing it with a person, in a
// role or at an access level, or making an existing item public or private.
import { describe, expect, it } from 'vitest';
import { choice, classify, tool, verdict } from '../class-helpers.ts';

describe('sharing an item with a person grants them access (critical)', () => {
  it('with an access level, or naming who it is shared with', () => {
    expect(classify(tool('share_document', 'Share a document with another user.', { doc_id: { type: 'string' }, access: choice('view', 'edit') })).risk).toBe('critical');
    expect(classify(tool('share_folder', 'Shares a folder.', { folder_id: { type: 'string' }, emails: { type: 'array', items: { type: 'string' } } })).risk).toBe('critical');
  });

  it('a share of storage grants no one in particular', () => {
    expect(classify(tool('create_file_share', 'Creates an SMB file share.', { name: { type: 'string' } })).risk).not.toBe('critical');
  });
});

describe('a link whoever holds may open changes who can see the item (critical)', () => {
  it('a share, sharing or public link made by name or said in the first sentence', () => {
    expect(classify(tool('create_report_share_link', 'Creates a link to a report.', { report_id: { type: 'string' } })).risk).toBe('critical');
    const said = classify(tool('share-email', 'Create a shareable link for a sent email, so anyone with the link can view it.', { id: { type: 'string' } }));
    expect(said.risk).toBe('critical');
    expect(said.rationale.find((s) => s.startsWith('Risk'))).toContain('shareable link');
  });

  it('an invite link, by name or said in another language ("招待リンクを作成します"), lets whoever holds it join', () => {
    expect(classify(tool('create_invite_link', 'Creates a link for a chat room.', { room_id: { type: 'string' } })).risk).toBe('critical');
    expect(classify(tool('create_room_link', 'チャットへの招待リンクを作成します。', { room_id: { type: 'string' } })).risk).toBe('critical');
  });

  it('reading a link, or a link that only opens the item for its owner, changes no one’s access', () => {
    expect(classify(tool('get_share_link', 'Returns the existing share link of a file.', { file_id: { type: 'string' } })).risk).not.toBe('critical');
    expect(classify(tool('create_edit_link', 'Creates a link that opens the report in the editor.', { report_id: { type: 'string' } })).risk).not.toBe('critical');
  });
});

describe('making an existing item public or private changes who can see it (critical)', () => {
  it('a verb that sets what exists, with public or private in the name', () => {
    const c = classify(tool('make_bucket_public', 'Makes a storage bucket publicly readable.', { bucket: { type: 'string' } }));
    expect(c.risk).toBe('critical');
    expect(c.rationale.find((s) => s.startsWith('Risk'))).toBe('Risk critical: to make bucket public, it changes who can reach what (public); the policy asks a human to approve each call.');
    expect(classify(tool('set_repo_private', 'Sets a repository to private.', { repo: { type: 'string' } })).risk).toBe('critical');
  });

  it('a public key or IP, a new private item, or a list of public items, is no change of access', () => {
    expect(classify(tool('update_public_key', 'Updates the SSH public key of a deploy target.', { key: { type: 'string' } })).risk).not.toBe('critical');
    expect(classify(tool('set_private_ip', 'Sets the private IP of a server.', { ip: { type: 'string' } })).risk).not.toBe('critical');
    expect(classify(tool('create_private_channel', 'Creates a new private channel.', { name: { type: 'string' } })).risk).not.toBe('critical');
    expect(classify(tool('list_public_repos', 'Lists public repositories of a user.', { user: { type: 'string' } })).risk).toBe('low');
  });
});

describe('a setting or a level that decides who may see or do something changes access (critical)', () => {
  it('a privacy setting whose values start with public or private ("public_to_workspace")', () => {
    const privacy = { type: 'string', description: 'Privacy setting: public_to_workspace, private_to_team, private' };
    expect(classify(tool('asana_update_project', "Update a project's details (name, description, etc.)", { project_id: { type: 'string' }, privacy_setting: privacy })).risk).toBe('critical');
    // (a new item's own setting changes no one's access to what exists)
    expect(classify(tool('asana_create_project', 'Create a new project.', { name: { type: 'string' }, privacy_setting: privacy })).risk).not.toBe('critical');
  });

  it('access levels for pushing or merging set on a branch, even by a name with no verb of the lexicon; a listing filtered by one reads', () => {
    const level = { type: 'integer', description: 'Access level for pushing (0=No access, 30=Developer, 40=Maintainer).' };
    expect(verdict(classify(tool('protect_branch', 'Protect a repository branch (set push/merge access levels).', { branch: { type: 'string' }, push_access_level: level, merge_access_level: level })))).toMatch(/^write.* critical$/);
    expect(classify(tool('list_projects', 'List projects.', { min_access_level: { type: 'number', description: 'Filter by minimum access level' } })).risk).toBe('low');
  });
});

describe('the controls that decide who may reach a thing: protection, privacy, an allowlist, admitting a member', () => {
  it('unprotecting a branch, turning a domain\'s privacy off, changing an allowlist or admitting a member is critical', () => {
    expect(verdict(classify(tool('unprotect_branch', 'Remove protection from a previously protected branch.', { project_id: { type: 'string' }, branch_name: { type: 'string' } })))).toMatch(/^write.* critical$/);
    expect(classify(tool('domain_privacy', 'Toggle WHOIS privacy for a domain.', { domain: { type: 'string' }, enabled: { type: 'boolean' } })).risk).toBe('critical');
    expect(classify(tool('update_ip_allowlist', 'Update the IP allowlist of the workspace.', { cidrs: { type: 'array', items: { type: 'string' } } })).risk).toBe('critical');
    expect(classify(tool('federation_admit', 'Admit a peer as a relay member.', { pubkey: { type: 'string' } })).risk).toBe('critical');
  });

  it('reading them changes nothing', () => {
    expect(classify(tool('get_branch_protection', 'Get the protection rules of a branch.', { branch: { type: 'string' } })).risk).not.toBe('critical');
    expect(classify(tool('get_privacy_settings', 'Get the privacy settings of a domain.', { domain: { type: 'string' } })).risk).not.toBe('critical');
  });
});

describe('who may sign in to the service: making, letting in or ending one of its users or delegates (critical)', () => {
  it('creating, adding to a team, suspending or removing a user, adding a delegate', () => {
    expect(verdict(classify(tool('create_dashboard_user', 'Create a new user who can sign in to the dashboard.', { email: { type: 'string' }, password: { type: 'string' } })))).toBe('write critical');
    expect(classify(tool('addUserToTeam', 'Adds a person to a team.', { team: { type: 'string' }, user: { type: 'string' } })).risk).toBe('critical');
    expect(classify(tool('suspend_user', 'Suspends an account so it can no longer log in.', { id: { type: 'string' } })).risk).toBe('critical');
    expect(classify(tool('remove_delegate', 'Removes a delegate from the mailbox.', { delegate_email: { type: 'string' } })).risk).toBe('critical');
  });

  it('what a user owns, a list that lets no one in, or a lookup of a user, is no change of membership', () => {
    expect(classify(tool('delete_user_data', 'Delete the stored data of a user.', { user_id: { type: 'string' } })).risk).toBe('high');
    expect(classify(tool('add_users_to_audience', 'Add users to a custom audience for ads.', { audience: { type: 'string' }, emails: { type: 'array' } })).risk).toBe('medium');
    expect(classify(tool('get_user', 'Get a user by id.', { id: { type: 'string' } })).risk).not.toBe('critical');
  });

  it('transferring the ownership of an item hands it to another account (critical); checking who owns it is a read', () => {
    expect(classify(tool('transfer_ownership', 'Transfer ownership of a repository to another account.', { repo: { type: 'string' }, new_owner: { type: 'string' } })).risk).toBe('critical');
    expect(classify(tool('verify_domain_ownership', 'Verify ownership of a domain.', { domain: { type: 'string' } })).risk).toBe('low');
  });
});

describe('exposing something makes it reachable: a change, and a change of who can see it when the text says public', () => {
  it('a port given a public URL is critical; an endpoint opened on localhost is a write', () => {
    expect(classify(tool('expose_port', 'Expose a port of the sandbox and get a public URL.', { port: { type: 'number' }, visibility: choice('public', 'private') })).risk).toBe('critical');
    expect(verdict(classify(tool('expose_session', 'Expose a debug session as a read-only endpoint on 127.0.0.1 so an IDE can attach.', { session_id: { type: 'string' } })))).toBe('write medium');
  });
});
