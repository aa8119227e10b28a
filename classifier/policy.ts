// Recommended policies: one model (data/schema.ts ToolPolicy / PolicyModel), built from a
// classification and the tool's input schema, rendered as Intercept JSON and YAML and as
// hosted-gateway JSON. Pure functions.
import { stringify as toYaml } from 'yaml';
import type { Category, McpTool, PolicyModel, PolicyRule, Risk, ToolPolicy } from '../data/schema.ts';
import { PATH_WORDS, URL_WORDS } from './lexicon.ts';
import { inputProperties } from './engine/properties.ts';
import { parameterNodes, schemaWalk, type SchemaNode } from './engine/schema.ts';
import { splitIdentifier } from './words.ts';
import { locationKey } from '../data/location.ts';

export const LIMITS = {
  mediumPerHour: 60,
  highPerHour: 10,
  financialPerHour: 5,
} as const;

/**
 * The value an amount cap holds until the user sets it: 0, so the capped variant blocks every call
 * rather than allowing a made-up amount. (Intercept's `lte` takes a number, so a placeholder cannot
 * be a string.)
 */
export const UNSET_AMOUNT = 0;

export const PLACEHOLDERS = {
  ALLOWED_ROOT: 'the folder this tool may touch, written without its leading slash and with regex characters escaped, e.g. home/me/project (the pattern supplies the slash)',
  ALLOWED_HOST: 'the host names this tool may reach, e.g. api\\.example\\.com (edit the regex)',
  MAX_AMOUNT: `the largest single amount allowed, in the unit the tool's amount argument takes (for most payment APIs the currency's smallest unit, e.g. cents) (set to ${UNSET_AMOUNT}, which blocks every call until you change it)`,
  DAILY_AMOUNT: `the most that may be moved per UTC day, in the same unit; Intercept adds each call's amount as a whole number, dropping any fraction (set to ${UNSET_AMOUNT}, which blocks every call until you change it)`,
} as const;

/** Names safe to use inside a dotted path (`args.<name>`, `state.<tool>.<counter>`). */
const PATH_SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;

// A path under ALLOWED_ROOT with no `.` or `..` segment (written without lookahead, so it also
// compiles as RE2, which Intercept uses).
const PATH_REGEX = '^/ALLOWED_ROOT(/([^/.][^/]*|\\.[^/.][^/]*|\\.\\.[^/]+))*/?$';
const URL_REGEX = '^https://ALLOWED_HOST(:[0-9]+)?(/|$)';

export const APPROVAL_MESSAGE =
  'Blocked by policy: this tool needs a human to approve each call. Ask the user to run it themselves, or to allow it in the policy.';

interface PolicyContext {
  risk: Risk;
  category: Category;
  financial: boolean;
  warned: boolean;
  /** Arguments that ask for the conversation (`[["user_prompt"], ["params", "originalUserMessage"]]`): calls that fill one are denied; `unlisted` when one is not in the schema (the tool is denied). */
  collects?: { paths: readonly string[][]; unlisted: boolean };
}

/** A rule for each argument that asks for the conversation, where a path reaches it: a call passes only without it. */
function collectionRules(collects: readonly string[][]): PolicyRule[] {
  return collects
    .filter((names) => names.length > 0 && names.every((name) => PATH_SEGMENT.test(name)))
    .map((names) => {
      const shown = names.join('.');
      return {
        name: `${shown} is left empty (it asks for the conversation)`,
        conditions: [{ path: `args.${shown}`, op: 'exists' as const, value: false }],
        on_deny: `${shown} asks for what the user said or what the model was told; calls that fill it are denied.`,
      };
    });
}

type Limit = ToolPolicy['limits'][number];

function limit(tool: string, window: Limit['window'], max: number, suffix = 'rate'): Limit {
  return { counter: `${tool}_${suffix}`, window, max, scope: 'grant' };
}

interface ArgumentView {
  name: string;
  schema: Record<string, unknown>;
  required: boolean;
}

function topLevelArguments(tool: McpTool): ArgumentView[] {
  const required = new Set(Array.isArray(tool.inputSchema.required) ? (tool.inputSchema.required as unknown[]).filter((x): x is string => typeof x === 'string') : []);
  return inputProperties(tool.inputSchema)
    .filter((property) => property.path === `inputSchema.properties.${locationKey(property.name)}`)
    .map((property) => ({ name: property.name, schema: property.schema, required: required.has(property.name) }));
}

