// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 1230-1322, the second half of
// parameterSignals: expressions that are computed rather than run, cursor tokens, `to` as a recipient, sub-commands of a
// router tool, query languages and database queries, aggregation pipelines, cell ranges, saving switches, API paths,
// HTTP methods of the caller's choosing, replacing modes, bare file names and enums of actions.
// Each says what the rule is for, in words and tools of its own.
import { describe, expect, it } from 'vitest';
import { parameterSignals, type ServerTraits } from '../../classifier/signals.ts';
import { DATABASE, labels, PLAIN, tool } from './signal-helpers.ts';

const params = (name: string, description: string, properties: Record<string, unknown>, traits: ServerTraits = PLAIN) => labels(parameterSignals(tool(name, description, properties), traits));

describe('expressions computed, not run (math and cron expressions)', () => {
  it('reads an expression whose name says it is math as computed, not code', () => {
    expect(params('calculate', 'Evaluates arithmetic.', { math_expression: { type: 'string' } })).toEqual([]);
    expect(params('schedule_job', '', { expression: { type: 'string', description: 'Cron expression (5 fields)' } })).toEqual([]);
  });

  it('still reads an expression that is not qualified as math as code to run', () => {
    expect(params('evaluate', '', { expression: { type: 'string' } })).toEqual(['execute:param:expression:expression']);
  });

  it('leaves the other parameters alone when a description mentions a math expression', () => {
    // a shell command stays a shell command even when the text sends math elsewhere
    expect(params('run', '', { command: { type: 'string', description: 'Shell command to run; math expressions go to the calc tool' } })).toEqual(['execute:param:command:command']);
    expect(params('calculate', '', { webhook: { type: 'string', description: 'Webhook called with the value of the math expression' } })).toEqual(['openWorld:param:webhook:webhook']);
  });
});

describe('a token that is a cursor through results', () => {
  it('reads `page_token` and `next_page_token` as cursors, not secrets', () => {
    expect(params('list_files', '', { page_token: { type: 'string' } })).toEqual([]);
    expect(params('list_files', '', { next_page_token: { type: 'string' } })).toEqual([]);
    expect(params('call_api', '', { auth_token: { type: 'string' } })).toEqual(['sensitive:param:token:auth_token']);
  });

  it('keeps a password after a cursor word: only a token can be a cursor', () => {
    expect(params('connect_sync', '', { sync_password: { type: 'string', description: 'Password of the sync account' } })).toEqual(['sensitive:param:password:sync_password']);
  });
});

describe('`to` as a messaging recipient', () => {
  it('reads a lone `to` of no declared type as a recipient', () => {
    expect(params('send_sms', '', { to: { description: 'Recipient phone number' } })).toEqual(['messaging:param:to:to']);
  });

  it('does not read a `to` that is a number or a time as a recipient', () => {
    expect(params('get_range', '', { to: { type: 'integer' } })).toEqual([]);
    expect(params('get_logs', '', { to: { description: 'End time (ISO 8601)' } })).toEqual([]);
  });
});

describe('a command that names a sub-command of a router tool', () => {
  it('does not read `command` or `commands` picking the tool’s sub-commands as shell commands', () => {
    expect(params('git', '', { command: { type: 'string', description: 'The git subcommand to run' } })).toEqual([]);
    expect(params('git', '', { commands: { type: 'array', items: { type: 'string' }, description: 'Subcommands to run in order' } })).toEqual([]);
  });

  it('still reads commands described otherwise as commands to run', () => {
    expect(params('ssh_exec', '', { commands: { type: 'array', items: { type: 'string' }, description: 'Lines to type into the remote host' } })).toEqual(['execute:param:commands:commands']);
  });

  it('leaves other parameters alone even when their text mentions a sub-command', () => {
    expect(params('git', '', { webhook: { type: 'string', description: 'Webhook notified when the subcommand finishes' } })).toEqual(['openWorld:param:webhook:webhook']);
  });
});

describe('queries written by the caller (query languages, SQL, database queries)', () => {
  it('reads a parameter named after a query language as a query, with or without a declared type', () => {
    expect(params('query_metrics', '', { promql: { description: 'The PromQL to run against Prometheus' } })).toEqual(['execute:param:sql-query:promql']);
    expect(params('query_metrics', '', { promql: { type: 'string' } })).toEqual(['execute:param:sql-query:promql']);
    expect(params('query_metrics', '', { promql: { type: 'object' } })).toEqual([]);
  });

  it('reads `queries` described as statements in a language once, by the language its text names', () => {
    expect(params('query_metrics', '', { queries: { type: 'string', description: 'PromQL queries to run, one per line' } })).toEqual(['execute:param:sql-query:PromQL']);
  });

  it('reads `queries` of plain text on a database server as database queries', () => {
    expect(params('run_queries', '', { queries: { type: 'string', description: 'Queries separated by semicolons' } }, DATABASE)).toEqual(['execute:param:database-query:queries']);
    expect(params('run_queries', '', { queries: { type: 'string', description: 'Queries separated by semicolons' } })).toEqual([]);
  });
});

describe('an aggregation pipeline on a database server', () => {
  it('reads a pipeline of no declared type, or an array, as a query the caller writes', () => {
    expect(params('aggregate', '', { pipeline: { description: 'Aggregation stages' } }, DATABASE)).toEqual(['execute:param:database-query:pipeline']);
    expect(params('aggregate', '', { pipeline: { type: 'array', description: 'Aggregation stages' } }, DATABASE)).toEqual(['execute:param:database-query:pipeline']);
    expect(params('aggregate', '', { pipeline: { type: 'string', description: 'Aggregation stages' } }, DATABASE)).toEqual([]);
  });
});

