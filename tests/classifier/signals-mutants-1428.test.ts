// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 1428-1530: operationsIn (the
// operations of one list in prose, read through listedOperations) and addedStateSignals (approving a request or claiming
// what no one holds adds state). Each says what the rule is for, in words and tools of its own.
import { describe, expect, it } from 'vitest';
import { addedStateSignals, listedOperations } from '../../classifier/signals.ts';
import { classify, verdict } from './class-helpers.ts';
import { labels, tool } from './signal-helpers.ts';

/** Each listed operation as [text, lemma, object]. */
const listed = (description: string) => listedOperations(description).map((operation) => [operation.text, operation.lemma, operation.object]);
const added = (name: string, description = '', properties: Record<string, unknown> = {}) => labels(addedStateSignals(tool(name, description, properties)));

describe('operations listed in prose (listedOperations)', () => {
  it('splits two verbs joined by a slash, but keeps a slash between a verb and a noun inside the object', () => {
    // "email" is a verb and "SMS" is not: "email/SMS templates" is what is created, listed and deleted
    expect(listed('Commands for creating, listing and deleting email/SMS templates.')).toEqual([
      ['creating email/SMS templates', 'create', 'email/SMS templates'],
      ['listing email/SMS templates', 'list', 'email/SMS templates'],
      ['deleting email/SMS templates', 'delete', 'email/SMS templates'],
    ]);
    expect(listed('Commands for locking/unlocking settings.')).toEqual([
      ['locking settings', 'lock', 'settings'],
      ['unlocking settings', 'unlock', 'settings'],
    ]);
  });

  it('splits two verbs joined by a slash though an aside in brackets stood beside each ("get(id)/delete(id)")', () => {
    expect(listed('Repository tool. Actions: create(name)/delete(id), list.').map(([, lemma]) => lemma)).toEqual(['create', 'delete', 'list']);
    expect(listed('Commands for locking / unlocking settings.')).toEqual([
      ['locking settings', 'lock', 'settings'],
      ['unlocking settings', 'unlock', 'settings'],
    ]);
    // the whole tool: a delete among its actions, however the slash is written
    const actions = (description: string) => classify(tool('repositories', description, { action: { type: 'string' }, id: { type: 'string' } }));
    expect(verdict(actions('Manage repositories. Actions: get(id)/delete(id), list.'))).toBe(verdict(actions('Manage repositories. Actions: get/delete, list.')));
    expect(actions('Manage repositories. Actions: get(id)/delete(id), list.').destructive).toBe(true);
  });

  it('takes the object of an identifier read as prose without the joining underscore ("get_order by id" gets an order)', () => {
    expect(listed('Manages orders. Operations: list_orders, get_order by id')).toEqual([
      ['list_orders', 'list', 'orders'],
      ['get order', 'get', 'order'],
    ]);
  });

  it('ends the list at an item that opens with examples ("like …")', () => {
    expect(listed('Commands for creating, listing and deleting workbooks, like budgets, and sending reports.')).toEqual([
      ['creating workbooks', 'create', 'workbooks'],
      ['listing workbooks', 'list', 'workbooks'],
      ['deleting workbooks', 'delete', 'workbooks'],
    ]);
  });

  it('goes on past an item that has "like" further in', () => {
    expect(listed('Commands for creating folders, deleting pages like drafts, and listing tags.')).toEqual([
      ['creating folders', 'create', 'folders'],
      ['deleting pages like drafts', 'delete', 'pages like drafts'],
      ['listing tags', 'list', 'tags'],
    ]);
  });

  it('reads an identifier under a heading as one operation with its own object', () => {
    expect(listed('Manages orders. Operations: list_orders, get_order, cancel_order')).toEqual([
      ['list_orders', 'list', 'orders'],
      ['get_order', 'get', 'order'],
      ['cancel_order', 'cancel', 'order'],
    ]);
    // an aside in brackets leaves spaces after the identifier: still the identifier alone
    expect(listed('Manages orders. Operations: list_orders, get_order (by id).')).toEqual([
      ['list_orders', 'list', 'orders'],
      ['get_order', 'get', 'order'],
    ]);
  });

  it('reads an identifier as an operation only when it is the whole item', () => {
    // a word before it ("maybe cancel_order") or words after it ("get-order by id") make it something else
    expect(listed('Manages orders. Operations: list_orders, get_order, maybe cancel_order')).toEqual([
      ['list_orders', 'list', 'orders'],
      ['get_order', 'get', 'order'],
    ]);
    expect(listed('Manages orders. Operations: list_orders, create_order, get-order by id')).toEqual([
      ['list_orders', 'list', 'orders'],
      ['create_order', 'create', 'order'],
    ]);
  });

  it('reads a noun-like word after objects as one more object, even in the verbs’ own form', () => {
    // "commit message" is a thing to list by, not a commit
    expect(listed('Commands to list issues by author, date, or commit message, and close issues')).toEqual([
      ['list issues', 'list', 'issues'],
      ['close issues', 'close', 'issues'],
    ]);
  });

  it('keeps bare verbs under a heading as operations on what the tool fronts, with no object', () => {
    expect(listed('Manage notes. Actions: list, create, delete')).toEqual([
      ['list', 'list', ''],
      ['create', 'create', ''],
      ['delete', 'delete', ''],
    ]);
  });

  it('does not end the list at an item with no words at all', () => {
    // the aside is dropped, leaving an empty first item before the verbs
    expect(listed('Manage tags. Actions: (see docs), list, create, delete')).toEqual([
      ['list', 'list', ''],
      ['create', 'create', ''],
      ['delete', 'delete', ''],
    ]);
  });

  it('reads a verb with a mode glued on by a colon ("delete:permanent") as the bare verb', () => {
    expect(listed('Manage notes. Actions: list, archive, delete:permanent')).toEqual([
      ['list', 'list', ''],
      ['archive', 'archive', ''],
      ['delete', 'delete', ''],
    ]);
  });

  it('drops all the punctuation at the end of an object', () => {
    expect(listed('Commands for creating, listing and deleting files...')).toEqual([
      ['creating files', 'create', 'files'],
      ['listing files', 'list', 'files'],
      ['deleting files', 'delete', 'files'],
    ]);
    // also where a clause about something else follows ("… from the server")
    expect(listed('Commands for creating, listing and purging old logs!! from the server.')).toEqual([
      ['creating old logs', 'create', 'old logs'],
      ['listing old logs', 'list', 'old logs'],
      ['purging old logs', 'purge', 'old logs'],
    ]);
  });
});

