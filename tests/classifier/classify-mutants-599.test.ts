// Tests written for the mutants StrykerJS left alive in classifier/classify.ts lines 599-804: the end of collectSignals (the
// rows or file formats a name adds, a subscription change that takes a price, the page or element a UI tool acts on, what the
// server's traits add), operationVerdicts (each operation of a multi-operation tool judged as a tool of its own) and classifyTool.
// Each says what the rule is for, in words and tools of its own.
import { describe, expect, it } from 'vitest';
import { collectSignals } from '../../classifier/classify.ts';
import type { ServerTraits } from '../../classifier/signals.ts';
import type { Classification, McpTool } from '../../data/schema.ts';
import { choice, classify, verdict } from './class-helpers.ts';
import { PLAIN, tool, UI, weighed } from './signal-helpers.ts';

const BROWSER = { name: 'io.example/browser', description: 'Browser automation with Playwright' };
const TEXT = { type: 'string' };
const labelled = (definition: McpTool, label: string, traits: ServerTraits = PLAIN) => collectSignals(definition, traits).filter((s) => s.label === label);
/** Each operation as "name:category:scope:risk", with a star on the one that decides. */
const operationsOf = (c: Classification) => c.operations.map((o) => `${o.name}:${o.category}:${o.destructiveScope}:${o.risk}${o.decisive ? '*' : ''}`);

describe('the rows, columns, sheets or tabs a name adds', () => {
  it('marks the singular and the plural of each grid part, as a signal of the name', () => {
    expect(labelled(tool('add_row'), 'name:grid-part')).toEqual([{ family: 'name', effect: 'write', label: 'name:grid-part', weight: 0, where: 'name', text: 'row' }]);
    for (const name of ['add_column', 'add_sheet', 'add_tab', 'add_rows', 'add_columns', 'add_sheets', 'add_tabs']) {
      expect(labelled(tool(name), 'name:grid-part').map((s) => s.text)).toEqual([name.slice(4)]);
    }
  });

  it('takes whole words only: arrows are no rows, and a table is no tab', () => {
    expect(labelled(tool('add_arrows'), 'name:grid-part')).toEqual([]);
    expect(labelled(tool('insert_table'), 'name:grid-part')).toEqual([]);
    expect(labelled(tool('add_tablespace'), 'name:grid-part')).toEqual([]);
  });
});

describe('the file format a name names', () => {
  it('is a signal of the name, at the name', () => {
    expect(labelled(tool('save_as_pdf', 'Saves the document.'), 'name:format')).toEqual([{ family: 'name', effect: 'write', label: 'name:format', weight: 0, where: 'name', text: 'pdf' }]);
  });
});

describe('a subscription change that takes a price, plan or items', () => {
  it('counts a billed parameter among others', () => {
    expect(weighed(tool('update_subscriptions', 'Update subscriptions.', { price: TEXT, note: TEXT }))).toContain('financial:commits:subscriptions:subscriptions:1');
  });

  it('does not count a call that takes no parameters at all as one that changes what is billed', () => {
    expect(weighed(tool('update_subscriptions', 'Update subscriptions.'))).toContain('financial:commits:subscriptions:subscriptions:0');
  });
});

describe('the page or element a UI tool acts on', () => {
  it('reads the name as words: `close_tab` acts on a tab', () => {
    expect(labelled(tool('close_tab', 'Closes the given one.'), 'ui:target', UI)).toEqual([{ family: 'name', effect: 'execute', label: 'ui:target', weight: 0, where: 'name', text: 'tab' }]);
  });

  it('takes the target from the opening of the description when the name has none, and says so', () => {
    expect(labelled(tool('reload', 'Reloads the current page.'), 'ui:target', UI)).toEqual([{ family: 'name', effect: 'execute', label: 'ui:target', weight: 0, where: 'description', text: 'page' }]);
    // a window mentioned only past the first 300 characters is no target
    const long = `Reloads what was opened last. ${'It keeps the scroll position and the values that were typed in before. '.repeat(5)}Any window stays open.`;
    expect(long.indexOf('window')).toBeGreaterThan(300);
    expect(labelled(tool('reload', long), 'ui:target', UI)).toEqual([]);
  });

  it('gives a UI tool that names no target no target, without failing', () => {
    expect(weighed(tool('list_items', 'Lists items.'), UI)).toEqual(['read:verb:list:list:3', 'read:verb:list:Lists:2']);
  });

  it('takes a page that the name says is a diagram’s as no browser page', () => {
    expect(weighed(tool('add_diagram_page', 'Adds a blank one at the end.'), UI)).toEqual(['write:verb:add:add:3', 'write:verb:add:Adds:2']);
  });
});

