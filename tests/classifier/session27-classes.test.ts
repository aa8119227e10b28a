// Classes of mistakes found on the development label sets in the session of 2026-11-23 (second part),
// each tested in words of its own: a positive case that fails without its rule and a negative case that stays put.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from './class-helpers.ts';

describe('a read that also saves what it read to a file writes', () => {
  it('a parameter whose name ends in a file location and whose text says the result is saved there', () => {
    expect(verdict(classify(tool('fetch_invoice_pdf_meta', 'Fetches metadata of an invoice.', { id: { type: 'string' }, bodyFilePath: { type: 'string', description: 'Where the raw body is saved to; omitted means inline' } })))).toBe('write medium');
    expect(verdict(classify(tool('dump_heap_stats', 'Returns heap statistics.', { export_dir: { type: 'string', description: 'Optional. Writes a copy of the statistics into this directory' } })))).toBe('write medium');
  });

  it('a parameter described as a file name to save as', () => {
    expect(verdict(classify(tool('grab_viewport', 'Grabs the visible part of the canvas and returns it.', { label: { type: 'string', description: 'Filename to save as, inside the captures folder' } })))).toBe('write medium');
  });

  it('a description that says the tool saves an image or a file as it reads', () => {
    expect(verdict(classify(tool('snapshot_view', 'Look at the current view: lists the widgets and saves an annotated screenshot.', { view: { type: 'string' } })))).toBe('write medium');
    expect(verdict(classify(tool('peek_queue', 'Shows the next messages and writes them to a temp file for later review.')))).toBe('write medium');
  });

  it('a path the tool reads from, or a path that is only mentioned, writes nothing', () => {
    expect(verdict(classify(tool('fetch_invoice_pdf_meta', 'Fetches metadata of an invoice.', { sourceFilePath: { type: 'string', description: 'Path of the invoice file to read' } })))).toBe('read low');
    expect(verdict(classify(tool('grab_viewport', 'Grabs the visible part of the canvas and returns it.', { label: { type: 'string', description: 'Filename shown in the caption' } })))).toBe('read low');
    expect(verdict(classify(tool('list_exports', 'Lists the reports saved in the workspace earlier.')))).toBe('read low');
  });
});

describe('a read with a switch that empties what it read changes it', () => {
  it('`clear`, `purge_after_read` as booleans: the captured entries are gone after the call', () => {
    expect(verdict(classify(tool('read_device_events', 'Returns the events the sensor hub buffered.', { limit: { type: 'integer' }, purge_after_read: { type: 'boolean', description: 'Empty the buffer once returned' } })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('fetch_trace_spans', 'Fetch the spans collected so far.', { clear: { type: 'boolean' } })))).toBe('write+destructive medium');
  });

  it('a clear that is not a switch, or a tool that already says it changes nothing, stays a read', () => {
    expect(verdict(classify(tool('fetch_trace_spans', 'Fetch the spans collected so far.', { clear: { type: 'string', description: 'Colour to show cleared spans in' } })))).toBe('read low');
    expect(verdict(classify(tool('fetch_trace_spans', 'Fetch the spans collected so far.', { since: { type: 'integer' } })))).toBe('read low');
  });
});

describe('a `type` or `mode` whose values are mostly not verbs names kinds, not operations', () => {
  it('a kind list that happens to hold a verb ("log", "record") does not make the tool do it', () => {
    expect(verdict(classify(tool('fetch_journal', 'Fetch journal lines.', { type: { type: 'string', enum: ['all', 'warning', 'log', 'notice', 'trace'] } })))).toBe('read low');
    expect(verdict(classify(tool('sales_chart', 'Chart of monthly sales.', { mode: { type: 'string', enum: ['line', 'bar', 'record', 'stacked'] } })))).toBe('read low');
  });

  it('a `type` or `mode` made of verbs, and an `action` whatever its values, still pick operations', () => {
    expect(classify(tool('journal', 'Journal entries.', { type: { type: 'string', enum: ['list', 'delete', 'purge'] } })).destructive).toBe(true);
    expect(classify(tool('journal', 'Journal entries.', { action: { type: 'string', enum: ['view', 'delete', 'summary', 'stats', 'export'] } })).destructive).toBe(true);
  });
});

