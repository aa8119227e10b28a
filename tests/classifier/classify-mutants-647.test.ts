// Tests for the last two mutants of classifier/classify.ts lines 599-804 left undecided (docs/mutation.md):
// how an operation that a description lists in prose is judged. A bare verb under an "Actions:" heading acts on
// what the tool's name names, without the name's own verb; an operation with its object is read as a phrase too,
// and money moved in that phrase is money moved by the tool.
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../data/schema.ts';
import { classify, tool } from './class-helpers.ts';

/** Each operation as "name:category:scope:risk", with a star on the one that decides. */
const operationsOf = (c: Classification) => c.operations.map((o) => `${o.name}:${o.category}:${o.destructiveScope}:${o.risk}${o.decisive ? '*' : ''}`);

describe('a bare verb under an operations heading', () => {
  it("acts on the name's nouns, not with the name's own verb", () => {
    // "update" here updates keys in place; read with the name's "revoke" it would be one more revocation
    const c = classify(tool('revoke_keys', 'API key administration. Actions: get, update.'));
    expect(operationsOf(c)).toEqual(['get:read:none:low', 'update:write:in-place:medium']);
    // the tool is still judged by what its name does
    expect(c.risk).toBe('critical');
  });

  it("keeps the name's nouns: a bare delete of keys deletes credentials", () => {
    const c = classify(tool('rotate_keys', 'Works with keys. Actions: list, delete.', { id: { type: 'string' } }));
    expect(operationsOf(c)).toEqual(['list:read:none:low', 'delete:write:item:critical']);
  });
});

describe('an operation listed with its object', () => {
  it('moves money when its phrase does, though its name-like words alone do not say so', () => {
    const c = classify(tool('wallet', 'Commands for moving money between accounts and listing balances.'));
    expect(operationsOf(c)).toEqual(['moving money between accounts:write:in-place:critical*', 'listing balances:read:none:low']);
    expect(c.financial).toBe(true);
    expect(c.risk).toBe('critical');
  });

  it('is the same verdict in the "Supports …" form of the list', () => {
    const c = classify(tool('wallet', 'Supports moving money between wallets, listing balances.'));
    expect(c.operations.map((o) => `${o.name}:${o.risk}`)).toEqual(['moving money between wallets:critical', 'listing balances:low']);
    expect(c.financial).toBe(true);
  });
});
