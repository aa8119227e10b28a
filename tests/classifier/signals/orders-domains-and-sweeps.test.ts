// Nouns that change what a verb does: an order placed (a purchase or a trade), a domain or sender verified (a write of
// who owns it), "all" or "bulk" (everything a filter finds), a kind of token (a credential), and "query" on a database.
import { describe, expect, it } from 'vitest';
import { collectSignals } from '../../../classifier/classify.ts';
import { nameSignals, proseSignals } from '../../../classifier/signals.ts';
import type { RawSignal as Signal } from '../../../data/schema.ts';
import { DATABASE, labels, PLAIN, proseWeighed, tool } from '../signal-helpers.ts';

const has = (signals: readonly Signal[], effect: string, label: string) => signals.some((signal) => signal.effect === effect && signal.label === label);

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

describe('"query" on a database server (verbEffects)', () => {
  it('runs a query of the caller\'s choosing on a database server, and reads elsewhere', () => {
    expect(labels(nameSignals('query', DATABASE))).toEqual(['execute:verb:query:query']);
    expect(labels(nameSignals('query', PLAIN))).toEqual(['read:verb:query:query']);
  });

  it('says so in prose as well as in a name', () => {
    expect(labels(proseSignals('Query the rows of a table.', 'description', DATABASE))).toContain('execute:verb:query:Query');
    expect(labels(proseSignals('Query the rows of a table.', 'description', PLAIN))).toContain('read:verb:query:Query');
  });
});

describe('orders named in the plural (nounSignals)', () => {
  it('trades when it places orders, as when it places one', () => {
    // "limit orders" are market orders whatever the number; the sentence opens by placing them, so it says what the tool does
    expect(proseWeighed('Places limit orders on the exchange.')).toEqual([
      'financial:noun:trade-order:orders:1',
      'write:verb:place:Places:0.5',
    ]);
    expect(labels(nameSignals('place_orders', PLAIN))).toEqual(expect.arrayContaining(['financial:verb:place-order:orders', 'write:verb:place:place']));
  });
});

describe('verifying who owns a domain or a sender', () => {
  it('changes the verified state when the name verifies, in either form of the verb', () => {
    expect(labels(nameSignals('verify_domain', PLAIN))).toContain('write:verb:verify-ownership:domain');
    // a name may say what the tool does in the third person, as prose does ("verifies_sender")
    expect(labels(nameSignals('verifies_sender', PLAIN))).toContain('write:verb:verify-ownership:sender');
  });

  it('only looks the owner up when prose verifies: the name says what the tool changes', () => {
    const signals = labels(proseSignals('Verify a sender domain and report which DNS records are missing.', 'description', PLAIN));
    expect(signals).toContain('read:verb:verify:Verify');
    expect(signals.filter((label) => label.includes('verify-ownership'))).toEqual([]);
  });
});
