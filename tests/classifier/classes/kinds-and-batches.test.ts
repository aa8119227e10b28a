// Classes of mistakes found on the development label sets: a `type` or `mode` that names kinds picks no operation; a
// batch of the server's own operations does them all. Each is tested in words of its own: a positive case that fails
// without its rule and a negative case that stays put.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from '../class-helpers.ts';

describe('a `type` or `mode` whose values are mostly not verbs names kinds, not operations', () => {
  it('a kind list that happens to hold a verb ("log", "record") does not make the tool do it', () => {
    expect(verdict(classify(tool('fetch_journal', 'Fetch journal lines.', { type: { type: 'string', enum: ['all', 'warning', 'log', 'notice', 'trace'] } })))).toBe('read low');
    expect(verdict(classify(tool('sales_chart', 'Chart of monthly sales.', { mode: { type: 'string', enum: ['line', 'bar', 'record', 'stacked'] } })))).toBe('read low');
  });

  it('a `type` or `mode` made of verbs, and an `action` whatever its values, still pick operations', () => {
    expect(classify(tool('journal', 'Journal entries.', { type: { type: 'string', enum: ['list', 'delete', 'purge'] } })).destructive).toBe(true);
    expect(classify(tool('journal', 'Journal entries.', { action: { type: 'string', enum: ['view', 'delete', 'summary', 'stats', 'export'] } })).destructive).toBe(true);
  });
});

describe('a batch of the server\'s own operations does whatever they do', () => {
  it('"run several actions in one call" with an array of steps changes what those actions change', () => {
    const c = classify(tool('run_batch', 'Runs several spreadsheet actions in one call, such as sort, fill and rename.', { steps: { type: 'array', items: { type: 'object' } } }));
    expect([c.category, c.destructive]).toEqual(['execute', true]);
    expect(classify(tool('apply_many', 'Perform a sequence of commands against the board.', { commands: { type: 'array', items: { type: 'object' } } })).destructive).toBe(true);
  });

  it('a list of steps that is only data, or one run of one thing, is not a batch', () => {
    expect(classify(tool('save_recipe', 'Stores a recipe with its steps.', { steps: { type: 'array', items: { type: 'string' } } })).destructive).toBe(false);
    expect(verdict(classify(tool('run_report', 'Runs the weekly report and returns it.', { steps: { type: 'array', items: { type: 'string' } } }))).includes('destructive')).toBe(false);
  });
});
