// Personal data: what is kept about a person (isPersonal), and reads of the records on a server of people's records
// (personalRecordSignals).
import { describe, expect, it } from 'vitest';
import { collectSignals } from '../../../classifier/classify.ts';
import { personalRecordSignals, serverTraits, type ServerTraits } from '../../../classifier/signals.ts';
import { labels, PLAIN, tool } from '../signal-helpers.ts';

const PERSONAL: ServerTraits = { ui: false, database: false, personal: true, signals: [] };

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
