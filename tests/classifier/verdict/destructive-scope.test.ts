// The rules that widen or narrow what a tool can destroy once the verbs have spoken: a file format saved, cells the
// caller names, an agent or a tool of the caller's choosing run, a truncate switch, an undo, a force, a cleared cache.
import { describe, expect, it } from 'vitest';
import { collectSignals, decide, type Verdict } from '../../../classifier/classify.ts';
import { serverTraits, type ServerTraits } from '../../../classifier/signals.ts';
import type { McpTool } from '../../../data/schema.ts';
import { labels, PLAIN, tool } from '../signal-helpers.ts';

const text = { type: 'string' };
const object = { type: 'object' };
const verdictOf = (definition: McpTool): Verdict => decide(collectSignals(definition, PLAIN));
const signalsOf = (definition: McpTool): string[] => labels(collectSignals(definition, PLAIN));
const verdictOnServer = (definition: McpTool, traits: ServerTraits = PLAIN): Verdict => decide(collectSignals(definition, traits));
const scopeOf = (definition: McpTool, traits: ServerTraits = PLAIN) => {
  const verdict = verdictOnServer(definition, traits);
  return `${verdict.category} ${verdict.destructiveScope}`;
};
const BROWSER = serverTraits({ name: 'io.example/browser', description: 'Browser automation with Playwright' });
const flag = { type: 'boolean' };

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

describe('a switch that truncates what the tool writes into', () => {
  it('empties the whole target before writing, a sweep, even when the schema gives the switch no type', () => {
    const table = { table: { type: 'string' } };
    // (an untyped `truncate` is read as a switch; only a boolean one is also read as deleting something besides)
    expect(scopeOf(tool('import_csv', 'Import rows from a CSV file into a table.', { ...table, truncate: { description: 'Empty the table before importing' } }))).toBe('write broad');
    expect(scopeOf(tool('import_csv', 'Import rows from a CSV file into a table.', { ...table, truncate: flag }))).toBe('write broad');
    // without the switch the import only adds rows
    expect(scopeOf(tool('import_csv', 'Import rows from a CSV file into a table.', table))).toBe('write none');
  });
});

describe('a tool that also undoes what it does ("subscribe or unsubscribe")', () => {
  it('takes away what exists, in place, when it writes', () => {
    expect(scopeOf(tool('watch_card', 'Subscribe or unsubscribe to notifications for a card.', { card_id: { type: 'string' } }))).toBe('write in-place');
  });

  it('says nothing about a tool that drives a page: waiting for a spinner to "appear or disappear" changes nothing stored', () => {
    const click = tool('browser_click', 'Click an element on the page and wait for the spinner to appear or disappear.', { selector: { type: 'string' } });
    expect(scopeOf(click, BROWSER)).toBe('execute none');
    expect(verdictOnServer(click, BROWSER).destructive).toBe(false);
  });
});

describe('force', () => {
  it('sweeps a purge of the trash: a name that only mentions what was deleted does not make it the delete of one thing', () => {
    const purge = tool('purge_deleted_messages', 'Purge messages from trash.', { force: flag });
    expect(scopeOf(purge)).toBe('write broad');
    // (a delete of one thing that is forced takes that thing and its links, not a sweep)
    expect(scopeOf(tool('delete_branch', 'Delete a branch.', { branch: { type: 'string' }, force: flag }))).toBe('write item');
  });

  it('makes a push replace the remote history only when pushing is what the name does, not when "push" only qualifies its object', () => {
    expect(scopeOf(tool('git_push', 'Push local commits to the remote.', { remote: { type: 'string' }, force: flag }))).toBe('write broad');
    const rule = tool('add_push_rule', 'Add a push rule to the project.', {
      project_id: { type: 'string' },
      pattern: { type: 'string' },
      force: { type: 'boolean', description: 'Save the rule even when its pattern fails validation' },
    });
    expect(scopeOf(rule)).toBe('write none');
  });
});

describe('clearing what only the server holds for a while', () => {
  it('narrows the loss of one item to a change in place (a cache, a session)', () => {
    expect(scopeOf(tool('flush_cache', 'Flush the cache.'))).toBe('write in-place');
  });

  it('leaves a sweep a sweep: clearing every session signs everyone out', () => {
    expect(scopeOf(tool('clear_all_sessions', 'Clear all user sessions, signing every user out.'))).toBe('write broad');
  });
});
