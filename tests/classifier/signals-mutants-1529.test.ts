// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 1529-1609 on rules-129 (seventeenth
// session): how listedOperations cuts a list into operations (openingVerbs, clauseAfter, operationsIn): where a clause
// ends, what an item's object is, and when a list is no list.
import { describe, expect, it } from 'vitest';
import { listed as operations } from './signal-helpers.ts';

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
