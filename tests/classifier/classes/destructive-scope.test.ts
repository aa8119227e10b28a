// Classes of mistakes found on the development label sets: what a switch, a mode, an undo or a clear takes away, and how
// much of it. Each is tested in words of its own: a positive case that fails without its rule and a negative case that
// stays put.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from '../class-helpers.ts';

describe('a read with a switch that empties what it read changes it', () => {
  it('`clear`, `purge_after_read` as booleans: the captured entries are gone after the call', () => {
    expect(verdict(classify(tool('read_device_events', 'Returns the events the sensor hub buffered.', { limit: { type: 'integer' }, purge_after_read: { type: 'boolean', description: 'Empty the buffer once returned' } })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('fetch_trace_spans', 'Fetch the spans collected so far.', { clear: { type: 'boolean' } })))).toBe('write+destructive medium');
  });

  it('a clear that is not a switch, or a tool that already says it changes nothing, stays a read', () => {
    expect(verdict(classify(tool('fetch_trace_spans', 'Fetch the spans collected so far.', { clear: { type: 'string', description: 'Colour to show cleared spans in' } })))).toBe('read low');
    expect(verdict(classify(tool('fetch_trace_spans', 'Fetch the spans collected so far.', { since: { type: 'integer' } })))).toBe('read low');
  });
});

describe('clearing what the server only holds for a while loses no stored item', () => {
  it('a cache, a buffer, a recording session or a counter cleared is a change in place: medium', () => {
    expect(verdict(classify(tool('flush_render_cache', 'Flushes the render cache of the preview server.')))).toBe('write+destructive medium');
    expect(verdict(classify(tool('reset_stats', 'Reset the request counter of the proxy.')))).toBe('write+destructive medium');
  });
  it('deleting a stored item stays high', () => {
    expect(verdict(classify(tool('delete_recording', 'Deletes a call recording.', { id: { type: 'string' } })))).toBe('write+destructive high');
    expect(verdict(classify(tool('clear_playlist', 'Removes every song from a playlist.', { id: { type: 'string' } }))).endsWith('medium')).toBe(false);
  });
});

describe('a delete that cascades reaches everything that depends on the item', () => {
  it('a `cascade` switch makes one delete a broad one: critical', () => {
    expect(verdict(classify(tool('remove_workspace_app', 'Removes an app from the workspace.', { app: { type: 'string' }, cascade: { type: 'boolean', description: 'Also remove what the app created' } })))).toBe('write+destructive critical');
  });
  it('without it, one item', () => {
    expect(verdict(classify(tool('remove_workspace_app', 'Removes an app from the workspace.', { app: { type: 'string' } })))).toBe('write+destructive high');
  });
});

describe('a conflict mode offered in prose that replaces what exists makes a creating tool destructive', () => {
  it("an option list with 'overwrite' for a name that exists: the one item in the way is replaced (high), even for a folder", () => {
    expect(verdict(classify(tool('upload_asset', 'Uploads an asset to the media library. If an asset with the same name exists, the onConflict option decides: "skip" (default), "overwrite" or "fail".', { name: { type: 'string' }, onConflict: { type: 'string' } })))).toBe('write+destructive high');
    expect(verdict(classify(tool('make_share_folder', "Makes a folder in the team share. On a name conflict the mode can be 'keep-both' or 'replace'.", { parent: { type: 'string' }, name: { type: 'string' } })))).toBe('write+destructive high');
  });

  it('a conflict mode that keeps what exists, or a replace that is no mode, is not', () => {
    expect(verdict(classify(tool('upload_asset', 'Uploads an asset to the media library. If an asset with the same name exists, the onConflict option decides: "skip" (default), "rename" or "fail".', { name: { type: 'string' }, onConflict: { type: 'string' } })))).toBe('write medium');
    expect(verdict(classify(tool('make_share_folder', 'Makes a folder in the team share and returns its id.', { parent: { type: 'string' }, name: { type: 'string' } })))).toBe('write medium');
  });
});

