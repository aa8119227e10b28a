// Classes of mistakes about what a tool does that its wording hides: a tool fronting only reads under an
// umbrella verb ("Manage…", "Select and run one of…"), the verb after "Use this tool to…", and verbs undone
// with "un-". Each positive case needs the rule; each negative case shows what must stay where it is.
import { describe, expect, it } from 'vitest';
import { choice, classify, tool, verdict } from './class-helpers.ts';

// one argument shape per operation, told apart by a constant (`anyOf: [{ op: { const: "fetch-site" } }, …]`)
const union = (key: string, ...values: string[]) => ({ anyOf: values.map((value) => ({ type: 'object', properties: { [key]: { type: 'string', const: value }, args: { type: 'object' } }, required: [key] })) });

describe('a tool whose every operation reads is a read, whatever its umbrella verb', () => {
  it('"Manage …" over an enum of reads', () => {
    expect(verdict(classify(tool('acme_boards', 'Manage Acme kanban boards - supports fetch and search operations', { op: choice('fetch', 'search'), boardId: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('manage_invoices', 'Handles invoices of the ledger.', { action: choice('list', 'show', 'count') })))).toBe('read low');
  });

  it('reading people through it is still a read of personal data', () => {
    expect(verdict(classify(tool('crm_contacts', 'Manage HubBase contacts. Actions: lookup (by email), list (paged).', { action: choice('lookup', 'list') })))).toBe('read medium');
  });

  it('"Select and run one of the following … operations" over a union of argument shapes that only read', () => {
    expect(verdict(classify(tool('vercel-domain-services-reader', 'Select and execute one of the following Vercel read operations get-domain, list-domains', { request: union('operation', 'get-domain', 'list-domains') })))).toBe('read low');
  });

  it('an umbrella verb over operations that change things stays a change; a value the rules do not know keeps the umbrella verb', () => {
    expect(verdict(classify(tool('acme_notes', 'Manage Acme notes - supports list, create and delete operations', { op: choice('list', 'create', 'delete') })))).toBe('write+destructive high');
    expect(verdict(classify(tool('acme_boards', 'Manage Acme kanban boards.', { op: choice('list', 'get', 'frobnicate') })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('vercel-domain-services-writer', 'Select and execute one of the following Vercel write operations get-record, delete-record', { request: union('operation', 'get-record', 'delete-record') })))).toBe('write+destructive high');
  });
});

describe('the verb after "Use this tool to" is what the tool does; setting a thing up creates or configures it', () => {
  it('"Use this tool to setup …", "Use this to set up …", "Sets up …" write', () => {
    expect(verdict(classify(tool('acme_onboard_project', 'Use this tool to setup a project in Acme CI. If its team is missing, the team is created first.')))).toBe('write medium');
    expect(verdict(classify(tool('paging_rules', 'Use this to set up paging rules for a team.')))).toBe('write medium');
    expect(verdict(classify(tool('webhook_setup', 'Sets up a delivery webhook for the store.')))).toBe('write medium');
    expect(verdict(classify(tool('set_up_mirror')))).toBe('write medium');
  });

  it('a setup that is only read about, or a thing that is already set up, is not', () => {
    expect(verdict(classify(tool('get_install_setup', 'Use this tool to read the setup guide of the SDK.')))).toBe('read low');
    expect(verdict(classify(tool('list_shared_reports', 'List all reports that are set up for sharing.')))).toBe('read low');
    expect(verdict(classify(tool('acme_get_setup_status', 'Returns the status of a project setup.')))).toBe('read low');
    // (in a name, "setup" is mostly a noun: what the description says decides)
    expect(verdict(classify(tool('tracer_setup', 'One-time setup guide for the tracing SDK.')))).toBe('read low');
    expect(verdict(classify(tool('setup_kiosk_passcode', 'Shows the passcode setup form on the kiosk.')))).toBe('read low');
    expect(verdict(classify(tool('set_theme', 'Use this tool to set the colour theme of a dashboard.')))).toBe('write+destructive medium');
  });
});

describe('un- and a verb that makes or changes things undoes that change: an in-place change of an existing thing', () => {
  it('unpublishing, unscheduling, untagging one thing is destructive and medium', () => {
    expect(verdict(classify(tool('cms_unpublish_banner', 'Unpublishes a storefront banner so visitors no longer see it.')))).toBe('write+destructive medium');
    expect(verdict(classify(tool('calendar_unschedule_post', 'Unschedule a queued social post.')))).toBe('write+destructive medium');
    expect(verdict(classify(tool('photos', 'Untags a photo.')))).toBe('write+destructive medium');
    expect(verdict(classify(tool('drafts_unmark', 'Draft highlight, undone.')))).toBe('write+destructive medium');
  });

  it('undoing a privileged act stays privileged', () => {
    expect(verdict(classify(tool('board_uninvite_collaborator', 'Uninvite a collaborator from a board.')))).toBe('write+destructive critical');
  });

  it('words that only start with "un", adjectives, reads and verbs with a sense of their own are not undone changes', () => {
    expect(verdict(classify(tool('understand_codebase', 'Understand the structure of a code base.')))).toBe('read low');
    expect(verdict(classify(tool('list_unit_tests', 'Lists unit tests under a folder until the limit.')))).toBe('read low');
    expect(verdict(classify(tool('list_unsaved_drafts', 'Lists unsaved and unmodified drafts of the editor.')))).toBe('read low');
    expect(verdict(classify(tool('unread_summary', 'Summarize what is new since the last visit.')))).toBe('read low');
    expect(verdict(classify(tool('uninstall_plugin', 'Uninstalls a plugin from the site.')))).toBe('execute+destructive high');
  });
});

describe('a plural noun in a name is not its verb', () => {
  it('a word in its "-s" form after a noun, a number or an adjective, or after a preposition, names things counted or listed', () => {
    expect(verdict(classify(tool('qa_failed_builds', 'Number of failed builds in the last week.')))).toBe('read low');
    expect(verdict(classify(tool('ci_runs_per_branch_name', 'Run counts grouped by branch name for the last day.')))).toBe('read low');
    expect(verdict(classify({ name: 'ledger_tags', title: 'Tags Overview', inputSchema: { type: 'object', properties: {} } }))).toBe('read low');
  });

  it('a first word in its "-s" form before another noun is the resource when the description leads with a read', () => {
    expect(verdict(classify(tool('drafts_overview', 'Get an overview of the saved drafts.')))).toBe('read low');
    expect(verdict(classify(tool('posts_calendar', 'Shows the publishing calendar of a blog.')))).toBe('read low');
  });

  it('a name that is one word in its "-s" form is the plural resource when the description leads with a read', () => {
    expect(verdict(classify(tool('tests', 'List the tests of a suite with their last outcome.')))).toBe('read low');
    expect(verdict(classify(tool('deploys', 'Show the recent deploys of a site.')))).toBe('read low');
    expect(verdict(classify(tool('updates', 'Fetch the pending updates for a device.')))).toBe('read low');
    // (the word alone, or prose that acts, keeps it a verb: a name says nothing more)
    expect(verdict(classify(tool('runs', 'Runs the nightly pipeline of a project.')))).toBe('execute high');
    expect(classify(tool('records')).category).toBe('write');
  });

  it('a verb with its object, or a plural first word whose description acts, keeps its action', () => {
    expect(verdict(classify(tool('run_tests', 'Runs the tests in a folder.')))).toBe('execute high');
    expect(verdict(classify(tool('drafts_publish', 'Publishes a saved draft as a post.')))).toBe('write medium');
    expect(verdict(classify(tool('posts_calendar', 'Schedules a post on the publishing calendar.')))).toBe('write medium');
  });
});

describe('a verb first in a name can be a namespace', () => {
  it('when the description reads and the rest of the name says search, info, list or get, the first word does not decide', () => {
    expect(verdict(classify(tool('deploy_catalog-search', 'Search the component catalog by keyword.')))).toBe('read low');
    expect(verdict(classify(tool('publish_package-info', 'Get details about one package of the feed.')))).toBe('read low');
    expect(verdict(classify(tool('archive_snapshot_list', 'List the snapshots kept for a volume.')))).toBe('read low');
  });

  it('a first word the description confirms keeps its action', () => {
    expect(verdict(classify(tool('transfer_credits', 'Transfers credits from one wallet to another.')))).toBe(verdict(classify(tool('move_credits', 'Transfers credits from one wallet to another.'))));
    expect(classify(tool('transfer_credits', 'Transfers credits from one wallet to another.')).category).toBe('write');
    expect(verdict(classify(tool('deploy_site', 'Deploys the site to production.')))).toBe('execute+destructive high');
    expect(verdict(classify(tool('archive_snapshot_list', 'Archives the snapshot list of a volume.')))).toBe('write+destructive medium');
  });
});

describe('a fixed noun phrase made of a verb and a noun is a noun', () => {
  it('"pull request", "merge request", "change request" name things', () => {
    expect(verdict(classify(tool('gitea_get_pull_request_reviewers', 'Use this tool to get the reviewers of a pull request.')))).toBe('read low');
    expect(verdict(classify(tool('hub_fetch_merge_request_notes', 'Fetches the notes on one merge request.')))).toBe('read low');
    // (creating one adds a thing: the name's action is "create", not "pull")
    expect(verdict(classify(tool('gitea_create_pull_request', 'Creates a pull request from a branch.')))).toBe('write medium');
  });

  it('acting on one still acts', () => {
    expect(verdict(classify(tool('merge_pull_request', 'Merges a pull request into its base branch.')))).toBe('write+destructive high');
  });
});

describe('running a check that only reports whether access, a connection or credentials work is a probe', () => {
  it('"Run … diagnostics / a … check" of access, connectivity or auth reads', () => {
    expect(verdict(classify(tool('authCheckBucketAccess', 'Run auth diagnostics against the storage API and bucket access.')))).toBe('read low');
    expect(verdict(classify(tool('run_connectivity_check', 'Runs a connectivity check against the message broker.')))).toBe('read low');
    expect(verdict(classify(tool('broker_health', 'Run network diagnostics for every configured broker.')))).toBe('read low');
  });

  it('running a test suite or a command stays a run', () => {
    expect(verdict(classify(tool('run_tests', 'Run the test suite of a project.')))).toBe('execute high');
    expect(verdict(classify(tool('run_command', 'Run a shell command to check connectivity.')))).toBe('execute+destructive critical');
    expect(verdict(classify(tool('web_suite', 'Run the login tests of the web app.')))).toBe('execute high');
  });
});

describe('operations listed in prose under an "Actions:" heading are operations', () => {
  it('bare reads under the heading make the tool a read, whatever its umbrella verb', () => {
    expect(verdict(classify(tool('helpdesk_tickets', 'Manage helpdesk tickets. Actions: list (with filters), get (by ID).')))).toBe('read low');
    expect(verdict(classify(tool('kb_articles', 'Handles knowledge base articles.\nOperations: search (full text), show (one article), count.')))).toBe('read low');
  });

  it('a change among them decides', () => {
    expect(verdict(classify(tool('helpdesk_tickets', 'Helpdesk tickets. Actions: list (with filters), get (by ID), close (by ID).')))).toBe('write+destructive medium');
    expect(verdict(classify(tool('kb_articles', 'Knowledge base articles.\nOperations: search, show, delete_article.')))).toBe('write+destructive high');
  });
});

describe('a verb in a phrase after a noun ("the guide for adding…") is not what the tool does', () => {
  it('documentation, instructions or examples for doing something are read', () => {
    expect(verdict(classify(tool('cfg_docs', 'Detailed documentation and examples for writing pipeline configuration.')))).toBe('read low');
    expect(verdict(classify(tool('ssh_key_guide', 'Step-by-step instructions for creating a deploy key.')))).toBe('read low');
  });

  it('the tool itself "for …ing" still says what it does', () => {
    expect(verdict(classify(tool('issue_tool', 'Tool for creating issues in a tracker.')))).toBe('write medium');
    expect(verdict(classify(tool('mailer', 'Used for sending a reminder email to a customer.')))).toBe(verdict(classify(tool('mailer', 'Sends a reminder email to a customer.'))));
  });
});

describe('an operation past the ones judged still counts: padding an action enum hides nothing (rules-120)', () => {
  // (a definition is the server's to write: a hundred harmless values first must not hide the one that deletes)
  const padding = Array.from({ length: 100 }, (_, i) => `get_${i}`);

  it('"delete_all" after a hundred reads makes the tool destructive, as it does after one', () => {
    expect(verdict(classify(tool('acme_notes', 'Works with notes.', { action: choice(...padding, 'delete_all') })))).toBe('write+destructive high');
    expect(verdict(classify(tool('acme_notes', 'Works with notes.', { action: choice('get', 'delete_all') })))).toBe('write+destructive critical');
  });

  it('a hundred reads and nothing else stay a read, and another parameter\'s enum is still no operation', () => {
    expect(verdict(classify(tool('acme_notes', 'Works with notes.', { action: choice(...padding, 'get_more') })))).toBe('read low');
    // (the SQL command a row-level policy applies to is a setting of the policy, not something the tool does)
    expect(verdict(classify(tool('acme_policies', 'Works with row-level policies.', { action: choice('get_policies', 'list_policies'), command: choice('SELECT', 'DELETE') })))).toBe('read low');
  });
});
