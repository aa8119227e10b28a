// Classes of mistakes found on the development label sets: what is kept about people, and the records of a server about
// people, are personal data. Each is tested in words of its own: a positive case that fails without its rule and a
// negative case that stays put.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from '../class-helpers.ts';

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

describe("what is kept of people's calls and who they are is personal data", () => {
  it("a call's or a meeting's transcription, and the ids or emails of a server's people", () => {
    expect(verdict(classify(tool('getCallTranscription', 'Gets the text of a phone call.', { callSid: { type: 'string' } })))).toBe('read medium');
    expect(verdict(classify(tool('list_subscriber_emails', 'Lists the newsletter subscriber emails.')))).toBe('read medium');
  });

  it("a video's transcript, or ids of things, are not", () => {
    expect(verdict(classify(tool('getVideoTranscript', 'Gets the transcript of a public video.', { videoId: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('list_workflow_ids', 'Lists the ids of the workflows.')))).toBe('read low');
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

describe("an online shop's orders, a CRM's objects and a bare search of such a server are people's records", () => {
  const shop = { name: 'io.example/tea-shop', description: 'Manage the products, orders and customers of an online store.' };
  const crm = { name: 'io.example/pipeline-crm', description: 'A CRM for small sales teams.' };

  it('reading the orders of a shop, or the objects of a CRM, returns personal data (medium)', () => {
    expect(verdict(classify(tool('fetch_order', 'Fetch one order with its lines and shipping details.', { order_id: { type: 'string' } }), shop))).toBe('read medium');
    expect(verdict(classify(tool('crm_query_objects', 'Query objects of a given type with filters.', { type: { type: 'string' } }), crm))).toBe('read medium');
  });

  it('a tool named only by a retrieving verb reads the records of such a server (medium)', () => {
    expect(verdict(classify(tool('search', 'Search across everything in the workspace.', { q: { type: 'string' } }), crm))).toBe('read medium');
  });

  it("the shop's products, a CRM object's schema or fields, and the same names on another server, stay low", () => {
    expect(verdict(classify(tool('fetch_product', 'Fetch one product with its variants.', { product_id: { type: 'string' } }), shop))).toBe('read low');
    expect(verdict(classify(tool('crm_get_object_schema', 'Returns the schema of an object type.', { type: { type: 'string' } }), crm))).toBe('read low');
    expect(verdict(classify(tool('crm_list_fields_by_object', 'Lists the custom fields of an object type.', { type: { type: 'string' } }), crm))).toBe('read low');
    expect(verdict(classify(tool('fetch_order', 'Fetch one order with its lines and shipping details.', { order_id: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('search', 'Search across everything in the workspace.', { q: { type: 'string' } })))).toBe('read low');
  });
});

describe('the people an item is shared with, sent to or filed under are people', () => {
  it('collaborators, correspondents, delegates and recipients read are personal data', () => {
    expect(verdict(classify(tool('get_collaborators', 'Get all collaborators for a project.', { id: { type: 'string' } })))).toBe('read medium');
    expect(verdict(classify(tool('list_correspondents', 'List all correspondents with optional filtering.')))).toBe('read medium');
    expect(verdict(classify(tool('list_delegates', 'Lists the delegates of a mailbox.')))).toBe('read medium');
  });

  it('a project or a document named alone is not', () => {
    expect(verdict(classify(tool('get_project', 'Get a project by id.', { id: { type: 'string' } })))).toBe('read low');
  });
});

describe('money records that name who paid, who is paid or the account are personal data', () => {
  it('quotes for a contact, bank transactions of an account, bills of a supplier', () => {
    expect(verdict(classify(tool('list-quotes', 'List all quotes. Ask the user whether to filter by contact.', { page: { type: 'number' } })))).toBe('read medium');
    expect(verdict(classify(tool('list-bank-transactions', 'List all bank transactions, for one bank account or all.', { page: { type: 'number' } })))).toBe('read medium');
  });

  it('the same records named alone are not', () => {
    expect(verdict(classify(tool('list-quotes', 'List all quotes.', { page: { type: 'number' } })))).toBe('read low');
  });
});

describe('who may open an item is a list of people', () => {
  it('the sharing permissions of a file and the memberships of a team are personal data', () => {
    expect(verdict(classify(tool('get_file_permissions', 'Lists who has access to a file.', { file_id: { type: 'string' } })))).toBe('read medium');
    expect(verdict(classify(tool('get_team_memberships', 'Get team memberships.', { team_id: { type: 'string' } })))).toBe('read medium');
  });

  it('permission groups named alone are not', () => {
    expect(verdict(classify(tool('list_permission_groups', 'Lists permission groups.')))).toBe('read low');
  });
});

describe('what people said to each other: mail threads and phone calls', () => {
  it('listing mail threads or a voice platform\'s calls returns personal data (medium)', () => {
    expect(verdict(classify(tool('list_threads', "List threads in the user's mailbox.", { q: { type: 'string' } })))).toBe('read medium');
    expect(verdict(classify(tool('get_call', 'Gets details of a specific call.', { id: { type: 'string' } })))).toBe('read medium');
  });
  it('calls a program makes and threads a processor runs are no one\'s words', () => {
    expect(verdict(classify(tool('list_api_calls', 'Lists recent API calls with their latency.', { limit: { type: 'number' } })))).toBe('read low');
    expect(verdict(classify(tool('list_captured_calls', 'Lists the network calls captured from the app.', { url: { type: 'string' } })))).toBe('read low');
  });
});

describe('records about a person: their pay and hours, who watches an item, whom an invitation names', () => {
  it('reading them is medium', () => {
    expect(verdict(classify(tool('get_watchers', 'Get the users watching an issue.', { issue: { type: 'string' } })))).toBe('read medium');
    expect(verdict(classify(tool('timesheet_list', 'List timesheets with hours logged per employee.', { from: { type: 'string' } })))).toBe('read medium');
    expect(verdict(classify(tool('list_invitations', 'List pending invitations sent for the workspace.', { limit: { type: 'number' } })))).toBe('read medium');
  });
  it('a watcher process, a CPU profile or a video\'s transcription are no one\'s records', () => {
    expect(verdict(classify(tool('get_video_transcription', 'Gets the transcription of a YouTube video.', { url: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('fetch_cpu_profile', 'Fetch a CPU profile of a running service.', { service: { type: 'string' } })))).toBe('read low');
  });
});
