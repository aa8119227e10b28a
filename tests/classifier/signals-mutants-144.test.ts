// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 140-199: what a verb does on a
// database server (verbEffects), orders named in the plural (nounSignals), and verifying who owns a domain, which a
// name does and prose mostly only looks up. Each says what the rule is for, in words and tools of its own.
import { describe, expect, it } from 'vitest';
import { nameSignals, proseSignals } from '../../classifier/signals.ts';
import { DATABASE, labels, PLAIN, proseWeighed } from './signal-helpers.ts';

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
