// The lethal trifecta: an agent that can read private data, is exposed to content someone else
// wrote, and can send data out can be steered by that content into sending the data away. No one
// server has to hold all three; the configured servers together do. Each leg is read from the
// catalog's verdicts (flags, category, the effects of the tool's signals), never from tool names.
import type { ScanTool, ToolPolicy } from '../data/schema.ts';

export type Leg = 'private' | 'untrusted' | 'exfiltration';
export const LEGS: readonly Leg[] = ['private', 'untrusted', 'exfiltration'];

export const LEG_WORDS: ReadonlyMap<Leg, string> = new Map<Leg, string>([
  ['private', 'access to private data (secrets, credentials, personal data)'],
  ['untrusted', 'exposure to content others wrote (web pages, email, issues, other outside systems)'],
  ['exfiltration', 'a way to send data out (messages, requests, writes to outside systems, running code)'],
]);

/** The legs one tool gives an agent. */
export function legsOf(tool: ScanTool): Leg[] {
  const legs: Leg[] = [];
  if (tool.sensitive) legs.push('private');
  if (tool.openWorld && tool.category === 'read') legs.push('untrusted');
  if ((tool.category !== 'read' && tool.openWorld) || tool.category === 'execute' || (tool.effects.includes('messaging') && tool.category === 'write')) legs.push('exfiltration');
  return legs;
}

export interface LegTool {
  server: string;
  tool: string;
  risk: ScanTool['risk'];
  /** The choice the policy the scan writes makes for it (the recommendation with the user's overrides). */
  choice: ToolPolicy['choice'];
}

export interface Trifecta {
  legs: Map<Leg, LegTool[]>;
  /** True when every leg has a tool the policy lets through (allow or limit). */
  openUnderPolicy: boolean;
  /** Legs whose every tool the policy denies or hides. */
  closedLegs: Leg[];
  /** The leg with the fewest tools the policy lets through: denying those breaks the trifecta. */
  weakest?: { leg: Leg; tools: LegTool[] };
}

const OPEN = new Set<ToolPolicy['choice']>(['allow', 'limit']);

/** The trifecta across servers, when every leg has at least one tool; undefined otherwise. */
export function findTrifecta(servers: readonly { name: string; tools: readonly ScanTool[]; choices: ReadonlyMap<string, ToolPolicy['choice']> }[]): Trifecta | undefined {
  const legs = new Map<Leg, LegTool[]>(LEGS.map((leg) => [leg, []]));
  for (const server of servers) {
    for (const tool of server.tools) {
      const choice = server.choices.get(tool.tool) ?? tool.policy.choice;
      for (const leg of legsOf(tool)) legs.get(leg)!.push({ server: server.name, tool: tool.tool, risk: tool.risk, choice });
    }
  }
  if (LEGS.some((leg) => !legs.get(leg)!.length)) return undefined;
  const open = LEGS.map((leg) => ({ leg, tools: legs.get(leg)!.filter((tool) => OPEN.has(tool.choice)) }));
  const closedLegs = open.filter((entry) => !entry.tools.length).map((entry) => entry.leg);
  const weakest = closedLegs.length ? undefined : [...open].sort((a, b) => a.tools.length - b.tools.length)[0];
  return { legs, openUnderPolicy: !closedLegs.length, closedLegs, ...(weakest ? { weakest } : {}) };
}
