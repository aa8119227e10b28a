// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 1018-1229: the walk over an input
// schema's properties (inputProperties), and the opening rules of parameterSignals (a tool invoked by name with its
// arguments, a batch of calls, a task handed to an acting agent, a command chosen from a list, `code` at the end of a
// name, the types a code parameter may have). Each says what the rule is for, in words and tools of its own.
import { describe, expect, it } from 'vitest';
import { inputProperties, parameterSignals } from '../../classifier/signals.ts';
import type { McpTool } from '../../data/schema.ts';
import { labels, PLAIN, tool } from './signal-helpers.ts';

const parameters = (t: McpTool) => labels(parameterSignals(t, PLAIN));
const names = (schema: unknown) => inputProperties(schema as Record<string, unknown>).map((property) => property.path);

describe('the properties of an input schema (inputProperties)', () => {
  it('walks a schema once: asking again for the same schema gives the same list', () => {
    const schema = { type: 'object', properties: { path: { type: 'string' }, recursive: { type: 'boolean' } } };
    const first = inputProperties(schema);
    expect(first.map((property) => property.name)).toEqual(['path', 'recursive']);
    expect(inputProperties(schema)).toBe(first);
  });

  it('finds no properties in a boolean schema ("accept anything") and does not fail on it', () => {
    expect(names(true)).toEqual([]);
    expect(names(false)).toEqual([]);
  });

  it('takes a schema whose properties are null as one with none', () => {
    expect(names({ type: 'object', properties: null })).toEqual([]);
  });

  it('skips a property whose schema is not an object (a boolean schema, or null)', () => {
    const schema = { type: 'object', properties: { query: { type: 'string' }, extra: true, legacy: null, limit: { type: 'integer' } } };
    expect(names(schema)).toEqual(['inputSchema.properties.query', 'inputSchema.properties.limit']);
  });

  it('looks into the items of an array only when they are a schema object', () => {
    const schema = {
      type: 'object',
      properties: {
        files: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' } } } },
        tags: { type: 'array', items: null },
      },
    };
    expect(names(schema)).toEqual(['inputSchema.properties.files', 'inputSchema.properties.files.items.properties.path', 'inputSchema.properties.tags']);
  });

  it('stops at 64 properties', () => {
    const properties = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`field${i}`, { type: 'string' }]));
    const found = inputProperties({ type: 'object', properties });
    expect(found).toHaveLength(64);
    expect(found.at(-1)!.name).toBe('field63');
  });
});

describe('a tool invoked by name with its arguments (param:invoked-tool)', () => {
  it('reads a call of a named tool with its arguments as running whatever that tool does', () => {
    const call = tool('call_tool', 'Calls the named entry of the connected server with the given arguments.', { name: { type: 'string' }, arguments: { type: 'object' } });
    expect(parameters(call)).toEqual(['execute:param:invoked-tool:name']);
  });

  it('hears the word "tool" in the tool’s own name, its words split at underscores', () => {
    // (the description says "entry", not "tool": only the name `call_tool` says what is invoked)
    expect(parameters(tool('call_tool', 'Calls the named entry with the given arguments.', { name: { type: 'string' }, arguments: { type: 'object' } }))).toEqual(['execute:param:invoked-tool:name']);
    expect(parameters(tool('call_entry', 'Calls the named entry with the given arguments.', { name: { type: 'string' }, arguments: { type: 'object' } }))).toEqual([]);
  });

  it('points at the first parameter that names what is invoked', () => {
    const run = tool('run_action', 'Runs one of the workspace actions.', { action_name: { type: 'string' }, name: { type: 'string', description: 'A label for this run in the log' }, params: { type: 'object' } });
    expect(parameters(run)).toEqual(['execute:param:invoked-tool:action_name']);
  });
});

describe('a batch of calls (param:call-batch)', () => {
  it('reads an array of operations run in one call as running whatever they do', () => {
    const batch = tool('run_batch', 'Runs multiple operations in one call.', { operations: { type: 'array', items: { type: 'object' } } });
    expect(parameters(batch)).toEqual(['execute:param:call-batch:operations']);
  });

  it('hears the batch in the tool’s own name, its words split at underscores', () => {
    expect(parameters(tool('batch_operations', 'Runs each entry of the list in order.', { operations: { type: 'array' } }))).toEqual(['execute:param:call-batch:operations']);
  });

  it('needs the batch parameter to be an array: a string of steps is a plan in words', () => {
    expect(parameters(tool('run_batch', 'Runs multiple steps in sequence.', { steps: { type: 'string' } }))).toEqual([]);
  });

  it('does not fail on a batch parameter listed without a schema', () => {
    expect(parameters(tool('run_batch', 'Runs multiple operations in one call.', { operations: null }))).toEqual([]);
  });
});

describe('a task handed to an acting agent (param:agent-task)', () => {
  it('reads a task for an agent that navigates and clicks as running whatever the task needs', () => {
    const agent = tool('web_agent', 'An autonomous agent that navigates websites and clicks through pages to finish the task.', { task: { type: 'string' }, instructions: { type: 'string' } });
    // (the first task-like parameter is the task)
    expect(parameters(agent)).toEqual(['execute:param:agent-task:task']);
  });

  it('hears "agent" in the tool’s own name, its words split at underscores', () => {
    expect(parameters(tool('browser_agent', 'Navigates web pages and clicks through them to complete the task.', { task: { type: 'string' } }))).toEqual(['execute:param:agent-task:task']);
    expect(parameters(tool('browser_helper', 'Navigates web pages and clicks through them to complete the task.', { task: { type: 'string' } }))).toEqual([]);
  });
});

describe('a command chosen from a fixed list', () => {
  it('does not read a command picked from an enum as code to run', () => {
    expect(parameters(tool('inspect_file', 'Inspects a file.', { cmd: { type: 'string', enum: ['ls', 'cat', 'stat'] } }))).toEqual([]);
  });

  it('reads a command with an empty enum as free text: nothing is offered to choose from', () => {
    expect(parameters(tool('run', 'Runs it.', { cmd: { type: 'string', enum: [] } }))).toEqual(['execute:param:cmd:cmd']);
  });
});

describe('`code` at the end of a name', () => {
  it('reads `code` after another word as a kind of code (an identifier), while a code word before it still counts', () => {
    expect(parameters(tool('set_region', 'Sets the region.', { country_code: { type: 'string' } }))).toEqual([]);
    expect(parameters(tool('run_in_page', 'Runs it in the open page.', { javascript_code: { type: 'string' } }))).toEqual(['execute:param:javascript:javascript_code']);
  });

  it('reads `code` alone as code to run', () => {
    expect(parameters(tool('run_snippet', 'Runs it.', { code: { type: 'string' } }))).toEqual(['execute:param:code:code']);
  });
});

describe('the type of a parameter that takes code', () => {
  it('reads a command whose type allows a string (`["string", "null"]`) as code to run', () => {
    expect(parameters(tool('run', 'Runs it.', { command: { type: ['string', 'null'] } }))).toEqual(['execute:param:command:command']);
  });

  it('does not read a code word on a switch as code, nullable or not (`shell: true` runs through a shell)', () => {
    expect(parameters(tool('spawn', 'Starts a process.', { shell: { type: ['boolean', 'null'] } }))).toEqual([]);
    expect(parameters(tool('spawn', 'Starts a process.', { shell: { type: 'boolean' } }))).toEqual([]);
  });
});