describe('a switch that empties the target or amends what was made last changes what exists', () => {
  it('`truncateDestination` on a loader empties the table it loads into; `amend` on a commit rewrites the last one', () => {
    // (emptying the table deletes every row it holds: the rubric's critical row, "delete … all of them", since 2026-11-24)
    expect(verdict(classify(tool('import_csv_rows', 'Imports CSV rows into a table.', { table: { type: 'string' }, truncateDestination: { type: 'boolean' } })))).toBe('write+destructive critical');
    expect(verdict(classify(tool('save_snapshot_commit', 'Records the staged changes as a commit.', { message: { type: 'string' }, amend: { type: 'boolean', description: 'Fold into the previous commit.' } })))).toBe('write+destructive medium');
  });

  it('`amend` rewrites what was made last whatever the tool is: a job runner that amends the last job changes it in place', () => {
    // (until rules-126 only a write's amend widened the scope: a runner's amend was no change to what exists)
    expect(verdict(classify(tool('submit_job', 'Submits a batch job to the cluster and runs it.', { spec: { type: 'string' }, amend: { type: 'boolean', description: 'Replace the parameters of the last submitted job.' } })))).toBe('execute+destructive high');
    expect(verdict(classify(tool('submit_job', 'Submits a batch job to the cluster and runs it.', { spec: { type: 'string' } })))).toBe('execute high');
  });

  it('the same tools without those switches only add', () => {
    expect(verdict(classify(tool('import_csv_rows', 'Imports CSV rows into a table.', { table: { type: 'string' }, skipHeader: { type: 'boolean' } })))).toBe('write medium');
    expect(verdict(classify(tool('save_snapshot_commit', 'Records the staged changes as a commit.', { message: { type: 'string' } })))).toBe('write medium');
  });
});

describe('a tool that also undoes what it does takes away what exists', () => {
  it('"follow or unfollow", "star or unstar", and signing out', () => {
    expect(verdict(classify(tool('follow_board', 'Follow or unfollow a board to get its updates.', { board: { type: 'string' }, following: { type: 'boolean' } })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('repo_star', 'Star or unstar a repository for the signed-in account.', { repo: { type: 'string' } })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('logout', 'Log out of the storefront account.')))).toBe('write+destructive medium');
  });

  it('a tool that only does the thing adds', () => {
    expect(verdict(classify(tool('follow_board', 'Follow a board to get its updates.', { board: { type: 'string' } })))).toBe('write medium');
  });
});

describe('a switch that has the call delete something besides deletes that whole thing', () => {
  it('`deleteHeadBranch` on a merge-request update, `in_trash` on a patch: one item goes (high)', () => {
    expect(verdict(classify(tool('edit_merge_request', 'Edits the title, labels or state of a merge request.', { iid: { type: 'number' }, title: { type: 'string' }, deleteHeadBranch: { type: 'boolean' } })))).toBe('write+destructive high');
    expect(verdict(classify(tool('patch_wiki_entry', 'Patch the properties of a wiki entry.', { entry_id: { type: 'string' }, in_trash: { type: 'boolean' } })))).toBe('write+destructive high');
  });

  it('`drop_existing` on a tool that renames a table drops the table in the way: a container goes (critical)', () => {
    expect(verdict(classify(tool('rename_table', 'Renames a table of the warehouse.', { schema: { type: 'string' }, table: { type: 'string' }, new_name: { type: 'string' }, drop_existing: { type: 'boolean' } })))).toBe('write+destructive critical');
  });

  it('the same tools without the switch, a filter on what is listed, or a 301 redirect, are not', () => {
    expect(verdict(classify(tool('edit_merge_request', 'Edits the title, labels or state of a merge request.', { iid: { type: 'number' }, title: { type: 'string' } })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('list_wiki_entries', 'Lists the entries of a wiki.', { include_trashed: { type: 'boolean' }, is_archived: { type: 'boolean' } })))).toBe('read low');
    expect(verdict(classify(tool('add_redirect_rule', 'Adds a redirect rule to a site.', { from: { type: 'string' }, to_path: { type: 'string' }, permanent: { type: 'boolean' } })))).toBe('write medium');
  });
});

describe('"create or update" changes what exists in place; GraphQL mutations change data', () => {
  it('"Create or update the retention policy of a bucket": destructive, in place (medium)', () => {
    expect(verdict(classify(tool('retention_policy', 'Create or update the retention policy of a storage bucket.', { bucket: { type: 'string' }, days: { type: 'integer' } })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('add_label_definition', 'Add or update a label definition of the project.', { name: { type: 'string' }, color: { type: 'string' } })))).toBe('write+destructive medium');
  });

  it('"Run GraphQL queries and mutations against the API" is destructive; a create said alone, or gene mutations searched, are not', () => {
    expect(verdict(classify(tool('gql', 'Run GraphQL queries and mutations against the store API.', { document: { type: 'string' } })))).toBe('execute+destructive high');
    expect(verdict(classify(tool('add_policy', 'Create a retention policy for a storage bucket.', { bucket: { type: 'string' } })))).toBe('write medium');
    expect(verdict(classify(tool('find_variants', 'Search gene mutations by symbol.', { symbol: { type: 'string' } })))).toBe('read low');
  });
});

