// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 1712-1762: the rule that reads a change
// of who may see an item or of the role it is shared in (sharedAccessSignals and its visibility part): a name that makes a
// public link or share, a read or a new item whose visibility is its own beside an update of an existing one, what makes a
// parameter choose the visibility (a boolean, a visibility value among others, text values only), a publish switch, and
// a share's role said in a parameter or in the first 400 characters of the description.
// Each says what the rule is for, in words and tools of its own.
import { describe, expect, it } from 'vitest';
import { sharedAccessSignals } from '../../classifier/signals.ts';
import type { McpTool } from '../../data/schema.ts';
import { labels, tool } from './signal-helpers.ts';

const text = { type: 'string' };
const flag = { type: 'boolean' };
const access = (definition: McpTool) => labels(sharedAccessSignals(definition));

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

  it('leaves a share of links to an item, even with a role: whoever holds a link may view', () => {
    expect(access(tool('share_file_links', 'Make links to files that open them.', { file_ids: { type: 'array' }, role: { type: 'string', enum: ['viewer', 'commenter'] } }))).toEqual([]);
    expect(access(tool('share_file_link', 'Make a link to a file that opens it.', { file_id: text, role: { type: 'string', enum: ['viewer', 'commenter'] } }))).toEqual([]);
  });

  it('reads a role said in the description only in its first 400 characters', () => {
    const opening = 'Share a folder with the people listed. '.repeat(11);
    expect(opening.length).toBeGreaterThan(400);
    expect(access(tool('share_folder', `${opening}Each one is added as an editor.`, { folder_id: text, emails: { type: 'array' } }))).toEqual([]);
    expect(access(tool('share_folder', 'Share a folder with the people listed. Each one is added as an editor.', { folder_id: text, emails: { type: 'array' } }))).toEqual(['privileged:grants-access:role:as an editor']);
  });

  it('takes a share with no description and no role as no change of permissions', () => {
    expect(access({ name: 'share_folder', inputSchema: { type: 'object', properties: { folder_id: text, emails: { type: 'array' } } } })).toEqual([]);
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
