// Every check of the Intercept policy format's validation table (POLICY.md, "Validation errors"),
// applied to a parsed policy object. Returns the errors; an empty list means valid.
const OPERATORS = new Set(['eq', 'neq', 'in', 'not_in', 'lt', 'lte', 'gt', 'gte', 'regex', 'contains', 'exists']);
const WINDOWS = new Set(['minute', 'hour', 'day']);

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function validateInterceptPolicy(policy: unknown): string[] {
  const errors: string[] = [];
  if (!isObject(policy)) return ['policy must be an object'];
  if (policy.version !== '1') errors.push(`version must be "1", got "${String(policy.version)}"`);
  if (policy.default !== undefined && policy.default !== 'allow' && policy.default !== 'deny') errors.push(`default must be "allow" or "deny", got "${String(policy.default)}"`);
  if (policy.hide !== undefined) {
    if (!Array.isArray(policy.hide)) errors.push('hide must be a list');
    else {
      const seen = new Set<string>();
      policy.hide.forEach((entry, index) => {
        if (typeof entry !== 'string' || entry.trim() === '') errors.push(`hide[${index}]: entry must not be empty`);
        else if (seen.has(entry)) errors.push(`hide: duplicate entry "${entry}"`);
        else seen.add(entry);
      });
    }
  }
  if (!isObject(policy.tools)) {
    errors.push('tools is required and must be a map');
    return errors;
  }
  for (const [toolName, entry] of Object.entries(policy.tools)) {
    if (!isObject(entry) || !Array.isArray(entry.rules)) {
      errors.push(`tools.${toolName}: rules must be a list`);
      continue;
    }
    const counters = new Map<string, number>();
    const rateWindows = new Set<string>();
    const stateCounters = new Set<string>();
    const stateRefs: { index: number; counter: string }[] = [];
    entry.rules.forEach((rule, index) => {
      const where = `tools.${toolName}.rules[${index}]`;
      if (!isObject(rule)) {
        errors.push(`${where}: rule must be an object`);
        return;
      }
      if (typeof rule.name !== 'string' || rule.name === '') errors.push(`${where}: rule must have a name`);
      const action = rule.action ?? 'evaluate';
      if (action !== 'evaluate' && action !== 'deny') errors.push(`${where}: action must be "evaluate" or "deny", got "${String(action)}"`);
      const conditions = rule.conditions;
      const hasConditions = Array.isArray(conditions) && conditions.length > 0;
      if (conditions !== undefined && !Array.isArray(conditions)) errors.push(`${where}: conditions must be a list`);
      if (action === 'deny' && conditions !== undefined) errors.push(`${where}: deny rules must not have conditions`);
      if (rule.rate_limit !== undefined) {
        const match = typeof rule.rate_limit === 'string' ? /^(.*)\/(.*)$/.exec(rule.rate_limit) : null;
        const count = match ? Number(match[1]) : NaN;
        if (!match || !Number.isInteger(count) || count <= 0 || !/^\d+$/.test(match[1]!)) errors.push(`${where}: rate_limit count must be a positive integer, got "${String(match?.[1] ?? rule.rate_limit)}"`);
        if (match && !WINDOWS.has(match[2]!)) errors.push(`${where}: rate_limit window must be "minute", "hour", or "day", got "${match[2]}"`);
        if (conditions !== undefined || rule.state !== undefined) errors.push(`${where}: rate_limit cannot be combined with conditions or state`);
        if (action === 'deny') errors.push(`${where}: rate_limit cannot be used with action "deny"`);
        if (match && WINDOWS.has(match[2]!)) {
          const counter = `_rate_${match[2]}`;
          if (rateWindows.has(match[2]!) || counters.has(counter)) errors.push(`${where}: duplicate state counter "${counter}" (also used by rules[${counters.get(counter)}])`);
          rateWindows.add(match[2]!);
          counters.set(counter, index);
        }
      } else if (action === 'evaluate' && !hasConditions) {
        errors.push(`${where}: evaluate rules must have at least one condition`);
      }
      if (Array.isArray(conditions)) {
        conditions.forEach((condition, conditionIndex) => {
          const at = `${where}.conditions[${conditionIndex}]`;
          if (!isObject(condition)) {
            errors.push(`${at}: condition must be an object`);
            return;
          }
          const path = condition.path;
          if (typeof path !== 'string' || !(path.startsWith('args.') || path.startsWith('state.'))) errors.push(`${at}: path must start with "args." or "state.", got "${String(path)}"`);
          else if (path.startsWith('state.')) {
            const parts = path.split('.');
            if (parts.length >= 3) stateRefs.push({ index, counter: parts.slice(2).join('.') });
          }
          const op = condition.op;
          if (typeof op !== 'string' || !OPERATORS.has(op)) {
            errors.push(`${at}: unknown operator "${String(op)}"`);
            return;
          }
          const value = condition.value;
          if ((op === 'in' || op === 'not_in') && !Array.isArray(value)) errors.push(`${at}: operator "${op}" requires a list value`);
          if (['lt', 'lte', 'gt', 'gte'].includes(op) && (typeof value !== 'number' || !Number.isFinite(value))) errors.push(`${at}: operator "${op}" requires a numeric value`);
          if (op === 'exists' && typeof value !== 'boolean') errors.push(`${at}: operator "exists" requires a boolean value`);
          if (op === 'regex') {
            if (typeof value !== 'string') errors.push(`${at}: regex value must be a string`);
            else {
              try {
                new RegExp(value);
              } catch (error) {
                errors.push(`${at}: invalid regex "${value}": ${(error as Error).message}`);
              }
            }
          }
        });
      }
      if (rule.state !== undefined) {
        const state = rule.state;
        if (!isObject(state)) errors.push(`${where}: state must be an object`);
        else {
          if (typeof state.counter !== 'string' || state.counter === '') errors.push(`${where}: counter must not be empty`);
          if (typeof state.window !== 'string' || !WINDOWS.has(state.window)) errors.push(`${where}: window must be "minute", "hour", or "day", got "${String(state.window)}"`);
          if (state.increment_from !== undefined && (typeof state.increment_from !== 'string' || !state.increment_from.startsWith('args.'))) {
            errors.push(`${where}: increment_from must start with "args.", got "${String(state.increment_from)}"`);
          }
          if (typeof state.counter === 'string' && state.counter !== '') {
            if (counters.has(state.counter)) errors.push(`${where}: duplicate state counter "${state.counter}" (also used by rules[${counters.get(state.counter)}])`);
            counters.set(state.counter, index);
            stateCounters.add(state.counter);
          }
        }
      }
    });
    for (const ref of stateRefs) {
      if (!stateCounters.has(ref.counter)) errors.push(`tools.${toolName}.rules[${ref.index}]: condition references state.${toolName === '*' ? '_global' : toolName}.${ref.counter} but no matching state block found`);
    }
  }
  return errors;
}
