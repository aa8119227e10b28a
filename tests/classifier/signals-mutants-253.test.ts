// Tests written for the mutants StrykerJS left alive in classifier/signals.ts, lines 253-506: the head object of a
// name, billed capacity, taking a thing off an item and the end of a noun phrase, opening an application, money records,
// money that moves on the side (a signed transfer, a payment "from the wallet"), and the "-s" forms of a name's verbs.
// Each says what the rule is for, in words and tools of its own.
import { describe, expect, it } from 'vitest';
import { billedResourceSignals, inSForm, moneyRecordSignals, sideMoneySignals } from '../../classifier/signals.ts';
import { collectSignals } from '../../classifier/classify.ts';
import { labels, PLAIN, tool } from './signal-helpers.ts';

const prose = (description: string) => labels(collectSignals(tool('x', description), PLAIN).filter((signal) => signal.where === 'description'));

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

describe('noun phrases in prose: taking a thing off an item, deleting a container, opening an application', () => {
  it('reads removing from stores of records named in the plural as deleting, not as taking a thing off an item', () => {
    expect(prose('Removes a document from the databases.')).toEqual(['write:verb:remove:Removes', 'destructive:verb:remove:Removes', 'broad:noun:databases:databases']);
    expect(prose('Removes a label from the issues.')).toContain('write:phrase:detaches:Removes a label from the issues');
  });

  it('keeps a path written with a leading "./" inside the noun phrase it names', () => {
    expect(prose('Deletes the ./dist directory and everything in it.')).toContain('broad:container:directory:directory');
  });

  it('finds the application something is opened in past more than one determiner', () => {
    expect(prose('Opens a URL in the current iOS Simulator.')).toEqual(['read:verb:open:Opens', 'execute:phrase:opens-app:Simulator']);
  });
});

describe('verbs in a name in their "-s" form (inSForm, nounWordsOfName)', () => {
  it('tells a verb in its "-s" form from its base form and from words that are no verb at all', () => {
    expect(inSForm('tests')).toBe(true);
    expect(inSForm('replies')).toBe(true);
    expect(inSForm('test')).toBe(false);
    expect(inSForm('contacts')).toBe(false);
    expect(inSForm('xyzzy')).toBe(false);
  });

  it('takes a plural of a verb done again before the action (`redeploys_list`) without failing: the action is the list', () => {
    const signals = collectSignals(tool('redeploys_list'), PLAIN);
    expect(signals.find((signal) => signal.label === 'verb:list')?.weight).toBe(3);
  });

  it('reads the "-s" form of a verb done again ("redeploys", "reapplies") as a plural noun, as it reads "deploys"', () => {
    expect(inSForm('redeploys')).toBe(true);
    expect(inSForm('reapplies')).toBe(true);
    expect(inSForm('redeploy')).toBe(false);
    // listing redeploys deploys nothing: the name's only action is the list, as for `deploys_list`
    const verbs = (name: string) => collectSignals(tool(name, 'Lists them.'), PLAIN).filter((signal) => signal.where === 'name' && signal.label.startsWith('verb:')).map((signal) => signal.label);
    expect(verbs('deploys_list')).not.toContain('verb:deploy');
    expect(verbs('redeploys_list')).not.toContain('verb:deploy');
    expect(verbs('redeploys_list')).toContain('verb:list');
  });
});