/**
 * Argument conditions derived from the input schema. Only required arguments get conditions: a
 * condition on an argument the call leaves out would deny the call.
 */
function argumentRules(tool: McpTool, placeholders: Set<keyof typeof PLACEHOLDERS>): PolicyRule[] {
  const rules: PolicyRule[] = [];
  for (const arg of topLevelArguments(tool)) {
    if (!arg.required || !PATH_SEGMENT.test(arg.name)) continue;
    const path = `args.${arg.name}`;
    const type = arg.schema.type;
    const values = Array.isArray(arg.schema.enum) ? arg.schema.enum : undefined;
    const words = splitIdentifier(arg.name).map((token) => token.word);
    if (values && values.length > 0 && values.length <= 100 && values.every((value) => typeof value === 'string' || typeof value === 'number')) {
      rules.push({ name: `${arg.name} is one of the listed values`, conditions: [{ path, op: 'in', value: [...new Set(values)] }], on_deny: `${arg.name} must be one of the values the schema lists.` });
    } else if ((type === 'number' || type === 'integer') && typeof arg.schema.maximum === 'number' && Number.isFinite(arg.schema.maximum)) {
      rules.push({ name: `${arg.name} at most ${arg.schema.maximum}`, conditions: [{ path, op: 'lte', value: arg.schema.maximum }], on_deny: `${arg.name} must be at most ${arg.schema.maximum}.` });
    } else if ((type === 'string' || type === undefined) && words.some((word) => URL_WORDS.has(word))) {
      placeholders.add('ALLOWED_HOST');
      rules.push({ name: `${arg.name} on an allowed host (edit ALLOWED_HOST)`, conditions: [{ path, op: 'regex', value: URL_REGEX }], on_deny: `${arg.name} must be an https URL on an allowed host.` });
    } else if ((type === 'string' || type === undefined) && words.some((word) => PATH_WORDS.has(word))) {
      placeholders.add('ALLOWED_ROOT');
      rules.push({ name: `${arg.name} under the allowed root (edit ALLOWED_ROOT)`, conditions: [{ path, op: 'regex', value: PATH_REGEX }], on_deny: `${arg.name} must be a path under the allowed folder.` });
    }
  }
  return rules;
}

// money, not how many: quantity, count and limit are left out
const AMOUNT_WORDS = new Set(['amount', 'price', 'cost', 'fee']);
// what names a money thing without being its amount (`priceId`, `price_currency`)
const NOT_AMOUNT_WORDS = new Set(['id', 'ids', 'currency']);
const namesAmount = (name: string): boolean => {
  const words = splitIdentifier(name).map((token) => token.word);
  return words.some((word) => AMOUNT_WORDS.has(word)) && !words.some((word) => NOT_AMOUNT_WORDS.has(word));
};

/** An argument whose name says it is money, wherever it sits in the input schema. */
interface AmountView {
  /** The names from the top-level argument down (`['price', 'amount']`). */
  names: string[];
  schema: Record<string, unknown>;
  /** Required at every level: a call that follows the schema always gives it. */
  required: boolean;
  /** Inside the items of a list somewhere on the way (`lines[].amount`): no Intercept path reaches it. */
  inList: boolean;
  /** As a reader sees it: `price.amount`, `lines[].amount`. */
  shown: string;
}

const requiredNames = (schema: Record<string, unknown>): Set<string> =>
  new Set(Array.isArray(schema.required) ? (schema.required as unknown[]).filter((x): x is string => typeof x === 'string') : []);

/** The schema's types, from `type` (a name or a list) or from the branches of `anyOf`/`oneOf`; empty when it declares none. */
function declaredTypes(schema: Record<string, unknown>): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((x): x is string => typeof x === 'string');
  const branches = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : [];
  return branches.flatMap((branch) => (branch && typeof branch === 'object' ? declaredTypes(branch as Record<string, unknown>) : []));
}

/**
 * A number Intercept's `lte` can compare: declared as number or integer (or those and null) and nothing
 * else. Intercept compares only JSON numbers: a string such as "10.00" fails the condition, so a cap on
 * an argument that may be text would deny those calls rather than cap them.
 */
function numericSchema(schema: Record<string, unknown>): boolean {
  const types = declaredTypes(schema).filter((type) => type !== 'null');
  return types.length > 0 && types.every((type) => type === 'number' || type === 'integer');
}

