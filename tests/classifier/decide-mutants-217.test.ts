// Tests written for the mutants StrykerJS left alive in classifier/classify.ts lines 211-290 (decide): how the category is
// weighed from the strong and the weak sums, an overwrite said in the first sentence (it makes a read a write, never a run
// a write), code a platform runs that a dry run only names, and the rules that widen the destructive scope: saving in a
// file format, writing into cells the caller names, an agent given a task, a tool of the caller's choosing called.
// Each says what the rule is for, in words and tools of its own.
import { describe, expect, it } from 'vitest';
import { classifyTool, collectSignals, decide, type Verdict } from '../../classifier/classify.ts';
import type { McpTool } from '../../data/schema.ts';
import { labels, PLAIN, signal, tool } from './signal-helpers.ts';

const text = { type: 'string' };
const object = { type: 'object' };
const verdictOf = (definition: McpTool): Verdict => decide(collectSignals(definition, PLAIN));
const signalsOf = (definition: McpTool): string[] => labels(collectSignals(definition, PLAIN));

describe('the category from the strong and the weak sums', () => {
  it('lets a strong write decide only when it is at least as strong as the strong execute beside it', () => {
    // (the rules give no execute signal a weight between 1.5 and 2 today: this holds decide's own order of the two)
    const update = (weight: number) => signal('description', 'write', 'verb:update', weight, 'Update');
    const run = (weight: number) => signal('description', 'execute', 'verb:run', weight, 'Run');
    expect(decide([update(1.5), run(1.8)]).category).toBe('execute');
    expect(decide([update(1.5), run(1.5)]).category).toBe('write');
    expect(decide([update(1.8), run(1.5)]).category).toBe('write');
  });

  it('among weak hints, takes an execute over a write only when it weighs at least as much', () => {
    // a verb in the name that is not its primary one (0.75) and code-running said past the first sentence (0.5)
    const nameUpdate = (weight: number) => signal('name', 'write', 'verb:update', weight, 'update');
    const laterRuns = (weight: number) => signal('description', 'execute', 'phrase:runs-code', weight, 'runs scripts');
    expect(decide([nameUpdate(0.75), laterRuns(0.5)]).category).toBe('write');
    expect(decide([nameUpdate(0.5), laterRuns(0.75)]).category).toBe('execute');
    expect(decide([nameUpdate(0.75), laterRuns(0.75)]).category).toBe('execute');
  });
});

describe('an overwrite said in the first sentence (phrase:replaces-whole)', () => {
  it('makes a tool that only loads a write', () => {
    const load = tool('load_diagram_file', 'Load a file into the current session, replacing the entire diagram.', { path: text });
    expect(signalsOf(load)).toContain('read:verb:load:load');
    expect(verdictOf(load)).toMatchObject({ category: 'write', destructiveScope: 'item' });
  });

  it('leaves a tool that runs a program running it: what it overwrites is said by the scope', () => {
    const formatter = tool('run_formatter', 'Run the code formatter over the project, overwriting the existing files in place.');
    expect(signalsOf(formatter)).toContain('write:phrase:replaces-whole:overwriting');
    expect(verdictOf(formatter)).toMatchObject({ category: 'execute', destructiveScope: 'item', hostCode: false });
  });
});

describe('code that a platform compiles and runs (platform-code)', () => {
  const body = { type: 'string', description: 'Source code of the function body' };

  it('writing a function body to the platform puts code of the caller\'s choosing on it', () => {
    const create = tool('create_function', 'Create a function on the platform.', { name: text, body });
    expect(verdictOf(create)).toMatchObject({ category: 'write', hostCode: true, destructiveScope: 'broad' });
  });

  it('a dry run of that deployment runs no code: it stays a read', () => {
    const dryRun = tool('dry_run_deploy_function', 'Checks a function deployment without deploying it.', { body });
    expect(signalsOf(dryRun)).toContain('write:platform-code:function:function');
    expect(verdictOf(dryRun)).toMatchObject({ category: 'read', hostCode: false, destructiveScope: 'none' });
    expect(classifyTool({ tool: dryRun, fingerprint: 'sha256:test', server: { name: 'io.example/functions', description: 'Serverless functions' } }).risk).toBe('low');
  });
});

