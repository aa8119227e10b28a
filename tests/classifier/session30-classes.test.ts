// Classes of mistakes found on the development label sets in the session of 2026-11-24, each tested in
// words of its own: a positive case that fails without its rule and a negative case that stays put.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from './class-helpers.ts';

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
