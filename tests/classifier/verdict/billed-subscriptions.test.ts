// A subscription change that takes a price, a plan or items changes what is billed; one that takes none does not.
import { describe, expect, it } from 'vitest';
import type { McpTool } from '../../../data/schema.ts';
import { tool, weighed } from '../signal-helpers.ts';

const TEXT = { type: 'string' };

describe('a subscription change that takes a price, plan or items', () => {
  it('gives the committed subscription weight only when the call changes what it bills', () => {
    expect(weighed(tool('update_subscriptions', 'Update subscriptions.', { price: { type: 'string' } }))).toEqual([
      'financial:commits:subscriptions:subscriptions:1',
      'write:verb:update:update:3',
      'write:verb:update:Update:2',
      'financial:param:price:price:1',
    ]);
    expect(weighed(tool('update_subscriptions', 'Update subscriptions.', { note: { type: 'string' } }))).toContain('financial:commits:subscriptions:subscriptions:0');
  });

  it('takes a schema whose properties are null (a nil map of a Go server) without failing', () => {
    const nil = { name: 'update_subscription', description: 'Update a subscription.', inputSchema: { type: 'object', properties: null } } as unknown as McpTool;
    expect(weighed(nil)).toEqual(['financial:commits:subscription:subscription:0', 'write:verb:update:update:3', 'write:verb:update:Update:2']);
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
