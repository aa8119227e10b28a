// The Intercept validation table, row by row (classifier/validate-policy.ts): the generated policies are checked to pass it
// elsewhere, which a validator that passed everything would also do. Here each row is broken on purpose in a policy of its
// own, and the validator must name exactly what is wrong, where.
import { describe, expect, it } from 'vitest';
import { validateInterceptPolicy } from '../../classifier/validate-policy.ts';

/** A valid policy with one tool whose rules are `rules`. */
const withRules = (...rules: unknown[]) => ({ version: '1', default: 'deny', tools: { send_mail: { rules } } });
const limit = (rate_limit: unknown, extra: Record<string, unknown> = {}) => ({ name: 'rate', rate_limit, ...extra });
const rule = (conditions: unknown, extra: Record<string, unknown> = {}) => ({ name: 'check', action: 'evaluate', conditions, ...extra });
const AT = 'tools.send_mail.rules[0]';

describe('a valid policy', () => {
  it('has no error, with every operator, a rate limit, a counter and the condition that reads it', () => {
    expect(validateInterceptPolicy({
      version: '1',
      default: 'allow',
      hide: ['drop_table', 'wipe'],
      tools: {
        send_mail: {
          rules: [
            limit('10/minute'),
            rule([
              { path: 'args.to', op: 'regex', value: '@example\\.com$' },
              { path: 'args.cc', op: 'exists', value: false },
              { path: 'args.kind', op: 'in', value: ['a', 'b'] },
              { path: 'args.kind', op: 'not_in', value: ['c'] },
              { path: 'args.size', op: 'lte', value: 10 },
              { path: 'args.size', op: 'gt', value: 0 },
              { path: 'args.subject', op: 'contains', value: 'x' },
              { path: 'args.subject', op: 'neq', value: 'y' },
              { path: 'state.send_mail.daily', op: 'lt', value: 100 },
            ], { state: { counter: 'daily', window: 'day', increment: 1 } }),
            { name: 'never', action: 'deny', on_deny: 'ask a human' },
          ],
        },
        '*': { rules: [limit('1000/hour')] },
      },
    })).toEqual([]);
  });

  it('may leave default and hide out', () => {
    expect(validateInterceptPolicy({ version: '1', tools: {} })).toEqual([]);
  });
});

describe('the top of the policy', () => {
  it('must be an object', () => {
    for (const policy of [null, [], 'policy', 1]) expect(validateInterceptPolicy(policy)).toEqual(['policy must be an object']);
  });

  it('has version "1", default allow or deny, and a map of tools', () => {
    expect(validateInterceptPolicy({ version: 1, default: 'maybe', tools: [] })).toEqual(['version must be "1", got "1"', 'default must be "allow" or "deny", got "maybe"', 'tools is required and must be a map']);
    expect(validateInterceptPolicy({ version: '1' })).toEqual(['tools is required and must be a map']);
    expect(validateInterceptPolicy({ version: '1', tools: null })).toEqual(['tools is required and must be a map']);
  });

  it('hides a list of distinct, non-empty names', () => {
    expect(validateInterceptPolicy({ version: '1', hide: 'wipe', tools: {} })).toEqual(['hide must be a list']);
    expect(validateInterceptPolicy({ version: '1', hide: ['wipe', '', '  ', 3, 'wipe'], tools: {} })).toEqual([
      'hide[1]: entry must not be empty',
      'hide[2]: entry must not be empty',
      'hide[3]: entry must not be empty',
      'hide: duplicate entry "wipe"',
    ]);
  });

  it('gives each tool a list of rules, each an object with a name', () => {
    expect(validateInterceptPolicy({ version: '1', tools: { a: [], b: { rules: {} }, c: null } })).toEqual(['tools.a: rules must be a list', 'tools.b: rules must be a list', 'tools.c: rules must be a list']);
    expect(validateInterceptPolicy(withRules('rate', [], limit('1/day', { name: '' })))).toEqual([
      `${AT}: rule must be an object`,
      'tools.send_mail.rules[1]: rule must be an object',
      'tools.send_mail.rules[2]: rule must have a name',
    ]);
    expect(validateInterceptPolicy(withRules(limit('1/day', { name: 3 })))).toEqual([`${AT}: rule must have a name`]);
  });
});

