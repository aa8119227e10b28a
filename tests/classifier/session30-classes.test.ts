// Classes of mistakes found on the development label sets in the session of 2026-11-24, each tested in
// words of its own: a positive case that fails without its rule and a negative case that stays put.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from './class-helpers.ts';

describe('a switch that has the call delete something besides deletes that whole thing', () => {
  it('`deleteHeadBranch` on a merge-request update, `in_trash` on a patch: one item goes (high)', () => {
    expect(verdict(classify(tool('edit_merge_request', 'Edits the title, labels or state of a merge request.', { iid: { type: 'number' }, title: { type: 'string' }, deleteHeadBranch: { type: 'boolean' } })))).toBe('write+destructive high');
    expect(verdict(classify(tool('patch_wiki_entry', 'Patch the properties of a wiki entry.', { entry_id: { type: 'string' }, in_trash: { type: 'boolean' } })))).toBe('write+destructive high');
  });

  it('`drop_existing` on a tool that renames a table drops the table in the way: a container goes (critical)', () => {
    expect(verdict(classify(tool('rename_table', 'Renames a table of the warehouse.', { schema: { type: 'string' }, table: { type: 'string' }, new_name: { type: 'string' }, drop_existing: { type: 'boolean' } })))).toBe('write+destructive critical');
  });

  it('the same tools without the switch, a filter on what is listed, or a 301 redirect, are not', () => {
    expect(verdict(classify(tool('edit_merge_request', 'Edits the title, labels or state of a merge request.', { iid: { type: 'number' }, title: { type: 'string' } })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('list_wiki_entries', 'Lists the entries of a wiki.', { include_trashed: { type: 'boolean' }, is_archived: { type: 'boolean' } })))).toBe('read low');
    expect(verdict(classify(tool('add_redirect_rule', 'Adds a redirect rule to a site.', { from: { type: 'string' }, to_path: { type: 'string' }, permanent: { type: 'boolean' } })))).toBe('write medium');
  });
});

