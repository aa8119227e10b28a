// Small pure helpers for pages: safe JSON for script tags, quotes in context, policy texts.
import { clientServerName, policyForChoice, renderClaudeCodeSettings, renderCodexConfig, renderGatewayJson, renderInterceptJson, renderInterceptYaml, serverPolicy, singleToolModel } from '../../../classifier/policy.ts';
import { textAtLocation } from '../../../classifier/poisoning.ts';
import type { LaunchPlan, Quote, SandboxFacts, ToolPolicy } from '../../../data/schema.ts';
import type { SiteServer, SiteTool } from './catalog.ts';

/** JSON safe inside a <script type="application/json"> element: no `<`, `>`, `&` or line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function sourceText(tool: SiteTool, server: SiteServer, where: string): string {
  return textAtLocation(tool.definition, where, server);
}

/** A quote in its context: the text before, the match, the text after (cut to `radius` characters each side). */
export function inContext(tool: SiteTool, server: SiteServer, quote: Quote, radius = 120): { before: string; match: string; after: string } {
  const text = sourceText(tool, server, quote.where);
  const at = text.indexOf(quote.text);
  if (at === -1) return { before: '', match: quote.text, after: '' };
  const start = Math.max(0, at - radius);
  const end = Math.min(text.length, at + quote.text.length + radius);
  return {
    before: `${start > 0 ? '…' : ''}${text.slice(start, at)}`,
    match: text.slice(at, at + quote.text.length),
    after: `${text.slice(at + quote.text.length, end)}${end < text.length ? '…' : ''}`,
  };
}

export interface PolicyTexts {
  interceptJson: string;
  interceptYaml: string;
  gatewayJson: string;
  /** A whole server's policy in the clients' own settings (the tools to turn off), under `clientName`. */
  claudeCode?: string;
  codex?: string;
}

/** What each client's own format cannot say, in a line, beside it on a server page. */
export const CLIENT_FORMAT_NOTES = {
  claudeCode: 'Merge into permissions.deny in .claude/settings.json. It can only turn tools off: a limited tool is allowed in full (no rate limits, no argument conditions), and a tool that needs approval is turned off outright.',
  codex: 'Add the disabled_tools line to the server\'s [mcp_servers.<name>] table in ~/.codex/config.toml. It can only turn tools off: a limited tool is allowed in full (no rate limits, no argument conditions), and a tool that needs approval is turned off outright.',
} as const;

/** The name a client's config most likely gives a server (`@modelcontextprotocol/server-github` → `github`). */
export function clientName(server: SiteServer): string {
  return clientServerName(server.snapshot.entry.packages?.[0]?.identifier ?? server.name);
}

export function toolPolicyTexts(policy: ToolPolicy): PolicyTexts {
  const model = singleToolModel(policy);
  return { interceptJson: renderInterceptJson(model), interceptYaml: renderInterceptYaml(model), gatewayJson: renderGatewayJson(model) };
}

/** Every tool's policy under each choice, so the server page's builder only has to combine them. */
export function builderData(server: SiteServer) {
  return {
    server: server.name,
    clientName: clientName(server),
    tools: server.tools.map((tool) => ({
      name: tool.name,
      recommended: tool.classification.policy.choice,
      choices: Object.fromEntries((['allow', 'limit', 'deny', 'hide'] as const).map((choice) => [choice, policyForChoice(tool.classification.policy, choice)])),
    })),
  };
}

export function serverPolicyTexts(server: SiteServer): PolicyTexts {
  const model = serverPolicy(server.name, server.tools.map((tool) => tool.classification.policy));
  const clients = [{ name: clientName(server), tools: model.tools }];
  return { interceptJson: renderInterceptJson(model), interceptYaml: renderInterceptYaml(model), gatewayJson: renderGatewayJson(model), claudeCode: renderClaudeCodeSettings(clients), codex: renderCodexConfig(clients) };
}

export function plural(count: number, word: string): string {
  return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
}

/** Where a server's code ran when it listed its tools, for its page (nothing for remote servers and static sources). */
export function sandboxText(sandbox: SandboxFacts | undefined): string | undefined {
  if (!sandbox) return undefined;
  if (sandbox.kind === 'none') return 'ran as a plain child process, not in a sandbox';
  return sandbox.network
    ? 'ran in a bubblewrap sandbox with network: its index entry says it needs the network to list its tools'
    : 'ran in a bubblewrap sandbox without network';
}

/** A name cut after each separator (`_ - . / : @`), for a <wbr> between the parts; empty parts never appear. */
export function nameParts(text: string): string[] {
  return text.split(/(?<=[_\-./:@])/).filter((part) => part.length > 0);
}