describe('a rule', () => {
  it('evaluates or denies, and an evaluate rule has a condition or a rate limit', () => {
    expect(validateInterceptPolicy(withRules({ name: 'x', action: 'allow', rate_limit: '1/day' }))).toEqual([`${AT}: action must be "evaluate" or "deny", got "allow"`]);
    expect(validateInterceptPolicy(withRules({ name: 'x' }))).toEqual([`${AT}: evaluate rules must have at least one condition`]);
    expect(validateInterceptPolicy(withRules(rule([])))).toEqual([`${AT}: evaluate rules must have at least one condition`]);
  });

  it('has its conditions as a list, and none on a deny rule', () => {
    expect(validateInterceptPolicy(withRules(rule({ path: 'args.a', op: 'eq', value: 1 })))).toEqual([`${AT}: conditions must be a list`, `${AT}: evaluate rules must have at least one condition`]);
    expect(validateInterceptPolicy(withRules({ name: 'x', action: 'deny', conditions: [] }))).toEqual([`${AT}: deny rules must not have conditions`]);
  });
});

describe('a rate limit', () => {
  it('is a positive whole count per minute, hour or day', () => {
    for (const [value, count] of [['0/minute', '0'], ['-1/minute', '-1'], ['1.5/minute', '1.5'], ['+2/minute', '+2'], [' 2/minute', ' 2'], ['x/minute', 'x']] as const) {
      expect(validateInterceptPolicy(withRules(limit(value))), value).toEqual([`${AT}: rate_limit count must be a positive integer, got "${count}"`]);
    }
    expect(validateInterceptPolicy(withRules(limit('10 per minute')))).toEqual([`${AT}: rate_limit count must be a positive integer, got "10 per minute"`]);
    expect(validateInterceptPolicy(withRules(limit(10)))).toEqual([`${AT}: rate_limit count must be a positive integer, got "10"`]);
    expect(validateInterceptPolicy(withRules(limit('10/week')))).toEqual([`${AT}: rate_limit window must be "minute", "hour", or "day", got "week"`]);
    expect(validateInterceptPolicy(withRules(limit('10/minute/x')))).toEqual([`${AT}: rate_limit count must be a positive integer, got "10/minute"`, `${AT}: rate_limit window must be "minute", "hour", or "day", got "x"`]);
    // the whole value is read: a count with a space, a line before or after, a list that prints as one
    expect(validateInterceptPolicy(withRules(limit('12 /minute')))).toEqual([`${AT}: rate_limit count must be a positive integer, got "12 "`]);
    expect(validateInterceptPolicy(withRules(limit('junk\n10/minute')))).toEqual([`${AT}: rate_limit count must be a positive integer, got "junk\n10/minute"`]);
    expect(validateInterceptPolicy(withRules(limit('10/minute\njunk')))).toEqual([`${AT}: rate_limit count must be a positive integer, got "10/minute\njunk"`]);
    expect(validateInterceptPolicy(withRules(limit(['10/minute'])))).toEqual([`${AT}: rate_limit count must be a positive integer, got "10/minute"`]);
  });

  it('stands alone: no conditions, no state, no deny', () => {
    expect(validateInterceptPolicy(withRules(limit('1/day', { conditions: [{ path: 'args.a', op: 'eq', value: 1 }] })))).toEqual([`${AT}: rate_limit cannot be combined with conditions or state`]);
    expect(validateInterceptPolicy(withRules(limit('1/day', { state: { counter: 'c', window: 'day' } })))).toEqual([`${AT}: rate_limit cannot be combined with conditions or state`]);
    expect(validateInterceptPolicy(withRules(limit('1/day', { action: 'deny' })))).toEqual([`${AT}: rate_limit cannot be used with action "deny"`]);
  });

  it('is one per window in a tool, as each takes the counter _rate_<window>', () => {
    expect(validateInterceptPolicy(withRules(limit('1/day'), limit('2/hour'), limit('3/day')))).toEqual(['tools.send_mail.rules[2]: duplicate state counter "_rate_day" (also used by rules[0])']);
    // a counter of its own named like a rate counter takes it too
    expect(validateInterceptPolicy(withRules(rule([{ path: 'args.a', op: 'eq', value: 1 }], { state: { counter: '_rate_day', window: 'day' } }), limit('1/day')))).toEqual(['tools.send_mail.rules[1]: duplicate state counter "_rate_day" (also used by rules[0])']);
  });
});