function amountArguments(tool: McpTool): AmountView[] {
  // (the parameters of the one schema walk, each seen through the steps that lead to it: schema.ts)
  const views = new Map<SchemaNode, AmountView>();
  const found: AmountView[] = [];
  for (const node of parameterNodes(schemaWalk(tool.inputSchema, 'inputSchema'))) {
    // (a property whose schema is a list holds no amount a condition can read)
    if (Array.isArray(node.schema)) continue;
    // its parent is the schema that lists it: the root, a parameter, or a parameter's items
    const owner = node.parent!;
    const listed = owner.step === 'items' ? owner.parent! : owner;
    const above = views.get(listed);
    const name = node.name!;
    const view: AmountView = {
      names: [...(above?.names ?? []), name],
      shown: above ? `${above.shown}${owner.step === 'items' ? '[]' : ''}.${name}` : name,
      schema: node.schema,
      required: (above ? above.required && owner.step !== 'items' : true) && requiredNames(owner.schema).has(name),
      inList: (above?.inList ?? false) || owner.step === 'items',
    };
    views.set(node, view);
    if (namesAmount(name)) found.push(view);
  }
  return found;
}

/** An amount a condition can cap: a number, outside any list, with names that can stand in a dotted path. */
const cappable = (amount: AmountView) => numericSchema(amount.schema) && !amount.inList && amount.names.every((name) => PATH_SEGMENT.test(name));

/**
 * The amount to cap: a required one before an optional one, then the shallowest, then the first
 * listed. Undefined when no amount can be capped.
 */
function cappedAmount(amounts: readonly AmountView[]): AmountView | undefined {
  return amounts
    .filter(cappable)
    .map((amount, order) => ({ amount, order }))
    .sort((a, b) => Number(b.amount.required) - Number(a.amount.required) || a.amount.names.length - b.amount.names.length || a.order - b.order)[0]?.amount;
}

/** Why a money tool's capped variant holds no amount cap, in the words of its label (of its shallowest amount outside a list, else in one). */
function uncappedReason(amounts: readonly AmountView[]): string {
  const amount = [...amounts].sort((a, b) => Number(a.inList) - Number(b.inList) || a.names.length - b.names.length)[0];
  if (!amount) return 'this tool takes no amount to cap';
  if (amount.inList) return `its amounts (${amount.shown}) sit in a list, which Intercept's conditions cannot reach, so they are not capped`;
  if (!amount.names.every((name) => PATH_SEGMENT.test(name))) return `its amount, ${JSON.stringify(amount.shown)}, has a name an Intercept path cannot hold, so it is not capped`;
  const type = declaredTypes(amount.schema);
  return `its amount, ${amount.shown}, ${type.length === 1 && type[0] === 'string' ? 'is a string' : 'is not declared a number'}, which Intercept cannot compare, so it is not capped`;
}

/** The rate-limit rule every limited tool starts with. */
function hourlyRule(max: number): PolicyRule {
  return { name: 'hourly limit', rate_limit: `${max}/hour`, on_deny: `At most ${max} calls an hour.` };
}

function denyPolicy(tool: string): ToolPolicy {
  return { tool, choice: 'deny', rules: [{ name: 'requires human approval', action: 'deny', on_deny: APPROVAL_MESSAGE }], limits: [], placeholders: [] };
}

/**
 * The capped variant of a money tool's policy: 5 calls an hour, and when the tool takes an amount
 * a condition can compare, a cap on each call and on the day's total. A cap is the schema's own
 * maximum when it has one, else a named placeholder that blocks every call until it is set. Its
 * label says what it holds: the amount cap, that a call leaving an optional amount out is denied,
 * or why there is no cap.
 */
