// Parameters that hand the call to something else: a tool invoked by name with its arguments, a batch of operations, a
// task for an agent that acts. The call does whatever they do, so it is judged by what they can do.
import { describe, expect, it } from 'vitest';
import { parameterSignals, type ServerTraits } from '../../../classifier/signals.ts';
import type { McpTool } from '../../../data/schema.ts';
import { labels, PLAIN, tool } from '../signal-helpers.ts';

const parameters = (t: McpTool) => labels(parameterSignals(t, PLAIN));
/** Every signal of the tool's parameters as `family effect label weight where text`. */
const signalsOf = (name: string, description: string, properties: Record<string, unknown>, traits: ServerTraits = PLAIN) =>
  parameterSignals({ name, description, inputSchema: { type: 'object', properties } }, traits).map(
    (s) => `${s.family} ${s.effect} ${s.label} ${s.weight} ${s.where} ${s.text}`,
  );

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
