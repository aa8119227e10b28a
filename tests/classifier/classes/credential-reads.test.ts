// Classes of mistakes found on the development label sets: a read that hands over a credential, every secret at once or
// what logs in to a database. Each is tested in words of its own: a positive case that fails without its rule and a
// negative case that stays put.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from '../class-helpers.ts';

describe('a read that hands over a credential reveals it (critical)', () => {
  it('the name\'s object is the credential and its verb returns it, and the rationale says so', () => {
    const c = classify(tool('cache_cluster_get_credentials', 'Get the username and password to connect to a cache cluster.', { id: { type: 'string' } }));
    expect(verdict(c)).toBe('read critical');
    expect(c.rationale.join(' ')).toMatch(/Risk critical: to get credentials, it hands over [^,;]*credentials, and whoever reads that gains access/);
    expect(verdict(classify(tool('vault_secret_read', 'Reads one stored secret.', { path: { type: 'string' } })))).toBe('read critical');
    // (a version suffix is not the object: the name's object is found as every name rule finds it)
    expect(verdict(classify(tool('getClusterCredentialsV2', 'Returns the login of a cluster.', { id: { type: 'string' } })))).toBe('read critical');
  });

  it('a read that says it changes nothing still hands the credential over; one that says only names come back does not', () => {
    // ("read-only", "does not modify" are about changes, not about what is returned)
    expect(verdict(classify(tool('get_api_token', 'Read-only. Returns the API token for the current user.')))).toBe('read critical');
    expect(verdict(classify(tool('get_db_password', 'Does not modify anything. Returns the stored database password.')))).toBe('read critical');
    for (const description of ['Lists the secrets of a folder. Only returns their names.', 'Returns the names only, never the values.', 'Lists the secrets. Returns metadata only (name, created).']) {
      expect(verdict(classify(tool('get_secrets', description))), description).not.toContain('critical');
    }
    // (a name said to be matched "only" is not what comes back)
    expect(verdict(classify(tool('get_secrets', 'Returns the secrets whose display name only matches the pattern.')))).toBe('read critical');
  });

  it('not a policy about passwords, a list of key names, a crypto token, or a new random password', () => {
    expect(verdict(classify(tool('get_password_policy', 'Returns the password rules of the tenant.')))).not.toContain('critical');
    expect(verdict(classify(tool('list_api_keys', 'Lists API key names and creation dates.')))).not.toContain('critical');
    expect(verdict(classify(tool('get_erc20_token', 'Returns an ERC-20 token\'s symbol and decimals.')))).toBe('read low');
    expect(verdict(classify(tool('generate_password', 'Generates a random password.')))).not.toContain('critical');
  });

  it('a credential named in two words: an API key, an access key, a private key, a secret\'s value', () => {
    expect(verdict(classify(tool('get_api_key', 'Returns the key for a project.', { project: { type: 'string' } })))).toBe('read critical');
    expect(verdict(classify(tool('show_access_keys', 'Show the keys of a storage account.', { account: { type: 'string' } })))).toBe('read critical');
    expect(verdict(classify(tool('wallet_get_private_key', 'Returns the key of a wallet.', { wallet: { type: 'string' } })))).toBe('read critical');
    expect(verdict(classify(tool('get_secret_value', 'Returns what is stored under a name.', { name: { type: 'string' } })))).toBe('read critical');
  });

  it('not a key that sorts, names an object or is public, a token\'s value, nor a credential the tool only works from', () => {
    expect(verdict(classify(tool('get_sort_key', 'Returns the sort key of a table.', { table: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('get_public_key', 'Returns the public key of a wallet.', { wallet: { type: 'string' } })))).not.toContain('critical');
    expect(verdict(classify(tool('get_token_value', 'Returns the value of an ERC-20 token in dollars.', { token: { type: 'string' } })))).not.toContain('critical');
    expect(verdict(classify(tool('get_address_from_private_key', 'Get the address derived from a key.', { key: { type: 'string' } })))).not.toContain('critical');
  });

  it('a tool that writes a credential out hands it over too, whatever else it changes', () => {
    // (a write whose name exports or copies the credential: the file or the other vault holds it in the clear)
    const c = classify(tool('export_credentials', 'Exports the stored service logins to a JSON file at the given path.', { output_path: { type: 'string' } }));
    expect(verdict(c)).toBe('write+destructive critical');
    expect(c.rationale.join(' ')).toContain('credential');
  });
});

describe('a read of every secret or variable at once is the rubric\'s dump; secrets said to stay out are not returned', () => {
  it('"Returns all environment variables" and "List all secrets of a vault": high', () => {
    expect(verdict(classify(tool('show_env', 'Returns all environment variables of the running process.')))).toBe('read high');
    expect(verdict(classify(tool('vault_secrets', 'List all secrets of a vault path.', { path: { type: 'string' } })))).toBe('read high');
  });

  it('a list that says the values are never returned is low', () => {
    expect(verdict(classify(tool('list_vault_entries', 'Lists the entries of a vault with their titles. Secret values are never returned.', { vault: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('list_connections', 'Lists the database connections the server holds credentials for. Passwords are never returned.')))).toBe('read low');
  });
});

describe("a read of a database's connection string or connection details returns what logs in to it", () => {
  it('"Returns the connection string of the warehouse": read, medium (sensitive)', () => {
    expect(verdict(classify(tool('warehouse_info', 'Returns the connection string of the warehouse.', { id: { type: 'string' } })))).toBe('read medium');
  });
  it('the tables or the size of a database read nothing secret', () => {
    expect(verdict(classify(tool('warehouse_info', 'Returns the tables and the size of the warehouse.', { id: { type: 'string' } })))).toBe('read low');
  });
});

describe('a switch that unmasks what the definition calls credentials reveals them (critical)', () => {
  it('`reveal` on database details whose passwords are masked, `decrypt` of a secret value', () => {
    const database = classify(tool('get_database', 'Database details. Credentials (passwords, connection URLs) are masked by default; pass reveal: true when you need them.', { uuid: { type: 'string' }, reveal: { type: 'boolean' } }));
    expect(database.risk).toBe('critical');
    expect(database.rationale.find((s) => s.startsWith('Risk'))).toContain('it hands over credentials');
    expect(classify(tool('get_item', 'Gets a vault item.', { id: { type: 'string' }, reveal: { type: 'boolean', description: 'If true, include the secret value in plaintext.' } })).risk).toBe('critical');
  });

  it('a switch that unmasks values the definition does not call credentials stays a sensitive read', () => {
    const c = classify(tool('get_settings', 'Gets the app settings.', { id: { type: 'string' }, reveal: { type: 'boolean', description: 'Show hidden fields.' } }));
    expect(c.risk).not.toBe('critical');
  });
});

describe('a token that grants nothing: a design token, a model\'s input tokens', () => {
  it('creating design tokens is a write of design values, not a credential minted', () => {
    expect(verdict(classify(tool('setup_design_tokens', 'Creates a design token collection with modes and variables.', { collectionName: { type: 'string' } })))).toBe('write medium');
    expect(classify(tool('create_api_token', 'Creates an API token for the account.', { name: { type: 'string' } })).risk).toBe('critical');
  });
});
