// Money policies say what they contain (issue 66, point 5): the capped variant of a financial tool caps the
// tool's amount wherever Intercept's `lte` can compare it (a number, optional or nested in objects), takes
// the schema's maximum or the blocking MAX_AMOUNT placeholder, and when there is no amount it can cap, its
// label says what it holds instead of promising a cap.
import { describe, expect, it } from 'vitest';
import { renderIntercept, singleToolModel, toolPolicy, UNSET_AMOUNT } from '../../classifier/policy.ts';
import { validateInterceptPolicy } from '../../classifier/validate-policy.ts';
import type { McpTool, ToolPolicy } from '../../data/schema.ts';

const t = (name: string, properties: Record<string, unknown>, required: string[] = []): McpTool => ({ name, description: '', inputSchema: { type: 'object', properties, required } });
const capped = (tool: McpTool): NonNullable<ToolPolicy['alternative']> => {
  const policy = toolPolicy(tool, { risk: 'critical', category: 'write', financial: true, warned: false });
  expect(policy.choice).toBe('deny');
  const variant = policy.alternative!;
  const { label: _label, ...core } = variant;
  expect(validateInterceptPolicy(renderIntercept(singleToolModel(core)))).toEqual([]);
  return variant;
};
const argConditions = (variant: Pick<ToolPolicy, 'rules'>) => variant.rules.flatMap((rule) => rule.conditions ?? []).filter((condition) => condition.path.startsWith('args.'));
const CAP_LABEL = 'capped: a few calls an hour and an amount cap instead of human approval';
const UNCAPPED = 'capped: a few calls an hour instead of human approval';

describe('the capped variant of a money tool: the amount cap', () => {
  it('caps an optional amount (Stripe create_refund), says a call without it is denied, and adds the daily total', () => {
    const variant = capped(t('create_refund', { payment_intent: { type: 'string' }, amount: { type: 'integer' } }, ['payment_intent']));
    expect(argConditions(variant)).toEqual([{ path: 'args.amount', op: 'lte', value: UNSET_AMOUNT }]);
    expect(variant.label).toBe(`${CAP_LABEL} (a call that leaves out amount, such as a full refund, is denied, as the cap cannot be checked)`);
    expect(variant.rules.find((rule) => rule.conditions?.[0]?.path === 'args.amount')!.on_deny).toBe('A single amount must be given and be at most MAX_AMOUNT; larger ones, or a call without it, need a human.');
    expect(variant.rules.find((rule) => rule.state)!.state).toEqual({ counter: 'daily_amount', window: 'day', increment_from: 'args.amount' });
    expect(variant.placeholders.map((p) => p.name)).toEqual(['MAX_AMOUNT', 'DAILY_AMOUNT']);
    // no `exists` rule: Intercept already fails a condition on an argument the call leaves out
    expect(variant.rules.flatMap((rule) => rule.conditions ?? []).some((condition) => condition.op === 'exists')).toBe(false);
  });

  it("takes the schema's maximum as the cap, with no MAX_AMOUNT to edit", () => {
    const variant = capped(t('send_payout', { amount: { type: 'number', maximum: 2500 } }, ['amount']));
    expect(argConditions(variant)).toEqual([{ path: 'args.amount', op: 'lte', value: 2500 }]);
    expect(variant.label).toBe(CAP_LABEL);
    expect(variant.placeholders.map((p) => p.name)).toEqual(['DAILY_AMOUNT']);
  });

  it('reaches an amount nested in objects (price.amount), and names like amount_cents, unit_amount and nullable numbers', () => {
    const nested = capped(t('create_charge', { price: { type: 'object', properties: { amount: { type: 'integer' }, currency: { type: 'string' } }, required: ['amount'] } }, ['price']));
    expect(argConditions(nested)).toEqual([{ path: 'args.price.amount', op: 'lte', value: UNSET_AMOUNT }]);
    expect(nested.rules.find((rule) => rule.state)!.state!.increment_from).toBe('args.price.amount');
    expect(nested.label).toBe(CAP_LABEL);
    for (const [name, schema] of [['amount_cents', { type: 'integer' }], ['unit_amount', { type: 'integer' }], ['fee', { type: ['number', 'null'] }], ['cost', { anyOf: [{ type: 'number' }, { type: 'null' }] }]] as const) {
      expect(argConditions(capped(t('pay', { [name]: schema }, [name]))), name).toEqual([{ path: `args.${name}`, op: 'lte', value: UNSET_AMOUNT }]);
    }
  });

  it('prefers a required amount to an optional one, and a top-level one to a nested one', () => {
    const variant = capped(t('receive_payment', { fee: { type: 'number' }, details: { type: 'object', properties: { amount: { type: 'number' } }, required: ['amount'] }, amount: { type: 'number' } }, ['amount', 'details']));
    expect(argConditions(variant).map((condition) => condition.path)).toEqual(['args.amount']);
    expect(variant.label).toBe(CAP_LABEL);
  });
});

describe('the capped variant of a money tool: no amount it can cap, and a label that says so', () => {
  it('a tool with no amount argument: the hourly limit alone, labelled as such', () => {
    const variant = capped(t('finalize_invoice', { invoice: { type: 'string' } }, ['invoice']));
    expect(variant.rules.map((rule) => rule.name)).toEqual(['hourly limit']);
    expect(variant.placeholders).toEqual([]);
    expect(variant.label).toBe(`${UNCAPPED} (this tool takes no amount to cap)`);
  });

  it('an amount given as a string ("10.00"): Intercept compares numbers only, so no cap, and the label says why', () => {
    const variant = capped(t('transfer_erc20', { to: { type: 'string' }, amount: { type: 'string', description: 'e.g. "10.00"' } }, ['to', 'amount']));
    expect(argConditions(variant)).toEqual([]);
    expect(variant.label).toBe(`${UNCAPPED} (its amount, amount, is a string, which Intercept cannot compare, so it is not capped)`);
    // one that may be a string or a number is no safer to compare
    expect(capped(t('pay', { amount: { type: ['string', 'number'] } }, ['amount'])).label).toMatch(/its amount, amount, is not declared a number/);
  });

  it('amounts inside a list (lines[].amount): no path reaches them, and the label says so', () => {
    const variant = capped(t('create_expense', { lines: { type: 'array', items: { type: 'object', properties: { amount: { type: 'number' } } } } }, ['lines']));
    expect(argConditions(variant)).toEqual([]);
    expect(variant.label).toBe(`${UNCAPPED} (its amounts (lines[].amount) sit in a list, which Intercept's conditions cannot reach, so they are not capped)`);
  });

  it('an id or a currency named after the price is not an amount (priceId, price_currency)', () => {
    const variant = capped(t('create_subscription', { priceId: { type: 'number' }, price_currency: { type: 'string' } }, ['priceId', 'price_currency']));
    expect(argConditions(variant)).toEqual([]);
    expect(variant.label).toBe(`${UNCAPPED} (this tool takes no amount to cap)`);
  });
});
