// The gateway policies users copy (classifier/policy.ts), rule by rule: which arguments get a condition and which do
// not, what the capped variant of a money tool caps, what each choice of the server page's builder gives, and the texts
// the renderers promise.
import { describe, expect, it } from 'vitest';
import { APPROVAL_MESSAGE, policyForChoice, renderGateway, renderGatewayJson, renderIntercept, renderInterceptJson, renderInterceptYaml, renderPolicy, serverPolicy, singleToolModel, toolPolicy } from '../../classifier/policy.ts';
import type { McpTool, PolicyModel, PolicyRule, Risk, ToolPolicy } from '../../data/schema.ts';

type PolicyCondition = NonNullable<PolicyRule['conditions']>[number];
const t = (name: string, properties: Record<string, unknown> = {}, required: string[] = Object.keys(properties)): McpTool => ({
  name,
  description: '',
  inputSchema: { type: 'object', properties, required },
});
const policyAt = (risk: Risk, tool: McpTool): ToolPolicy => toolPolicy(tool, { risk, category: 'write', financial: false, warned: false });
const high = (tool: McpTool): ToolPolicy => policyAt('high', tool);
/** The capped variant offered beside a money tool's human-approval policy. */
const capped = (tool: McpTool): NonNullable<ToolPolicy['alternative']> => toolPolicy(tool, { risk: 'critical', category: 'write', financial: true, warned: false }).alternative!;
const conditionsOn = (policy: Pick<ToolPolicy, 'rules'>, path: string): PolicyCondition[] =>
  policy.rules.flatMap((rule) => rule.conditions ?? []).filter((condition) => condition.path === path);
const ruleNamed = (policy: Pick<ToolPolicy, 'rules'>, name: string) => policy.rules.find((rule) => rule.name === name);

describe('toolPolicy: argument conditions of a high-risk tool', () => {
  it('puts conditions on top-level arguments only: a nested property named like a required argument gets none', () => {
    // `file` is an object here; a path regex on it (taken from the nested string `file`) would deny every call
    const policy = high(t('delete_file', { file: { type: 'object', properties: { file: { type: 'string' } } } }));
    expect(policy.rules.map((rule) => rule.name)).toEqual(['hourly limit']);
    expect(policy.placeholders).toEqual([]);
  });

  it('an empty enum gives no in-list condition (it would deny every call)', () => {
    const policy = high(t('delete_item', { mode: { type: 'string', enum: [] } }));
    expect(conditionsOn(policy, 'args.mode')).toEqual([]);
  });

  it('an enum of up to 100 values becomes an in-list; a longer one does not', () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);
    expect(conditionsOn(high(t('delete_item', { mode: { type: 'string', enum: values(100) } })), 'args.mode')).toEqual([{ path: 'args.mode', op: 'in', value: values(100) }]);
    expect(conditionsOn(high(t('delete_item', { mode: { type: 'string', enum: values(101) } })), 'args.mode')).toEqual([]);
  });

  it('a numeric enum becomes an in-list like a string one', () => {
    const policy = high(t('delete_item', { level: { type: 'integer', enum: [1, 2, 3] } }));
    expect(conditionsOn(policy, 'args.level')).toEqual([{ path: 'args.level', op: 'in', value: [1, 2, 3] }]);
    expect(ruleNamed(policy, 'level is one of the listed values')!.on_deny).toBe('level must be one of the values the schema lists.');
  });

  it('an enum holding anything but strings and numbers (here null) gives no in-list', () => {
    const policy = high(t('delete_item', { mode: { type: ['string', 'null'], enum: ['soft', 'hard', null] } }));
    expect(conditionsOn(policy, 'args.mode')).toEqual([]);
  });

  it('a schema maximum caps a number argument as well as an integer one', () => {
    const policy = high(t('delete_items', { ratio: { type: 'number', maximum: 2.5 } }));
    expect(conditionsOn(policy, 'args.ratio')).toEqual([{ path: 'args.ratio', op: 'lte', value: 2.5 }]);
    expect(ruleNamed(policy, 'ratio at most 2.5')!.on_deny).toBe('ratio must be at most 2.5.');
  });

  it('a maximum caps numeric arguments only: a string path with a stray maximum gets the path condition', () => {
    const policy = high(t('delete_file', { path: { type: 'string', maximum: 10 } }));
    const conditions = conditionsOn(policy, 'args.path');
    expect(conditions).toHaveLength(1);
    expect(conditions[0]!.op).toBe('regex');
    expect(policy.placeholders.map((p) => p.name)).toEqual(['ALLOWED_ROOT']);
  });

  it('an untyped URL argument gets the allowed-host condition and its placeholder', () => {
    const policy = high(t('send_hook', { callback_url: { description: 'where to post' } }));
    const [condition] = conditionsOn(policy, 'args.callback_url');
    expect(condition!.op).toBe('regex');
    expect(new RegExp(condition!.value as string).test('https://ALLOWED_HOST/hook')).toBe(true);
    expect(ruleNamed(policy, 'callback_url on an allowed host (edit ALLOWED_HOST)')!.on_deny).toBe('callback_url must be an https URL on an allowed host.');
    expect(policy.placeholders.map((p) => p.name)).toEqual(['ALLOWED_HOST']);
  });

  it('a URL argument that is not a string (a list of URLs) gets no host condition (a regex on a list would deny every call)', () => {
    const policy = high(t('send_hooks', { urls: { type: 'array', items: { type: 'string' } } }));
    expect(conditionsOn(policy, 'args.urls')).toEqual([]);
    expect(policy.placeholders).toEqual([]);
  });

  it('an untyped path argument gets the allowed-root condition and its placeholder', () => {
    const policy = high(t('delete_file', { path: { description: 'the file' } }));
    const [condition] = conditionsOn(policy, 'args.path');
    expect(condition!.op).toBe('regex');
    expect(new RegExp(condition!.value as string).test('/ALLOWED_ROOT/notes/a.txt')).toBe(true);
    expect(policy.placeholders.map((p) => p.name)).toEqual(['ALLOWED_ROOT']);
  });
});

