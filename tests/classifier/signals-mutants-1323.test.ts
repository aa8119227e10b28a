// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 1323-1427: the declared annotations
// (annotationSignals) and the operations a description lists in prose (listedOperations, with the opening run of verbs,
// a verb's form and the clause after a heading). Each says what the rule is for, in words and tools of its own.
import { describe, expect, it } from 'vitest';
import { annotationSignals, listedOperations } from '../../classifier/signals.ts';
import { labels, tool } from './signal-helpers.ts';

/** Each listed operation as `lemma:object`. */
const listed = (description: string) => listedOperations(description).map((operation) => `${operation.lemma}:${operation.object}`);

describe('declared annotations (annotationSignals)', () => {
  it('takes a destructive hint only from a tool that does not also say it is read-only', () => {
    const deleteFile = tool('delete_file', 'Deletes a file from the workspace.', { path: { type: 'string' } }, ['path']);
    expect(labels(annotationSignals({ ...deleteFile, annotations: { destructiveHint: true } }))).toEqual(['destructive:hint:destructive:true']);
    // a server that calls the tool read-only and destructive at once is believed on the read-only side
    expect(labels(annotationSignals({ ...deleteFile, annotations: { readOnlyHint: true, destructiveHint: true } }))).toEqual(['read:hint:readOnly:true']);
  });
});

describe('operations listed in prose (listedOperations)', () => {
  it('finds no list in a description that has none', () => {
    expect(listedOperations('Get the current weather for a city.')).toEqual([]);
  });

  it('needs two different verbs: the same verb on two objects is one action', () => {
    expect(listedOperations('Calendar sync. Supports creating events and creating calendars.')).toEqual([]);
    expect(listed('Calendar sync. Supports creating events and deleting calendars.')).toEqual(['create:events', 'delete:calendars']);
  });

  it('reads only the first 2,000 characters for a list', () => {
    const list = 'Commands for creating, listing and deleting workbooks.';
    expect(listed(list)).toEqual(['create:workbooks', 'list:workbooks', 'delete:workbooks']);
    const notes = 'Notes on usage. '.repeat(130);
    expect(notes.length).toBeGreaterThan(2000);
    expect(listedOperations(`${notes}${list}`)).toEqual([]);
  });

  it('keeps at most 30 operations', () => {
    const objects = ['users', 'teams', 'projects', 'roles', 'groups', 'folders', 'webhooks', 'tokens'];
    const description = `Workspace administration. ${objects.map((object) => `Supports creating ${object}, updating ${object}, deleting ${object} and listing ${object}.`).join(' ')}`;
    const all = objects.flatMap((object) => ['create', 'update', 'delete', 'list'].map((lemma) => `${lemma}:${object}`));
    expect(all).toHaveLength(32);
    expect(listed(description)).toEqual(all.slice(0, 30));
  });

  it('lists an operation once when the description says it twice', () => {
    const operations = listedOperations('Create, update or delete events. Supports creating events, updating events and deleting events.');
    expect(operations.map((operation) => operation.text)).toEqual(['creating events', 'updating events', 'deleting events']);
  });

  it('tells objects apart by their letters, not only up to case (German "Maße" and "Masse" are different words)', () => {
    expect(listed('Commands for creating Maße, creating Masse and deleting Masse.')).toEqual(['create:Maße', 'create:Masse', 'delete:Masse']);
    // the same object in another case is the same operation
    expect(listed('Commands for creating Masse, creating MASSE and deleting Masse.')).toEqual(['create:Masse', 'delete:Masse']);
  });
});

describe('verbs that open a description (openingVerbs, verbForm)', () => {
  it('reads verbs in a row at the start as operations on the object after them', () => {
    expect(listed('Create, list, update or remove events.')).toEqual(['create:events', 'list:events', 'update:events', 'remove:events']);
  });

  it('needs the verbs in one form: a verb in another form after the first says how the first is done', () => {
    expect(listedOperations('Search, returning matching issues with their status.')).toEqual([]);
    expect(listedOperations('Fetch, parsing the response as JSON.')).toEqual([]);
    expect(listed('Searches, updates or closes issues.')).toEqual(['search:issues', 'update:issues', 'close:issues']);
    // the form is the word's ending: "ingests" is an "-s" form like "updates", though it starts with "ing"
    expect(listed('Ingests, updates and deletes documents.')).toEqual(['ingest:documents', 'update:documents', 'delete:documents']);
  });

  it('needs the description to start with the verbs, with no letters of any script before them', () => {
    expect(listedOperations('(注意) Create, list or delete events.')).toEqual([]);
  });

  it('reads a participle after a verb of another form as words about the objects ("shared files")', () => {
    expect(listedOperations('File browser. Supports listing files, shared files and deleted files.')).toEqual([]);
    expect(listed('File browser. Supports listing files, sharing files and deleting files.')).toEqual(['list:files', 'share:files', 'delete:files']);
  });
});

describe('the clause a list is read from (clauseAfter)', () => {
  it('ends at a period that ends the text, so an operation written as an identifier stays whole', () => {
    expect(listed('Order desk. Actions: list_orders, get_order.')).toEqual(['list:orders', 'get:order']);
    // (the operation keeps the identifier as written, as its quote)
    expect(listedOperations('Order desk for the shop. Actions: list_orders, get_order.').map((operation) => operation.text)).toEqual(['list_orders', 'get_order']);
  });

  it('ends at a colon followed by a space: what follows explains the list', () => {
    expect(listed('File access for the workspace. Supports reading and writing files: read returns the content, write replaces it.')).toEqual(['read:files', 'write:files']);
  });

  it('ends before "such as", however many spaces stand between its words', () => {
    expect(listed('Record sync. Supports creating and deleting records such as contacts and deals.')).toEqual(['create:records', 'delete:records']);
    expect(listed('Record sync. Supports creating and deleting records  such  as contacts and deals.')).toEqual(['create:records', 'delete:records']);
  });

  it('drops an aside in brackets and keeps the words around it apart', () => {
    expect(listed('Workbook tool. Supports creating workbooks (xlsx) and deleting workbooks.')).toEqual(['create:workbooks', 'delete:workbooks']);
    // an aside written without spaces around it
    expect(listed('Workbook tool. Supports creating workbooks(xlsx)and deleting workbooks.')).toEqual(['create:workbooks', 'delete:workbooks']);
  });
});
