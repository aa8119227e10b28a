// A change of who may see an item, or of the role it is shared in (sharedAccessSignals): a public link or share made, a
// visibility parameter on a tool that changes an existing item, a role given to a share. A read or a new item keeps its
// own.
import { describe, expect, it } from 'vitest';
import { sharedAccessSignals } from '../../../classifier/signals.ts';
import type { McpTool } from '../../../data/schema.ts';
import { labels, tool } from '../signal-helpers.ts';

const text = { type: 'string' };
const flag = { type: 'boolean' };
const access = (definition: McpTool) => labels(sharedAccessSignals(definition));
const visibility = { type: 'string', enum: ['public', 'private'] };
const role = { type: 'string', enum: ['reader', 'writer', 'owner'] };

describe('a name that makes an item public through a link or a share (sharedAccessSignals)', () => {
  it('reads a new public link, links, url or share as a change of visibility, whatever the verb', () => {
    expect(access(tool('create_public_link', 'Create a link anyone can open.', { dashboard_id: text }))).toEqual(['privileged:grants-access:visibility:public']);
    expect(access(tool('create_public_links', 'Create links anyone can open.', { file_ids: { type: 'array' } }))).toEqual(['privileged:grants-access:visibility:public']);
    expect(access(tool('generate_public_url', 'Generate a URL that anyone can use to view the report.', { report_id: text }))).toEqual(['privileged:grants-access:visibility:public']);
    expect(access(tool('create_public_share', 'Share a folder with everyone who has the address.', { path: text }))).toEqual(['privileged:grants-access:visibility:public']);
    expect(access(tool('enable_public_sharing', 'Turn on sharing of a board.', { board_id: text }))).toEqual(['privileged:grants-access:visibility:public']);
  });

  it('takes "publicly" as it takes "public"', () => {
    expect(access(tool('create_publicly_accessible_link', 'Create a link to a document.', { document_id: text }))).toEqual(['privileged:grants-access:visibility:publicly']);
  });

  it('needs the link: a new public item alone has a visibility of its own', () => {
    expect(access(tool('create_public_repository', 'Create a repository.', { name: text }))).toEqual([]);
  });
});

