// The operations a description lists in prose (listedOperations): where a list starts and ends, what the verb and the
// object of each item are, and when a list is no list. A multi-action tool is judged by the riskiest of them.
import { describe, expect, it } from 'vitest';
import { listedOperations } from '../../../classifier/signals.ts';
import { classify, verdict } from '../class-helpers.ts';
import { listed as operations, tool } from '../signal-helpers.ts';

/** Each listed operation as `lemma:object`. */
const listed = (description: string) => listedOperations(description).map((operation) => `${operation.lemma}:${operation.object}`);
/** Each listed operation as [text, lemma, object]. */
const listedParts = (description: string) => listedOperations(description).map((operation) => [operation.text, operation.lemma, operation.object]);

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

describe('operations listed in prose (listedOperations)', () => {
  it('splits two verbs joined by a slash, but keeps a slash between a verb and a noun inside the object', () => {
    // "email" is a verb and "SMS" is not: "email/SMS templates" is what is created, listed and deleted
    expect(listedParts('Commands for creating, listing and deleting email/SMS templates.')).toEqual([
      ['creating email/SMS templates', 'create', 'email/SMS templates'],
      ['listing email/SMS templates', 'list', 'email/SMS templates'],
      ['deleting email/SMS templates', 'delete', 'email/SMS templates'],
    ]);
    expect(listedParts('Commands for locking/unlocking settings.')).toEqual([
      ['locking settings', 'lock', 'settings'],
      ['unlocking settings', 'unlock', 'settings'],
    ]);
  });

  it('splits two verbs joined by a slash though an aside in brackets stood beside each ("get(id)/delete(id)")', () => {
    expect(listedParts('Repository tool. Actions: create(name)/delete(id), list.').map(([, lemma]) => lemma)).toEqual(['create', 'delete', 'list']);
    expect(listedParts('Commands for locking / unlocking settings.')).toEqual([
      ['locking settings', 'lock', 'settings'],
      ['unlocking settings', 'unlock', 'settings'],
    ]);
    // the whole tool: a delete among its actions, however the slash is written
    const actions = (description: string) => classify(tool('repositories', description, { action: { type: 'string' }, id: { type: 'string' } }));
    expect(verdict(actions('Manage repositories. Actions: get(id)/delete(id), list.'))).toBe(verdict(actions('Manage repositories. Actions: get/delete, list.')));
    expect(actions('Manage repositories. Actions: get(id)/delete(id), list.').destructive).toBe(true);
  });

  it('takes the object of an identifier read as prose without the joining underscore ("get_order by id" gets an order)', () => {
    expect(listedParts('Manages orders. Operations: list_orders, get_order by id')).toEqual([
      ['list_orders', 'list', 'orders'],
      ['get order', 'get', 'order'],
    ]);
  });

  it('ends the list at an item that opens with examples ("like …")', () => {
    expect(listedParts('Commands for creating, listing and deleting workbooks, like budgets, and sending reports.')).toEqual([
      ['creating workbooks', 'create', 'workbooks'],
      ['listing workbooks', 'list', 'workbooks'],
      ['deleting workbooks', 'delete', 'workbooks'],
    ]);
  });

  it('goes on past an item that has "like" further in', () => {
    expect(listedParts('Commands for creating folders, deleting pages like drafts, and listing tags.')).toEqual([
      ['creating folders', 'create', 'folders'],
      ['deleting pages like drafts', 'delete', 'pages like drafts'],
      ['listing tags', 'list', 'tags'],
    ]);
  });

  it('reads an identifier under a heading as one operation with its own object', () => {
    expect(listedParts('Manages orders. Operations: list_orders, get_order, cancel_order')).toEqual([
      ['list_orders', 'list', 'orders'],
      ['get_order', 'get', 'order'],
      ['cancel_order', 'cancel', 'order'],
    ]);
    // an aside in brackets leaves spaces after the identifier: still the identifier alone
    expect(listedParts('Manages orders. Operations: list_orders, get_order (by id).')).toEqual([
      ['list_orders', 'list', 'orders'],
      ['get_order', 'get', 'order'],
    ]);
  });

  it('reads an identifier as an operation only when it is the whole item', () => {
    // a word before it ("maybe cancel_order") or words after it ("get-order by id") make it something else
    expect(listedParts('Manages orders. Operations: list_orders, get_order, maybe cancel_order')).toEqual([
      ['list_orders', 'list', 'orders'],
      ['get_order', 'get', 'order'],
    ]);
    expect(listedParts('Manages orders. Operations: list_orders, create_order, get-order by id')).toEqual([
      ['list_orders', 'list', 'orders'],
      ['create_order', 'create', 'order'],
    ]);
  });

  it('reads a noun-like word after objects as one more object, even in the verbs’ own form', () => {
    // "commit message" is a thing to list by, not a commit
    expect(listedParts('Commands to list issues by author, date, or commit message, and close issues')).toEqual([
      ['list issues', 'list', 'issues'],
      ['close issues', 'close', 'issues'],
    ]);
  });

  it('keeps bare verbs under a heading as operations on what the tool fronts, with no object', () => {
    expect(listedParts('Manage notes. Actions: list, create, delete')).toEqual([
      ['list', 'list', ''],
      ['create', 'create', ''],
      ['delete', 'delete', ''],
    ]);
  });

  it('does not end the list at an item with no words at all', () => {
    // the aside is dropped, leaving an empty first item before the verbs
    expect(listedParts('Manage tags. Actions: (see docs), list, create, delete')).toEqual([
      ['list', 'list', ''],
      ['create', 'create', ''],
      ['delete', 'delete', ''],
    ]);
  });

  it('reads a verb with a mode glued on by a colon ("delete:permanent") as the bare verb', () => {
    expect(listedParts('Manage notes. Actions: list, archive, delete:permanent')).toEqual([
      ['list', 'list', ''],
      ['archive', 'archive', ''],
      ['delete', 'delete', ''],
    ]);
  });

  it('drops all the punctuation at the end of an object', () => {
    expect(listedParts('Commands for creating, listing and deleting files...')).toEqual([
      ['creating files', 'create', 'files'],
      ['listing files', 'list', 'files'],
      ['deleting files', 'delete', 'files'],
    ]);
    // also where a clause about something else follows ("… from the server")
    expect(listedParts('Commands for creating, listing and purging old logs!! from the server.')).toEqual([
      ['creating old logs', 'create', 'old logs'],
      ['listing old logs', 'list', 'old logs'],
      ['purging old logs', 'purge', 'old logs'],
    ]);
  });
});

