// Classes of risk the rubric (docs/labelling-guide.md, section 3) separates, each with wording of
// its own: a positive case that needs the rule and a negative case that must stay where it is.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from './class-helpers.ts';

describe('reading personal data is medium', () => {
  it('a read whose object is people or their messages returns personal data', () => {
    expect(verdict(classify(tool('fetch_guild_participants_members', 'Returns the people in a guild.')))).toBe('read medium');
    expect(verdict(classify(tool('crm_list_customers')))).toBe('read medium');
    expect(verdict(classify(tool('lookup_mailbox_messages', 'Looks up mail in one folder.')))).toBe('read medium');
    expect(verdict(classify(tool('get_agenda_entries', 'Retrieves appointments from the shared planner.')))).toBe('read medium');
    expect(verdict(classify(tool('planner_calendar_events_get')))).toBe('read medium');
    expect(verdict(classify(tool('fetch_ticket_email_attachments')))).toBe('read medium');
  });

  it('not a program\'s messages, the caller\'s own account, a filter, or a noun that only modifies another', () => {
    expect(verdict(classify(tool('list_console_messages', 'Lists what the page printed to its console.')))).toBe('read low');
    expect(verdict(classify(tool('get_current_user', 'Who am I.')))).toBe('read low');
    expect(verdict(classify(tool('list_receipts_by_customer')))).toBe('read low');
    expect(verdict(classify(tool('get_newsletter_stats', 'Get email metrics for a campaign.')))).toBe('read low');
    expect(verdict(classify(tool('list_vms', 'List all machines for the user.')))).toBe('read low');
    expect(verdict(classify(tool('list_sandbox_profiles', 'Lists saved browser profiles.')))).toBe('read low');
  });

  it('echoing, translating or generating returns the caller\'s own input, not stored personal data', () => {
    expect(verdict(classify(tool('repeat', 'Echoes a message back to the caller.')))).toBe('read low');
    expect(verdict(classify(tool('ask_user', 'Asks the user to pick one option.')))).toBe('read low');
  });
});

