// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 1019-1078 on rules-129 (seventeenth
// session): what a prose field's leading word may be. Only the first 4,000 characters of a description are read; a word in
// capitals is a keyword or a heading, not the verb; a noun-like word leading a Title Case title names a thing; and the first
// word leads when only punctuation comes before it.
import { describe, expect, it } from 'vitest';
import { proseWeighed as description } from './signal-helpers.ts';

const title = (text: string) => description(text, 'title');

describe('a description read for signals', () => {
  it('is read up to its 4,000th character, and no further', () => {
    const padding = 'x '.repeat(1900);
    expect(description(`Lists the rows. ${padding}It permanently drops the table.`)).toEqual([
      'read:verb:list:Lists:2',
      'destructive:phrase:irreversible:permanently:2',
    ]);
    // the same warning past the 4,000th character is not read: a huge description is flagged elsewhere
    expect(description(`Lists the rows. ${padding}${'x '.repeat(100)}It permanently drops the table.`)).toEqual(['read:verb:list:Lists:2']);
  });
});

describe('the leading word of a prose field', () => {
  it('is no verb when written in capitals (a SQL keyword, an HTTP method, a heading)', () => {
    expect(description('CREATE TABLE statements for every table in the schema.')).not.toContain('write:verb:create:CREATE:2');
    expect(description('CREATE TABLE statements for every table in the schema.').filter((signal) => signal.includes(':verb:'))).toEqual([]);
    // the same words in sentence case lead
    expect(description('Create table statements for every table in the schema.')).toContain('write:verb:create:Create:2');
  });

  it('is a thing, not an action, when a noun-like word leads a title (a Title Case title is a name)', () => {
    expect(title('Email Metrics')).toEqual([]);
    expect(title('Reports Overview')).toEqual([]);
    // in a description the same words lead
    expect(description('Email metrics for a campaign.')).toEqual(['write:verb:email:Email:2', 'messaging:verb:email:Email:2']);
    expect(description('Reports Overview')).toEqual(['write:verb:report:Reports:2']);
  });

  it('leads when only punctuation or symbols come before it', () => {
    for (const text of ['— Delete the record.', '## Delete the record.', '"Delete" the record.']) {
      expect(description(text), text).toEqual(['write:verb:delete:Delete:2', 'destructive:verb:delete:Delete:2']);
    }
  });
});