describe('toolPolicy: the capped variant of a money tool', () => {
  const capRule = (policy: Pick<ToolPolicy, 'rules'>, arg: string) => policy.rules.find((rule) => rule.conditions?.[0]?.path === `args.${arg}`);
  const dailyRule = (policy: Pick<ToolPolicy, 'rules'>) => policy.rules.find((rule) => rule.state?.counter === 'daily_amount');

  it('an argument whose name holds a money word among others (refund_amount) gets the single and daily caps', () => {
    const variant = capped(t('create_refund', { refund_amount: { type: 'integer' }, charge: { type: 'string' } }));
    expect(capRule(variant, 'refund_amount')!.conditions).toEqual([{ path: 'args.refund_amount', op: 'lte', value: 0 }]);
    expect(dailyRule(variant)!.state!.increment_from).toBe('args.refund_amount');
    expect(variant.placeholders.map((p) => p.name)).toEqual(['MAX_AMOUNT', 'DAILY_AMOUNT']);
  });

  it('a number-typed amount is capped like an integer one', () => {
    const variant = capped(t('create_refund', { amount: { type: 'number' } }));
    expect(capRule(variant, 'amount')!.conditions).toEqual([{ path: 'args.amount', op: 'lte', value: 0 }]);
    expect(dailyRule(variant)).toBeDefined();
    expect(variant.placeholders.map((p) => p.name)).toEqual(['MAX_AMOUNT', 'DAILY_AMOUNT']);
  });

  it('a non-numeric amount (a string) gets no amount cap: the variant is the hourly limit alone', () => {
    const variant = capped(t('create_refund', { amount: { type: 'string' } }));
    expect(variant.rules.map((rule) => rule.name)).toEqual(['hourly limit']);
    expect(variant.placeholders).toEqual([]);
  });

  it('a schema maximum that is not a finite number is not used: the cap stays the blocking placeholder', () => {
    // a server's JSON can say "maximum": "5000" or "maximum": 1e400 (which parses as Infinity)
    for (const maximum of ['5000', JSON.parse('1e400') as number]) {
      const variant = capped(t('create_refund', { amount: { type: 'integer', maximum } }));
      const rule = capRule(variant, 'amount')!;
      expect(rule.name).toBe('single amount at most MAX_AMOUNT');
      expect(rule.conditions).toEqual([{ path: 'args.amount', op: 'lte', value: 0 }]);
      expect(variant.placeholders.map((p) => p.name)).toEqual(['MAX_AMOUNT', 'DAILY_AMOUNT']);
    }
  });

  it("the schema's maximum is named in the cap rule and in its message", () => {
    const variant = capped(t('create_payout', { amount: { type: 'integer', maximum: 5000 } }));
    const rule = capRule(variant, 'amount')!;
    expect(rule.name).toBe("single amount at most 5000 (the schema's maximum)");
    expect(rule.on_deny).toBe('A single amount may be at most 5000; larger ones need a human.');
    // (so only the daily total is left to set)
    expect(variant.placeholders.map((p) => p.name)).toEqual(['DAILY_AMOUNT']);
  });

  it('without a maximum, the cap message names the MAX_AMOUNT placeholder', () => {
    const rule = capRule(capped(t('create_payout', { amount: { type: 'integer' } })), 'amount')!;
    expect(rule.on_deny).toBe('A single amount may be at most MAX_AMOUNT; larger ones need a human.');
  });

  it('the daily cap says the DAILY_AMOUNT total is reached and when to try again', () => {
    const rule = dailyRule(capped(t('create_payout', { amount: { type: 'integer' } })))!;
    expect(rule.on_deny).toBe('The daily total DAILY_AMOUNT is reached; try again tomorrow or ask a human.');
  });

  it('a tool name that cannot stand in a state path (a dot) gets the single cap but no daily cap', () => {
    const variant = capped(t('payments.create_refund', { amount: { type: 'integer' } }));
    expect(capRule(variant, 'amount')).toBeDefined();
    expect(dailyRule(variant)).toBeUndefined();
    expect(variant.rules.flatMap((rule) => rule.conditions ?? []).filter((condition) => condition.path.startsWith('state.'))).toEqual([]);
    expect(variant.placeholders.map((p) => p.name)).toEqual(['MAX_AMOUNT']);
  });
});

