// Tests written for the mutants StrykerJS left alive in classifier/signals.ts (npm run mutate:chunks,
// lines 1-252, 253-506 and 507-766: the filtered-rows, documented-request and personal-record rules, the noun rules, and
// the personal-noun check, the memo of a name's primary verbs). Each says what the rule is for, in words and tools of its own.
import { describe, expect, it } from 'vitest';
import { billedResourceSignals, documentedRequestSignals, filteredRowsSignals, nameObject, personalRecordSignals, primaryVerbIndexes, serverTraits, type ServerTraits } from '../../classifier/signals.ts';
import { splitIdentifier } from '../../classifier/words.ts';
import { collectSignals } from '../../classifier/classify.ts';
import type { Signal } from '../../data/schema.ts';
import { labels, PLAIN, tool } from './signal-helpers.ts';

const PERSONAL: ServerTraits = { ui: false, database: false, personal: true, signals: [] };
const has = (signals: readonly Signal[], effect: string, label: string) => signals.some((signal) => signal.effect === effect && signal.label === label);

describe('rows changed through a required filter (filteredRowsSignals)', () => {
  const filter = { filter: { type: 'object' } };

  it('reads a change to rows picked by a required filter as broad', () => {
    expect(labels(filteredRowsSignals(tool('update_rows', '', filter, ['filter'])))).toEqual(['broad:phrase:by-filter:filter']);
    expect(labels(filteredRowsSignals(tool('delete_records', '', { where: { type: 'string' } }, ['where'])))).toEqual(['broad:phrase:by-filter:where']);
  });

  it('counts a name with a changing verb among others ("get or update")', () => {
    expect(labels(filteredRowsSignals(tool('get_or_update_rows', '', filter, ['filter'])))).toEqual(['broad:phrase:by-filter:filter']);
  });

  it('needs a name whose verb changes what exists: reading rows by a filter is not broad', () => {
    expect(filteredRowsSignals(tool('list_rows', '', filter, ['filter']))).toEqual([]);
    expect(filteredRowsSignals(tool('count_records', '', filter, ['filter']))).toEqual([]);
  });

  it('takes a name with no object at all without failing', () => {
    expect(filteredRowsSignals(tool('update', '', filter, ['filter']))).toEqual([]);
    expect(filteredRowsSignals(tool('delete', '', filter, ['filter']))).toEqual([]);
  });

  it('counts only a top-level filter the call must give', () => {
    // a filter nested in an options object is not the call's own required filter
    expect(filteredRowsSignals(tool('update_rows', '', { options: { type: 'object', properties: { filter: { type: 'object' } } } }, ['filter']))).toEqual([]);
    expect(filteredRowsSignals(tool('update_rows', '', filter))).toEqual([]);
  });
});

describe('requests documented with a method of the caller’s choosing (documentedRequestSignals)', () => {
  const request = "Body: { requests: [{ method: 'GET'|'PATCH'|'DELETE', url: '/me/events' }] }";

  it('reads a request field whose method may change or delete as a destructive write', () => {
    expect(labels(documentedRequestSignals(tool('batch', `Sends several calls at once. ${request}`)))).toEqual(['write:param:http-method:PATCH', 'destructive:param:http-method:PATCH']);
    // POST alone only adds
    expect(labels(documentedRequestSignals(tool('batch', "Each item is { method: 'GET'|'POST', path: '/items' }.")))).toEqual(['write:param:http-method:POST']);
  });

  it('reads only the first 3,000 characters of a description', () => {
    expect(documentedRequestSignals(tool('batch', `${'Notes on usage. '.repeat(200)}${request}`))).toEqual([]);
  });

  it('needs the address beside the method, not anywhere after it', () => {
    const far = "Each entry names a method: 'GET'|'DELETE' for the call. " + 'The rest of this text is about quotas and paging. '.repeat(8) + 'The url: field is optional.';
    expect(far.indexOf('url:') - far.indexOf('method')).toBeGreaterThan(300);
    expect(documentedRequestSignals(tool('batch', far))).toEqual([]);
  });
});