describe('an update of who may see an item, given as a parameter (sharedAccessSignals)', () => {
  const visibility = { type: 'string', enum: ['public', 'private', 'internal'] };

  it('leaves a name that reads alone, even beside another verb: a visibility there filters what is read', () => {
    expect(access(tool('search_and_count_repositories', 'Search repositories and count the matches.', { query: text, visibility }))).toEqual([]);
    // the same parameter on an update changes who may see the item
    expect(access(tool('update_repository', 'Update a repository’s settings.', { repo: text, visibility }))).toEqual(['privileged:grants-access:visibility:visibility']);
  });

  it('leaves an item made new, when any verb of the name makes it, with a visibility of its own', () => {
    // uploading and sharing a new file: whether it is public is part of making it
    expect(access(tool('create_and_share_document', 'Create a document and share it.', { title: text, is_public: flag }))).toEqual([]);
    expect(access(tool('upload_and_share_file', 'Upload a file and share it.', { path: text, make_public: flag }))).toEqual([]);
  });

  it('reads a create-or-update and a save-or-upsert as a change of visibility: the item may already exist', () => {
    const privacy = { type: 'string', enum: ['private', 'team', 'public'] };
    expect(access(tool('create_or_update_page', 'Create a page, or update it when it exists.', { slug: text, visibility }))).toEqual(['privileged:grants-access:visibility:visibility']);
    expect(access(tool('save_or_upsert_dashboard', 'Save a new dashboard or upsert an existing one.', { dashboard_id: text, privacy }))).toEqual(['privileged:grants-access:visibility:privacy']);
    expect(access(tool('insert_or_upsert_view', 'Insert a saved view, or upsert it by name.', { name: text, is_public: flag }))).toEqual(['privileged:grants-access:visibility:is_public']);
  });

  it('does not take a text parameter named privacy that has neither visibility values nor a switch', () => {
    expect(access(tool('update_list', 'Update a list.', { list_id: text, privacy: { type: 'string', description: 'A privacy note shown to members' } }))).toEqual([]);
    // (a malformed schema whose description is a list is read as no description at all)
    expect(access(tool('update_list', 'Update a list.', { list_id: text, privacy: { type: 'string', description: ['Either public or private'] } }))).toEqual([]);
    // a switch of the same name does choose
    expect(access(tool('update_list', 'Update a list.', { list_id: text, privacy: flag }))).toEqual(['privileged:grants-access:visibility:privacy']);
  });

  it('takes an enum with a visibility value among others, not only one made of them', () => {
    const mixed = { type: 'string', enum: ['public', 'private', 'restricted'] };
    expect(access(tool('update_workspace', 'Update a workspace.', { workspace_id: text, visibility: mixed }))).toEqual(['privileged:grants-access:visibility:visibility']);
    // an enum of other words does not choose who may see the item
    expect(access(tool('update_workspace', 'Update a workspace.', { workspace_id: text, sharing: { type: 'string', enum: ['copy', 'move'] } }))).toEqual([]);
  });

  it('reads only text values of an enum as visibility values', () => {
    // a list whose values are lists: none of them is a visibility
    expect(access(tool('update_board', 'Update a board.', { board_id: text, visibility: { enum: [['public'], ['private']] } }))).toEqual([]);
    expect(access(tool('update_board', 'Update a board.', { board_id: text, visibility: { enum: ['public', 'private'] } }))).toEqual(['privileged:grants-access:visibility:visibility']);
  });

  it('does not take a publish switch that does not say it makes the item public', () => {
    // publishing a new version is not making anything public
    expect(access(tool('update_package', 'Update a package’s metadata.', { name: text, publish: { type: 'boolean', description: 'Publish the new version after the update' } }))).toEqual([]);
  });
});

describe('a share of an item in a role (sharedAccessSignals)', () => {
  it('takes a role parameter of a share', () => {
    expect(access(tool('share_document', 'Share a document with a person.', { document_id: text, email: text, role: { type: 'string', enum: ['reader', 'writer'] } }))).toEqual(['privileged:grants-access:role:role']);
  });

  it('takes a share of links to an item as a change of visibility, not a grant in a role: whoever holds a link may view', () => {
    expect(access(tool('share_file_links', 'Make links to files that open them.', { file_ids: { type: 'array' }, role: { type: 'string', enum: ['viewer', 'commenter'] } }))).toEqual(['privileged:grants-access:visibility:share']);
    expect(access(tool('share_file_link', 'Make a link to a file that opens it.', { file_id: text, role: { type: 'string', enum: ['viewer', 'commenter'] } }))).toEqual(['privileged:grants-access:visibility:share']);
  });

  it('reads a role said in the description only in its first 400 characters', () => {
    const opening = 'Share a folder with the people listed. '.repeat(11);
    expect(opening.length).toBeGreaterThan(400);
    // (past them, the people it is shared with still are named: a share with them)
    expect(access(tool('share_folder', `${opening}Each one is added as an editor.`, { folder_id: text, emails: { type: 'array' } }))).toEqual(['privileged:grants-access:recipient:emails']);
    expect(access(tool('share_folder', 'Share a folder with the people listed. Each one is added as an editor.', { folder_id: text, emails: { type: 'array' } }))).toEqual(['privileged:grants-access:role:as an editor']);
  });

  it('takes a share naming who it is shared with as a grant to them, and one naming no one as no change of permissions', () => {
    expect(access({ name: 'share_folder', inputSchema: { type: 'object', properties: { folder_id: text, emails: { type: 'array' } } } })).toEqual(['privileged:grants-access:recipient:emails']);
    expect(access({ name: 'share_folder', inputSchema: { type: 'object', properties: { folder_id: text, expires_in: { type: 'integer' } } } })).toEqual([]);
  });
});