function cappedMoneyPolicy(tool: McpTool): NonNullable<ToolPolicy['alternative']> {
  const name = tool.name;
  const rules: PolicyRule[] = [hourlyRule(LIMITS.financialPerHour)];
  const placeholders: (keyof typeof PLACEHOLDERS)[] = [];
  const amounts = amountArguments(tool);
  const amount = cappedAmount(amounts);
  let label = `capped: a few calls an hour instead of human approval (${uncappedReason(amounts)})`;
  if (amount) {
    const shown = amount.shown;
    const path = `args.${shown}`;
    const maximum = typeof amount.schema.maximum === 'number' && Number.isFinite(amount.schema.maximum) ? amount.schema.maximum : undefined;
    const cap = maximum === undefined ? 'MAX_AMOUNT' : String(maximum);
    if (maximum === undefined) placeholders.push('MAX_AMOUNT');
    // Intercept fails a condition whose argument is absent (engine.go: `if !exists { return false }`), so
    // this cap also denies a call that leaves an optional amount out (a full refund): no `exists` rule is
    // needed for the cap to hold, and the label and message say so.
    const example = splitIdentifier(name).some((token) => token.word === 'refund') ? ', such as a full refund,' : '';
    label = amount.required
      ? 'capped: a few calls an hour and an amount cap instead of human approval'
      : `capped: a few calls an hour and an amount cap instead of human approval (a call that leaves out ${shown}${example} is denied, as the cap cannot be checked)`;
    rules.push({
      name: maximum === undefined ? `single ${shown} at most MAX_AMOUNT` : `single ${shown} at most ${maximum} (the schema's maximum)`,
      conditions: [{ path, op: 'lte', value: maximum ?? UNSET_AMOUNT }],
      on_deny: amount.required
        ? `A single ${shown} may be at most ${cap}; larger ones need a human.`
        : `A single ${shown} must be given and be at most ${cap}; larger ones, or a call without it, need a human.`,
    });
    if (PATH_SEGMENT.test(name)) {
      placeholders.push('DAILY_AMOUNT');
      rules.push({
        name: `daily ${shown} at most DAILY_AMOUNT`,
        conditions: [{ path: `state.${name}.daily_amount`, op: 'lte', value: UNSET_AMOUNT }],
        state: { counter: 'daily_amount', window: 'day', increment_from: path },
        on_deny: `The daily total DAILY_AMOUNT is reached; try again tomorrow or ask a human.`,
      });
    }
  }
  return { label, tool: name, choice: 'limit', rules, limits: [limit(name, 'hour', LIMITS.financialPerHour)], placeholders: placeholders.map((key) => ({ name: key, meaning: PLACEHOLDERS[key] })) };
}

/** The recommended policy for one tool (DESIGN.md's mapping). */
export function toolPolicy(tool: McpTool, context: PolicyContext): ToolPolicy {
  const name = tool.name;
  if (context.warned) return { tool: name, choice: 'hide', rules: [], limits: [], placeholders: [] };
  // (an argument for the conversation that only the description names: no rule can reach it, and calls need it)
  if (context.collects?.unlisted) return denyPolicy(name);
  // money movement needs a human by default; the capped variant is offered beside it
  if (context.financial) return { ...denyPolicy(name), alternative: cappedMoneyPolicy(tool) };
  switch (context.risk) {
    case 'low':
      return { tool: name, choice: 'allow', rules: [], limits: [], placeholders: [] };
    case 'medium':
      return {
        tool: name,
        choice: 'limit',
        rules: [hourlyRule(LIMITS.mediumPerHour)],
        limits: [limit(name, 'hour', LIMITS.mediumPerHour)],
        placeholders: [],
      };
    case 'high': {
      const placeholders = new Set<keyof typeof PLACEHOLDERS>();
      const rules: PolicyRule[] = [
        hourlyRule(LIMITS.highPerHour),
        ...collectionRules(context.collects?.paths ?? []),
        ...argumentRules(tool, placeholders),
      ];
      return {
        tool: name,
        choice: 'limit',
        rules,
        limits: [limit(name, 'hour', LIMITS.highPerHour)],
        placeholders: [...placeholders].map((key) => ({ name: key, meaning: PLACEHOLDERS[key] })),
      };
    }
    case 'critical':
      return denyPolicy(name);
  }
}

/** Rules for a user's choice on the server page's policy builder (allow, limit, deny, hide). */
export function policyForChoice(recommended: ToolPolicy, choice: ToolPolicy['choice']): ToolPolicy {
  if (choice === recommended.choice) return recommended;
  // a money tool limited by the user gets its capped variant, not a plain rate limit
  if (recommended.alternative?.choice === choice) {
    const { label: _label, ...variant } = recommended.alternative;
    return variant;
  }
  switch (choice) {
    case 'allow':
    case 'hide':
      return { tool: recommended.tool, choice, rules: [], limits: [], placeholders: [] };
    case 'deny':
      return denyPolicy(recommended.tool);
    case 'limit':
      return {
        tool: recommended.tool,
        choice,
        rules: [hourlyRule(LIMITS.highPerHour)],
        limits: [limit(recommended.tool, 'hour', LIMITS.highPerHour)],
        placeholders: [],
      };
  }
}

export function serverPolicy(serverName: string, tools: ToolPolicy[]): PolicyModel {
  return { description: `ToolRisk recommended policy for ${serverName}`, default: 'deny', tools };
}

