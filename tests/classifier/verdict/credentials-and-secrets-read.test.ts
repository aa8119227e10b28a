// A read that hands over a credential (the name's object is the credential and its verb returns it) or dumps every
// secret at once; not a token that is a coin, a key that sorts, a credential the call only works from, or names only.
import { describe, expect, it } from 'vitest';
import { classifyTool, collectSignals, decide, type Verdict } from '../../../classifier/classify.ts';
import type { ServerTraits } from '../../../classifier/signals.ts';
import type { Classification, McpTool } from '../../../data/schema.ts';
import { classify } from '../class-helpers.ts';
import { labels, PLAIN, tool } from '../signal-helpers.ts';

const classified = (definition: McpTool): Classification => classifyTool({ tool: definition, fingerprint: 'sha256:test', traits: PLAIN });
const revealed = (definition: McpTool) => labels(collectSignals(definition, PLAIN)).filter((label) => label.includes(':reveals:'));
const found = (definition: McpTool, pattern: RegExp) => labels(collectSignals(definition, PLAIN)).filter((label) => pattern.test(label));
const revealedByName = (name: string) => found(tool(name), /:reveals:/);
const verdictOnServer = (definition: McpTool, traits: ServerTraits = PLAIN): Verdict => decide(collectSignals(definition, traits));

describe('a read that hands over a credential (revealedCredentialSignals)', () => {
  it('reveals the token a name makes a credential', () => {
    expect(revealed(tool('get_session_token'))).toEqual(['privileged:reveals:credential:token']);
    expect(revealed(tool('password_view'))).toEqual(['privileged:reveals:credential:password']);
  });

  it('leaves a token the name does not make a credential: an API token the description mentions is what the call sends', () => {
    const erc20 = tool('get_token', 'Get an ERC-20 token by contract address, using your API token.');
    expect(labels(collectSignals(erc20, PLAIN))).toEqual([
      'read:verb:get:get',
      'privileged:noun:token:token',
      'read:verb:get:Get',
      'privileged:noun:token:token',
      'privileged:noun:token:token',
      'sensitive:noun:token:token',
    ]);
    expect(classified(erc20).risk).toBe('low');
  });

  it('asks whether the word the name acts on is the credential, not any word of it: a page token for listing secrets is not one', () => {
    expect(labels(collectSignals(tool('get_secrets_page_token'), PLAIN))).toEqual([
      'read:verb:get:get',
      'privileged:noun:secrets:secrets',
      'sensitive:noun:secrets:secrets',
      'privileged:noun:token:token',
    ]);
  });

  it('needs the revealing verb to be the name’s action: setting the password visitors need to view a board reveals nothing', () => {
    const share = tool('set_view_password', 'Sets the password visitors must enter to view a shared board.');
    expect(revealed(share)).toEqual([]);
    expect(collectSignals(share, PLAIN).find((s) => s.label === 'verb:view')?.weight).toBe(0.75);
  });
});

describe('a read that hands over a credential', () => {
  it('is named by a credential in two words: a secret value, an API or private key', () => {
    expect(revealedByName('get_secret_value')).toEqual(['privileged:reveals:credential:value']);
    expect(revealedByName('get_secret_values')).toEqual(['privileged:reveals:credential:values']);
    expect(revealedByName('show_private_key')).toEqual(['privileged:reveals:credential:key']);
  });

  it("leaves a token's value (a coin's price), notes marked private and a sort key", () => {
    expect(revealedByName('get_token_value')).toEqual([]);
    expect(revealedByName('get_token_values')).toEqual([]);
    expect(revealedByName('get_tokens_value')).toEqual([]);
    expect(revealedByName('get_private_notes')).toEqual([]);
    expect(revealedByName('get_sort_key')).toEqual([]);
  });

  it('reads the credential before a qualifier after it: the API key for a project is returned', () => {
    expect(revealedByName('get_api_key_for_project')).toEqual(['privileged:reveals:credential:key']);
    expect(revealedByName('get_password_for_user')).toEqual(['privileged:reveals:credential:password']);
    expect(classify(tool('get_api_key_for_project')).risk).toBe('critical');
  });

  it('takes "of" as joining the credential to the value: the value of a secret is the secret', () => {
    expect(revealedByName('get_value_of_secret')).toEqual(['privileged:reveals:credential:secret']);
  });

  it('leaves a credential the call works from or looks up by: an address from a private key, a wallet by an API key', () => {
    expect(revealedByName('get_address_from_private_key')).toEqual([]);
    expect(revealedByName('get_wallet_by_api_key')).toEqual([]);
    expect(revealedByName('get_by_api_key')).toEqual([]);
  });
});

describe('a credential handed over by a read', () => {
  const folder = { folder: { type: 'string' } };
  it('is privileged when the read returns the secrets themselves', () => {
    expect(verdictOnServer(tool('get_secrets', 'Returns the secrets of a folder.', folder)).privileged).toBe(true);
  });

  it('is not when the description says the read only returns their names', () => {
    const names = verdictOnServer(tool('get_secrets', 'Lists the secrets of a folder. Only returns their names.', folder));
    expect(names.category).toBe('read');
    expect(names.privileged).toBe(false);
  });
});

describe('a dump of every secret or environment variable', () => {
  it('is what a read that prints all environment variables returns', () => {
    expect(verdictOnServer(tool('print_env', 'Print all environment variables of the service.', { service: { type: 'string' } })).dumpsSecrets).toBe(true);
  });

  it('is not a copy of all secrets from one store to another: nothing is handed back', () => {
    const sync = verdictOnServer(tool('sync_secrets', 'Copy all secrets from the Vault path to the Kubernetes namespace.', { path: { type: 'string' }, namespace: { type: 'string' } }));
    expect(sync.category).toBe('write');
    expect(sync.dumpsSecrets).toBe(false);
  });

  it('is not a listing of all secrets that says their values are never returned', () => {
    const list = verdictOnServer(tool('list_secrets', 'List all secrets in the vault. Secret values are never returned.', { vault: { type: 'string' } }));
    expect(list.category).toBe('read');
    expect(list.dumpsSecrets).toBe(false);
  });
});