describe('a parameter whose description says it makes the item public (sharedAccessSignals)', () => {
  it('takes a text parameter that says in its description that it makes the item public', () => {
    expect(access(tool('update_list', 'Update a list.', { list_id: text, privacy: { type: 'string', description: 'Either public or private' } }))).toEqual(['privileged:grants-access:visibility:privacy']);
    // (a description that is not text is not read)
    expect(access(tool('update_list', 'Update a list.', { list_id: text, privacy: { type: 'string', description: ['Either public or private'] } }))).toEqual([]);
  });

  it('takes a publish switch whose description says public or publicly', () => {
    expect(access(tool('update_package', 'Update a package.', { name: text, publish: { type: 'boolean', description: 'Make the package public on the registry' } }))).toEqual(['privileged:grants-access:visibility:publish']);
    expect(access(tool('update_post', 'Update a post.', { post_id: text, is_published: { type: 'boolean', description: 'Whether the post is publicly listed' } }))).toEqual(['privileged:grants-access:visibility:is_published']);
    expect(access(tool('update_package', 'Update a package.', { name: text, publish: { type: 'boolean', description: 'Publish the new version' } }))).toEqual([]);
  });
});

describe('a visibility parameter beside more than one verb (sharedAccessSignals)', () => {
  const visibility = { type: 'string', enum: ['public', 'private'] };

  it('reads a change of visibility when any verb of the name changes the item, though another only reads it', () => {
    expect(access(tool('fetch_and_update_page', 'Fetch a page, then update it.', { page_id: text, visibility }))).toEqual(['privileged:grants-access:visibility:visibility']);
    // verbs that only read, or only count, change no one's access
    expect(access(tool('search_and_count_repositories', 'Search repositories and count the matches.', { query: text, visibility }))).toEqual([]);
  });

  it('takes any verb that edits what exists, beside a creating one, as a change of an existing item', () => {
    expect(access(tool('create_or_edit_list', 'Create a list, or edit it when it exists.', { name: text, visibility }))).toEqual(['privileged:grants-access:visibility:visibility']);
    expect(access(tool('create_or_replace_view', 'Create a view, or replace the one of that name.', { name: text, visibility }))).toEqual(['privileged:grants-access:visibility:visibility']);
    // creating alone gives the new item a visibility of its own
    expect(access(tool('create_list', 'Create a list.', { name: text, visibility }))).toEqual([]);
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

describe('sharing an item in a role (sharedAccessSignals)', () => {
  it('is a signal of the parameter that picks the role', () => {
    expect(sharedAccessSignals(tool('share_file', 'Share a file with a user.', { file_id: { type: 'string' }, email: { type: 'string' }, role }))).toEqual([
      { family: 'parameter', effect: 'privileged', label: 'grants-access:role', weight: 0, where: 'inputSchema.properties.role', text: 'role' },
    ]);
  });

  it('is a signal of the description when no parameter picks the role', () => {
    expect(sharedAccessSignals(tool('share_file', 'Share a file with a user as an editor.', { file_id: { type: 'string' }, email: { type: 'string' } }))).toEqual([
      { family: 'description', effect: 'privileged', label: 'grants-access:role', weight: 0, where: 'description', text: 'as an editor' },
    ]);
  });

  it('is read when sharing is one of the name\'s verbs, not only when it is the only one', () => {
    expect(sharedAccessSignals(tool('create_and_share_document', 'Create a document and share it.', { title: { type: 'string' }, role })).map((s) => s.label)).toEqual([
      'grants-access:role',
    ]);
  });

  it('needs a name that shares: a role given to an update is not a share', () => {
    expect(sharedAccessSignals(tool('update_document', 'Update a document.', { document_id: { type: 'string' }, role }))).toEqual([]);
  });

  it('reads only the call\'s own parameters: a role inside a nested filter is not the one granted', () => {
    expect(sharedAccessSignals(tool('share_file', 'Share a file.', { file_id: { type: 'string' }, filter: { type: 'object', properties: { role } } }))).toEqual([]);
  });
});
