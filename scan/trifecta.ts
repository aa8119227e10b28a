// The lethal trifecta: an agent that can read private data, is exposed to content someone else
// wrote, and can send data out can be steered by that content into sending the data away. No one
// server has to hold all three; the servers one agent has together do. An agent is one client: the
// servers of its project and user config files (Claude Desktop, VS Code and Cursor are different
// agents). Each tool's legs come from what it does (scan/legs.ts), carried on its verdict.
import { RISK_LEVELS, type ScanTool, type ToolPolicy, type TrifectaLeg } from '../data/schema.ts';
import { exampleRank } from './legs.ts';

export type Leg = TrifectaLeg['leg'];
export const LEGS: readonly Leg[] = ['private', 'untrusted', 'exfiltration'];

export const LEG_WORDS: ReadonlyMap<Leg, string> = new Map<Leg, string>([
  ['private', 'private data (files, repositories, databases, email and messages, documents, records, secrets)'],
  ['untrusted', 'content others wrote (web pages, search results, issues and comments, inbound email and messages)'],
  ['exfiltration', 'a way out (messages and email, requests to a URL the caller chooses, public content, shared places, code)'],
]);

export const LEG_SHORT: ReadonlyMap<Leg, string> = new Map<Leg, string>([
  ['private', 'private data'],
  ['untrusted', 'content others wrote'],
  ['exfiltration', 'a way out'],
]);

export interface LegTool {
  server: string;
  tool: string;
  risk: ScanTool['risk'];
  /** The choice the policy the scan writes makes for it (the recommendation with the user's overrides). */
  choice: ToolPolicy['choice'];
  /** What the tool does that puts it in the leg. */
  why: string;
  strength: number;
}

export interface Trifecta {
  /** The agent: its client's name, or the file for a plain mcpServers file. */
  agent: string;
  /** The servers of that agent. */
  servers: string[];
  /** Every tool of each leg, strongest first (among equals, tools the policy lets through first). */
  legs: Map<Leg, LegTool[]>;
  /** The 1-3 tools that best show each leg. */
  examples: Map<Leg, LegTool[]>;
  /** True when every leg has a tool the policy lets through (allow or limit). */
  openUnderPolicy: boolean;
  /** Legs whose every tool the policy denies or hides. */
  closedLegs: Leg[];
  /** The fewest tools whose denial breaks it: the open tools of the leg that has fewest. */
  breakWith?: { leg: Leg; tools: LegTool[] };
}

const OPEN = new Set<ToolPolicy['choice']>(['allow', 'limit']);

export interface AgentServer {
  name: string;
  tools: readonly ScanTool[];
  choices: ReadonlyMap<string, ToolPolicy['choice']>;
}

function byStrength(a: LegTool, b: LegTool): number {
  return b.strength - a.strength || exampleRank(a.tool) - exampleRank(b.tool) || Number(OPEN.has(b.choice)) - Number(OPEN.has(a.choice)) || RISK_LEVELS.indexOf(b.risk) - RISK_LEVELS.indexOf(a.risk) || (a.server + a.tool < b.server + b.tool ? -1 : 1);
}

/** The trifecta of one agent's servers, when every leg has at least one tool; undefined otherwise. */
export function findTrifecta(agent: string, servers: readonly AgentServer[]): Trifecta | undefined {
  const legs = new Map<Leg, LegTool[]>(LEGS.map((leg) => [leg, []]));
  for (const server of servers) {
    for (const tool of server.tools) {
      const choice = server.choices.get(tool.tool) ?? tool.policy.choice;
      for (const leg of tool.legs) legs.get(leg.leg)!.push({ server: server.name, tool: tool.tool, risk: tool.risk, choice, why: leg.why, strength: leg.strength });
    }
  }
  if (LEGS.some((leg) => !legs.get(leg)!.length)) return undefined;
  for (const tools of legs.values()) tools.sort(byStrength);
  const examples = new Map(LEGS.map((leg) => [leg, examplesOf(legs.get(leg)!)]));
  const open = LEGS.map((leg) => ({ leg, tools: legs.get(leg)!.filter((tool) => OPEN.has(tool.choice)) }));
  const closedLegs = open.filter((entry) => !entry.tools.length).map((entry) => entry.leg);
  const breakWith = closedLegs.length ? undefined : [...open].sort((a, b) => a.tools.length - b.tools.length)[0];
  const names = servers.filter((server) => server.tools.some((tool) => tool.legs.length)).map((server) => server.name);
  return { agent, servers: names, legs, examples, openUnderPolicy: !closedLegs.length, closedLegs, ...(breakWith ? { breakWith } : {}) };
}

/** Up to three tools, the strongest first; among equally strong ones, from different servers. */
function examplesOf(tools: readonly LegTool[]): LegTool[] {
  const picked: LegTool[] = [];
  const top = tools[0]?.strength ?? 0;
  for (const tool of tools) if (picked.length < 3 && tool.strength === top && !picked.some((other) => other.server === tool.server)) picked.push(tool);
  for (const tool of tools) if (picked.length < 3 && !picked.includes(tool)) picked.push(tool);
  return picked.sort(byStrength);
}
