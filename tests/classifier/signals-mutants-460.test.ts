// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 460-522 on rules-128 (sixteenth
// session): money moved on the side (sideMoneySignals). The signals are pinned whole, family and place included, as the
// rationale quotes them from there; and the quoted action leaves out what leads to it (a coordinator, "also", punctuation),
// however the words are spaced.
import { describe, expect, it } from 'vitest';
import { sideMoneySignals } from '../../classifier/signals.ts';
import { tool } from './signal-helpers.ts';

const text = { type: 'string' };
const pair = (label: string, quoted: string, weights: [number, number] = [1.5, 1.5]) => [
  { family: 'description', effect: 'write', label, weight: weights[0], where: 'description', text: quoted },
  { family: 'description', effect: 'financial', label, weight: weights[1], where: 'description', text: quoted },
];

describe('money moved on the side, signal by signal', () => {
  it('says the call pays, from the description', () => {
    expect(sideMoneySignals(tool('fetch_paid', 'Fetch a URL; the request is paid automatically from the wallet.'))).toEqual(pair('phrase:pays', 'paid automatically'));
  });

  it('says a state-changing contract call moves assets, from the description', () => {
    expect(sideMoneySignals(tool('call_contract', 'Call a state-changing function of a contract.'))).toEqual(pair('phrase:moves-assets', 'state-changing function'));
  });

  it('says a transfer signed with a key the call takes hands money over, from the name', () => {
    expect(sideMoneySignals(tool('send_tokens', 'Sends tokens.', { privateKey: text }))).toEqual([{ family: 'name', effect: 'financial', label: 'signed:transfer', weight: 1, where: 'name', text: 'send' }]);
  });
});

describe('the quoted money action', () => {
  it('leaves out the coordinator before a second action, with or without "also", however spaced', () => {
    for (const description of [
      'Look up contacts and transfer funds to a contact.',
      'Look up contacts and also transfer funds to a contact.',
      'Look up contacts and  transfer funds to a contact.',
      'Look up contacts and also  transfer funds to a contact.',
    ]) expect(sideMoneySignals(tool('contacts', description)), description).toEqual(pair('phrase:moves-money', 'transfer funds', [2.5, 1.5]));
  });

  it('leaves out punctuation before an action that opens the sentence', () => {
    expect(sideMoneySignals(tool('pay', '- Send a payment to a vendor.'))).toEqual(pair('phrase:moves-money', 'Send a payment', [2.5, 1.5]));
  });
});