describe('reads on a server of people’s records (personalRecordSignals)', () => {
  it('reads a record word in the name as personal data', () => {
    expect(labels(personalRecordSignals(tool('search_deals'), PERSONAL))).toEqual(['sensitive:records:personal:deals']);
    // the record word first and the verb after it
    expect(labels(personalRecordSignals(tool('deals_search'), PERSONAL))).toEqual(['sensitive:records:personal:deals']);
  });

  it('does not read a setup word as a record (stages, fields, the schema of records)', () => {
    expect(personalRecordSignals(tool('list_deal_stages'), PERSONAL)).toEqual([]);
    expect(personalRecordSignals(tool('get_contact_fields'), PERSONAL)).toEqual([]);
    // the name acts on custom fields, of deals: no deal is read
    expect(personalRecordSignals(tool('get_deals_custom_fields'), PERSONAL)).toEqual([]);
    // a record word right before a setup word qualifies it, whatever the name's object is: field values of deals, no deal
    expect(personalRecordSignals(tool('list_deal_field_values'), PERSONAL)).toEqual([]);
    expect(labels(personalRecordSignals(tool('list_deal_values'), PERSONAL))).toEqual(['sensitive:records:personal:deal']);
  });

  it('reads a bare retrieving verb as a read of the records themselves, and two verbs only when both retrieve', () => {
    expect(labels(personalRecordSignals(tool('search'), PERSONAL))).toEqual(['sensitive:records:personal:search']);
    expect(labels(personalRecordSignals(tool('fetch'), PERSONAL))).toEqual(['sensitive:records:personal:fetch']);
    expect(personalRecordSignals(tool('search_export'), PERSONAL)).toEqual([]);
  });

  it('says nothing on other servers', () => {
    expect(personalRecordSignals(tool('search_deals'), PLAIN)).toEqual([]);
  });
});

describe('orders, identities and sweeping words in names and prose (nounSignals)', () => {
  const signalsOf = (name: string, description = '') => collectSignals(tool(name, description), PLAIN);

  it('reads placing an order as buying, and a market order as a trade, only where the order is what is acted on', () => {
    expect(has(signalsOf('place_order'), 'financial', 'verb:place-order')).toBe(true);
    expect(has(signalsOf('place_order'), 'write', 'verb:place')).toBe(true);
    expect(has(signalsOf('create_limit_order'), 'financial', 'noun:trade-order')).toBe(true);
    // the order is a modifier here: the name acts on its status
    expect(has(signalsOf('get_limit_order_history'), 'financial', 'noun:trade-order')).toBe(false);
    expect(has(signalsOf('place_order_summary'), 'financial', 'verb:place-order')).toBe(false);
    // an order with a verb at the end of the name (`order_cancel`): the word before the verb is the object
    expect(has(signalsOf('limit_order_cancel'), 'financial', 'noun:trade-order')).toBe(true);
    // only "place" places: cancelling, reading or updating a shop's order buys nothing
    for (const name of ['cancel_order', 'get_order', 'update_order']) expect(has(signalsOf(name), 'financial', 'verb:place-order'), name).toBe(false);
    // and only when what stands between is part of the order ("place a new food order"), not another object
    expect(has(signalsOf('place_new_food_order'), 'financial', 'verb:place-order')).toBe(true);
    expect(has(signalsOf('place_pin_near_order'), 'financial', 'verb:place-order')).toBe(false);
  });

  it('in prose, weighs an order the sentence opens by placing above one it only mentions', () => {
    const weightOf = (description: string) => signalsOf('submit', description).find((signal) => signal.where === 'description' && signal.label === 'noun:trade-order')?.weight;
    expect(weightOf('Places a limit order for the symbol.')).toBe(1);
    expect(weightOf('Returns the fills of a limit order placed earlier.')).toBe(0.5);
    expect(weightOf('Shows a summary; then places a market order.')).toBe(0.5);
  });

  it('reads verifying a domain or sender in a name as a write of who owns it, not a look-up', () => {
    expect(has(signalsOf('verify_domain'), 'write', 'verb:verify-ownership')).toBe(true);
    expect(has(signalsOf('verify_sender_identity'), 'write', 'verb:verify-ownership')).toBe(true);
    // the domain only qualifies what is verified here
    expect(has(signalsOf('verify_domain_records'), 'write', 'verb:verify-ownership')).toBe(false);
    expect(has(signalsOf('get_domain'), 'write', 'verb:verify-ownership')).toBe(false);
    // the verb acts on the object within three words before it, not from further away
    expect(has(signalsOf('verify_the_new_domain'), 'write', 'verb:verify-ownership')).toBe(true);
    expect(has(signalsOf('verify_my_new_custom_domain'), 'write', 'verb:verify-ownership')).toBe(false);
    // prose that verifies a domain mostly looks it up
    expect(has(signalsOf('check', 'Verify the domain is reachable.'), 'write', 'verb:verify-ownership')).toBe(false);
  });

  it('reads "everything" and "bulk" as acting on all a filter finds, and "all" only after a verb that changes', () => {
    expect(has(signalsOf('delete_everything_archived'), 'broad', 'noun:everything')).toBe(true);
    expect(has(signalsOf('delete_all_items'), 'broad', 'noun:all')).toBe(true);
    expect(has(signalsOf('list_all_items'), 'broad', 'noun:all')).toBe(false);
  });

  it('reads a token as a credential only when the word before says what kind', () => {
    expect(has(signalsOf('create_access_token'), 'sensitive', 'noun:token')).toBe(true);
    expect(has(signalsOf('count_tokens'), 'sensitive', 'noun:tokens')).toBe(false);
    // a name that starts with the word: nothing before it
    expect(() => signalsOf('tokens_count')).not.toThrow();
  });
});