describe('a condition', () => {
  const one = (condition: unknown) => validateInterceptPolicy(withRules(rule([condition])));
  const C = `${AT}.conditions[0]`;

  it('is an object with a path under args. or state.', () => {
    expect(validateInterceptPolicy(withRules(rule([{ path: 'args.a', op: 'eq', value: 1 }, 'x'])))).toEqual([`${AT}.conditions[1]: condition must be an object`]);
    expect(one({ path: 'a', op: 'eq', value: 1 })).toEqual([`${C}: path must start with "args." or "state.", got "a"`]);
    expect(one({ path: 3, op: 'eq', value: 1 })).toEqual([`${C}: path must start with "args." or "state.", got "3"`]);
  });

  it('uses an operator of the table, with a value of the kind it takes', () => {
    expect(one({ path: 'args.a', op: 'like', value: 1 })).toEqual([`${C}: unknown operator "like"`]);
    expect(one({ path: 'args.a', value: 1 })).toEqual([`${C}: unknown operator "undefined"`]);
    expect(one({ path: 'args.a', op: 'in', value: 'a' })).toEqual([`${C}: operator "in" requires a list value`]);
    expect(one({ path: 'args.a', op: 'not_in', value: 'a' })).toEqual([`${C}: operator "not_in" requires a list value`]);
    for (const op of ['lt', 'lte', 'gt', 'gte']) {
      expect(one({ path: 'args.a', op, value: '10' }), op).toEqual([`${C}: operator "${op}" requires a numeric value`]);
      expect(one({ path: 'args.a', op, value: Number.POSITIVE_INFINITY }), op).toEqual([`${C}: operator "${op}" requires a numeric value`]);
    }
    expect(one({ path: 'args.a', op: 'eq', value: '10' })).toEqual([]);
    expect(one({ path: 'args.a', op: 'exists', value: 'yes' })).toEqual([`${C}: operator "exists" requires a boolean value`]);
    expect(one({ path: 'args.a', op: 'regex', value: 3 })).toEqual([`${C}: regex value must be a string`]);
    expect(one({ path: 'args.a', op: 'regex', value: '(' })[0]).toMatch(/^tools\.send_mail\.rules\[0\]\.conditions\[0\]: invalid regex "\(": /);
  });

  it('reads a counter only where the tool keeps one', () => {
    expect(one({ path: 'state.send_mail.daily', op: 'lt', value: 5 })).toEqual(['tools.send_mail.rules[0]: condition references state.send_mail.daily but no matching state block found']);
    const global = { version: '1', tools: { '*': { rules: [rule([{ path: 'state._global.total', op: 'lt', value: 5 }])] } } };
    expect(validateInterceptPolicy(global)).toEqual(['tools.*.rules[0]: condition references state._global.total but no matching state block found']);
    // a path with too few parts names no counter, and an argument's path, however deep, none at all
    expect(one({ path: 'state.x', op: 'lt', value: 5 })).toEqual([]);
    expect(one({ path: 'args.user.email.domain', op: 'eq', value: 'example.com' })).toEqual([]);
    // a counter's name may hold dots: the rest of the path is its name
    const dotted = withRules(rule([{ path: 'state.send_mail.daily.total', op: 'lt', value: 5 }], { state: { counter: 'daily.total', window: 'day' } }));
    expect(validateInterceptPolicy(dotted)).toEqual([]);
  });
});

describe('a counter (state)', () => {
  const counted = (state: unknown) => validateInterceptPolicy(withRules(rule([{ path: 'args.a', op: 'eq', value: 1 }], { state })));

  it('is an object with a counter name, a window, and what it adds up', () => {
    expect(counted('daily')).toEqual([`${AT}: state must be an object`]);
    expect(counted({ counter: '', window: 'week' })).toEqual([`${AT}: counter must not be empty`, `${AT}: window must be "minute", "hour", or "day", got "week"`]);
    expect(counted({ window: 'day' })).toEqual([`${AT}: counter must not be empty`]);
    expect(counted({ counter: 'spent', window: 'day', increment_from: 'amount' })).toEqual([`${AT}: increment_from must start with "args.", got "amount"`]);
    expect(counted({ counter: 'spent', window: 'day', increment_from: 5 })).toEqual([`${AT}: increment_from must start with "args.", got "5"`]);
    expect(counted({ counter: 'spent', window: 'day', increment_from: 'args.amount' })).toEqual([]);
  });

  it('is not counted twice when it has no name: each is only said to be empty', () => {
    const condition = [{ path: 'args.a', op: 'eq', value: 1 }];
    expect(validateInterceptPolicy(withRules(rule(condition, { state: { counter: '', window: 'day' } }), rule(condition, { state: { counter: '', window: 'day' } })))).toEqual([
      `${AT}: counter must not be empty`,
      'tools.send_mail.rules[1]: counter must not be empty',
    ]);
    expect(validateInterceptPolicy(withRules(rule(condition, { state: { window: 'day' } }), rule(condition, { state: { window: 'day' } })))).toEqual([
      `${AT}: counter must not be empty`,
      'tools.send_mail.rules[1]: counter must not be empty',
    ]);
  });

  it('is named once in a tool', () => {
    const condition = [{ path: 'args.a', op: 'eq', value: 1 }];
    expect(validateInterceptPolicy(withRules(rule(condition, { state: { counter: 'n', window: 'day' } }), rule(condition, { state: { counter: 'n', window: 'hour' } })))).toEqual(['tools.send_mail.rules[1]: duplicate state counter "n" (also used by rules[0])']);
  });
});