describe('cells named by the caller', () => {
  it('reads a cell range of no declared type, or a string, as cells written', () => {
    expect(params('update_sheet', '', { range: { description: 'A1 notation, e.g. Sheet1!A1:B2' } })).toEqual(['write:param:cell-range:range']);
    expect(params('update_sheet', '', { range: { type: 'object' } })).toEqual([]);
  });
});

describe('a switch that saves what the tool made', () => {
  it('reads a saving switch as a write', () => {
    expect(params('run_benchmark', '', { save_baseline: { type: 'boolean' } })).toEqual(['write:param:save-switch:save_baseline']);
  });

  it('does not read a switch about a cache as saving anything', () => {
    expect(params('get_results', '', { update_cached_results: { type: 'boolean', description: 'Refresh the cached results first' } })).toEqual([]);
    expect(params('get_results', '', { store_in_cache: { type: 'boolean' } })).toEqual([]);
  });

  it('does not read a switch that returns the output encoded (base64) as saving it, however the name is cased', () => {
    expect(params('take_screenshot', '', { storeBase64: { type: 'boolean' } })).toEqual([]);
    expect(params('take_screenshot', '', { save_base64: { type: 'boolean' } })).toEqual([]);
    // a base of 64 is not base64 unless the two are adjacent
    expect(params('take_screenshot', '', { save_base_image_64: { type: 'boolean' } })).toEqual(['write:param:save-switch:save_base_image_64']);
  });
});

describe('an API path of the caller’s choosing', () => {
  it('reads a path described as an API path, of no declared type or a string, as reaching the whole API', () => {
    expect(params('jira_request', '', { path: { description: 'The Jira API endpoint path, e.g. /rest/api/3/issue' } })).toEqual(['broad:param:api-path:path']);
    expect(params('jira_request', '', { path: { type: 'string', description: 'The Jira API endpoint path' } })).toEqual(['broad:param:api-path:path']);
  });

  it('does not read a list of path segments as an API path', () => {
    expect(params('jira_request', '', { path: { type: 'array', items: { type: 'string' }, description: 'API path segments' } })).toEqual([]);
  });

  it('needs a parameter named as a path: a base URL that mentions the API path is an address, not a path', () => {
    expect(params('jira_request', '', { base_url: { type: 'string', description: 'Base URL the API path is appended to' } })).toEqual(['openWorld:param:url:base_url']);
  });
});

describe('an HTTP method of the caller’s choosing', () => {
  it('reads an enum offering DELETE as a destructive request', () => {
    expect(params('http_request', '', { url: { type: 'string' }, http_method: { type: 'string', enum: ['GET', 'POST', 'DELETE'] } })).toEqual(['openWorld:param:url:url', 'write:param:http-method:POST', 'destructive:param:http-method:DELETE']);
  });

  it('takes only whole method names from the enum, not values that begin or end with one', () => {
    // a form post is still a POST, which only adds
    expect(params('http_request', '', { url: { type: 'string' }, http_method: { type: 'string', enum: ['get', 'post', 'post_multipart'] } })).toEqual(['openWorld:param:url:url', 'write:param:http-method:post']);
    // liking or reposting what is at a URL is no HTTP method (the verbs themselves are read as actions)
    const reacting = params('react_to_post', 'Like or repost the post at the URL.', { url: { type: 'string' }, verb: { type: 'string', enum: ['like', 'repost'] } });
    expect(reacting.filter((label) => label.includes('http-method'))).toEqual([]);
  });

  it('reads only string enum values: a server can send any JSON there, and a list holding "DELETE" is no method', () => {
    expect(params('http_request', '', { url: { type: 'string' }, http_method: { enum: [['DELETE'], 'GET'] } })).toEqual(['openWorld:param:url:url']);
    // nor is it an action the tool offers
    expect(params('run_operation', '', { operation: { enum: [['delete'], 'list'] } })).toEqual([]);
    // nor is a list holding "overwrite" a replacing mode
    expect(params('write_note', '', { mode: { enum: [['overwrite'], 'append'] } })).toEqual(['write:enum:append:append']);
  });
});

describe('a bare file name', () => {
  it('reads a file name of no declared type, or a string, as a file the tool may write', () => {
    expect(params('render_report', '', { filename: { description: 'Name of the file to create' } })).toEqual(['write:param:file-name:filename']);
    expect(params('render_report', '', { filename: { type: 'string' } })).toEqual(['write:param:file-name:filename']);
    expect(params('render_report', '', { filename: { type: 'boolean' } })).toEqual([]);
  });
});

describe('an enum of actions', () => {
  it('reads each action a multi-action tool offers', () => {
    expect(params('manage_files', '', { action: { type: 'string', enum: ['list', 'write', 'delete'] } })).toEqual(['write:enum:write:write', 'write:enum:delete:delete', 'destructive:enum:delete:delete']);
  });

  it('does not read "evaluate" on a calculator of math expressions as running code', () => {
    expect(params('calculator', 'A math expression calculator.', { action: { type: 'string', enum: ['evaluate', 'eval'] } })).toEqual([]);
    // evaluating in a page is running code
    expect(params('browser', 'Drive the page.', { action: { type: 'string', enum: ['evaluate'] } })).toEqual(['execute:enum:evaluate:evaluate']);
  });

  it('does not read a `type` that lists kinds of entries as actions', () => {
    expect(params('get_logs', '', { type: { type: 'string', enum: ['error', 'warning', 'log', 'info'] } })).toEqual([]);
  });
});