export interface InterceptPolicy {
  version: '1';
  description?: string;
  default: 'allow' | 'deny';
  hide?: string[];
  tools: Record<string, { rules: PolicyRule[] }>;
}

/** The Intercept policy object: allowed and limited tools listed, denied ones with a deny rule, hidden ones in `hide`. */
/** `*` is Intercept's wildcard: a tool that calls itself `*` would stand for every tool, so it is left to the default deny. */
const expressible = (tool: ToolPolicy) => tool.tool !== '*';

export function renderIntercept(model: PolicyModel): InterceptPolicy {
  const listed = model.tools.filter(expressible);
  const hide = [...new Set(listed.filter((tool) => tool.choice === 'hide').map((tool) => tool.tool))];
  // defineProperty-like semantics through fromEntries keep names such as `__proto__` as plain keys
  const tools = Object.fromEntries(
    listed.filter((tool) => tool.choice !== 'hide').map((tool) => [tool.tool, { rules: tool.rules.map(cleanRule) }]),
  ) as Record<string, { rules: PolicyRule[] }>;
  return { version: '1', description: model.description, default: model.default, ...(hide.length ? { hide } : {}), tools };
}

function cleanRule(rule: PolicyRule): PolicyRule {
  // fixed key order, no undefined keys
  const out: PolicyRule = { name: rule.name };
  if (rule.action) out.action = rule.action;
  if (rule.conditions) out.conditions = rule.conditions.map((condition) => ({ path: condition.path, op: condition.op, value: condition.value }));
  if (rule.rate_limit) out.rate_limit = rule.rate_limit;
  if (rule.state) out.state = { ...rule.state };
  if (rule.on_deny) out.on_deny = rule.on_deny;
  return out;
}

export function renderInterceptJson(model: PolicyModel): string {
  return `${JSON.stringify(renderIntercept(model), null, 2)}\n`;
}

