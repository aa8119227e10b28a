// Classes of mistakes found on the development label sets: tools that only read though their words sound like more: a
// link built, a prompt to a model, a search run. Each is tested in words of its own: a positive case that fails without
// its rule and a negative case that stays put.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from '../class-helpers.ts';

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

describe('a task or a prompt sent to a model asks it', () => {
  it('"Sends a prompt to a local language model", with the code it is to read: read, low', () => {
    expect(verdict(classify(tool('delegate_review', 'Sends a prompt to a local language model and returns its answer.', { prompt: { type: 'string' }, code: { type: 'string', description: 'Source to look at.' } })))).toBe('read low');
  });

  it('a message sent to a person or a channel is still sent', () => {
    expect(verdict(classify(tool('post_update', 'Sends a message to a team channel.', { channel: { type: 'string' }, text: { type: 'string' } })))).toBe('write medium');
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

describe('a link built for the user to view or explore is only a link, whatever query it carries', () => {
  it('"Generate a dashboard link … lets users explore the results": read, low', () => {
    expect(verdict(classify(tool('get_explore_link', 'Generate an explore link for a query that lets users view the results in the browser.', { query: { type: 'string', description: 'SQL query to show.' } })))).toBe('read low');
  });
  it('a tool that runs the query it is given still runs it', () => {
    expect(verdict(classify(tool('run_query', 'Run a query and return its rows.', { query: { type: 'string', description: 'SQL query to run.' } })))).toMatch(/^execute/);
  });
});

describe('a query the tool writes and returns is text, not a query it runs', () => {
  const database = { name: 'io.example/metabase', description: 'Metabase database assistant' };
  it('"converts natural language requests into SQL queries" reads; "runs SQL queries" executes', () => {
    expect(verdict(classify(tool('ai_sql_generate', 'Convert natural language requests into SQL queries - understands business context and table relationships', { description: { type: 'string' }, database_id: { type: 'number' } }), database))).toBe('read low');
    expect(classify(tool('sql_console', 'Runs SQL queries against the warehouse and returns the rows.', { sql: { type: 'string' } }), database).category).toBe('execute');
  });
});

describe('a query handed over to be judged is text, as code to review is', () => {
  const database = { name: 'io.example/postgres-tools', description: 'PostgreSQL database tools' };
  it('"SQL query to optimize", "the SQL query to analyze or repair": read, low', () => {
    expect(verdict(classify(tool('optimize_sql', 'Suggests indexes and rewrites that improve a SQL query.', { sql: { type: 'string', description: 'SQL query to optimize' } }), database))).toBe('read low');
    expect(verdict(classify(tool('fix_query', 'Diagnoses SQL query errors and suggests fixes.', { query: { type: 'string', description: 'The SQL query to analyze or repair' }, error_message: { type: 'string', description: 'Error received when executing the query' } }), database))).toBe('read low');
  });

  it('a query it runs stays one, and so does one it analyses by running it ("actually executes the query")', () => {
    expect(classify(tool('run_sql', 'Runs a SQL query against the database.', { sql: { type: 'string', description: 'SQL query to run' } }), database).risk).toBe('critical');
    expect(classify(tool('analyze_query', 'Analyzes a query.', { query: { type: 'string', description: 'SQL query to analyze' }, analyze: { type: 'boolean', description: 'Use EXPLAIN ANALYZE - actually executes the query' } }), database).risk).toBe('critical');
  });
});