describe('what is a secret', () => {
  it('a cursor through results is not a secret; a token named as a credential is', () => {
    expect(verdict(classify(tool('list_invoices_archive', 'Lists archived invoices.', { nextPageToken: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('list_invoices_archive', 'Lists archived invoices.', { resumeToken: { type: 'string' } })))).toBe('read low');
    // (a token a change takes is handled as a secret; a cursor is not)
    expect(classify(tool('archive_invoice', 'Archives one invoice.', { token: { type: 'string' } })).sensitive).toBe(true);
    expect(classify(tool('archive_invoice', 'Archives one invoice.', { nextPageToken: { type: 'string' } })).sensitive).toBe(false);
    // (a read whose object is the credentials hands them over: the rubric's "reveal credentials", critical)
    const shown = classify(tool('show_bearer_tokens', 'Shows the bearer tokens of the workspace.'));
    expect([shown.sensitive, verdict(shown)]).toEqual([true, 'read critical']);
    expect(verdict(classify(tool('show_bearer_token_count', 'Shows how many bearer tokens the workspace has.')))).not.toContain('critical');
  });

  it('a password, token or key a read takes to connect is an input: the read stays at its own level', () => {
    expect(verdict(classify(tool('list_invoices_archive', 'Lists archived invoices.', { token: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('fetch_weather_station', 'Reads the latest readings of a weather station.', { apiKey: { type: 'string', description: 'Your key for the weather service' }, password: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('open_ledger_session', 'Connects to the ledger host and returns its version.', { user: { type: 'string' }, secret: { type: 'string' } })))).toBe('read low');
  });

  it('a read that returns secrets, or that can reveal what it masks, stays sensitive with a credential input', () => {
    expect(verdict(classify(tool('get_vault_item', 'Returns the stored passwords of a vault item.', { token: { type: 'string' } })))).toBe('read medium');
    expect(verdict(classify(tool('read_site_settings', 'Reads the settings of a site.', { token: { type: 'string' }, reveal_values: { type: 'boolean' } })))).toBe('read medium');
    expect(verdict(classify(tool('get_inbox_messages', 'Reads the messages in an inbox.', { password: { type: 'string' } })))).toBe('read medium');
  });

  it('coins, design values and sessions are not credentials', () => {
    expect(verdict(classify(tool('get_stablecoin_token_supply', 'Get the circulating supply of a token.')))).toBe('read low');
    expect(verdict(classify(tool('list_theme_tokens', 'Lists spacing and colour tokens of a theme.')))).toBe('read low');
    expect(verdict(classify(tool('list_shell_sessions', 'Lists the open shell sessions with their working folders.')))).toBe('read low');
  });
});

describe('changing many things by a filter', () => {
  it('updating what a filter finds is high, deleting it critical', () => {
    expect(verdict(classify(tool('patch_many', 'Sets fields on rows in a sheet.')))).toBe('write+destructive high');
    expect(verdict(classify(tool('archive_tickets', 'Archives every ticket in the queue that matches the given search.')))).toBe('write+destructive high');
    expect(verdict(classify(tool('suspend_servers_by_label', 'Suspend billing alerts on servers by label.')))).toBe('write+destructive high');
    expect(verdict(classify(tool('erase_rows', 'Erases all rows which match the condition.')))).toBe('write+destructive critical');
  });

  it('one record, or a filter that only a later sentence offers, stays at the one-record level', () => {
    expect(verdict(classify(tool('archive_ticket', 'Archives one ticket by its ID.')))).toBe('write+destructive medium');
    expect(verdict(classify(tool('archive_ticket', 'Archives one ticket. Find it first with search, which can filter by label.')))).toBe('write+destructive medium');
    expect(verdict(classify(tool('copy_pages', 'Copies all matching pages into one new notebook.')))).toBe('write medium');
  });
});

describe('issuing or withdrawing a key administers a credential', () => {
  it('creating, deleting or attaching an API, access or SSH key is critical', () => {
    expect(verdict(classify(tool('add_deploy_key', 'Adds a deploy key to a mirror.')))).toBe('write critical');
    expect(verdict(classify(tool('bucket-key-remove', 'Remove a storage key.')))).toBe('write+destructive critical');
    expect(verdict(classify(tool('AttachSshKeys', 'Attach keys to a host.')))).toBe('write critical');
  });

  it('renaming a key, reading keys, pressing keys, keys of a table, a key-value store or an animation are not', () => {
    expect(verdict(classify(tool('update_deploy_key', 'Renames a deploy key.')))).toBe('write+destructive medium');
    expect(verdict(classify(tool('list_deploy_keys')))).toBe('read low');
    expect(verdict(classify(tool('add_foreign_key', 'Adds a foreign key between two tables.')))).toBe('write medium');
    expect(verdict(classify(tool('delete_key', 'Deletes one key.'), { name: 'io.example/cache', description: 'A Redis server' }))).toBe('write+destructive high');
    expect(classify(tool('create_reset_keys', 'Creates the reset track of an animation.')).risk).not.toBe('critical');
  });
});

describe('provisioning something that bills is high', () => {
  it('creating a machine, or creating or resizing a resource whose size, tier or region the call chooses', () => {
    expect(verdict(classify(tool('create_vm', 'Creates a virtual machine from an image.')))).toBe('write high');
    expect(verdict(classify(tool('block-disk-create', 'Create a disk for a server.', { capacity_gib: { type: 'number' }, sizeGb: { type: 'number' } })))).toBe('write high');
    expect(verdict(classify(tool('create_search_index', 'Creates an index.', { name: { type: 'string' }, region: { type: 'string' } })))).toBe('write high');
    expect(verdict(classify(tool('resize_postgres_cluster', 'Changes how many nodes a cluster has.', { num_nodes: { type: 'integer' } })))).toBe('write+destructive high');
  });

  it('a resource with no size, tier or region, a free tier, or attaching existing machines is not', () => {
    expect(verdict(classify(tool('create_database', 'Creates a database inside a page.', { parent: { type: 'string' }, title: { type: 'string' } })))).toBe('write medium');
    expect(verdict(classify(tool('create_free_cluster', 'Creates a starter cluster.', { region: { type: 'string' } })))).toBe('write medium');
    expect(verdict(classify(tool('balancer-add-vms', 'Adds machines to a load balancer.')))).toBe('write medium');
    expect(verdict(classify(tool('rename_cluster', 'Renames a cluster.', { name: { type: 'string' } })))).toBe('write+destructive medium');
  });
});

describe('removing something from an item that stays is an in-place update', () => {
  it('a badge off a ticket, a link between two cards', () => {
    expect(verdict(classify(tool('ticket_remove_badges', 'Removes badges from a ticket.')))).toBe('write+destructive medium');
    expect(verdict(classify(tool('card_blocker_remove', 'Remove the blocking link between two cards.')))).toBe('write+destructive medium');
  });

  it('removing from a store of records or from a service by name deletes; a person off a group changes membership', () => {
    expect(verdict(classify(tool('remove_job', 'Removes a job from the work queue.')))).toBe('write+destructive high');
    expect(verdict(classify(tool('remove_subscriber', 'Remove a subscriber from Mailjet.')))).toBe('write+destructive high');
    expect(verdict(classify(tool('remove_note', 'Removes a note from the notebook library.')))).toBe('write+destructive high');
    expect(classify(tool('remove_user_from_group', 'Remove a user from a group.')).risk).not.toBe('medium');
  });
});

describe('the description\'s main clause says what a name\'s "delete" removes', () => {
  it('a name that says delete, described as taking something off an item that stays, is an in-place update', () => {
    expect(verdict(classify(tool('delete_sprint_ticket', 'Remove a ticket from a sprint.')))).toBe('write+destructive medium');
    expect(verdict(classify(tool('DeletePlaylistTrack', 'Removes one track from a playlist; the track stays in the catalogue.')))).toBe('write+destructive medium');
    expect(verdict(classify(tool('delete_post_upvote', 'Remove your upvote from a forum post.')))).toBe('write+destructive medium');
  });

  it('a description that deletes the item, says the removal is permanent, or removes from a store of records still deletes', () => {
    expect(verdict(classify(tool('delete_ticket', 'Deletes a ticket permanently.')))).toBe('write+destructive high');
    expect(verdict(classify(tool('delete_ticket_comment', 'Deletes a comment from a ticket.')))).toBe('write+destructive high');
    expect(verdict(classify(tool('delete_wiki_vote', 'Remove a vote from a wiki page. This cannot be undone.')))).toBe('write+destructive high');
    expect(verdict(classify(tool('delete_build_job', 'Remove a job from the build queue.')))).toBe('write+destructive high');
  });
});

describe('deleting a container of many items is critical', () => {
  it('a calendar, a channel, a folder, a registry the description names', () => {
    expect(verdict(classify(tool('drop_team_calendar', 'Drops a shared calendar with its events.')))).toBe('write+destructive critical');
    expect(verdict(classify(tool('chat_channel_delete', 'Deletes a chat channel.')))).toBe('write+destructive critical');
    expect(verdict(classify(tool('cr-destroy', 'Destroy an image registry by its name.')))).toBe('write+destructive critical');
  });

  it('one item in a container, or a container only mentioned, stays high', () => {
    expect(verdict(classify(tool('delete_channel_post', 'Deletes one post from a channel.')))).toBe('write+destructive high');
    expect(verdict(classify(tool('img-destroy', 'Destroy an image in a registry.')))).toBe('write+destructive high');
    expect(verdict(classify(tool('trash_file', 'Deletes a file from a folder.')))).toBe('write+destructive high');
  });
});

describe('a command chosen from a fixed list is an operation, not code to run', () => {
  it('an enum of sub-commands reads when its values read', () => {
    expect(verdict(classify(tool('hub_files', 'Browse files of a model hub.', { cmd: { type: 'string', enum: ['ls', 'cat', 'stat'], description: 'Command to execute.' } })))).toBe('read low');
  });

  it('a free-text command, or an enum that only sets how commands run, still runs code', () => {
    expect(classify(tool('hub_files', 'Browse files of a model hub.', { cmd: { type: 'string', description: 'Command to execute.' } })).category).toBe('execute');
    expect(classify(tool('agent_task', 'Hands a task to a coding agent.', { task: { type: 'string' }, isolation: { type: 'string', enum: ['none', 'full'], description: 'Isolation for shell command execution.' } })).category).toBe('execute');
  });
});

describe('row-level security is access control', () => {
  it('changing it is critical, reading it is not', () => {
    expect(classify(tool('table_rls_update', 'Turns row-level security on or off for a table.')).risk).toBe('critical');
    expect(verdict(classify(tool('list_rls_policies', 'Lists the policies of a table.')))).toBe('read low');
  });
});

describe('running an audit or an analysis only observes', () => {
  it('an audit or analysis that is run reads and reports', () => {
    expect(verdict(classify(tool('run_contrast_audit', 'Run a colour contrast audit on a page.')))).toBe('read low');
    expect(verdict(classify(tool('deps_overview', 'Run a thorough dependency analysis of a package.')))).toBe('read low');
  });

  it('running tests, a scan or a job still executes', () => {
    expect(classify(tool('run_contract_tests', 'Run the contract tests of a service.')).category).toBe('execute');
    expect(classify(tool('run_port_scan', 'Run a port scan against a host.')).category).toBe('execute');
    expect(classify(tool('run_nightly_job', 'Run the nightly export job.')).category).toBe('execute');
  });
});

describe('opening an application on the host launches it', () => {
  it('an editor, a viewer or the devtools opened is execute', () => {
    expect(verdict(classify(tool('open_inspector', 'Opens the layout inspector.')))).toBe('execute high');
    expect(verdict(classify(tool('show_chart', 'Open a chart in the desktop viewer.')))).toBe('execute high');
  });

  it('opening a record or a file to read it, or an app bundle file, is not', () => {
    expect(verdict(classify(tool('open_ticket', 'Opens a ticket and returns its fields.')))).toBe('read low');
    expect(classify(tool('bundle_open', 'Open an application bundle file and list its parts.')).category).toBe('read');
    expect(classify(tool('app_open', 'Open a bundle and list its parts.')).category).toBe('read');
  });
});

describe('merging a pull request, restoring from a backup, cancelling a subscription replace or end a whole item', () => {
  it('is high', () => {
    expect(verdict(classify(tool('land_change', 'Merge a pull request into its base branch.')))).toBe('write+destructive high');
    expect(verdict(classify(tool('cancel_booking', 'Cancels a booking for every guest.')))).toBe('write+destructive high');
    expect(verdict(classify(tool('vm_rollforward', 'Restore a server from a nightly backup.')))).toBe('write+destructive high');
  });

  it('merging cells, cancelling a scheduled post, restoring a version kept in history, or a merge request named as a thing stay medium', () => {
    expect(verdict(classify(tool('merge_cells', 'Merge cells in a range.')))).toBe('write+destructive medium');
    expect(verdict(classify(tool('cancel_scheduled_post', 'Cancel a scheduled post.')))).toBe('write+destructive medium');
    expect(verdict(classify(tool('restore_page_version', 'Restore a page to an earlier version; the current one stays in the history.')))).toBe('write+destructive medium');
    expect(classify(tool('unapprove_merge_request', 'Unapprove a merge request.')).risk).toBe('medium');
  });
});

describe('money records read with the customer who paid are personal data', () => {
  it('receipts or orders tied to a customer are medium', () => {
    expect(verdict(classify(tool('shop_receipts_list', 'Lists receipts of the shop.', { customer_id: { type: 'string' } })))).toBe('read medium');
    expect(verdict(classify(tool('get_order', 'Fetch one order. Shows the buyer and payment details.')))).toBe('read medium');
  });

  it('the caller\'s own invoices, or records a filter only names, stay low', () => {
    expect(verdict(classify(tool('billing_invoices_list', 'List the invoices of your hosting account.')))).toBe('read low');
    expect(verdict(classify(tool('list_products_for_order', 'Products in an order, with the customer who bought them.')))).toBe('read low');
  });
});

describe('a tool whose job is to write a file where the caller says can overwrite it', () => {
  it('recording or downloading into a named path, or saving in a file format, is destructive and high', () => {
    expect(verdict(classify(tool('record_session_clip', 'Records the screen.', { output_path: { type: 'string' }, force: { type: 'boolean' } })))).toBe('write+destructive high');
    expect(verdict(classify(tool('download_podcast', 'Fetches an episode.', { destination_folder: { type: 'string' } })))).toBe('write+destructive high');
    expect(verdict(classify(tool('chart_png_save', 'Saves the chart.')))).toBe('write+destructive high');
  });

  it('recording a failure, downloading into the response, or saving a note is not', () => {
    expect(verdict(classify(tool('record_build_failure', 'Records why a build failed.', { reason: { type: 'string' } })))).toBe('write medium');
    expect(classify(tool('download_podcast', 'Fetches an episode.', { episode: { type: 'string' } })).destructive).toBe(false);
    expect(verdict(classify(tool('save_note', 'Saves a note.')))).toBe('write medium');
  });
});

describe('a verb done again is that verb', () => {
  it('redeploying deploys, resending sends', () => {
    expect(verdict(classify(tool('stack_redeploy', 'Redeploys a stack.')))).toBe('execute+destructive high');
    expect(classify(tool('resend_receipt', 'Resends a receipt to its buyer.')).category).toBe('write');
  });

  it('words that only start with "re" are not', () => {
    expect(verdict(classify(tool('remind_later', 'Reminders shown later.')))).toBe('read low');
    expect(verdict(classify(tool('result_fields', 'Results with their fields.')))).toBe('read low');
  });
});

describe('connecting to a server opens a client connection, nothing lasting', () => {
  it('"connect to" reads', () => {
    expect(verdict(classify(tool('open_db_link', 'Connects to a Postgres instance and returns a handle.')))).toBe('read low');
    expect(verdict(classify(tool('broker_connect', 'Connect to the message broker.')))).toBe('read low');
  });

  it('connecting an account or a repository links it; on a browser server connecting drives it', () => {
    expect(classify(tool('broker_connect', 'Connect a GitHub account to the workspace.')).category).toBe('write');
    expect(classify(tool('attach_tab', 'Connect to an open tab.'), { name: 'io.example/browser', description: 'Drives a Chrome browser' }).category).not.toBe('read');
  });
});

describe('verbs that change the state of an existing thing, add something, or work something out', () => {
  it('confirming, claiming, acknowledging, arranging change a thing in place; duplicating and ingesting add', () => {
    expect(verdict(classify(tool('confirm_finding', 'Confirm a reported finding.')))).toBe('write+destructive medium');
    expect(verdict(classify(tool('grab_ticket', 'Claims the oldest open ticket of a queue.')))).toBe('write+destructive medium');
    expect(verdict(classify(tool('alarm_ack', 'Acknowledge an alarm.')))).toBe('write+destructive medium');
    expect(verdict(classify(tool('tidy_canvas', 'Arranges shapes on a canvas in rows.')))).toBe('write+destructive medium');
    expect(verdict(classify(tool('duplicate_board', 'Duplicate a board.')))).toBe('write medium');
    expect(verdict(classify(tool('feed_notes', 'Ingest notes into the knowledge store.')))).toBe('write medium');
  });

  it('collecting logs, diagnosing or suggesting return what they find; a duplicate named as a thing is not duplicated', () => {
    expect(verdict(classify(tool('collect_pod_logs', 'Collect logs from a pod.')))).toBe('read low');
    expect(verdict(classify(tool('why_slow', 'Diagnose a slow endpoint.')))).toBe('read low');
    expect(verdict(classify(tool('crm_get_duplicate_deal', 'Get a duplicate deal.')))).toBe('read low');
  });
});

describe('a plural resource named before its action', () => {
  it('`claims_get` gets claims', () => {
    expect(verdict(classify(tool('bookmarks_list')))).toBe('read low');
    expect(verdict(classify(tool('claims_get')))).toBe('read low');
  });

  it('a first verb with no base-form verb after it still acts', () => {
    expect(classify(tool('claims_stealable')).category).toBe('write');
    expect(verdict(classify(tool('creates_record')))).toBe('write medium');
  });
});

describe('putting replaces what is at that place', () => {
  it('an HTTP PUT or an object put overwrites the whole item', () => {
    expect(verdict(classify(tool('http_put', 'Send an HTTP PUT to a URL.', { url: { type: 'string' }, body: { type: 'string' } })))).toBe('write+destructive high');
    expect(verdict(classify(tool('bucket_object_put', 'Stores an object under a key.')))).toBe('write+destructive high');
  });

  it('patching or posting does not', () => {
    expect(verdict(classify(tool('http_patch', 'Send an HTTP PATCH to a URL.', { url: { type: 'string' }, body: { type: 'string' } })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('http_post', 'Send an HTTP POST to a URL.', { url: { type: 'string' }, body: { type: 'string' } })))).toBe('write medium');
  });
});

describe('a request to an API path of the caller\'s choosing reaches every resource of the API', () => {
  const apiPath = { path: { type: 'string', description: 'The Confluence API endpoint path, starting with "/".' }, body: { type: 'object' } };
  it('creating, deleting or replacing through it is a proxy for every call of the API: critical', () => {
    expect(verdict(classify(tool('wiki_post', 'Create wiki resources.', apiPath)))).toBe('write+destructive critical');
    expect(verdict(classify(tool('wiki_delete', 'Delete wiki resources.', apiPath)))).toBe('write+destructive critical');
  });

  it('reading through it, or a file path, is not widened', () => {
    expect(verdict(classify(tool('wiki_get', 'Read wiki resources.', apiPath)))).toBe('read low');
    expect(verdict(classify(tool('note_create', 'Create a note.', { path: { type: 'string', description: 'File path of the note.' } })))).toBe('write medium');
  });
});

describe('secrets a description mentions past its first sentence are mostly setup notes', () => {
  it('a later mention of credentials does not make a read sensitive', () => {
    expect(verdict(classify(tool('list_boards', 'Lists boards of a workspace. With an API key configured, private boards are included too.')))).toBe('read low');
  });

  it('a first sentence that returns them still does', () => {
    expect(verdict(classify(tool('get_vault_entry', 'Returns the stored password of an entry.')))).toBe('read medium');
  });
});

describe('a tool that fronts operations does what its riskiest ones do', () => {
  it('among operations of equal risk, running wins over writing, and a deleting one still makes the tool destructive', () => {
    expect(verdict(classify(tool('jobs', 'Job operations.', { action: { type: 'string', enum: ['list', 'delete', 'run'] } })))).toBe('execute+destructive high');
  });

  it('operations that only read stay a read', () => {
    expect(verdict(classify(tool('jobs', 'Job operations.', { action: { type: 'string', enum: ['list', 'get'] } })))).toBe('read low');
  });
});

describe('a switch that reveals masked values can return secrets', () => {
  it('is medium on a read', () => {
    expect(verdict(classify(tool('get_app_settings', 'Shows the settings of an app.', { reveal: { type: 'boolean' } })))).toBe('read medium');
  });

  it('another switch is not', () => {
    expect(verdict(classify(tool('get_app_settings', 'Shows the settings of an app.', { verbose: { type: 'boolean' } })))).toBe('read low');
  });
});

describe('calling a tool, function or action of the caller\'s choosing runs whatever it does', () => {
  it('is destructive', () => {
    expect(verdict(classify(tool('plugin_call', 'Call a plugin tool by its name.', { toolName: { type: 'string' }, arguments: { type: 'object' } })))).toBe('execute+destructive high');
  });

  it('not when it creates one, or runs a named workflow', () => {
    expect(verdict(classify(tool('create_action', 'Create an action.', { name: { type: 'string' }, params: { type: 'object' } })))).toBe('write medium');
    expect(verdict(classify(tool('run_workflow', 'Run a workflow by its name.', { name: { type: 'string' }, input: { type: 'object' } })))).toBe('execute high');
  });
});

describe('writing into cells the caller names replaces what they held', () => {
  it('is an in-place update', () => {
    expect(verdict(classify(tool('grid_write_values', 'Writes values to a workbook.', { range: { type: 'string' }, values: { type: 'array' } })))).toBe('write+destructive medium');
  });

  it('inserting rows, or writing with no range, adds', () => {
    expect(verdict(classify(tool('grid_insert_rows', 'Inserts rows into a workbook.', { range: { type: 'string' } })))).toBe('write medium');
    expect(verdict(classify(tool('grid_write_values', 'Writes values to a new workbook.', { values: { type: 'array' } })))).toBe('write medium');
  });
});

describe('an overwrite a later sentence mentions', () => {
  it('is one field of an in-place update', () => {
    expect(verdict(classify(tool('update_meeting', 'Update a meeting by its ID. Note: setting guests replaces the entire guest list.')))).toBe('write+destructive medium');
  });

  it('still makes an addition able to replace what exists, and a first sentence that overwrites still overwrites', () => {
    expect(verdict(classify(tool('upload_asset', 'Upload an asset to a folder. An asset with the same name is overwritten.')))).toBe('write+destructive high');
    expect(verdict(classify(tool('update_meeting', 'Replaces the entire meeting with the one given.')))).toBe('write+destructive high');
  });
});

describe('an upsert replaces the record that exists', () => {
  it('upserting, or creating-or-updating from the content given, overwrites the whole item', () => {
    expect(verdict(classify(tool('upsert_vectors', 'Insert vectors by id.')))).toBe('write+destructive high');
    expect(verdict(classify(tool('docs_create_or_update_page', 'Writes a page from the markdown given.')))).toBe('write+destructive high');
  });

  it('getting or creating, or creating alone, does not', () => {
    expect(verdict(classify(tool('get_or_create_label', 'Returns a label, making it when missing.')))).toBe('write medium');
    expect(verdict(classify(tool('create_page', 'Writes a new page.')))).toBe('write medium');
  });
});

describe('a tap, click or scroll on a screen, page or device drives it', () => {
  it('is execute even when the server does not say it automates a UI', () => {
    expect(verdict(classify(tool('kiosk_touch', 'Tap the screen at the given coordinates.')))).toBe('execute high');
  });

  it('the same words about something else stay neutral', () => {
    expect(verdict(classify(tool('pick_plan', 'Select a pricing plan to compare.')))).toBe('read low');
  });
});

describe('an expression in a query language "to execute" is a query, not code on the host', () => {
  it('a LogQL or PromQL expression runs as a read query (high, not critical)', () => {
    expect(verdict(classify(tool('loki_volume', 'Returns log volume for a selector.', { logql: { type: 'string', description: 'The LogQL expression to execute' } })))).toBe('execute high');
  });

  it('a command to execute is still code on the host', () => {
    expect(verdict(classify(tool('loki_volume', 'Returns log volume.', { cmd: { type: 'string', description: 'The command to execute' } })))).toBe('execute+destructive critical');
  });
});

describe('SQL limited to SELECT can only read', () => {
  it('is execute high, not SQL that can write', () => {
    expect(verdict(classify(tool('run_sql', 'Runs a SELECT statement on the warehouse.', { sql: { type: 'string' } })))).toBe('execute high');
  });

  it('SQL with no such limit can write', () => {
    expect(verdict(classify(tool('run_sql', 'Runs a statement on the warehouse.', { sql: { type: 'string' } })))).toBe('execute+destructive critical');
  });
});

describe('parts of people\'s messages and meetings are personal too', () => {
  it('a calendar\'s view, an event\'s instances, a message\'s body, a thread\'s replies', () => {
    expect(verdict(classify(tool('fetch_calendar_view')))).toBe('read medium');
    expect(verdict(classify(tool('list_event_instances')))).toBe('read medium');
    expect(verdict(classify(tool('get_message_body')))).toBe('read medium');
    expect(verdict(classify(tool('chat_get_thread_replies')))).toBe('read medium');
  });

  it('a page\'s view, a user\'s public replies, a report\'s body are not', () => {
    expect(verdict(classify(tool('get_page_view')))).toBe('read low');
    expect(verdict(classify(tool('social_get_user_replies')))).toBe('read low');
    expect(verdict(classify(tool('get_report_body')))).toBe('read low');
  });
});

describe('a task handed to an agent that acts on its own', () => {
  it('runs whatever the task needs, changes included', () => {
    expect(verdict(classify(tool('web_autopilot', 'An autonomous agent that will navigate sites and click through forms to finish the task.', { task: { type: 'string' } })))).toBe('execute+destructive high');
  });

  it('a research agent that navigates to read, or a tool that says it does not drive the browser, is not', () => {
    expect(classify(tool('deep_lookup', 'A research agent that will navigate sites and returns structured data.', { prompt: { type: 'string' } })).destructive).toBe(false);
    expect(classify(tool('browser_help', 'Points you at a CLI; this tool does not drive the browser. An agent can then navigate pages.', { task: { type: 'string' } })).destructive).toBe(false);
  });
});

describe('a name whose only verb-like word is mostly a noun', () => {
  it('says less than the verb leading its description when they disagree', () => {
    expect(verdict(classify(tool('grafana_build_details', 'Returns the version and commit of the running Grafana.')))).toBe('read low');
    expect(verdict(classify(tool('incident_timeline_log', 'Lists past incidents with who handled them.')))).toBe('read low');
    expect(verdict(classify(tool('network_speed_test', 'Measures the latency of the upstream link.')))).toBe('read low');
  });

  it('keeps its weight when the description agrees, or says nothing', () => {
    expect(verdict(classify(tool('tablet_file_push', 'Push a local file onto the tablet.')))).toBe('write+destructive high');
    expect(verdict(classify(tool('notes_export', 'Exports the notes to a Markdown file.', { outputPath: { type: 'string' } })))).toBe('write+destructive high');
    expect(verdict(classify(tool('unit_suite_test')))).toBe('execute high');
  });
});

describe('advice to the model about calling this tool', () => {
  it('is not what the tool does', () => {
    expect(verdict(classify(tool('symbol_lookup', 'MAIN ENTRY POINT — call first for every code question; returns the definitions of the named symbols.')))).toBe('read low');
    expect(verdict(classify(tool('weather_now', 'Invoke this before planning a trip to fetch the current conditions of a city.')))).toBe('read low');
  });

  it('calling or invoking something of the caller\'s choosing still runs it', () => {
    expect(verdict(classify(tool('rpc_dispatch', 'Call a remote procedure on the worker with the given arguments.')))).toBe('execute high');
    expect(verdict(classify(tool('lambda_fire', 'Tools — invoke a serverless function by its name.')))).toBe('execute high');
  });
});

describe('converting, optimizing or compacting a stored item named by its id', () => {
  it('changes that item in place', () => {
    expect(verdict(classify(tool('card_convert_to_epic', 'Turns a card into an epic.', { cardId: { type: 'string' } })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('optimize_route_plan', 'Reorders the stops of a saved route.', { routeId: { type: 'string' } })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('compact_chat_history', 'Shrinks the stored history of a chat.', { chat_id: { type: 'string' } })))).toBe('write+destructive medium');
  });

  it('not what the call passes in, a conversion into a new item or file, or a read of advice', () => {
    expect(verdict(classify(tool('convert_units', 'Converts a length between metric and imperial.', { value: { type: 'number' }, unit: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('convert_sheet_to_csv', 'Converts a spreadsheet into a CSV file.', { sheetId: { type: 'string' } })))).toBe('write medium');
    expect(verdict(classify(tool('convert_board', 'Converts a board into a whiteboard.', { boardId: { type: 'string' }, new_title: { type: 'string' } })))).toBe('write medium');
    expect(verdict(classify(tool('optimize_bucket_costs', 'Get cost-saving recommendations for a bucket.', { bucketId: { type: 'string' } })))).toBe('read low');
  });
});

describe('selling and trading move money', () => {
  it('an order that sells or trades is financial and critical', () => {
    const c = classify(tool('sell_shares', 'Sells shares of a holding at the market price.'));
    expect(c.financial).toBe(true);
    expect(c.risk).toBe('critical');
    expect(classify(tool('trade_asset', 'Trades one crypto asset for another on the linked exchange.')).financial).toBe(true);
  });
  it('reading past trades moves nothing', () => {
    const c = classify(tool('get_trade_history', 'Returns the trades of an account over a date range.'));
    expect(verdict(c)).toBe('read low');
    expect(c.financial).toBe(false);
  });
});

describe('a probe is a read', () => {
  it('testing a connection, connectivity, a proxy or a login only reports whether it answers', () => {
    expect(verdict(classify(tool('test_ldap_connection', 'Tests the LDAP connection and reports the round-trip time.')))).toBe('read low');
    expect(verdict(classify(tool('sftp_connection_test')))).toBe('read low');
    expect(verdict(classify(tool('heartbeat', 'Test the gateway connectivity from an edge node.')))).toBe('read low');
    expect(verdict(classify(tool('outbound_proxy_test', 'Test the outbound proxy against a given host.')))).toBe('read low');
  });

  it('a name that starts with "test" and a description that sends: a test message is sent', () => {
    expect(verdict(classify(tool('test_alert', 'Sends a test alert to the on-call rotation.')))).toBe('write medium');
    expect(verdict(classify(tool('test_sms', 'Send a test text message to a phone number.')))).toBe('write medium');
  });

  it('running tests, a suite or a flow stays execute', () => {
    expect(verdict(classify(tool('run_test_suite', 'Runs the project test suite.')))).toBe('execute high');
    expect(verdict(classify(tool('test_checkout_flow', 'Test the checkout flow of the storefront in a headless browser.')))).toBe('execute high');
    expect(verdict(classify(tool('test', 'Run the unit tests of a package.')))).toBe('execute high');
    expect(verdict(classify(tool('run_integration_tests')))).toBe('execute high');
  });
});

describe('money moved on the side of what a tool says it does', () => {
  it('a call that pays from a wallet, automatically or through a payment protocol, moves money', () => {
    for (const definition of [
      tool('paywalled_get', 'Retrieves a premium article. When the site asks for payment, the fee is paid automatically from your wallet.', { url: { type: 'string' } }),
      tool('l402_request', 'Calls an API endpoint with automatic Lightning payment of its invoice.'),
      tool('reserve_handle', 'Reserve a username on the registry. Requires a USDC payment on Solana.'),
    ]) {
      const c = classify(definition);
      expect(c.financial).toBe(true);
      expect(c.risk).toBe('critical');
      expect(c.destructive).toBe(true);
    }
    expect(verdict(classify(tool('paywalled_get', 'Retrieves a premium article. When the site asks for payment, the fee is paid automatically from your wallet.')))).toBe('write+destructive critical');
  });

  it('a state-changing contract call, a signed transaction, or a transfer signed with a private key moves assets', () => {
    for (const definition of [
      tool('contract_write_method', 'Runs a state-changing method on a deployed contract.'),
      tool('broadcast_tx', 'Broadcasts a signed transaction to the Solana network.'),
      tool('send_sol', 'Sends SOL to an address.', { mnemonic: { type: 'string' }, to: { type: 'string' }, amount: { type: 'number' } }),
    ]) {
      const c = classify(definition);
      expect(c.financial).toBe(true);
      expect(verdict(c)).toBe('write+destructive critical');
    }
  });

  it('reading a balance, calling a view function, asking whether a call would pay, or a transfer with no signing key moves nothing', () => {
    expect(verdict(classify(tool('get_wallet_balance', 'Returns the USDC balance of the payment wallet.')))).toBe('read low');
    expect(verdict(classify(tool('query_contract', 'Read a value from a deployed contract through a view function.')))).toBe('read low');
    expect(verdict(classify(tool('payment_required_check', 'Check whether an endpoint requires x402 payment before calling it.')))).toBe('read low');
    expect(verdict(classify(tool('estimate_fee', 'Estimates the gas of a state-changing function call.')))).toBe('read low');
    expect(verdict(classify(tool('fetch_page', 'Fetches a page. No payment is ever made automatically from your wallet.')))).toBe('read low');
    const moved = classify(tool('transfer_ticket', 'Transfer a ticket to another team.'));
    expect(verdict(moved)).toBe('write+destructive medium');
    expect(moved.financial).toBe(false);
  });
});

describe('a preview, a check or a plan in front of a name is harmless only when it is the whole action', () => {
  it('a check, a validation, a plan or a preview that a conjunction joins to another action does that action too', () => {
    expect(verdict(classify(tool('verify_and_remove_snapshot', 'Verifies that the snapshot exists, then removes it.')))).toBe('write+destructive high');
    expect(verdict(classify(tool('validate_then_publish_package', 'Validates the manifest and publishes the package to the registry.')))).not.toMatch(/ low$/);
    expect(verdict(classify(tool('check_or_drop_table')))).toBe('write+destructive critical');
  });

  it('alone, or joined only to another check, it changes nothing', () => {
    expect(verdict(classify(tool('check_deployment_health')))).toBe('read low');
    expect(verdict(classify(tool('validate_and_plan_changes', 'Validates the configuration and plans the changes without applying them.')))).toBe('read low');
    expect(verdict(classify(tool('preview_remove_snapshot')))).toBe('read low');
  });

  it('a conjunction between two verbs it governs joins those verbs, not another action', () => {
    expect(verdict(classify(tool('validate_create_or_update_payload', 'Validates a payload for a create or update request without sending it.')))).toBe('read low');
    expect(verdict(classify(tool('preview_insert_or_replace_rows')))).toBe('read low');
    // (a verb joined after an object is another action: validate the config, then deploy it)
    expect(verdict(classify(tool('validate_config_and_deploy')))).not.toMatch(/ low$/);
  });
});
