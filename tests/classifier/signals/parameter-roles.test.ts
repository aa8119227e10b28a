// What a parameter's name, type, enum and description say the call does with it: a cursor or a recipient, cells or a
// file written, a switch that saves, clears or deletes, an API path, an HTTP method, a replacing mode, an enum of
// actions. Each signal is checked with its family, weight, location and quote: the catalog quotes it from that location.
import { describe, expect, it } from 'vitest';
import { parameterSignals, type ServerTraits } from '../../../classifier/signals.ts';
import { labels, PLAIN, tool, weighed } from '../signal-helpers.ts';

const params = (name: string, description: string, properties: Record<string, unknown>, traits: ServerTraits = PLAIN) => labels(parameterSignals(tool(name, description, properties), traits));
/** Every signal of the tool's parameters as `family effect label weight where text`. */
const signalsOf = (name: string, description: string, properties: Record<string, unknown>, traits: ServerTraits = PLAIN) =>
  parameterSignals({ name, description, inputSchema: { type: 'object', properties } }, traits).map(
    (s) => `${s.family} ${s.effect} ${s.label} ${s.weight} ${s.where} ${s.text}`,
  );
const renderWith = (name: string, description: string) =>
  weighed(tool('render_chart', 'Renders a chart.', { [name]: { type: 'string', description } }));

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

describe("a parameter name's words", () => {
  it('widen a destructive action only as a switch', () => {
    expect(signalsOf('push', 'Pushes.', { force: { type: 'string' }, recursive: { type: 'boolean' } })).toEqual([
      'parameter destructive param:recursive 1 inputSchema.properties.recursive recursive',
    ]);
  });

  it('take code when a code word leads or stands alone, and keep a secret whatever head noun follows it', () => {
    expect(signalsOf('run', 'Runs.', {
      code_snippet: { type: 'string' },
      country_code: { type: 'string' },
      password_hash: { type: 'string' },
      command: { description: 'Shell command to run.' },
    })).toEqual([
      'parameter execute param:code 2 inputSchema.properties.code_snippet code_snippet',
      'parameter execute param:snippet 2 inputSchema.properties.code_snippet code_snippet',
      'parameter sensitive param:password 1 inputSchema.properties.password_hash password_hash',
      'parameter execute param:command 2 inputSchema.properties.command command',
      'parameter execute param-text:runs-code 1.5 inputSchema.properties.command.description Shell command',
    ]);
  });

  it('move money as a number, an integer, a string or an untyped value, and only as the last word', () => {
    expect(signalsOf('pay', 'Pays.', {
      amount: { type: 'number' },
      price: { type: 'integer' },
      cost: { type: 'string' },
      currency: {},
      amount_unit: { type: 'string' },
      amount_flag: { type: 'boolean' },
      price_list: { type: 'array' },
    })).toEqual([
      'parameter financial param:amount 1 inputSchema.properties.amount amount',
      'parameter financial param:price 1 inputSchema.properties.price price',
      'parameter financial param:cost 1 inputSchema.properties.cost cost',
      'parameter financial param:currency 1 inputSchema.properties.currency currency',
    ]);
    expect(signalsOf('pay', 'Pays.', { amount: { type: 'boolean' } })).toEqual([]);
  });

  it('send a message to a `to` that is free text and alone in its name', () => {
    expect(signalsOf('send', 'Sends.', { reply_to: { type: 'string' }, to: { type: 'string', description: 'Recipient email address' }, to_count: { type: 'integer' } })).toEqual([
      'parameter messaging param:to 1 inputSchema.properties.to to',
    ]);
  });
});

