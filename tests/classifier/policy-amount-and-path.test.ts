// The gateway policies users copy (classifier/policy.ts): which argument of a money tool is capped (a required one whose name can stand in a
// path), what the capped variant counts, how it is labelled, and a path argument named with other words too.
import { describe, expect, it } from 'vitest';
import { toolPolicy } from '../../classifier/policy.ts';
import type { McpTool, ToolPolicy } from '../../data/schema.ts';

const t = (name: string, properties: Record<string, unknown>, required: string[]): McpTool => ({ name, description: '', inputSchema: { type: 'object', properties, required } });
const high = (tool: McpTool): ToolPolicy => toolPolicy(tool, { risk: 'high', category: 'write', financial: false, warned: false });
const money = (tool: McpTool): ToolPolicy => toolPolicy(tool, { risk: 'critical', category: 'write', financial: true, warned: false });
const capPaths = (policy: Pick<ToolPolicy, 'rules'>) => policy.rules.flatMap((rule) => rule.conditions ?? []).map((condition) => condition.path);

describe('the capped variant of a money tool: which argument is the amount', () => {
  it('caps a required amount, not an optional argument listed before it', () => {
    const variant = money(t('create_refund', { memo: { type: 'integer' }, amount: { type: 'integer' } }, ['amount'])).alternative!;
    expect(capPaths(variant)).toEqual(['args.amount', 'state.create_refund.daily_amount']);
  });

  it('caps an optional amount too (Intercept denies a call that leaves it out), and the label says so', () => {
    const variant = money(t('create_refund', { amount: { type: 'integer' } }, [])).alternative!;
    expect(capPaths(variant)).toEqual(['args.amount', 'state.create_refund.daily_amount']);
    expect(variant.label).toMatch(/a call that leaves out amount, such as a full refund, is denied/);
  });

  it('caps no amount whose name cannot stand in an argument path (a dot or a space in it)', () => {
    for (const name of ['amount.usd', 'refund amount']) {
      const variant = money(t('create_refund', { [name]: { type: 'integer' } }, [name])).alternative!;
      expect(variant.rules.map((rule) => rule.name)).toEqual(['hourly limit']);
    }
  });
});

describe('the capped variant of a money tool: how it is offered', () => {
  it('is labelled as the capped choice, beside the deny policy, and counts calls per hour under the tool name', () => {
    const policy = money(t('create_payout', { amount: { type: 'integer' } }, ['amount']));
    expect(policy.choice).toBe('deny');
    const variant = policy.alternative!;
    expect(variant.label).toBe('capped: a few calls an hour and an amount cap instead of human approval');
    expect(variant.choice).toBe('limit');
    expect(variant.limits).toEqual([{ counter: 'create_payout_rate', window: 'hour', max: 5, scope: 'grant' }]);
  });
});

describe('a path argument of a high-risk tool', () => {
  it('gets the allowed-root condition when a path word is one of the words of its name (output_path)', () => {
    const policy = high(t('export_report', { output_path: { type: 'string' } }, ['output_path']));
    const rule = policy.rules.find((candidate) => candidate.conditions?.[0]?.path === 'args.output_path')!;
    expect(rule.name).toBe('output_path under the allowed root (edit ALLOWED_ROOT)');
    expect(rule.on_deny).toBe('output_path must be a path under the allowed folder.');
    expect(rule.conditions![0]!.op).toBe('regex');
    expect(policy.placeholders.map((placeholder) => placeholder.name)).toEqual(['ALLOWED_ROOT']);
  });
});