describe('saving in a file format the name gives (`save_as_pdf`)', () => {
  it('writes that file, which may replace one already there', () => {
    expect(verdictOf(tool('save_as_pdf', 'Save the current page as a PDF.'))).toMatchObject({ category: 'write', destructiveScope: 'item' });
  });

  it('only when saving is what the name does: turning on a save setting changes that setting in place', () => {
    const enable = tool('enable_save_as_pdf', 'Turns on saving reports as PDF files.');
    expect(signalsOf(enable)).toContain('write:verb:save:save');
    expect(verdictOf(enable)).toMatchObject({ category: 'write', destructiveScope: 'in-place' });
  });
});

describe('writing into cells the caller names (param:cell-range)', () => {
  it('replaces what the cells held when the name\'s own verb writes them', () => {
    expect(verdictOf(tool('write_to_sheet', 'Write values into cells.', { range: text, values: { type: 'array' } }))).toMatchObject({ category: 'write', destructiveScope: 'in-place' });
  });

  it('not when writing is only a word of what the tool adds (a write protection on a range)', () => {
    const protect = tool('add_write_protection', 'Protects a range of cells from edits.', { range: text });
    expect(signalsOf(protect)).toContain('write:param:cell-range:range');
    expect(verdictOf(protect)).toMatchObject({ category: 'write', destructiveScope: 'none' });
  });
});

describe('an agent given a task (param:agent-task)', () => {
  const task = { task: text };

  it('acts on what it reaches, changes included, when the tool runs it', () => {
    expect(verdictOf(tool('run_agent', 'Runs a browser agent that will navigate and interact with web pages to complete the task.', task))).toMatchObject({ category: 'execute', destructiveScope: 'in-place' });
  });

  it('a template that only stores the task for later runs changes nothing now', () => {
    const template = tool('create_agent_template', 'Create a reusable agent template. Agents started from it navigate and interact with web pages to complete the task.', { name: text, ...task });
    expect(signalsOf(template)).toContain('execute:param:agent-task:task');
    expect(verdictOf(template)).toMatchObject({ category: 'write', destructiveScope: 'none' });
  });
});

describe('a tool, function or action of the caller\'s choosing (param:invoked-tool)', () => {
  const call = { tool_name: text, arguments: object };

  it('calling, executing or triggering it does whatever it does, changes included', () => {
    expect(verdictOf(tool('call_tool', 'Call a tool with arguments.', call))).toMatchObject({ category: 'execute', destructiveScope: 'in-place' });
    expect(verdictOf(tool('execute_tool', 'Execute a tool with arguments.', call))).toMatchObject({ category: 'execute', destructiveScope: 'in-place' });
    expect(verdictOf(tool('trigger_action', 'Triggers the named action with the given parameters.', { action_name: text, params: object }))).toMatchObject({ category: 'execute', destructiveScope: 'in-place' });
  });

  it('a shortcut that stores the call for later runs nothing now, though its prose leads with "Run"', () => {
    const shortcut = tool('create_tool_shortcut', 'Run a tool later with saved arguments: creates a shortcut the user can pick from a menu.', call);
    expect(signalsOf(shortcut)).toEqual(expect.arrayContaining(['execute:verb:run:Run', 'execute:param:invoked-tool:tool_name']));
    expect(verdictOf(shortcut)).toMatchObject({ category: 'write', destructiveScope: 'none' });
  });

  it('installing a tool by name does not call it', () => {
    const install = tool('install_tool', 'Install a tool by name with the given parameters.', { name: text, parameters: object });
    expect(signalsOf(install)).toContain('execute:param:invoked-tool:name');
    expect(verdictOf(install)).toMatchObject({ category: 'execute', destructiveScope: 'none' });
  });
});