describe('a switch', () => {
  it('saves what a reading tool made only as a boolean of two words or more', () => {
    expect(signalsOf('snap', 'Takes a snapshot.', { save_baseline: { type: 'boolean' }, save: { type: 'boolean' }, save_report: { type: 'string' } })).toEqual([
      'parameter write param:save-switch 1.5 inputSchema.properties.save_baseline save_baseline',
    ]);
  });

  it('clears, deletes, truncates or reveals', () => {
    expect(signalsOf('logs', 'Reads logs.', {
      clear: { type: 'boolean' },
      delete_source_branch: { type: 'boolean' },
      drop: { type: 'boolean' },
      delete_after: { type: 'string' },
      truncate_first: { type: 'boolean' },
      reveal: { type: 'boolean' },
    })).toEqual([
      'parameter destructive param:clears 0 inputSchema.properties.clear clear',
      'parameter destructive param:deletes 1.5 inputSchema.properties.delete_source_branch delete_source_branch',
      'parameter destructive param:truncate 1 inputSchema.properties.truncate_first truncate_first',
      'parameter destructive param:deletes 1.5 inputSchema.properties.truncate_first truncate_first',
      'parameter broad param:truncate 1 inputSchema.properties.truncate_first truncate_first',
      'parameter sensitive param:reveals 1 inputSchema.properties.reveal reveal',
    ]);
  });
});

describe('a location or a mode', () => {
  it('is an API path, a file name, or nothing when only the description speaks of output', () => {
    expect(signalsOf('api', 'Calls the API.', {
      path: { type: 'string', description: 'The API endpoint path' },
      filename: { type: 'string' },
      output_path: { type: 'string' },
      encoding: { type: 'string', description: 'The encoding to write the output in.' },
    })).toEqual([
      'parameter broad param:api-path 0 inputSchema.properties.path path',
      'parameter write param:file-name 0.5 inputSchema.properties.filename filename',
      'parameter write param:output-file 1.5 inputSchema.properties.output_path output_path',
    ]);
  });

  it('is an HTTP method quoted from the enum, or else from the description', () => {
    expect(signalsOf('http', 'Sends a request.', { url: { type: 'string' }, method: { type: 'string', enum: ['GET', 'DELETE'] } })).toEqual([
      'parameter openWorld param:url 1 inputSchema.properties.url url',
      'parameter write param:http-method 2 inputSchema.properties.method.enum DELETE',
      'parameter destructive param:http-method 1.5 inputSchema.properties.method.enum DELETE',
      'parameter write enum:delete 1.5 inputSchema.properties.method.enum DELETE',
      'parameter destructive enum:delete 1.5 inputSchema.properties.method.enum DELETE',
    ]);
    expect(signalsOf('http', 'Sends a request.', { url: { type: 'string' }, method: { type: 'string', description: 'HTTP method: GET, POST or DELETE' } })).toEqual([
      'parameter openWorld param:url 1 inputSchema.properties.url url',
      'parameter write param:http-method 2 inputSchema.properties.method.description POST',
      'parameter destructive param:http-method 1.5 inputSchema.properties.method.description DELETE',
    ]);
  });

  it('replaces what exists when its enum offers it (a string value; other values are skipped)', () => {
    expect(signalsOf('upload', 'Uploads.', { conflict_behavior: { enum: [1, 'fail', 'replace'] } })).toEqual([
      'parameter destructive param:overwrite-mode 1.5 inputSchema.properties.conflict_behavior.enum replace',
    ]);
  });

  it('lists actions, and "evaluate" on a calculator computes math', () => {
    expect(signalsOf('calc', 'Evaluates math expressions.', { action: { enum: ['evaluate', 'run', 'delete'] } })).toEqual([
      'parameter execute enum:run 1.5 inputSchema.properties.action.enum run',
      'parameter write enum:delete 1.5 inputSchema.properties.action.enum delete',
      'parameter destructive enum:delete 1.5 inputSchema.properties.action.enum delete',
    ]);
  });
});

describe('a parameter that names where output is saved', () => {
  it('is one when its head word is a file location and its description says output is saved there', () => {
    expect(renderWith('chart_path', 'Where the chart is saved to.')).toContain('write:param:output-file:chart_path:1.5');
    expect(renderWith('file', 'The chart is written to this file.')).toContain('write:param:output-file:file:1.5');
  });

  it('is none when neither its name nor the start of its description is a file location, whatever the description says of output', () => {
    expect(renderWith('encoding', 'The encoding to write the output in.')).toEqual(['read:verb:render:render:3', 'read:verb:render:Renders:2']);
    expect(renderWith('chart_format', 'Format to save the chart as.')).toEqual(['read:verb:render:render:3', 'read:verb:render:Renders:2']);
  });
});