describe('a purchase order, invoice or receipt named in a tool name is a document, not a purchase made', () => {
  it('`crm_purchase_requisition_list` and `ledger_purchase_invoice_fetch` read', () => {
    expect(verdict(classify(tool('crm_purchase_requisition_list', 'Lists purchase requisitions of a department.', { department: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('ledger_purchase_invoice_fetch', 'Fetches one supplier bill by its number.', { number: { type: 'string' } })))).toBe('read low');
  });

  it('a purchase named as the action still moves money', () => {
    expect(verdict(classify(tool('store_purchase_gift_card', 'Buys a gift card with the saved payment method.', { amount: { type: 'number' } })))).toBe('write critical');
  });
});

describe('stepping or continuing a program under a debugger runs it', () => {
  it('"Step over the current line", "Continue the debuggee", pausing a running execution: execute, high', () => {
    expect(verdict(classify(tool('dbg_next_line', 'Step over the current line of the paused thread.', { threadId: { type: 'number' } })))).toBe('execute high');
    expect(verdict(classify(tool('dbg_go', 'Continue the debuggee until the next breakpoint.', { threadId: { type: 'number' } })))).toBe('execute high');
    expect(verdict(classify(tool('interrupt_execution', 'Pause the execution of the attached program.', { sessionId: { type: 'string' } })))).toBe('execute+destructive high');
  });

  it('a workflow step or a course step is not', () => {
    expect(verdict(classify(tool('get_workflow_step', 'Returns one step of a workflow with its inputs.', { stepId: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('list_breakpoints', 'Lists the breakpoints set in the session.', { sessionId: { type: 'string' } })))).toBe('read low');
  });
});

describe('a math, cron or regular expression is computed, not run', () => {
  it('"Evaluates arithmetic expressions" with an `expression` described as one, and a cron expression parsed', () => {
    expect(verdict(classify(tool('calc', 'Evaluates arithmetic expressions and returns the result.', { expression: { type: 'string', description: 'Arithmetic expression, e.g. 2*(3+4)' }, op: { type: 'string', enum: ['eval', 'round'] } })))).toBe('read low');
    expect(verdict(classify(tool('next_runs', 'Lists the next times a schedule fires.', { expression: { type: 'string', description: 'Cron expression with five fields' } })))).toBe('read low');
  });

  it('an expression evaluated in a page or a runtime is still code', () => {
    expect(verdict(classify(tool('page_eval', 'Evaluates a JavaScript expression in the page.', { expression: { type: 'string' } })))).toBe('execute+destructive critical');
  });
});

describe('an HTTP method of the caller\'s choosing lets a request change or delete what it reaches', () => {
  it('a request tool with a url and a method that can be DELETE: write, one item (high)', () => {
    expect(verdict(classify(tool('http_call', 'Fetches a URL with the given HTTP method and returns the response.', { url: { type: 'string' }, method: { type: 'string', description: 'HTTP method: GET (default), POST, PUT or DELETE.' } })))).toBe('write+destructive high');
    expect(verdict(classify(tool('fetch_url', 'Fetch a URL and return the body.', { url: { type: 'string' }, method: { type: 'string', enum: ['GET', 'POST', 'PUT', 'DELETE'], default: 'GET' } })))).toBe('write+destructive high');
  });

  it('a method that filters captured requests, or one only GET and HEAD, changes nothing', () => {
    expect(verdict(classify(tool('list_captured_calls', 'Lists the network calls captured from the app.', { method: { type: 'string', description: 'Filter by HTTP method (GET, POST, DELETE)' }, url: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('http_call', 'Fetches a URL with the given HTTP method and returns the response.', { url: { type: 'string' }, method: { type: 'string', enum: ['GET', 'HEAD'] } })))).toBe('read low');
  });
});

describe('a task or a prompt sent to a model asks it', () => {
  it('"Sends a prompt to a local language model", with the code it is to read: read, low', () => {
    expect(verdict(classify(tool('delegate_review', 'Sends a prompt to a local language model and returns its answer.', { prompt: { type: 'string' }, code: { type: 'string', description: 'Source to look at.' } })))).toBe('read low');
  });

  it('a message sent to a person or a channel is still sent', () => {
    expect(verdict(classify(tool('post_update', 'Sends a message to a team channel.', { channel: { type: 'string' }, text: { type: 'string' } })))).toBe('write medium');
  });
});

describe('submitting a job runs it; adjusting a quantity or reindexing changes what exists', () => {
  it('"Submits a batch job to the scheduler" is execute', () => {
    expect(verdict(classify(tool('queue_batch_job', 'Submits a batch job to the cluster scheduler.', { job_name: { type: 'string' }, queue: { type: 'string' } })))).toBe('execute high');
    expect(verdict(classify(tool('submit_feedback', 'Submits feedback about the product to the team.', { text: { type: 'string' } })))).toBe('write medium');
  });

  it('`adjust_stock_level` changes one record in place; reindexing into a target replaces what is there', () => {
    expect(verdict(classify(tool('adjust_stock_level', 'Adjust the stock level of a product.', { sku: { type: 'string' }, delta: { type: 'integer' } })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('reindex_documents', 'Reindex documents from a source index into a target index.', { source: { type: 'string' }, target: { type: 'string' } })))).toBe('write+destructive high');
  });
});

describe('what is cleared out by its state is picked by a filter', () => {
  it('"Clear finished downloads from the queue", "Delete all expired sessions": many by a filter (critical)', () => {
    expect(verdict(classify(tool('flush_queue_items', 'Clear finished downloads from the download queue.', { queue: { type: 'string' } })))).toBe('write+destructive critical');
    expect(verdict(classify(tool('sweep_sessions', 'Delete all expired sessions of the workspace.')))).toBe('write+destructive critical');
  });

  it('deleting one item, or a text that says a state may not be deleted, is not', () => {
    expect(verdict(classify(tool('drop_job', 'Deletes a queued job that has not started; does not allow deleting finished jobs.', { job_id: { type: 'string' } })))).toBe('write+destructive high');
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

describe('"create or update" changes what exists in place; GraphQL mutations change data', () => {
  it('"Create or update the retention policy of a bucket": destructive, in place (medium)', () => {
    expect(verdict(classify(tool('retention_policy', 'Create or update the retention policy of a storage bucket.', { bucket: { type: 'string' }, days: { type: 'integer' } })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('add_label_definition', 'Add or update a label definition of the project.', { name: { type: 'string' }, color: { type: 'string' } })))).toBe('write+destructive medium');
  });

  it('"Run GraphQL queries and mutations against the API" is destructive; a create said alone, or gene mutations searched, are not', () => {
    expect(verdict(classify(tool('gql', 'Run GraphQL queries and mutations against the store API.', { document: { type: 'string' } })))).toBe('execute+destructive high');
    expect(verdict(classify(tool('add_policy', 'Create a retention policy for a storage bucket.', { bucket: { type: 'string' } })))).toBe('write medium');
    expect(verdict(classify(tool('find_variants', 'Search gene mutations by symbol.', { symbol: { type: 'string' } })))).toBe('read low');
  });
});

describe("on a server about people's records (a CRM, personal finance, HR), a read of those records is personal data", () => {
  const crm = { name: 'io.example/crm', description: 'Access to the Acme CRM: contacts, companies and deals.' };
  it('searching deals or reading notes and transactions: read, medium', () => {
    expect(verdict(classify(tool('search_deals', 'Search deals by stage.', { stage: { type: 'string' } }), crm))).toBe('read medium');
    expect(verdict(classify(tool('get_transactions', 'Returns transactions in a date range.', { from: { type: 'string' } }), { name: 'io.example/budget', description: 'Personal finance and budgeting app.' }))).toBe('read medium');
  });

  it("the server's setup read there, or the same records read elsewhere, stay low", () => {
    expect(verdict(classify(tool('list_deal_stages', 'Lists the stages a deal can be in.'), crm))).toBe('read low');
    expect(verdict(classify(tool('search_deals', 'Search deals by stage.', { stage: { type: 'string' } })))).toBe('read low');
  });
});

describe("a protocol named in a tool's prefix is not a credential; forcing the delete of one thing deletes that one thing", () => {
  it('`ssh_upload` overwriting one remote file is high, `ssh_alias` removing one alias is high: neither administers credentials', () => {
    expect(verdict(classify(tool('ssh_upload', 'Uploads one local file to a remote path over SFTP, overwriting any file at that path.', { server: { type: 'string' }, local: { type: 'string' }, remote: { type: 'string' } })))).toBe('write+destructive high');
    expect(verdict(classify(tool('add_ssh_key', 'Adds an SSH key to the account.', { public_key: { type: 'string' } })))).toBe('write critical');
  });

  it('`force` on deleting one tag unlinks it (high); a forced push still rewrites history (critical)', () => {
    expect(verdict(classify(tool('delete_label', 'Delete a label. Fails if it is in use unless force is set, which removes it from every item.', { id: { type: 'string' }, force: { type: 'boolean' } })))).toBe('write+destructive high');
    expect(verdict(classify(tool('repo_push', 'Push the current branch to the remote.', { remote: { type: 'string' }, force: { type: 'boolean' } })))).toBe('write+destructive critical');
  });
});

describe('a negation about something else does not cancel the file a tool is told to save', () => {
  it('"read-only on the remote side" with a local destination path writes that file', () => {
    expect(verdict(classify(tool('download_remote_file', 'Copies one remote file to a local destination path, overwriting any file there. Read-only on the remote side.', { remote: { type: 'string' }, localPath: { type: 'string', description: 'Local destination path' } })))).toBe('write+destructive high');
  });

  it('a negation about files themselves still reads', () => {
    expect(verdict(classify(tool('preview_file', 'Shows the first lines of a remote file. Writes nothing to disk.', { remote: { type: 'string' }, outputPath: { type: 'string', description: 'Ignored.' } })))).toBe('read low');
  });
});

describe('running a search or a health probe reads', () => {
  it('"Execute several searches at once" and "Run a quick health probe of the service": read, low', () => {
    expect(verdict(classify(tool('multi_lookup', 'Execute several searches at once and return the grouped hits.', { queries: { type: 'array' } })))).toBe('read low');
    expect(verdict(classify(tool('ping_service', 'Run a quick health probe of the service and echo its version.')))).toBe('read low');
  });

  it('running a migration or a job still runs it', () => {
    expect(verdict(classify(tool('kick_job', 'Run a job of the nightly pipeline by its id.', { job_id: { type: 'string' } })))).toBe('execute high');
  });
});