type PolicyCore = Omit<ToolPolicy, 'alternative'>;
type Rule = PolicyCore['rules'][number];
// what the hosted-gateway JSON cannot carry of a rule: a condition on the arguments, a running total
const conditionsArguments = (rule: Rule) => Boolean(rule.conditions?.length) && !rule.state;
const keepsTotal = (rule: Rule) => rule.state !== undefined;
const explainsRefusal = (policy: PolicyCore) => policy.choice === 'limit' && policy.rules.some((rule) => rule.on_deny);

/** What a tool's policy does, in one sentence for people ("Limited: at most 10 calls an hour, and path under the allowed root"). */
export function policyInWords(policy: PolicyCore): string {
  switch (policy.choice) {
    case 'allow':
      return 'Allowed: the agent may call it without limits.';
    case 'deny':
      return 'Denied until a human approves: every call is refused with a message asking the user to run it or allow it.';
    case 'hide':
      return 'Hidden: its definition carries tool poisoning, so the agent never sees the tool at all.';
    case 'limit': {
      const rate = policy.rules.find((rule) => rule.rate_limit)?.rate_limit;
      const others = policy.rules.filter((rule) => !rule.rate_limit).map((rule) => rule.name);
      const parts = [rate ? `at most ${rate.replace(/\/(\w+)$/, (_, unit: string) => ` calls ${unit === 'hour' ? 'an' : 'a'} ${unit}`)}` : undefined, ...others].filter((part): part is string => part !== undefined);
      return `Limited: ${parts.join(', and ')}.`;
    }
  }
}

/**
 * What the hosted-gateway JSON cannot say of a tool's policy, so a page can state it instead of
 * dropping it silently: the gateway format has only per-tool call counters, with every tool it does
 * not list denied.
 */
export function gatewayLosses(policy: PolicyCore): string[] {
  const lost: string[] = [];
  if (policy.choice === 'hide') lost.push('It cannot hide a tool: the tool is left out, so every call is refused, but the agent still sees its definition, poisoned text and all. Use Intercept (its hide list) to keep the text from the agent.');
  if (policy.choice === 'deny') lost.push('It has no approval step: the tool is left out, so every call is refused outright, with no message asking for a human.');
  const conditions = policy.rules.filter(conditionsArguments).map((rule) => rule.name);
  if (conditions.length) lost.push(`It has no argument conditions: ${conditions.join('; ')} ${conditions.length === 1 ? 'is' : 'are'} not checked, only the number of calls.`);
  const counters = policy.rules.filter(keepsTotal).map((rule) => rule.name);
  if (counters.length) lost.push(`It has no running totals: ${counters.join('; ')} ${counters.length === 1 ? 'is' : 'are'} not enforced.`);
  if (explainsRefusal(policy)) lost.push('Refusals carry no explanation for the agent (Intercept sends each rule\'s on_deny message).');
  return lost;
}

/** One shell word, quoted when it holds anything but plainly safe characters (names come from servers). */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command that runs a server behind Intercept with a policy file: the server's own launch command
 * after `--` (as the crawler ran it), or `--upstream` for a remote server. Every word is shell-quoted.
 */
export function interceptCommand(launch: LaunchPlan | undefined, file: string): string {
  const head = ['intercept', '-c', file];
  if (launch?.kind === 'stdio') return [...head, '--', launch.command, ...launch.args].map(shellWord).join(' ');
  if (launch?.kind === 'http') return [...head, '--upstream', launch.url].map(shellWord).join(' ');
  // (tools read from a file or a server card: the crawl never ran the server, so its command is not known here)
  return `${head.map(shellWord).join(' ')} -- <the command that starts the server>`;
}

/** gatewayLosses for a whole server's policy: each kind of loss once, with how many tools it touches. */
export function serverGatewayLosses(policies: readonly PolicyCore[]): string[] {
  const count = (test: (policy: PolicyCore) => boolean) => policies.filter(test).length;
  const tools = (n: number) => plural(n, 'tool');
  const hidden = count((policy) => policy.choice === 'hide');
  const denied = count((policy) => policy.choice === 'deny');
  const conditioned = count((policy) => policy.rules.some(conditionsArguments));
  const counted = count((policy) => policy.rules.some(keepsTotal));
  const lost: string[] = [];
  if (hidden) lost.push(`It cannot hide a tool: ${tools(hidden)} with poisoned definitions ${hidden === 1 ? 'is' : 'are'} left out, so calls are refused, but the agent still sees the text. Use Intercept (its hide list) to keep it from the agent.`);
  if (denied) lost.push(`It has no approval step: ${tools(denied)} that need a human ${denied === 1 ? 'is' : 'are'} left out and refused outright.`);
  if (conditioned) lost.push(`It has no argument conditions: the argument checks of ${tools(conditioned)} are not enforced, only the number of calls.`);
  if (counted) lost.push(`It has no running totals: the daily caps of ${tools(counted)} are not enforced.`);
  if (count(explainsRefusal)) lost.push("Refusals carry no explanation for the agent (Intercept sends each rule's on_deny message).");
  return lost;
}
