// Classes of the rubric (docs/labelling-guide.md) about what a change does to what exists: overwriting the whole of
// one item, controlling a running program, adding state by approving or claiming, and code a platform runs.
// Each class has wording of its own: positive cases that need the rule, negative cases that must stay where they are.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from './class-helpers.ts';

const text = (description: string) => ({ type: 'string', description });

describe('overwriting the whole of one item is high', () => {
  it('an update that takes the whole new content of a file, document or page replaces what it held', () => {
    expect(verdict(classify(tool('edit_document', 'Edits a document in the workspace.', { documentId: text('Which document'), body: text('The new body of the document') })))).toBe('write+destructive high');
    expect(verdict(classify(tool('modify_page', 'Changes a wiki page.', { path: text('Page path'), markdown: text('Markdown of the page') })))).toBe('write+destructive high');
    expect(verdict(classify(tool('storage_file_update', 'Changes a stored file.', { key: text('Object key'), data: text('Bytes as base64') })))).toBe('write+destructive high');
  });

  it('a first sentence that says the call replaces the whole of what is there is a write, whatever verb leads', () => {
    expect(verdict(classify(tool('fetch_style_pack', 'Fetches the shared style pack, replacing the existing local styles.', { path: text('Where the pack is cached') })))).toBe('write+destructive high');
    expect(verdict(classify(tool('fetch_profile', 'Fetches the remote profile and overwrites the local settings copy.')))).toBe('write+destructive high');
  });

  it('not an edit of part of an item, a record with many fields, a comment on a record, or a read that says it leaves things alone', () => {
    expect(verdict(classify(tool('edit_document', 'Edits a document.', { documentId: text('Which document'), old_text: text('Text to find'), content: text('Replacement text') })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('update_page', 'Updates a page.', { pageId: text('Which page'), content: text('Text to add at the end of the page') })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('update_file', 'Updates a file.', { fileId: text('Which file'), mode: { type: 'string', enum: ['append', 'replace'] }, content: text('Content') })))).not.toBe('write+destructive medium');
    expect(verdict(classify(tool('update_document', 'Updates a document record.', { id: text('id'), title: text('t'), owner: text('o'), tags: text('t'), created: text('c'), correspondent: text('c'), content: text('Searchable text') })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('update_ticket_note', 'Updates a note on a ticket.', { ticketId: text('Ticket'), noteId: text('Note'), body: text('New note text') })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('update_ticket', 'Updates a ticket.', { ticketId: text('Ticket'), body: text('New description'), status: text('Status') })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('read_board', 'Reads a board file without overwriting the entire canvas.')))).toBe('read low');
  });
});

describe('starting, stopping, reloading or killing a running program is execute', () => {
  it('a program, an app, a database server, or a page reloaded', () => {
    expect(verdict(classify(tool('scene_halt', 'Stop the currently running game scene.')))).toBe('execute+destructive high');
    expect(verdict(classify(tool('stop_sim', 'Stop the currently running simulation.')))).toBe('execute+destructive high');
    expect(verdict(classify(tool('webapp-kill', 'Kills an application on the host.')))).toBe('execute+destructive high');
    expect(verdict(classify(tool('redis-start', 'Starts a Redis database on the platform.')))).toBe('execute high');
    expect(verdict(classify(tool('Tab_reload', 'Reload the selected tab.')))).toBe('execute high');
    expect(verdict(classify(tool('reload_mobile_app', 'Reload the mobile app bundle like pressing r in the bundler.')))).toBe('execute high');
  });

  it('not an activity stopped, a record or setting, or a program named only as a modifier', () => {
    expect(verdict(classify(tool('stop_sharing_app', 'Stop sharing the app with a teammate.')))).not.toMatch(/^execute/);
    expect(verdict(classify(tool('stop_watching_board', 'Stop watching a board for changes.')))).not.toMatch(/^execute/);
    expect(verdict(classify(tool('stop_emulator_capture', 'Stops the emulator screen capture.')))).not.toMatch(/^execute/);
    expect(verdict(classify(tool('start_chat', 'Start a new chat with a support agent.')))).toBe('write medium');
    expect(verdict(classify(tool('reload_settings', 'Reloads the settings file.')))).not.toMatch(/^execute/);
  });
});

describe('approving a request or claiming what no one held adds state', () => {
  it('not destructive: the request is let in, the unclaimed item is taken from no one', () => {
    expect(verdict(classify(tool('accept_friend_request', 'Accept a pending friend request.', { requestId: text('Request') })))).toBe('write medium');
    expect(verdict(classify(tool('inbox_request_accept', 'Accept a message request from a new contact.', { threadId: text('Thread') })))).toBe('write medium');
    expect(verdict(classify(tool('pick_ticket', 'Claim the oldest unassigned ticket for this worker.', { workerId: text('Worker') })))).toBe('write medium');
    expect(verdict(classify(tool('grab_job', 'Claim the next available job from the build queue.', { runnerId: text('Runner') })))).toBe('write medium');
  });

  it('stays destructive: a review of a change, money, a completion, a held item, or a side update the definition names', () => {
    expect(classify(tool('approve_pull_request', 'Approve a pull request.', { number: { type: 'integer' } })).destructive).toBe(true);
    expect(classify(tool('approve_payment_request', 'Approve a payment request.', { id: text('Request') })).destructive).toBe(true);
    expect(classify(tool('approve_request_completion', 'Approve that the request is complete.', { id: text('Request') })).destructive).toBe(true);
    expect(classify(tool('claim_ticket', 'Claim a ticket for this worker.', { ticketId: text('Ticket') })).destructive).toBe(true);
    expect(classify(tool('grab_job', 'Claim the next available job from the build queue.', { runnerId: text('Runner (updates the runner state to busy)') })).destructive).toBe(true);
    expect(verdict(classify(tool('approve_expense', 'Approve an expense report by its id.', { id: text('Expense') })))).toBe('write+destructive medium');
  });
});

describe('code a platform compiles and runs is arbitrary code', () => {
  it('the body of a trigger, function or procedure written to the platform that runs it is critical', () => {
    expect(verdict(classify(tool('save_db_procedure', 'Creates or replaces a stored procedure in the warehouse.', { name: text('Procedure name'), definition: text('Full body of the stored procedure') })))).toBe('write+destructive critical');
    expect(verdict(classify(tool('put_crm_function', 'Saves a server-side function of the CRM.', { name: text('Function name'), source: text('Groovy code of the function') })))).toBe('write+destructive critical');
  });

  it('statements run inside a game, an app or a server are critical', () => {
    expect(verdict(classify(tool('engine_eval', 'Evaluate statements inside the live editor session.', { src: text('Lua statements, compiled and run as a chunk') })))).toBe('execute+destructive critical');
    expect(verdict(classify(tool('console_exec', 'Runs a snippet in the running server.', { body: text('Ruby code, evaluated in the server process') })))).toBe('execute+destructive critical');
  });

  it('not a file whose content is code, a trigger that is a schedule, nor SQL (judged by its own rules)', () => {
    expect(verdict(classify(tool('create_file', 'Creates a file in the repository.', { path: text('Path'), content: text('Python code of the module') })))).toBe('write medium');
    expect(verdict(classify(tool('create_cron_trigger', 'Create a cron trigger that emits an event on a schedule.', { schedule: text('Cron expression'), body: text('Event payload') })))).toBe('write medium');
    expect(classify(tool('create_view_function', 'Creates a function in the database.', { name: text('Name'), body: text('SQL body of the function') })).category).toBe('write');
  });
});
