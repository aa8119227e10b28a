// Money moved or not, as the description says it. Two classes: a money word that only names what follows it ("payout reports") was money moved,
// and money moved by a verb the lexicon does not know, or knows as a read ("Issue a refund", "Capture a payment
// intent"), was a read. Each case is a tool of its own, not a catalog tool's wording.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from './class-helpers.ts';

const AMOUNT = { id: { type: 'string' }, amount: { type: 'number' } };
const judged = (description: string) => {
  const c = classify(tool('tool', description, AMOUNT));
  return `${verdict(c)}${c.financial ? ' financial' : ''}`;
};

describe('a money word before a noun that names a record of it moves no money', () => {
  it('sends, updates or creates the record, at the risk of doing that', () => {
    expect(judged('Sends payout reports to the accountant.')).toBe('write medium');
    expect(judged('Updates charge records.')).toBe('write+destructive medium');
    expect(judged('Emails pay stubs to employees.')).toBe('write medium');
    expect(judged('Creates refund requests for review.')).toBe('write medium');
  });

  it('still moves money where the money word is the thing acted on', () => {
    expect(judged('Charges the card on file.')).toBe('write critical financial');
    expect(judged('Creates refunds for an order.')).toBe('write critical financial');
    expect(judged('Sends payouts to connected accounts.')).toBe('write critical financial');
  });

  it('keeps an operation listed with a record of money out of the money movers', () => {
    const c = classify(tool('wallet', 'Commands for sending payout reports and listing balances.', AMOUNT));
    expect(c.operations.map((o) => `${o.name}:${o.risk}`)).toEqual(['sending payout reports:medium', 'listing balances:low']);
    expect(c.financial).toBe(false);
  });
});

describe('an action whose object is money moves it, whatever the verb', () => {
  it('reads verbs the lexicon does not know, or knows as reads, as paying when money is what they act on', () => {
    for (const description of [
      'Issue a refund to the customer.',
      'Issues payouts to sellers.',
      'Capture a payment intent.',
      'Authorize a payment.',
      'Process a refund.',
      'Initiate a bank transfer.',
      'Wire funds to a bank account.',
      'Remit payment to a supplier.',
      'Execute a pending transfer or payment.',
    ]) expect(judged(description), description).toBe('write critical financial');
  });

  it('reads a known verb with money as its object as paying, not as only sending or submitting', () => {
    expect(judged('Send a payment to a recipient.')).toBe('write critical financial');
    expect(judged('Submit a payment.')).toBe('write critical financial');
    expect(judged('Make a payment of the given amount.')).toBe('write critical financial');
  });

  it('reads an opening before the verb ("Tool for…", "Use this tool to…") as the action, and verbs that pay by themselves', () => {
    expect(judged('Tool for disbursing payouts to vendors.')).toBe('write critical financial');
    expect(judged('Use this tool to send money to a contact.')).toBe('write critical financial');
    expect(judged('Donate to a charity.')).toBe('write critical financial');
    expect(judged('Reimburse an expense.')).toBe('write critical financial');
    expect(judged('Top up the account balance.')).toBe('write critical financial');
  });

  it('counts coins and tokens only when they go to a wallet or an address, or are swapped or staked', () => {
    expect(judged('Send USDC to an address.')).toBe('write critical financial');
    // (a transfer moves what it transfers: destructive in place, as the MCP meaning has it)
    expect(judged('Transfer tokens to a wallet address.')).toBe('write+destructive critical financial');
    expect(judged('Swap tokens on a DEX.')).toBe('write critical financial');
    expect(judged('Create tokens for the design system.')).toBe('write medium');
    // (an API token is a credential, critical since rules-122, but no money)
    expect(judged('Create an API token for the account.')).toBe('write critical');
  });

  it('is said where the tool says it, as the evidence of its verdict', () => {
    const c = classify(tool('tool', 'Issue a refund to the customer. Returns the refund.', AMOUNT));
    expect(c.signals.filter((s) => s.label === 'phrase:moves-money').map((s) => `${s.effect}:${s.where}:${s.text}`)).toEqual(['write:description:Issue a refund', 'financial:description:Issue a refund']);
  });
});

describe('money moved as the second of two things a tool does (rules-123)', () => {
  it('is read where the sentence joins it to the first', () => {
    expect(judged('Look up contacts and transfer funds to a contact.')).toBe('write critical financial');
    expect(judged('Check the balance, then send money to a contact.')).toBe('write critical financial');
  });

  it('is not read from nouns joined to a read, nor from a denial', () => {
    expect(judged('Lists charges and refunds for a customer.')).toBe('read low');
    expect(judged('Get the balance and the transfer history.')).toBe('read low');
    expect(judged('Lists payments and does not send money.')).toBe('read low');
    expect(judged('Search orders and send payment reminders.')).not.toMatch(/financial/);
  });
});

describe('money named but not moved', () => {
  it('is no payment: a reminder, a link, details, a payment taken up in a later sentence, an email about one', () => {
    expect(judged('Send a payment reminder to the customer.')).toBe('write medium');
    expect(judged('Create a payment link.')).toBe('write medium');
    expect(judged('Get payment details.')).toBe('read low');
    expect(judged('Lists payments. To make a payment, use create_payment.')).toBe('read low');
    expect(judged('Send an email about a payment.')).toBe('write medium');
    expect(judged('Request a refund status update.')).toBe('read low');
  });

  it('is no payment when the money word names what follows it, or a deposit is only recorded', () => {
    expect(judged('Create a deposit address for a wallet.')).toBe('write medium');
    expect(judged('Create a bank deposit in the ledger.')).toBe('write medium');
  });

  it('leaves other things moved, captured or processed alone', () => {
    expect(judged('Capture a screenshot of the page.')).toBe('read low');
    expect(judged('Transfer a domain to another registrar.')).toBe('write+destructive medium');
    expect(judged('Process an image.')).toBe('read low');
  });
});
