// Queries the caller writes (a query language named or described, SQL, a database server's queries and aggregation
// pipelines): the call runs whatever the query does.
import { describe, expect, it } from 'vitest';
import { parameterSignals, type ServerTraits } from '../../../classifier/signals.ts';
import { DATABASE, labels, PLAIN, tool } from '../signal-helpers.ts';

const params = (name: string, description: string, properties: Record<string, unknown>, traits: ServerTraits = PLAIN) => labels(parameterSignals(tool(name, description, properties), traits));
/** Every signal of the tool's parameters as `family effect label weight where text`. */
const signalsOf = (name: string, description: string, properties: Record<string, unknown>, traits: ServerTraits = PLAIN) =>
  parameterSignals({ name, description, inputSchema: { type: 'object', properties } }, traits).map(
    (s) => `${s.family} ${s.effect} ${s.label} ${s.weight} ${s.where} ${s.text}`,
  );

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