describe('a batch of the server\'s own operations does whatever they do', () => {
  it('"run several actions in one call" with an array of steps changes what those actions change', () => {
    const c = classify(tool('run_batch', 'Runs several spreadsheet actions in one call, such as sort, fill and rename.', { steps: { type: 'array', items: { type: 'object' } } }));
    expect([c.category, c.destructive]).toEqual(['execute', true]);
    expect(classify(tool('apply_many', 'Perform a sequence of commands against the board.', { commands: { type: 'array', items: { type: 'object' } } })).destructive).toBe(true);
  });

  it('a list of steps that is only data, or one run of one thing, is not a batch', () => {
    expect(classify(tool('save_recipe', 'Stores a recipe with its steps.', { steps: { type: 'array', items: { type: 'string' } } })).destructive).toBe(false);
    expect(verdict(classify(tool('run_report', 'Runs the weekly report and returns it.', { steps: { type: 'array', items: { type: 'string' } } }))).includes('destructive')).toBe(false);
  });
});

describe('what is kept about people is personal data', () => {
  it('a person\'s records named after them (`get_patient_history`, `list_member_addresses`) and people called humans', () => {
    expect(classify(tool('get_patient_history', 'Returns the visit history.')).sensitive).toBe(true);
    expect(classify(tool('list_member_addresses', 'Lists postal addresses.')).sensitive).toBe(true);
    expect(classify(tool('find_humans', 'Find workers for a task by skill.')).sensitive).toBe(true);
  });

  it('money records that name the contact they belong to', () => {
    expect(classify(tool('list_receipts', 'Lists receipts with the contact each was issued to.')).sensitive).toBe(true);
  });

  it('records that are not a person\'s, and the caller\'s own account, are not', () => {
    expect(classify(tool('get_build_history', 'Returns the build history.')).sensitive).toBe(false);
    expect(classify(tool('get_user_info', 'Return the signed-in account: id and plan.')).sensitive).toBe(false);
    expect(classify(tool('list_receipts', 'Lists the receipts of your own subscription.')).sensitive).toBe(false);
  });
});

describe('changing who may see an item is a change of access', () => {
  it('an update with a visibility switch or a public link made or withdrawn is critical', () => {
    expect(classify(tool('edit_board', 'Edit a board\'s title and settings.', { title: { type: 'string' }, visibility: { type: 'string', enum: ['private', 'team', 'public'] } })).risk).toBe('critical');
    expect(classify(tool('modify_album', 'Modify an album.', { is_public: { type: 'boolean' } })).risk).toBe('critical');
    expect(classify(tool('create_report_public_link', 'Makes a link anyone can open.')).risk).toBe('critical');
  });

  it('a new item made with a visibility of its own, a visibility read, or a public link listed is not', () => {
    expect(classify(tool('upload_photo', 'Upload a photo to an album.', { data: { type: 'string' }, is_public: { type: 'boolean' } })).risk).not.toBe('critical');
    expect(classify(tool('create_album', 'Create an album.', { name: { type: 'string' }, visibility: { type: 'string', enum: ['private', 'public'] } })).risk).not.toBe('critical');
    expect(classify(tool('list_public_links', 'Lists the public links of a report.')).risk).toBe('low');
  });
});

