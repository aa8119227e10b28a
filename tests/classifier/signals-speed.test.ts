// The shortcuts that make signals faster skip a pattern only when a word every match of it has is missing from the text
// (found by the one scan of trigger words). These are matches that depend on such words, some placed where a text is cut,
// so that a shortcut that skipped them would show here; each holds with the plain patterns too.
import { describe, expect, it } from 'vitest';
import { listedOperations, proseSignals, sideMoneySignals, serverTraits } from '../../classifier/signals.ts';
import type { McpTool } from '../../data/schema.ts';

const tool = (description: string, name = 'do_it'): McpTool => ({ name, description, inputSchema: { type: 'object', properties: {} } });
const labels = (description: string, name?: string) => sideMoneySignals(tool(description, name)).map((s) => s.label);
const traits = serverTraits({ name: 'io.example/generic' });

describe('side money: the words a payment or a transaction is said with', () => {
  it.each([
    'Fetch a URL; it will be paid automatically from the wallet.',
    'Registers the agent. Requires x402 USDC payment.',
    'Mints the token with an on-chain payment.',
    'Mints the token with an onchain payment.',
    'Calls the API and automatically charges the card.',
  ])('pays: %s', (description) => {
    expect(labels(description)).toContain('phrase:pays');
  });

  it.each([
    'Broadcasts a signed transaction to the network.',
    'Sends a raw transaction.',
    'Calls a state-changing function on the contract.',
    'Signs the transfer with the private key.',
  ])('moves assets: %s', (description) => {
    expect(labels(description)).toContain('phrase:moves-assets');
  });

  it('a payment cut where the first 1,500 characters end is still read there', () => {
    const lead = 'Reads a page. ';
    const padding = 'x '.repeat((1500 - lead.length - 'Uses automatic payment'.length) / 2);
    const description = `${lead}${padding}Uses automatic payment`;
    expect(description.length).toBe(1500);
    // the word goes on past the cut ("paymentx"): within the 1,500 characters read, it is "payment"
    expect(labels(`${description}x and more`)).toContain('phrase:pays');
  });

  it('nothing of the kind says nothing', () => {
    expect(labels('Lists the payments of a customer.')).toEqual([]);
    expect(labels('')).toEqual([]);
  });
});

describe('listed operations: the words a list of operations is introduced with', () => {
  it.each([
    'Commands for creating, listing and deleting workbooks.',
    'Sub-commands to create, list and remove tags.',
    'Supports creating, updating and deleting branches.',
    'Provides operations for listing and deleting files.',
    'Manage issues. Actions: list, get, delete.',
    'Manage issues. Available sub-commands: list, close.',
  ])('%s', (description) => {
    expect(new Set(listedOperations(description).map((o) => o.lemma)).size).toBeGreaterThanOrEqual(2);
  });

  it('a description the trigger scan reads first is read the same way after', () => {
    const description = 'Workbook tool. Commands for creating, listing and deleting workbooks.';
    const before = listedOperations(description);
    proseSignals(description, 'description', traits);
    expect(listedOperations(description)).toEqual(before);
    expect(before.map((o) => o.lemma)).toEqual(['create', 'list', 'delete']);
  });
});

describe('prose: negations and phrases found through their trigger words', () => {
  it.each([
    ['Read-only: returns the list of files.', 'phrase:negation'],
    ['Returns the list. Does not modify anything.', 'phrase:negation'],
    ['Deletes the file permanently.', 'phrase:irreversible'],
    ['Runs arbitrary SQL against the database.', 'phrase:arbitrary'],
  ])('%s', (description, label) => {
    expect(proseSignals(description, 'description', traits).map((s) => s.label)).toContain(label);
  });
});
