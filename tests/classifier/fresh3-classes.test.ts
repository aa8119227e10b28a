// Classes of mistakes found on the third blind label round (tests/labels/fresh3.json), each tested in
// words of its own: a positive case that fails without its rule and a negative case that stays put.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from './class-helpers.ts';

describe('a location given to save into makes the tool write that file', () => {
  it('"path to save …" on a tool whose verb produces files, in its name or, when the name has none, in its description', () => {
    expect(verdict(classify(tool('slides_export', 'Export the open deck.', { folder: { type: 'string', description: 'Folder where to write the slides' } })))).toBe('write+destructive high');
    expect(verdict(classify(tool('canvas_png', 'Render the canvas as an image.', { path: { type: 'string', description: 'File path to save the image' } })))).toBe('write+destructive high');
  });

  it('a path read from is no output, and a producing verb without a location returns what it makes', () => {
    expect(verdict(classify(tool('canvas_png', 'Render the canvas as an image.', { path: { type: 'string', description: 'Path of the canvas file to open' } })))).toBe('read low');
    expect(verdict(classify(tool('slides_export', 'Export the open deck as markdown text.')))).toBe('read low');
  });
});

describe('a code word that only qualifies a head noun is no code', () => {
  it('`snippet_code_refs`, `script_id`: the value points at code, the tool does not run it', () => {
    expect(verdict(classify(tool('save_note', 'Store a note.', { body: { type: 'string' }, code_refs: { type: 'array', items: { type: 'string' } } })))).toBe('write medium');
    expect(verdict(classify(tool('describe_job', 'Show one job.', { script_id: { type: 'string' } })))).toBe('read low');
  });

  it('the code itself still runs', () => {
    expect(classify(tool('run_job', 'Run a job.', { script: { type: 'string', description: 'The script to run' } })).category).toBe('execute');
    expect(verdict(classify(tool('describe_job', 'Show one job.', { script_body: { type: 'string' } }))).startsWith('execute')).toBe(true);
  });
});

describe('an order on a market trades money', () => {
  it('placing a limit, stop or futures order is a financial write', () => {
    for (const definition of [tool('place_limit_order', 'Place a limit order for a symbol.', { symbol: { type: 'string' }, price: { type: 'number' } }), tool('broker_place_stop_order', 'Places a stop order.')]) {
      const c = classify(definition);
      expect([c.category, c.financial, c.risk], definition.name).toEqual(['write', true, 'critical']);
    }
  });

  it('a shop order, a place, or a listing of orders moves nothing', () => {
    expect(verdict(classify(tool('get_place_info', 'Details of a place on the map.')))).toBe('read low');
    expect(verdict(classify(tool('list_limit_orders', 'List open limit orders.')))).toBe('read low');
    expect(classify(tool('create_order_note', 'Adds a note to a shop order.')).financial).toBe(false);
  });
});

describe('closing, killing or resuming something that runs operates it', () => {
  it('a PTY, a REPL, a queue\'s processing, a kernel', () => {
    expect(verdict(classify(tool('pty_close', 'Closes a pseudo-terminal and ends its process.', { id: { type: 'string' } }))).startsWith('execute')).toBe(true);
    expect(verdict(classify(tool('kill_repl', 'Stops a running REPL.', { id: { type: 'string' } }))).startsWith('execute')).toBe(true);
    expect(verdict(classify(tool('resume_worker_queue', 'Resumes processing of a paused queue.', { name: { type: 'string' } }))).startsWith('execute')).toBe(true);
    expect(verdict(classify(tool('notebook_close_kernel', 'Shuts the kernel of a notebook.'))).startsWith('execute')).toBe(true);
  });

  it('closing an issue or a ticket is still a write', () => {
    expect(verdict(classify(tool('close_issue', 'Close an issue.', { number: { type: 'integer' } }))).startsWith('write')).toBe(true);
    expect(verdict(classify(tool('close_ticket', 'Closes a support ticket.'))).startsWith('write')).toBe(true);
    expect(verdict(classify(tool('close_task', 'Marks a task closed.', { id: { type: 'string' } }))).startsWith('write')).toBe(true);
    expect(verdict(classify(tool('close_milestone_release', 'Closes a release milestone.'))).startsWith('write')).toBe(true);
  });
});

describe('a file producer that may overwrite writes', () => {
  it('an overwrite switch on a tool whose verb downloads, generates or exports files', () => {
    expect(verdict(classify(tool('download_starter_kit', 'Downloads a starter kit.', { kit: { type: 'string' }, overwrite: { type: 'boolean' } })))).toBe('write+destructive high');
    expect(verdict(classify(tool('generate_lint_configs', 'Generates lint configs for the repository.', { replace_existing: { type: 'boolean' }, overwrite: { type: 'boolean' } })))).toBe('write+destructive high');
  });

  it('without the switch, or on a verb that produces no file, nothing changes', () => {
    expect(verdict(classify(tool('download_starter_kit', 'Downloads a starter kit.', { kit: { type: 'string' } })))).toBe('read low');
  });
});

describe('resolving a work item closes it', () => {
  it('`resolve_incident`, "Resolve a review thread"', () => {
    expect(classify(tool('resolve_incident', 'Marks the incident resolved.', { id: { type: 'string' } })).category).toBe('write');
    expect(classify(tool('thread_resolve', 'Resolve a review thread on a pull request.', { thread_id: { type: 'string' } })).category).toBe('write');
  });

  it('resolving a name, an id or a host looks it up', () => {
    expect(verdict(classify(tool('resolve_hostname', 'Resolve a host name to addresses.', { host: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('resolve_package_id', 'Resolves a package name to its id.')))).toBe('read low');
    expect(verdict(classify(tool('resolve_ticket_number', 'Resolves a ticket number to the ticket.')))).toBe('read low');
  });
});

describe('a read that hands over a credential reveals it (critical)', () => {
  it('the name\'s object is the credential and its verb returns it, and the rationale says so', () => {
    const c = classify(tool('cache_cluster_get_credentials', 'Get the username and password to connect to a cache cluster.', { id: { type: 'string' } }));
    expect(verdict(c)).toBe('read critical');
    expect(c.rationale.join(' ')).toContain('hands over credentials');
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
