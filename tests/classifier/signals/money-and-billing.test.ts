// Money and billing said on the side: capacity a name creates or resizes, services deployed from code, money records
// read with the customer who paid, and money moved by a signed transfer or a payment beside the main action.
import { describe, expect, it } from 'vitest';
import { billedResourceSignals, moneyRecordSignals, sideMoneySignals } from '../../../classifier/signals.ts';
import { labels, tool } from '../signal-helpers.ts';

const text = { type: 'string' };
const pair = (label: string, quoted: string, weights: [number, number] = [1.5, 1.5]) => [
  { family: 'description', effect: 'write', label, weight: weights[0], where: 'description', text: quoted },
  { family: 'description', effect: 'financial', label, weight: weights[1], where: 'description', text: quoted },
];

describe('capacity a name creates or resizes (billedResourceSignals)', () => {
  const text = { type: 'string' };

  it('finds what is created after the verb, though a preposition comes before the verb', () => {
    // "on demand" qualifies the provider's namespace; the object is the server after "create"
    expect(labels(billedResourceSignals(tool('hetzner_on_demand_create_server', '', { location: text, name: text })))).toEqual(['write:bills:server:server']);
  });

  it('bills a change of size made alongside another action', () => {
    expect(labels(billedResourceSignals(tool('update_cluster_and_wait', '', { cluster_id: text, num_nodes: { type: 'integer' } })))).toEqual(['write:bills:cluster:cluster']);
    // nothing changes capacity here: reading and waiting
    expect(billedResourceSignals(tool('get_cluster_and_wait', '', { cluster_id: text, num_nodes: { type: 'integer' } }))).toEqual([]);
  });

  it('does not bill a free tier', () => {
    expect(billedResourceSignals(tool('create_free_cluster', '', { size_gb: { type: 'integer' } }))).toEqual([]);
    expect(labels(billedResourceSignals(tool('create_cluster', '', { size_gb: { type: 'integer' } })))).toEqual(['write:bills:cluster:cluster']);
  });

  it('finds what is created in a name written object first, before a preposition (`vm_from_template_create` creates a vm)', () => {
    const size = { size: text };
    expect(labels(billedResourceSignals(tool('vm_from_template_create', 'Creates a virtual machine from a template.', size)))).toEqual(['write:bills:vm:vm']);
    expect(labels(billedResourceSignals(tool('create_vm_from_template', 'Creates a virtual machine from a template.', size)))).toEqual(['write:bills:vm:vm']);
    // the object is the word before the preposition, not the last word before the verb: a template bills nothing
    expect(billedResourceSignals(tool('template_from_vm_create', 'Creates a template from a virtual machine.', size))).toEqual([]);
  });

  it('never takes one of the name\'s own verbs for what is billed, though the word also names a resource (a file share)', () => {
    expect(billedResourceSignals(tool('create_then_share_with_team', '', { size_gb: { type: 'integer' } }))).toEqual([]);
    expect(labels(billedResourceSignals(tool('create_share', '', { size_gb: { type: 'integer' } })))).toEqual(['write:bills:share:share']);
  });
});

describe('money records read with the customer who paid (moneyRecordSignals)', () => {
  it('reads a name that only retrieves a payment tied to a customer as personal data', () => {
    expect(labels(moneyRecordSignals(tool('find_payment', "Finds a customer's payment.")))).toEqual(['sensitive:money-record:payment:payment']);
  });

  it('says nothing when the name also does something else with it (a refund)', () => {
    expect(moneyRecordSignals(tool('find_payment_and_refund', "Finds a customer's payment and refunds it."))).toEqual([]);
  });
});

describe('money moved on the side (sideMoneySignals)', () => {
  const text = { type: 'string' };

  it('reads a transfer the call signs with a private key given at the top level as moving money', () => {
    // (the description says only what is signed, so that the signed-transfer rule answers alone)
    expect(labels(sideMoneySignals(tool('transfer_tokens', 'Signs and submits the transfer.', { to: text, privateKey: text })))).toEqual(['financial:signed:transfer:transfer']);
  });

  it('does not count a key nested inside another parameter', () => {
    expect(sideMoneySignals(tool('transfer_tokens', 'Signs and submits the transfer.', { to: text, wallet: { type: 'object', properties: { privateKey: text } } }))).toEqual([]);
  });

  it('judges a payment by its own line: a denial on an earlier line does not undo it', () => {
    const pays = ['write:phrase:pays:paid automatically', 'financial:phrase:pays:paid automatically'];
    expect(labels(sideMoneySignals(tool('fetch_paid', 'No API key needed\nFetches the URL; the endpoint is paid automatically from the wallet.')))).toEqual(pays);
    // a denial in the same line does
    expect(sideMoneySignals(tool('fetch_paid', 'Fetches the URL; no endpoint is paid automatically from the wallet.'))).toEqual([]);
  });
});

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
