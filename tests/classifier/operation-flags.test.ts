// A tool that fronts many operations takes its riskiest operation's category and risk (DESIGN.md), and since rules-124 the
// flags of every operation: what a lower operation does the tool can still do. Before, an `orders` tool that charges and
// deletes was not destructive, since only the operations of the top risk were merged.
import { describe, expect, it } from 'vitest';
import { choice, classify, tool, verdict } from './class-helpers.ts';

describe('the flags of a tool that fronts operations', () => {
  it('take in what a lower operation does: a charge decides the risk, a delete still makes the tool destructive', () => {
    const c = classify(tool('orders', 'Manage orders.', { action: choice('list', 'charge', 'delete'), id: { type: 'string' } }, ['action']));
    expect(c.operations.find((o) => o.decisive)?.name).toBe('charge');
    expect(c.risk).toBe('critical');
    expect(c.financial).toBe(true);
    expect(c.destructive).toBe(true);
    expect(c.destructiveScope).toBe('item');
  });

  it('leave the category and the risk to the riskiest operation', () => {
    // running a script is high, deleting every script critical: the tool is a critical write that deletes broadly
    const c = classify(tool('scripts', 'Manage scripts.', { action: choice('run', 'delete_all'), name: { type: 'string' } }, ['action']));
    expect(verdict(c)).toBe('write+destructive critical');
    expect(c.destructiveScope).toBe('broad');
  });

  it('stay off when no operation sets them', () => {
    const c = classify(tool('notes', 'Reads and adds notes.', { action: choice('list', 'get', 'create'), id: { type: 'string' } }, ['action']));
    expect(verdict(c)).toBe('write medium');
    expect([c.destructive, c.destructiveScope, c.openWorld]).toEqual([false, 'none', false]);
  });
});