export function renderInterceptYaml(model: PolicyModel): string {
  return toYaml(renderIntercept(model), { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
}

export interface GatewayPolicy {
  version: '1';
  default: 'deny';
  tools: Record<string, { limits: Limit[] }>;
}

/** The hosted-gateway form: allowed and limited tools with their limits; denied and hidden ones left out (default deny). */
export function renderGateway(model: PolicyModel): GatewayPolicy {
  const tools = Object.fromEntries(
    model.tools.filter((tool) => expressible(tool) && (tool.choice === 'allow' || tool.choice === 'limit')).map((tool) => [tool.tool, { limits: tool.limits.map((l) => ({ ...l })) }]),
  ) as Record<string, { limits: Limit[] }>;
  return { version: '1', default: 'deny', tools };
}

export function renderGatewayJson(model: PolicyModel): string {
  return `${JSON.stringify(renderGateway(model), null, 2)}\n`;
}

/** A one-tool model, for a tool's own page and `classify --json`. */
/** The formats a policy is written in, for every command that writes one. */
export const POLICY_FORMATS = ['intercept-json', 'intercept-yaml', 'gateway'] as const;
export type PolicyFormat = (typeof POLICY_FORMATS)[number];

export function renderPolicy(model: PolicyModel, format: PolicyFormat): string {
  return format === 'intercept-yaml' ? renderInterceptYaml(model) : format === 'gateway' ? renderGatewayJson(model) : renderInterceptJson(model);
}

export function singleToolModel(policy: ToolPolicy): PolicyModel {
  return { description: 'ToolRisk recommended policy for this tool', default: 'deny', tools: [policy] };
}

// ---- The clients' own switches (DESIGN.md, Recommended policies 3): for a team that runs no proxy, the
// tools to turn off in Claude Code (`permissions.deny`) and in OpenAI Codex (`disabled_tools`). They
// can only turn a tool off: what else a policy says (limits, conditions, approval) is named beside them.

/** The formats that hold several servers in one file: a client's own settings. */
export const CLIENT_POLICY_FORMATS = ['claude-code', 'codex'] as const;
export type ClientPolicyFormat = (typeof CLIENT_POLICY_FORMATS)[number];

/** A server as a client's settings name it, with each tool's choice. */
export interface ClientServer {
  /** The server's name in the client's configuration. */
  name: string;
  tools: readonly Pick<ToolPolicy, 'tool' | 'choice'>[];
}

/** Tools a client switch turns off: their choice is deny or hide. */
const turnedOff = (tool: Pick<ToolPolicy, 'choice'>) => tool.choice === 'deny' || tool.choice === 'hide';

/** Claude Code's form of a name in a tool's permission name: every character but `A-Za-z0-9_-` becomes `_`. */
function claudeCodeSegment(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** Claude Code's permission rule for one MCP tool: `mcp__<server>__<tool>`, each name as Claude Code writes it. */
export function claudeCodeRule(server: string, tool: string): string {
  return `mcp__${claudeCodeSegment(server)}__${claudeCodeSegment(tool)}`;
}

/** A Claude Code settings fragment: `{"permissions":{"deny":[…]}}` with every tool turned off. */
export function renderClaudeCodeSettings(servers: readonly ClientServer[]): string {
  const deny = [...new Set(servers.flatMap((server) => server.tools.filter(turnedOff).map((tool) => claudeCodeRule(server.name, tool.tool))))];
  return `${JSON.stringify({ permissions: { deny } }, null, 2)}\n`;
}

// a UTF-16 half without its other half: TOML (UTF-8) cannot hold it
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const TOML_ESCAPES = new Map([['"', '\\"'], ['\\', '\\\\'], ['\b', '\\b'], ['\t', '\\t'], ['\n', '\\n'], ['\f', '\\f'], ['\r', '\\r']]);

/** A TOML basic string: quotes, backslashes and every control character escaped. */
export function tomlString(text: string): string {
  const escaped = text.replace(LONE_SURROGATE, '\uFFFD').replace(/["\\\u0000-\u001f\u007f]/g, (char) => TOML_ESCAPES.get(char) ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`);
  return `"${escaped}"`;
}

/** A TOML key: bare when it may be, else quoted. */
export function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : tomlString(key);
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What a client's switch cannot say of these servers' policies, one line each (empty: it says all). */
export function clientPolicyLosses(servers: readonly ClientServer[], format: ClientPolicyFormat): string[] {
  const tools = servers.flatMap((server) => server.tools);
  const limited = tools.filter((tool) => tool.choice === 'limit').length;
  const denied = tools.filter((tool) => tool.choice === 'deny').length;
  const lost: string[] = [];
  if (limited) lost.push(`${count(limited, 'limited tool')} ${limited === 1 ? 'is' : 'are'} allowed in full: the format has no rate limits, argument conditions or running totals.`);
  if (denied) {
    const ask = format === 'claude-code' ? ' (to be asked each time instead, move their rules to permissions.ask)' : '';
    lost.push(`${count(denied, 'tool')} that need${denied === 1 ? 's' : ''} a human's approval ${denied === 1 ? 'is' : 'are'} turned off outright: the format has no approval step${ask}.`);
  }
  return lost;
}

/**
 * An OpenAI Codex config fragment: a `[mcp_servers.<name>]` table with `disabled_tools` for each server
 * that has a tool turned off, and what the format cannot say in comments. Servers of the same name
 * share one table (TOML allows a table once).
 */
export function renderCodexConfig(servers: readonly ClientServer[]): string {
  const off = new Map<string, Set<string>>();
  for (const server of servers) {
    const tools = server.tools.filter(turnedOff).map((tool) => tool.tool);
    if (tools.length) off.set(server.name, new Set([...(off.get(server.name) ?? []), ...tools]));
  }
  const lines = [
    '# ToolRisk: MCP tools to turn off in OpenAI Codex (the policy denies or hides them).',
    '# Add each disabled_tools line to the [mcp_servers.<name>] table of the same name in',
    '# ~/.codex/config.toml: TOML does not allow a table twice.',
    ...clientPolicyLosses(servers, 'codex').map((line) => `# Not expressed: ${line}`),
  ];
  for (const [name, tools] of off) lines.push('', `[mcp_servers.${tomlKey(name)}]`, `disabled_tools = [${[...tools].map(tomlString).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

const CLIENT_NAME_FILLER = /^(mcp|server|servers|model|context|protocol|modelcontextprotocol)$/i;

/** A short name to give a catalogued server in a client's config: `@modelcontextprotocol/server-github` → `github`. */
export function clientServerName(id: string): string {
  const last = id.split('/').pop() ?? id;
  const words = last.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word && !CLIENT_NAME_FILLER.test(word));
  return words.join('-') || claudeCodeSegment(last.toLowerCase()) || 'server';
}

export function renderClientPolicy(servers: readonly ClientServer[], format: ClientPolicyFormat): string {
  return format === 'claude-code' ? renderClaudeCodeSettings(servers) : renderCodexConfig(servers);
}