describe('personal nouns (isPersonal)', () => {
  const sensitive = (name: string) => collectSignals(tool(name), PLAIN).some((signal) => signal.effect === 'sensitive');

  it('reads what is kept about a person as personal: the word before names the person', () => {
    expect(sensitive('get_customer_orders')).toBe(true);
    expect(sensitive('get_member_history')).toBe(true);
    expect(sensitive('get_product_history')).toBe(false);
    // not when the person word itself is qualified as the system's or one's own (`system customer orders` are fixtures)
    expect(sensitive('get_system_customer_orders')).toBe(false);
    expect(sensitive('get_my_customer_orders')).toBe(false);
  });

  it('reads replies as personal only under a thread or a message', () => {
    expect(sensitive('get_thread_replies')).toBe(true);
    expect(sensitive('get_message_replies')).toBe(true);
    expect(sensitive('get_threadpool_replies')).toBe(false);
  });

  it('takes a name with nothing but a record word without failing', () => {
    expect(() => collectSignals(tool('orders'), PLAIN)).not.toThrow();
    expect(() => collectSignals(tool('x'), serverTraits({ name: 'io.example/crm', description: 'A CRM for contacts and deals' }))).not.toThrow();
  });
});

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

describe('services deployed from a repository or an image (billedResourceSignals)', () => {
  const service = (properties: Record<string, unknown>) => billedResourceSignals({ name: 'create_service', inputSchema: { type: 'object', properties } }).map((signal) => signal.label);
  const nested = (depth: number): Record<string, unknown> => (depth === 1 ? { repo: { type: 'string' } } : { level: { type: 'object', properties: nested(depth - 1) } });

  it('bills a service created from a repository named up to three levels deep, not deeper', () => {
    expect(service(nested(1))).toEqual(['bills:service']);
    expect(service(nested(3))).toEqual(['bills:service']);
    expect(service(nested(4))).toEqual([]);
    expect(service({ name: { type: 'string' } })).toEqual([]);
  });
});

describe('taking something off an item, and opening an application, in prose', () => {
  const prose = (description: string) => collectSignals(tool('x', description), PLAIN).filter((signal) => signal.where === 'description');

  it('reads removing a thing from an item that stays as an in-place change', () => {
    expect(has(prose('Removes a label from an issue.'), 'write', 'phrase:detaches')).toBe(true);
    // a person word after "from" is the item, not someone taken off a team
    expect(has(prose('Removes a label from a member profile.'), 'write', 'phrase:detaches')).toBe(true);
    // a capital inside a word is not a service's name: only a capitalised word right after "from" is
    expect(has(prose('Removes a tag from iPhone photos.'), 'write', 'phrase:detaches')).toBe(true);
    expect(has(prose('Removes a contact from Resend.'), 'write', 'phrase:detaches')).toBe(false);
  });

  it('reads removing from a store of records, singular or plural, as deleting', () => {
    expect(has(prose('Removes a job from the queue.'), 'write', 'phrase:detaches')).toBe(false);
    expect(has(prose('Removes a file from the folders.'), 'write', 'phrase:detaches')).toBe(false);
  });

  it('reads opening something in or on an application of the host as launching it', () => {
    expect(has(prose('Open a URL in the iOS Simulator.'), 'execute', 'phrase:opens-app')).toBe(true);
    expect(has(prose('Opens the page on the simulator.'), 'execute', 'phrase:opens-app')).toBe(true);
    expect(has(prose('Opens the page with the simulator.'), 'execute', 'phrase:opens-app')).toBe(false);
  });
});

describe('the memo of a name\'s primary verbs (primaryVerbIndexes, lines 507-766)', () => {
  // the answer is kept per first token object and reused only for the very same list of tokens
  it('does not hand a shorter list\'s answer to a longer one that starts with the same token', () => {
    const tokens = splitIdentifier('get_or_create_page');
    expect([...primaryVerbIndexes(tokens.slice(0, 1))]).toEqual([0]);
    expect([...primaryVerbIndexes(tokens)].sort()).toEqual([0, 2]);
  });

  it('does not hand an answer to a list of the same length that differs after the first token', () => {
    const created = splitIdentifier('page_create_now');
    const named = splitIdentifier('page_title_text');
    expect([...primaryVerbIndexes(created)]).toEqual([1]);
    // the same first token object, other words after it
    expect([...primaryVerbIndexes([created[0]!, ...named.slice(1)])]).toEqual([]);
    // and the first answer is still the first list's
    expect([...primaryVerbIndexes(created)]).toEqual([1]);
  });
});
