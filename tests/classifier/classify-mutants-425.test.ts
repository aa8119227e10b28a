// Tests written for the mutants StrykerJS left alive in classifier/classify.ts lines 425-496 on rules-125 (thirteenth
// session): which parameter an action enum's location names (isRequired), and a read that hands over a credential
// (revealedCredentialSignals). Reading them showed a class of mistakes, fixed in rules-127: a name's object was its last
// word, so a qualifier after it (`get_api_key_for_project`, `create_api_key_for_user`, `get_customer_by_id`) hid what
// the tool acts on. The object now ends at a preposition that follows it (signals.ts nameObject).
import { describe, expect, it } from 'vitest';
import { collectSignals } from '../../classifier/classify.ts';
import { filteredRowsSignals } from '../../classifier/signals.ts';
import type { McpTool } from '../../data/schema.ts';
import { classify } from './class-helpers.ts';
import { labels, PLAIN, tool } from './signal-helpers.ts';

const found = (definition: McpTool, pattern: RegExp) => labels(collectSignals(definition, PLAIN)).filter((label) => pattern.test(label));
const revealed = (name: string) => found(tool(name), /:reveals:/);

describe('a read that hands over a credential', () => {
  it('is named by a credential in two words: a secret value, an API or private key', () => {
    expect(revealed('get_secret_value')).toEqual(['privileged:reveals:credential:value']);
    expect(revealed('get_secret_values')).toEqual(['privileged:reveals:credential:values']);
    expect(revealed('show_private_key')).toEqual(['privileged:reveals:credential:key']);
  });

  it("leaves a token's value (a coin's price), notes marked private and a sort key", () => {
    expect(revealed('get_token_value')).toEqual([]);
    expect(revealed('get_token_values')).toEqual([]);
    expect(revealed('get_tokens_value')).toEqual([]);
    expect(revealed('get_private_notes')).toEqual([]);
    expect(revealed('get_sort_key')).toEqual([]);
  });

  it('reads the credential before a qualifier after it: the API key for a project is returned', () => {
    expect(revealed('get_api_key_for_project')).toEqual(['privileged:reveals:credential:key']);
    expect(revealed('get_password_for_user')).toEqual(['privileged:reveals:credential:password']);
    expect(classify(tool('get_api_key_for_project')).risk).toBe('critical');
  });

  it('takes "of" as joining the credential to the value: the value of a secret is the secret', () => {
    expect(revealed('get_value_of_secret')).toEqual(['privileged:reveals:credential:secret']);
  });

  it('leaves a credential the call works from or looks up by: an address from a private key, a wallet by an API key', () => {
    expect(revealed('get_address_from_private_key')).toEqual([]);
    expect(revealed('get_wallet_by_api_key')).toEqual([]);
    expect(revealed('get_by_api_key')).toEqual([]);
  });
});

describe("a name's object ends at a preposition that follows it (nameObject)", () => {
  it('issuing a key for a user administers a credential, as issuing a key does', () => {
    expect(found(tool('create_api_key_for_user'), /noun:key/)).toEqual(['privileged:noun:key:key']);
    expect(classify(tool('create_api_key_for_user')).risk).toBe(classify(tool('create_api_key')).risk);
  });

  it('a read of customers or messages by some key returns personal data; of payables by contact, none', () => {
    expect(found(tool('get_customer_by_id'), /personal/)).toEqual(['sensitive:personal:customer:customer']);
    expect(found(tool('get_messages_from_channel'), /personal/)).toEqual(['sensitive:personal:messages:messages']);
    expect(found(tool('list_payables_by_contact'), /personal/)).toEqual([]);
    expect(classify(tool('get_customer_by_id')).risk).toBe('medium');
  });

  it('deleting rows from a table by a required filter deletes what the filter matches', () => {
    expect(labels(filteredRowsSignals(tool('delete_rows_from_table', '', { where: { type: 'string' } }, ['where'])))).toEqual(['broad:phrase:by-filter:where']);
  });

  it('takes "and" as joining another object, not ending it: a username and a password hands over the password', () => {
    expect(revealed('get_username_and_password')).toEqual(['privileged:reveals:credential:password']);
  });
});

describe('an action enum on a name that only reads (isRequired)', () => {
  // (an action enum inside an object parameter counts, at half weight, when that parameter is required)
  const enumOf = (name: string, required: string[]) => tool('list_items', 'Lists the items.', { [name]: { type: 'object', properties: { action: { type: 'string', enum: ['create', 'delete'] } } } }, required);

  it('acts when what holds the enum is required, also when its name holds a dot', () => {
    for (const name of ['request', 'req.body']) {
      expect(found(enumOf(name, [name]), /:enum:/), name).toEqual(['write:enum:create:create', 'write:enum:delete:delete', 'destructive:enum:delete:delete']);
    }
  });

  it('filters when it is optional, or when `required` names another parameter', () => {
    for (const required of [[], ['req'], ['body'], ['action']]) expect(found(enumOf('req.body', required), /:enum:/), required.join()).toEqual([]);
  });
});

describe('converting what the call passes in (transformedItemSignals)', () => {
  it('returns the result and changes nothing stored: no id names an item to change', () => {
    for (const [name, parameter, description] of [['convert_time', 'time', 'Converts a time between time zones.'], ['convert_css', 'css', 'Converts CSS into Tailwind classes.'], ['optimize_image', 'image_base64', 'Optimizes an image and returns it.']] as const) {
      const definition = tool(name, description, { [parameter]: { type: 'string' } });
      expect(found(definition, /verb:(transform|create)/), name).toEqual([]);
      expect(classify(definition).category, name).toBe('read');
    }
  });

  it('changes in place the stored item an id names', () => {
    expect(found(tool('optimize_itinerary', '', { itineraryId: { type: 'string' } }), /verb:transform/)).toEqual(['write:verb:transform:optimize']);
  });
});
