// Classes of mistakes found on the development label sets in the session of 2026-11-24, each tested in
// words of its own: a positive case that fails without its rule and a negative case that stays put.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from './class-helpers.ts';

describe('a switch that has the call delete something besides deletes that whole thing', () => {
  it('`deleteHeadBranch` on a merge-request update, `in_trash` on a patch: one item goes (high)', () => {
    expect(verdict(classify(tool('edit_merge_request', 'Edits the title, labels or state of a merge request.', { iid: { type: 'number' }, title: { type: 'string' }, deleteHeadBranch: { type: 'boolean' } })))).toBe('write+destructive high');
    expect(verdict(classify(tool('patch_wiki_entry', 'Patch the properties of a wiki entry.', { entry_id: { type: 'string' }, in_trash: { type: 'boolean' } })))).toBe('write+destructive high');
  });

  it('`drop_existing` on a tool that renames a table drops the table in the way: a container goes (critical)', () => {
    expect(verdict(classify(tool('rename_table', 'Renames a table of the warehouse.', { schema: { type: 'string' }, table: { type: 'string' }, new_name: { type: 'string' }, drop_existing: { type: 'boolean' } })))).toBe('write+destructive critical');
  });

  it('the same tools without the switch, a filter on what is listed, or a 301 redirect, are not', () => {
    expect(verdict(classify(tool('edit_merge_request', 'Edits the title, labels or state of a merge request.', { iid: { type: 'number' }, title: { type: 'string' } })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('list_wiki_entries', 'Lists the entries of a wiki.', { include_trashed: { type: 'boolean' }, is_archived: { type: 'boolean' } })))).toBe('read low');
    expect(verdict(classify(tool('add_redirect_rule', 'Adds a redirect rule to a site.', { from: { type: 'string' }, to_path: { type: 'string' }, permanent: { type: 'boolean' } })))).toBe('write medium');
  });
});

describe('a purchase order, invoice or receipt named in a tool name is a document, not a purchase made', () => {
  it('`crm_purchase_requisition_list` and `ledger_purchase_invoice_fetch` read', () => {
    expect(verdict(classify(tool('crm_purchase_requisition_list', 'Lists purchase requisitions of a department.', { department: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('ledger_purchase_invoice_fetch', 'Fetches one supplier bill by its number.', { number: { type: 'string' } })))).toBe('read low');
  });

  it('a purchase named as the action still moves money', () => {
    expect(verdict(classify(tool('store_purchase_gift_card', 'Buys a gift card with the saved payment method.', { amount: { type: 'number' } })))).toBe('write critical');
  });
});

describe('stepping or continuing a program under a debugger runs it', () => {
  it('"Step over the current line", "Continue the debuggee", pausing a running execution: execute, high', () => {
    expect(verdict(classify(tool('dbg_next_line', 'Step over the current line of the paused thread.', { threadId: { type: 'number' } })))).toBe('execute high');
    expect(verdict(classify(tool('dbg_go', 'Continue the debuggee until the next breakpoint.', { threadId: { type: 'number' } })))).toBe('execute high');
    expect(verdict(classify(tool('interrupt_execution', 'Pause the execution of the attached program.', { sessionId: { type: 'string' } })))).toBe('execute+destructive high');
  });

  it('a workflow step or a course step is not', () => {
    expect(verdict(classify(tool('get_workflow_step', 'Returns one step of a workflow with its inputs.', { stepId: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('list_breakpoints', 'Lists the breakpoints set in the session.', { sessionId: { type: 'string' } })))).toBe('read low');
  });
});
