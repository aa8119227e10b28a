// The user's own policy choices on top of the recommendation: `toolrisk.policy.yaml`,
//
//   servers:
//     github:                  # the server's name in the client configuration
//       delete_repository: deny
//       search_code: allow
//       "*": limit             # every other tool of this server
//   allow-unknown:             # servers whose tools are unknown that --fail-on accepts
//     - internal-tools
//
// Each choice is allow, limit, deny or hide. A wrong value is an error naming the file and line; a
// server or tool the configuration does not have is reported, in case of a typo.
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { ScanTool, ToolPolicy } from '../data/schema.ts';

export const CHOICES = ['allow', 'limit', 'deny', 'hide'] as const;
type Choice = ToolPolicy['choice'];

export interface Overrides {
  file: string;
  /** server name → tool name (or `*`) → choice, with the line it was written on */
  servers: Map<string, Map<string, { choice: Choice; line: number }>>;
  serverLines: Map<string, number>;
  /** Servers the team accepts with unknown tools (`allow-unknown:`), with the line each is on. */
  allowUnknown: Map<string, number>;
}

export class OverridesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OverridesError';
  }
}

export function parseOverrides(file: string, text: string): Overrides {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const lineOf = (node: Node | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : 1);
  if (doc.errors.length) {
    const error = doc.errors[0]!;
    throw new OverridesError(`${file}:${error.linePos?.[0]?.line ?? 1}: not valid YAML: ${error.message.split('\n')[0]}`);
  }
  const overrides: Overrides = { file, servers: new Map(), serverLines: new Map(), allowUnknown: new Map() };
  if (doc.contents === null) return overrides;
  const root = doc.contents;
  if (!isMap(root)) throw new OverridesError(`${file}:${lineOf(root)}: should be a mapping with a "servers" key`);
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key === 'allow-unknown') {
      if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) continue;
      if (!isSeq(pair.value)) throw new OverridesError(`${file}:${lineOf(pair.value as Node)}: "allow-unknown" should list server names (- name)`);
      for (const item of pair.value.items) {
        if (!isScalar(item) || typeof item.value !== 'string') throw new OverridesError(`${file}:${lineOf(item as Node)}: "allow-unknown" should list server names, got ${JSON.stringify(isScalar(item) ? item.value : null)}`);
        overrides.allowUnknown.set(item.value, lineOf(item));
      }
      continue;
    }
    if (key !== 'servers') throw new OverridesError(`${file}:${lineOf(pair.key as Node)}: unknown key "${key}"; the file has the keys "servers" and "allow-unknown"`);
    if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) continue;
    if (!isMap(pair.value)) throw new OverridesError(`${file}:${lineOf(pair.value as Node)}: "servers" should map server names to their tools' choices`);
    for (const serverPair of pair.value.items) {
      const server = isScalar(serverPair.key) ? String(serverPair.key.value) : '';
      overrides.serverLines.set(server, lineOf(serverPair.key as Node));
      const tools = new Map<string, { choice: Choice; line: number }>();
      overrides.servers.set(server, tools);
      if (!isMap(serverPair.value)) throw new OverridesError(`${file}:${lineOf(serverPair.key as Node)}: server "${server}" should map tool names to allow, limit, deny or hide`);
      for (const toolPair of serverPair.value.items) {
        const tool = isScalar(toolPair.key) ? String(toolPair.key.value) : '';
        const value = isScalar(toolPair.value) ? toolPair.value.value : undefined;
        const line = lineOf(toolPair.key as Node);
        if (typeof value !== 'string' || !(CHOICES as readonly string[]).includes(value)) {
          throw new OverridesError(`${file}:${line}: ${server} / ${tool}: the choice is ${CHOICES.join(', ')}, got ${JSON.stringify(value ?? null)}`);
        }
        tools.set(tool, { choice: value as Choice, line });
      }
    }
  }
  return overrides;
}

export function readOverrides(file: string): Overrides {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new OverridesError(`${file}: cannot be read: ${(error as Error).message}`);
  }
  return parseOverrides(file, text);
}

/** Each tool's choice: the user's, else the recommendation's. */
export function choicesFor(server: string, tools: readonly ScanTool[], overrides: Overrides | undefined): Map<string, Choice> {
  const own = overrides?.servers.get(server);
  return new Map(tools.map((tool) => [tool.tool, own?.get(tool.tool)?.choice ?? own?.get('*')?.choice ?? tool.policy.choice]));
}

/** Overrides that name a server or a tool the scan did not find, each as a line naming the file. */
export function unusedOverrides(overrides: Overrides, servers: readonly { name: string; tools: readonly ScanTool[]; source: string }[]): string[] {
  const out: string[] = [];
  for (const [server, tools] of overrides.servers) {
    const found = servers.find((candidate) => candidate.name === server);
    if (!found) {
      out.push(`${overrides.file}:${overrides.serverLines.get(server) ?? 1}: no configured server is named "${server}"`);
      continue;
    }
    if (found.source === 'none') continue;
    const names = new Set(found.tools.map((tool) => tool.tool));
    for (const [tool, { line }] of tools) if (tool !== '*' && !names.has(tool)) out.push(`${overrides.file}:${line}: server "${server}" has no tool "${tool}"`);
  }
  for (const [server, line] of overrides.allowUnknown) {
    const found = servers.find((candidate) => candidate.name === server);
    if (!found) out.push(`${overrides.file}:${line}: allow-unknown names "${server}", and no configured server is named so`);
    else if (found.source !== 'none') out.push(`${overrides.file}:${line}: allow-unknown names "${server}", whose tools are known now; the entry can go`);
  }
  return out;
}