describe('what a browser server adds to its tools', () => {
  it('makes filling a form on the page driving the browser, with the server’s trait among the signals', () => {
    const c = classify(tool('fill_form', 'Fills the fields of the form on the page.', { values: TEXT }), BROWSER);
    expect(verdict(c)).toBe('execute high');
    expect(c.signals.filter((s) => s.family === 'server').map((s) => `${s.label}:${s.weight}`)).toEqual(['server:ui-automation:0']);
  });
});

describe('the operations of a multi-operation tool', () => {
  it('lists none for a tool fronting one action', () => {
    expect(classify(tool('get_note', 'Returns a note.')).operations).toEqual([]);
  });

  it('judges each operation with the tool’s other parameters: writing a range of cells overwrites them', () => {
    const c = classify(tool('sheet_cells', 'Cells of a sheet.', { action: choice('read', 'write'), range: TEXT }));
    expect(operationsOf(c)).toEqual(['read:read:none:low', 'write:write:in-place:medium*']);
    expect(verdict(c)).toBe('write+destructive medium');
  });

  it('judges each operation on the server it runs on: a browser server’s clicks drive the browser', () => {
    const c = classify(tool('page_action', 'Acts on the page.', { action: choice('click', 'scroll') }), BROWSER);
    expect(operationsOf(c)).toEqual(['click:execute:none:high*', 'scroll:execute:none:high']);
  });

  it('judges an operation of a verb and a noun, `remove_items`, as one', () => {
    const c = classify(tool('dataset_tool', 'Dataset tool.', { action: choice('create', 'list', 'remove_items') }));
    expect(operationsOf(c)).toEqual(['create:write:none:medium', 'list:read:none:low', 'remove_items:write:item:high*']);
  });

  it('does not take a tool whose operations read, plus one it cannot name, as one that only reads', () => {
    // "member_roles" may change roles: the umbrella "manage" is kept, and the tool is not read-only
    expect(verdict(classify(tool('manage_team', 'Manage the team.', { action: choice('list', 'get', 'member_roles') })))).toBe('write+destructive medium');
    // (nor "usage_limits": usage is shown, but limits may be set)
    expect(verdict(classify(tool('manage_team', 'Manage the team.', { action: choice('list', 'get', 'usage_limits') })))).toBe('write+destructive medium');
    // (where every other value is a noun that names what is shown, it reads)
    expect(verdict(classify(tool('manage_team', 'Manage the team.', { action: choice('list', 'get', 'members') })))).toBe('read low');
  });

  it('names an operation that has its own noun by itself, not by the tool’s nouns', () => {
    // adding a note on a payments tool moves no money
    const c = classify(tool('payments', 'Payments.', { action: choice('add_note', 'list_notes') }));
    expect(operationsOf(c)).toEqual(['add_note:write:none:medium*', 'list_notes:read:none:low']);
  });

  it('names a bare operation by the tool’s nouns, without the tool’s own verb', () => {
    expect(operationsOf(classify(tool('manage_branches', 'Branches.', { action: choice('list', 'delete') })))).toEqual(['list:read:none:low', 'delete:write:item:high*']);
    expect(operationsOf(classify(tool('manage_window', 'Windows of the app.', { action: choice('list', 'focus', 'resize') })))).toEqual(['list:read:none:low', 'focus:read:none:low', 'resize:write:in-place:medium']);
  });

  it('names a bare verb under an "Actions:" heading by the tool’s nouns', () => {
    expect(operationsOf(classify(tool('manage_tickets', 'Ticket desk. Actions: list, delete.', { id: TEXT })))).toEqual(['list:read:none:low', 'delete:write:item:high*']);
    // (listing deployed apps deploys nothing)
    expect(operationsOf(classify(tool('deploy_apps', 'Deployed apps. Actions: list, remove.', { id: TEXT })))).toEqual(['list:read:none:low', 'remove:write:item:high']);
    expect(operationsOf(classify(tool('db_admin', 'Database admin. Actions: drop, list.', { id: TEXT })))).toEqual(['drop:write:item:critical*', 'list:read:none:low']);
  });
});
