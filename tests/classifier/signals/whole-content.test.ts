// An update given the whole new content of a file, document, page or note overwrites it (wholeContentSignals), unless
// the update only adds to the item or the content is one field of a larger record.
import { describe, expect, it } from 'vitest';
import { wholeContentSignals } from '../../../classifier/signals.ts';
import type { McpTool } from '../../../data/schema.ts';
import { labels, tool } from '../signal-helpers.ts';

const text = { type: 'string' };
const whole = (definition: McpTool) => labels(wholeContentSignals(definition));
const replacesContent = { family: 'parameter', effect: 'destructive', label: 'whole:content', weight: 0, where: 'inputSchema.properties.content', text: 'content' };
const fileAndContent = { file_id: { type: 'string' }, content: { type: 'string' } };

describe('an update given the whole new content of an item (wholeContentSignals)', () => {
  it('reads an update of a note with a mode that appends as an edit of part of it', () => {
    const mode = (...values: string[]) => ({ type: 'string', enum: values });
    // the parameter's name says nothing: its values do
    expect(whole(tool('update_note', 'Write the text of a note.', { note_id: text, content: text, strategy: mode('overwrite', 'append') }))).toEqual([]);
    expect(whole(tool('update_note', 'Write the text of a note.', { note_id: text, content: text, strategy: mode('replace', 'prepend') }))).toEqual([]);
    // a choice with no partial mode leaves the update an overwrite
    expect(whole(tool('update_note', 'Write the text of a note.', { note_id: text, content: text, strategy: mode('overwrite', 'keep_history') }))).toEqual(['destructive:whole:content:content']);
  });

  it('reads a mode value only as the whole word, not a longer word that starts or ends with it', () => {
    // an appendix is a kind of page, not an append
    expect(whole(tool('update_page', 'Replace the text of a page of the book.', { page_id: text, content: text, kind: { type: 'string', enum: ['chapter', 'appendix', 'preface'] } }))).toEqual(['destructive:whole:content:content']);
    // a template saved and then dispatched is still overwritten whole
    expect(whole(tool('update_template', 'Save the body of an email template.', { template_id: text, body: text, then: { type: 'string', enum: ['save', 'dispatch'] } }))).toEqual(['destructive:whole:content:body']);
  });

  it('reads only text values of an enum as modes', () => {
    // a list whose values are lists: nothing here is a mode word
    expect(whole(tool('update_file', '', { path: text, content: text, flags: { type: 'array', enum: [['append'], ['crlf']] } }))).toEqual(['destructive:whole:content:content']);
  });

  it('takes a content parameter whose type is not declared as text', () => {
    expect(whole(tool('update_file', 'Write a file.', { path: text, content: { description: 'The new text of the file' } }))).toEqual(['destructive:whole:content:content']);
    // a declared type other than text is not the content itself
    expect(whole(tool('update_file', 'Write a file.', { path: text, content: { type: 'object' } }))).toEqual([]);
  });

  it('needs the content among the call’s own parameters, not inside an object of them', () => {
    const document = { type: 'object', properties: { title: text, content: text } };
    expect(whole(tool('update_document', 'Update a document.', { document_id: text, document }))).toEqual([]);
  });

  it('reads the content’s description only when it is text', () => {
    // a malformed schema whose description is a list is not read as saying the text is appended
    expect(whole(tool('update_note', '', { note_id: text, content: { type: 'string', description: ['Text appended to the note'] } }))).toEqual(['destructive:whole:content:content']);
    expect(whole(tool('update_note', '', { note_id: text, content: { type: 'string', description: 'Text appended to the note' } }))).toEqual([]);
  });

  it('reads content beside up to four other fields as the item’s whole content, and beside five as one field of a record', () => {
    const four = { title: text, tags: text, folder: text, author: text };
    expect(whole(tool('update_document', 'Update a document.', { document_id: text, content: text, ...four }))).toEqual(['destructive:whole:content:content']);
    expect(whole(tool('update_document', 'Update a document.', { document_id: text, content: text, ...four, status: text }))).toEqual([]);
  });

  it('counts only the call’s own fields: those inside an options object are one field', () => {
    const options = { type: 'object', properties: { encoding: text, branch: text, message: text, committer: text } };
    expect(whole(tool('update_file', 'Write a file to the repository.', { path: text, content: text, options }))).toEqual(['destructive:whole:content:content']);
  });

  it('does not count the item’s address as a field: its id, path, file path, name or url', () => {
    const four = { title: text, tags: text, folder: text, author: text };
    expect(whole(tool('update_file', 'Write a file.', { filepath: text, content: text, ...four }))).toEqual(['destructive:whole:content:content']);
    expect(whole(tool('update_file', 'Write a file.', { file_path: text, content: text, ...four }))).toEqual(['destructive:whole:content:content']);
    expect(whole(tool('update_page', 'Write a page.', { url: text, content: text, ...four }))).toEqual(['destructive:whole:content:content']);
  });

  it('counts a field that only starts or ends like an address word as a field', () => {
    const four = { title: text, tags: text, folder: text, author: text };
    // a display name, a key that starts with "id", a namespace: each is one more field of a record
    expect(whole(tool('update_document', 'Update a document.', { document_id: text, content: text, ...four, display_name: text }))).toEqual([]);
    expect(whole(tool('update_document', 'Update a document.', { document_id: text, content: text, ...four, idempotency_key: text }))).toEqual([]);
    expect(whole(tool('update_page', 'Update a wiki page.', { page_id: text, content: text, ...four, namespace: text }))).toEqual([]);
  });
});

describe('updating an item with its whole new content', () => {
  it('replaces it, quoting the content parameter, when one of the name\'s actions updates it', () => {
    expect(wholeContentSignals(tool('update_file', '', fileAndContent))).toEqual([replacesContent]);
    expect(wholeContentSignals(tool('move_and_update_file', '', fileAndContent))).toEqual([replacesContent]);
    expect(wholeContentSignals(tool('update_and_read_file', '', fileAndContent))).toEqual([replacesContent]);
  });
});