describe("policyForChoice: the server page's builder", () => {
  const highPolicy = high(t('delete_file', { path: { type: 'string' }, mode: { type: 'string', enum: ['soft', 'hard'] } }));
  const lowPolicy = policyAt('low', t('list_items'));

  it('picking the recommended choice keeps the recommended policy, conditions and rate included', () => {
    expect(policyForChoice(highPolicy, 'limit')).toEqual(highPolicy);
    const medium = policyAt('medium', t('create_item', { title: { type: 'string' } }));
    expect(policyForChoice(medium, 'limit').rules[0]!.rate_limit).toBe('60/hour');
  });

  it('allow: listed with no rules, no limits and no placeholders', () => {
    expect(policyForChoice(highPolicy, 'allow')).toEqual({ tool: 'delete_file', choice: 'allow', rules: [], limits: [], placeholders: [] });
  });

  it('hide: no rules, no limits and no placeholders', () => {
    expect(policyForChoice(highPolicy, 'hide')).toEqual({ tool: 'delete_file', choice: 'hide', rules: [], limits: [], placeholders: [] });
  });

  it('deny: one deny rule asking for human approval, and no gateway limits', () => {
    const denied = policyForChoice(lowPolicy, 'deny');
    expect(denied.choice).toBe('deny');
    expect(denied.rules).toEqual([{ name: 'requires human approval', action: 'deny', on_deny: APPROVAL_MESSAGE }]);
    expect(denied.limits).toEqual([]);
  });

  it('limit on a tool recommended otherwise: 10 calls an hour, as a rule and as an hourly gateway limit, with no placeholders', () => {
    const limited = policyForChoice(lowPolicy, 'limit');
    expect(limited.rules).toEqual([{ name: 'hourly limit', rate_limit: '10/hour', on_deny: 'At most 10 calls an hour.' }]);
    expect(limited.limits).toEqual([{ counter: 'list_items_rate', window: 'hour', max: 10, scope: 'grant' }]);
    expect(limited.placeholders).toEqual([]);
  });
});

describe('renderIntercept', () => {
  it('keeps each rule’s on_deny message, the text the agent sees when a call is blocked', () => {
    const rendered = renderIntercept(singleToolModel(policyAt('critical', t('run_command', { command: { type: 'string' } }))));
    expect(rendered.tools.run_command!.rules[0]!.on_deny).toBe(APPROVAL_MESSAGE);
  });

  it('gives each rule only the keys it sets, in a fixed order (no keys left undefined)', () => {
    const money = capped(t('create_refund', { amount: { type: 'integer' } }));
    const model = serverPolicy('io.example/x', [
      policyAt('critical', t('run_command')),
      { ...money, alternative: undefined },
      // a user-edited policy may carry a rule with no message
      { tool: 'get_item', choice: 'limit', rules: [{ name: 'id is short', conditions: [{ path: 'args.id', op: 'regex', value: '^.{1,10}$' }] }], limits: [], placeholders: [] },
    ]);
    const keys = (tool: string) => renderIntercept(model).tools[tool]!.rules.map((rule) => Object.keys(rule));
    expect(keys('run_command')).toEqual([['name', 'action', 'on_deny']]);
    expect(keys('create_refund')).toEqual([
      ['name', 'rate_limit', 'on_deny'],
      ['name', 'conditions', 'on_deny'],
      ['name', 'conditions', 'state', 'on_deny'],
    ]);
    expect(keys('get_item')).toEqual([['name', 'conditions']]);
  });
});

