// The object a tool name acts on (nameObject): the last word past a version suffix, the word before a final verb, and
// the end of the object at a preposition, so a qualifier after it (`get_api_key_for_project`) does not hide what is
// acted on.
import { describe, expect, it } from 'vitest';
import { collectSignals } from '../../../classifier/classify.ts';
import { filteredRowsSignals, nameObject, nameSignals, primaryVerbIndexes } from '../../../classifier/signals.ts';
import { splitIdentifier } from '../../../classifier/words.ts';
import type { McpTool } from '../../../data/schema.ts';
import { classify } from '../class-helpers.ts';
import { labels, PLAIN, tool } from '../signal-helpers.ts';

const found = (definition: McpTool, pattern: RegExp) => labels(collectSignals(definition, PLAIN)).filter((label) => pattern.test(label));
const revealedByName = (name: string) => found(tool(name), /:reveals:/);

describe('the object a name acts on (nameObject)', () => {
  const objectOf = (name: string) => {
    const tokens = splitIdentifier(name);
    return tokens[nameObject(tokens, primaryVerbIndexes(tokens))]?.word;
  };

  it('is the last word, past a version suffix of any length, but never a word that only ends like one', () => {
    expect(objectOf('get_contacts')).toBe('contacts');
    expect(objectOf('mail_listMailboxesV1')).toBe('mailboxes');
    expect(objectOf('get_items_2024')).toBe('items');
    // "csv" and "env" end in a v, and are the objects
    expect(objectOf('export_csv')).toBe('csv');
    expect(objectOf('get_env')).toBe('env');
  });

  it('is the word before a final verb, and a lone word is its own object', () => {
    expect(objectOf('contacts_list')).toBe('contacts');
    expect(objectOf('list')).toBe('list');
    expect(objectOf('v1')).toBe('v');
  });
});

describe('the object of a name that does two things (nameObject)', () => {
  it('ends the first verb\'s object at the preposition after it, not after the second verb', () => {
    // `create_key_for_user_and_send_email` creates a key (then mails it): the key is a credential it administers
    expect(labels(nameSignals('create_key_for_user_and_send_email', PLAIN))).toContain('privileged:noun:key:key');
    // one verb: the same key, the same signal
    expect(labels(nameSignals('create_key_for_user', PLAIN))).toContain('privileged:noun:key:key');
  });
});

describe("a name's object ends at a preposition that follows it (nameObject)", () => {
  it('issuing a key for a user administers a credential, as issuing a key does', () => {
    expect(found(tool('create_api_key_for_user'), /noun:key/)).toEqual(['privileged:noun:key:key']);
    expect(classify(tool('create_api_key_for_user')).risk).toBe(classify(tool('create_api_key')).risk);
  });

  it('a read of customers or messages by some key returns personal data; of payables by contact, none', () => {
    expect(found(tool('get_customer_by_id'), /personal/)).toEqual(['sensitive:personal:customer:customer']);
    expect(found(tool('get_messages_from_channel'), /personal/)).toEqual(['sensitive:personal:messages:messages']);
    expect(found(tool('list_payables_by_contact'), /personal/)).toEqual([]);
    expect(classify(tool('get_customer_by_id')).risk).toBe('medium');
  });

  it('deleting rows from a table by a required filter deletes what the filter matches', () => {
    expect(labels(filteredRowsSignals(tool('delete_rows_from_table', '', { where: { type: 'string' } }, ['where'])))).toEqual(['broad:phrase:by-filter:where']);
  });

  it('takes "and" as joining another object, not ending it: a username and a password hands over the password', () => {
    expect(revealedByName('get_username_and_password')).toEqual(['privileged:reveals:credential:password']);
  });
});
