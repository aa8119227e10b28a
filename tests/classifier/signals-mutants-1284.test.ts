// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 1284-1459 on rules-129 (seventeenth
// session): parameterSignals whole, each signal with its family, weight, location and quoted text (the catalog's quotes are
// checked against the locations, so a wrong location is a wrong quote). Each case is a rule of the function and its edge:
// the type a word needs, the word's place in the name, a query named or described, a switch, an enum.
import { describe, expect, it } from 'vitest';
import { parameterSignals, type ServerTraits } from '../../classifier/signals.ts';
import { DATABASE, PLAIN } from './signal-helpers.ts';

/** Every signal of the tool's parameters as `family effect label weight where text`. */
const signalsOf = (name: string, description: string, properties: Record<string, unknown>, traits: ServerTraits = PLAIN) =>
  parameterSignals({ name, description, inputSchema: { type: 'object', properties } }, traits).map(
    (s) => `${s.family} ${s.effect} ${s.label} ${s.weight} ${s.where} ${s.text}`,
  );

describe('parameters that hand the call to something else', () => {
  it('name a tool to invoke with its arguments', () => {
    expect(signalsOf('call_tool', "Calls one of the server's tools by name.", { tool_name: { type: 'string' }, arguments: { type: 'object' } })).toEqual([
      'parameter execute param:invoked-tool 0 inputSchema.properties.tool_name tool_name',
    ]);
  });

  it('list a batch of operations', () => {
    expect(signalsOf('run_batch', 'Run multiple operations in one call.', { operations: { type: 'array' } })).toEqual([
      'parameter execute param:call-batch 0 inputSchema.properties.operations operations',
    ]);
  });

  it('give an agent a task, when the first 400 characters say the agent acts', () => {
    const agent = 'An autonomous agent that will navigate and interact with web pages.';
    expect(signalsOf('browser_agent', agent, { task: { type: 'string' } })).toEqual(['parameter execute param:agent-task 2.5 inputSchema.properties.task task']);
    expect(signalsOf('browser_agent', `Browses. ${'x '.repeat(200)}${agent}`, { task: { type: 'string' } })).toEqual([]);
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

describe('a query parameter', () => {
  it('says its language once, in its name or its description', () => {
    expect(signalsOf('metrics', 'Queries metrics.', {
      query: { type: 'string', description: 'PromQL query to run' },
      sql: { type: 'string', description: 'The SQL statement to execute' },
      logql: { type: 'string' },
    })).toEqual([
      'parameter execute param:sql-query 2 inputSchema.properties.query.description PromQL',
      'parameter execute param:sql 2 inputSchema.properties.sql sql',
      'parameter execute param:sql-query 2 inputSchema.properties.sql.description SQL',
      'parameter execute param:sql-query 2 inputSchema.properties.logql logql',
    ]);
    expect(signalsOf('search', 'Searches.', { filter: { type: 'string', description: 'A LogQL query expression' } })).toEqual([
      'parameter execute param:sql-query 2 inputSchema.properties.filter.description LogQL query',
    ]);
  });

  it('runs a query of the caller\'s choosing on a database server only as text, and a pipeline only there', () => {
    expect(signalsOf('find', 'Finds.', { query: { type: 'string' }, filter_query: { type: 'object' }, ids: { type: 'array' }, pipeline: { type: 'array' } }, DATABASE)).toEqual([
      'parameter execute param:database-query 1.5 inputSchema.properties.query query',
      'parameter execute param:database-query 1.5 inputSchema.properties.pipeline pipeline',
    ]);
    expect(signalsOf('find', 'Finds.', { query: { type: 'string' }, pipeline: { type: 'array' } })).toEqual([]);
  });
});

describe('code in a parameter description', () => {
  it('runs, unless the value is one of a fixed list of commands', () => {
    expect(signalsOf('shell', 'Runs.', {
      cmd: { type: 'string', enum: ['ls', 'cat'], description: 'Shell command to run' },
      input: { type: 'string', description: 'Shell command to run first' },
    })).toEqual(['parameter execute param-text:runs-code 1.5 inputSchema.properties.input.description Shell command']);
  });

  it('is JavaScript run in a page when the name itself does not already say code', () => {
    expect(signalsOf('browser', 'Browser.', {
      source: { type: 'string', description: 'JavaScript to run in the page' },
      script: { type: 'string', description: 'JavaScript to run in the page' },
    })).toEqual([
      'parameter execute param-text:javascript 1.5 inputSchema.properties.source.description JavaScript',
      'parameter execute param:script 2 inputSchema.properties.script script',
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