describe('the operations a description lists', () => {
  it('are bare verbs after the first sentence\'s colon, acting on what it follows', () => {
    expect(operations('Manage branches: list, create, delete')).toEqual(['list||list', 'create||create', 'delete||delete']);
    expect(operations('Manage branches: list, create, delete branches')).toEqual(['list|branches|list branches', 'create|branches|create branches', 'delete|branches|delete branches']);
  });

  it('make a multi-action tool as risky as the riskiest of them', () => {
    const bare = classify(tool('manage_branches', 'Manage branches: list, create, delete'));
    const withObject = classify(tool('manage_branches', 'Manage branches: list, create, delete branches'));
    expect([bare.category, bare.risk]).toEqual([withObject.category, withObject.risk]);
    expect(bare.risk).toBe('high');
  });

  it('are two or more verbs opening the text, sharing the object after them', () => {
    expect(operations('Create or delete events.')).toEqual(['create|events|Create events', 'delete|events|delete events']);
  });

  it('are none when the verbs are in the middle of a sentence with no heading and no colon', () => {
    expect(operations('The tool can create, update and delete events.')).toEqual([]);
  });

  it('are none for bare verbs with neither heading nor colon, whatever mark the text starts with', () => {
    // (no colon is no clause after one: the first sentence less its first mark is no heading's list)
    expect(operations('- list, create, delete')).toEqual([]);
    expect(operations('·list, create, delete')).toEqual([]);
  });

  it('leave out choosing one of the operations', () => {
    expect(operations('Supports running any of the actions, creating workbooks and deleting workbooks')).toEqual([
      'create|workbooks|creating workbooks',
      'delete|workbooks|deleting workbooks',
    ]);
    expect(operations('Commands for running the requested operations, creating workbooks and deleting workbooks')).toEqual([
      'create|workbooks|creating workbooks',
      'delete|workbooks|deleting workbooks',
    ]);
  });
});

describe('a list of operations', () => {
  it('opens with verbs joined by "and" or "or"', () => {
    expect(operations('Create and delete events.')).toEqual(['create|events|Create events', 'delete|events|delete events']);
    expect(operations('Create or delete events.')).toEqual(['create|events|Create events', 'delete|events|delete events']);
  });

  it('is no list when its verbs have no object and no heading says what they act on', () => {
    expect(operations('Create, update or delete.')).toEqual([]);
  });

  it('is no list when its first item is not a verb, and goes on past an object among the verbs', () => {
    expect(operations('Supports pagination, creating and deleting workbooks')).toEqual([]);
    expect(operations('Supports creating, pagination and deleting workbooks')).toEqual(['create|workbooks|creating workbooks', 'delete|workbooks|deleting workbooks']);
  });
});

describe('where a list ends', () => {
  it('at a sentence glued to the next one ("contactsThis tool is…")', () => {
    expect(operations('Commands for creating contacts and deleting contactsThis tool is for admins.')).toEqual([
      'create|contacts|creating contacts',
      'delete|contacts|deleting contacts',
    ]);
  });

  it('not at a dot inside a word, and at a dash between spaces', () => {
    expect(operations('Commands for creating config.yaml files and deleting config.yaml files')).toEqual([
      'create|config.yaml files|creating config.yaml files',
      'delete|config.yaml files|deleting config.yaml files',
    ]);
    expect(operations('Commands for creating and deleting branches - requires admin rights')).toEqual(['create|branches|creating branches', 'delete|branches|deleting branches']);
  });
});

describe("an item's object", () => {
  it('is the words of an operation written as an identifier under a heading', () => {
    expect(operations('Works on orders. Actions: get_order_items, delete_order_items')).toEqual([
      'get|order items|get_order_items',
      'delete|order items|delete_order_items',
    ]);
  });

  it('keeps a preposition that follows the verb at once ("listing by author")', () => {
    expect(operations('Supports listing by author and deleting by date')).toEqual(['list|by author|listing by author', 'delete|by date|deleting by date']);
  });

  it('keeps its own hyphens, drops the separators that joined it to the verb, and has at most six words', () => {
    expect(operations('Commands for creating read-only replicas and deleting read-only replicas')).toEqual([
      'create|read-only replicas|creating read-only replicas',
      'delete|read-only replicas|deleting read-only replicas',
    ]);
    expect(operations('Supports create__report and delete__report')).toEqual(['create|report|create report', 'delete|report|delete report']);
    expect(operations('Supports creating one two three four five six seven and deleting files')).toEqual([
      'create|one two three four five six|creating one two three four five six',
      'delete|files|deleting files',
    ]);
  });
});