describe('uninstalling is the reverse of installing, and verifying a domain records who owns it', () => {
  it('uninstalling an add-on runs the installer backwards', () => {
    expect(verdict(classify(tool('uninstall_addon', 'Uninstalls an add-on from the editor.', { addon_id: { type: 'string' } })))).toBe('execute+destructive high');
  });
  it('verifying a domain or a sender the name acts on changes its verified state', () => {
    expect(verdict(classify(tool('verify_sender', 'Verify a sender.', { sender_id: { type: 'string' } })))).toBe('write medium');
    expect(verdict(classify(tool('mail_verify_domain', 'Starts the DNS check of a mail domain.', { domain: { type: 'string' } })))).toBe('write medium');
  });
  it('verifying anything else, or an identity looked up in prose, checks it', () => {
    expect(verdict(classify(tool('verify_signature', 'Verify a webhook signature.', { payload: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('check_peer', 'Verify a peer\'s identity and return its key.', { peer: { type: 'string' } })))).toBe('read low');
  });
});

describe('a tool that only builds a link, and an action list of reads, read', () => {
  it('a link for the user to open ("pre-filled", "the user can open") does not do what the link leads to', () => {
    expect(verdict(classify(tool('file_feature_request', 'Builds a URL to the project\'s feature request form with the title pre-filled.', { title: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('share_on_forum', 'Returns a link the user can open in their browser to post the snippet.', { snippet: { type: 'string' } })))).toBe('read low');
  });
  it('a link that is itself the thing made, or one made and then used, is not', () => {
    expect(classify(tool('create_checkout_link', 'Creates a checkout link for a price on the payment provider.', { price_id: { type: 'string' } })).category).toBe('write');
    expect(classify(tool('submit_feature_request', 'Submits a feature request and returns its URL.', { title: { type: 'string' } })).category).toBe('write');
  });
  it('"Manage X" whose actions are reads and nouns that name what is shown reads', () => {
    expect(classify(tool('projects', 'Manage projects.', { action: { type: 'string', enum: ['list', 'get', 'members', 'stats'] } })).category).toBe('read');
    expect(classify(tool('projects', 'Manage projects.', { action: { type: 'string', enum: ['list', 'get', 'members', 'archive'] } })).category).not.toBe('read');
  });
});

describe('a read that keeps what it fetched, or has a switch to save it, writes', () => {
  it('"persists it in a knowledge base", "indexes pages into the database"', () => {
    expect(verdict(classify(tool('fetch_changelog', 'Fetches a release changelog, splits it by version and persists it in a local knowledge base for later questions.', { url: { type: 'string' } })))).toBe('write medium');
  });
  it('a boolean that saves or updates what the read made (`write_summary`, `update_golden`)', () => {
    expect(verdict(classify(tool('compare_render', 'Compares a render with the golden image.', { update_golden: { type: 'boolean', description: 'Replace the golden image with this render' } })))).toBe('write medium');
  });
  it('a switch that only caches or encodes, and a store it only searches, write nothing', () => {
    expect(verdict(classify(tool('fetch_page', 'Fetches a page.', { url: { type: 'string' }, storeInCache: { type: 'boolean' } })))).toBe('read low');
    expect(verdict(classify(tool('ask_docs', 'Answers questions from the documents indexed in the knowledge base.', { question: { type: 'string' } })))).toBe('read low');
  });
});

describe('an order on a market leaves the account holding something else', () => {
  it('placing a market or limit order is a destructive money move, as any payment is', () => {
    const c = classify(tool('place_spot_limit_order', 'Places a limit order on the exchange.', { symbol: { type: 'string' }, qty: { type: 'number' } }));
    expect([c.financial, c.destructive, c.risk]).toEqual([true, true, 'critical']);
  });
  it('reading orders moves nothing', () => {
    expect(classify(tool('list_limit_orders', 'Lists open limit orders.')).destructive).toBe(false);
  });
});

describe('clearing what the server only holds for a while loses no stored item', () => {
  it('a cache, a buffer, a recording session or a counter cleared is a change in place: medium', () => {
    expect(verdict(classify(tool('flush_render_cache', 'Flushes the render cache of the preview server.')))).toBe('write+destructive medium');
    expect(verdict(classify(tool('reset_stats', 'Reset the request counter of the proxy.')))).toBe('write+destructive medium');
  });
  it('deleting a stored item stays high', () => {
    expect(verdict(classify(tool('delete_recording', 'Deletes a call recording.', { id: { type: 'string' } })))).toBe('write+destructive high');
    expect(verdict(classify(tool('clear_playlist', 'Removes every song from a playlist.', { id: { type: 'string' } }))).endsWith('medium')).toBe(false);
  });
});

describe('a delete that cascades reaches everything that depends on the item', () => {
  it('a `cascade` switch makes one delete a broad one: critical', () => {
    expect(verdict(classify(tool('remove_workspace_app', 'Removes an app from the workspace.', { app: { type: 'string' }, cascade: { type: 'boolean', description: 'Also remove what the app created' } })))).toBe('write+destructive critical');
  });
  it('without it, one item', () => {
    expect(verdict(classify(tool('remove_workspace_app', 'Removes an app from the workspace.', { app: { type: 'string' } })))).toBe('write+destructive high');
  });
});

describe('a page of a document is the document\'s, not a browser\'s', () => {
  const editor = { name: 'io.example/sketch-editor', description: 'Drives the sketch editor in a browser with Playwright.' };
  it('adding or deleting a page of a diagram on a browser-driving server writes the diagram', () => {
    expect(verdict(classify(tool('insert_page', 'Adds a blank page to the open diagram.', { title: { type: 'string' } }), editor))).toBe('write medium');
    expect(classify(tool('drop_page', 'Deletes one page of the diagram.', { page: { type: 'integer' } }), editor).category).toBe('write');
  });
  it('a browser page on the same server is still driven', () => {
    expect(classify(tool('reload_page', 'Reloads the browser page.'), editor).category).toBe('execute');
  });
});
