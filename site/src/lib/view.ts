// Small pure helpers for pages: safe JSON for script tags, quotes in context, policy texts.
import { policyForChoice, renderGatewayJson, renderInterceptJson, renderInterceptYaml, serverPolicy, singleToolModel } from '../../../classifier/policy.ts';
import { textAtLocation } from '../../../classifier/poisoning.ts';
import type { Quote, SandboxFacts, ToolPolicy } from '../../../data/schema.ts';
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
}

export function toolPolicyTexts(policy: ToolPolicy): PolicyTexts {
  const model = singleToolModel(policy);
  return { interceptJson: renderInterceptJson(model), interceptYaml: renderInterceptYaml(model), gatewayJson: renderGatewayJson(model) };
}

/** Every tool's policy under each choice, so the server page's builder only has to combine them. */
export function builderData(server: SiteServer) {
  return {
    server: server.name,
    tools: server.tools.map((tool) => ({
      name: tool.name,
      recommended: tool.classification.policy.choice,
      choices: Object.fromEntries((['allow', 'limit', 'deny', 'hide'] as const).map((choice) => [choice, policyForChoice(tool.classification.policy, choice)])),
    })),
  };
}

export function serverPolicyTexts(server: SiteServer): PolicyTexts {
  const model = serverPolicy(server.name, server.tools.map((tool) => tool.classification.policy));
  return { interceptJson: renderInterceptJson(model), interceptYaml: renderInterceptYaml(model), gatewayJson: renderGatewayJson(model) };
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