describe("a protocol named in a tool's prefix is not a credential; forcing the delete of one thing deletes that one thing", () => {
  it('`ssh_upload` overwriting one remote file is high, `ssh_alias` removing one alias is high: neither administers credentials', () => {
    expect(verdict(classify(tool('ssh_upload', 'Uploads one local file to a remote path over SFTP, overwriting any file at that path.', { server: { type: 'string' }, local: { type: 'string' }, remote: { type: 'string' } })))).toBe('write+destructive high');
    expect(verdict(classify(tool('add_ssh_key', 'Adds an SSH key to the account.', { public_key: { type: 'string' } })))).toBe('write critical');
  });

  it('`force` on deleting one tag unlinks it (high); a forced push still rewrites history (critical)', () => {
    expect(verdict(classify(tool('delete_label', 'Delete a label. Fails if it is in use unless force is set, which removes it from every item.', { id: { type: 'string' }, force: { type: 'boolean' } })))).toBe('write+destructive high');
    expect(verdict(classify(tool('repo_push', 'Push the current branch to the remote.', { remote: { type: 'string' }, force: { type: 'boolean' } })))).toBe('write+destructive critical');
  });
});

describe('a person taken off an item that stays changes that item; taken off a team, its membership', () => {
  it('off a card, an issue\'s watchers or an audience: an in-place change (medium)', () => {
    expect(verdict(classify(tool('remove_member_from_card', 'Remove a member from a card.', { card_id: { type: 'string' }, member_id: { type: 'string' } })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('jira_remove_watcher', 'Removes one user from an issue\'s watcher list.', { issue: { type: 'string' }, user: { type: 'string' } })))).toBe('write+destructive medium');
  });

  it('off a team or a project: a change of who can reach what (critical)', () => {
    expect(classify(tool('remove_team_member', 'Remove a member from a team.', { team_id: { type: 'string' }, member_id: { type: 'string' } })).risk).toBe('critical');
    expect(classify(tool('remove_board_member', 'Removes a member from a board.', { board_id: { type: 'string' }, member_id: { type: 'string' } })).risk).toBe('critical');
  });
});

describe('an item taken out of the trash is restored, not deleted', () => {
  it('"Remove a message from the trash" changes that message in place', () => {
    expect(verdict(classify(tool('untrash_message', 'Remove a message from the trash', { id: { type: 'string' } })))).toBe('write+destructive medium');
    expect(classify(tool('remove_job', 'Remove a job from the queue', { id: { type: 'string' } })).risk).toBe('high');
  });
});

describe('a domain taken off a project or an app is unbound, not swept with its records', () => {
  it('"Remove a domain from a project" and deleting a domain of a service are one item (high); a DNS zone holds its records (critical)', () => {
    expect(verdict(classify(tool('vercel_remove_domain', 'Remove a domain from a project', { domain: { type: 'string' } })))).toBe('write+destructive high');
    expect(classify(tool('domain-delete', 'Delete a domain', { name: { type: 'string' } })).risk).toBe('high');
    expect(classify(tool('delete_zone', 'Delete a DNS zone.', { zone_id: { type: 'string' } })).risk).toBe('critical');
  });
});

describe('a network, a namespace, a notebook or a section holds what is in it', () => {
  it('deleting one is critical, as deleting a folder is; deleting one item in it stays high', () => {
    expect(verdict(classify(tool('vpc-delete', 'Delete a VPC by its ID.', { id: { type: 'string' } })))).toBe('write+destructive critical');
    expect(classify(tool('delete_sections', 'Delete one or more sections with the tasks in them.', { ids: { type: 'array', items: { type: 'string' } } })).risk).toBe('critical');
    expect(classify(tool('delete_task', 'Delete a task.', { id: { type: 'string' } })).risk).toBe('high');
  });

  it('a container said not to be deleted, only its local entry, loses nothing it holds', () => {
    expect(classify(tool('remove_notebook', 'Remove a notebook from the local library. Does NOT delete the actual notebook on the service — only the local metadata entry.', { id: { type: 'string' } })).risk).not.toBe('critical');
  });
});