describe('approving a request or claiming what no one holds (addedStateSignals)', () => {
  it('reads approving or accepting a request as adding state', () => {
    expect(added('approve_request')).toEqual(['write:adds-state:approve:request']);
    expect(added('approve_join_requests')).toEqual(['write:adds-state:approve:requests']);
    expect(added('approve', 'Approves a join request.')).toEqual(['write:adds-state:approve:request']);
  });

  it('finds the request before the verb in a name written object first', () => {
    expect(added('dm_request_accept')).toEqual(['write:adds-state:accept:request']);
    expect(added('request_approve')).toEqual(['write:adds-state:approve:request']);
  });

  it('leaves a request for a change, or a request that is only a modifier, to its own verdict', () => {
    expect(added('approve_pull_request')).toEqual([]);
    // a "request completion" is a completion
    expect(added('accept_request_completion')).toEqual([]);
  });

  it('reads claiming the next or an unclaimed item as adding state, only when it follows the verb closely', () => {
    expect(added('claim_next_task')).toEqual(['write:adds-state:claim:next']);
    // "next" far from the verb says nothing about what is claimed
    expect(added('claim_ticket', 'Claim the ticket you were assigned for the next sprint')).toEqual([]);
  });

  it('keeps the verdict when a parameter says the call also updates something', () => {
    expect(added('accept_invite_request', '', { member_id: { type: 'string', description: 'Member ID (updates member status to active)' } })).toEqual([]);
  });

  it('reads only parameter descriptions that are text', () => {
    // a malformed schema from a server: a list where a description should be is not read as one
    expect(added('accept_invite_request', '', { member_id: { type: 'string', description: ['Updates member status'] } })).toEqual(['write:adds-state:accept:request']);
  });
});