describe('renderInterceptYaml', () => {
  const model = singleToolModel(high(t('delete_item', { mode: { type: 'string', enum: ['yes', 'no'] } })));
  const denied = singleToolModel(policyAt('critical', t('run_command')));

  it('double-quotes string values, so YAML 1.1 readers keep yes/no as strings, and never folds a long message', () => {
    const yaml = renderInterceptYaml(model);
    expect(yaml).toMatch(/^ *- "yes"$/m);
    expect(yaml).toMatch(/^ *- "no"$/m);
    expect(APPROVAL_MESSAGE.length).toBeGreaterThan(80);
    expect(renderInterceptYaml(denied)).toContain(`on_deny: "${APPROVAL_MESSAGE}"\n`);
  });

  it('writes keys plain', () => {
    const yaml = renderInterceptYaml(model);
    expect(yaml).toMatch(/^version: "1"$/m);
    expect(yaml).toMatch(/^tools:$/m);
    expect(yaml).toMatch(/^ +delete_item:$/m);
  });
});

describe('renderGatewayJson', () => {
  it('is the gateway policy as indented JSON text ending in a newline', () => {
    const model: PolicyModel = serverPolicy('io.example/x', [policyAt('low', t('list_items')), policyAt('medium', t('create_item'))]);
    const text = renderGatewayJson(model);
    expect(JSON.parse(text)).toEqual(renderGateway(model));
    expect(text).toMatch(/^\{\n {2}"version": "1",\n/);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('singleToolModel', () => {
  it('describes the rendered policy as ToolRisk’s recommendation for this tool', () => {
    const rendered = renderIntercept(singleToolModel(policyAt('low', t('list_items'))));
    expect(rendered.description).toBe('ToolRisk recommended policy for this tool');
  });
});

describe('placeholders', () => {
  it("each placeholder's own example, put in its rule's pattern, accepts a value under it", () => {
    const policy = high(t('write_file', { path: { type: 'string', description: 'Path of the file' }, url: { type: 'string', format: 'uri', description: 'URL to fetch' } }));
    const examples = new Map(policy.placeholders.map((placeholder) => [placeholder.name, /e\.g\. (\S+)/.exec(placeholder.meaning)![1]!]));
    expect([...examples.keys()].sort()).toEqual(['ALLOWED_HOST', 'ALLOWED_ROOT']);
    const regexOn = (path: string) => conditionsOn(policy, path).find((condition) => condition.op === 'regex')!.value as string;
    const root = new RegExp(regexOn('args.path').replace('ALLOWED_ROOT', examples.get('ALLOWED_ROOT')!));
    expect(root.test('/home/me/project/a.txt')).toBe(true);
    expect(root.test('/home/me/project/../secret')).toBe(false);
    const host = new RegExp(regexOn('args.url').replace('ALLOWED_HOST', examples.get('ALLOWED_HOST')!));
    expect(host.test('https://api.example.com/v1/items')).toBe(true);
    expect(host.test('https://api.example.com.evil.test/')).toBe(false);
  });
});

describe('renderPolicy', () => {
  it('writes each format every command offers with that format\'s own writer', () => {
    const model = singleToolModel(high(t('delete_file', { path: { type: 'string' } })));
    expect(renderPolicy(model, 'intercept-json')).toBe(renderInterceptJson(model));
    expect(renderPolicy(model, 'intercept-yaml')).toBe(renderInterceptYaml(model));
    expect(renderPolicy(model, 'gateway')).toBe(renderGatewayJson(model));
    // (three different texts: a mix-up would show)
    expect(new Set([renderInterceptJson(model), renderInterceptYaml(model), renderGatewayJson(model)]).size).toBe(3);
  });
});
