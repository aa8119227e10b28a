// `toolrisk.lock.json`: what each configured server ran and its tools' fingerprints when the team
// last accepted them (`scan --lock`). A later scan reports what changed since: a server added,
// removed or moved to another version, a tool added, removed or redefined (a rug pull changes a
// tool's definition after it was approved).
import { ScanLockSchema, type ScanLock } from '../data/schema.ts';
import { parseRecord, serializeRecord } from '../data/serialize.ts';
import { sourceOf, type Launch } from './match.ts';

export const LOCK_FILE = 'toolrisk.lock.json';

interface LockableServer {
  name: string;
  launch: Launch;
  disabled: boolean;
  source: 'catalog' | 'live' | 'none';
  tools: readonly { tool: string; fingerprint: string }[];
}

export function makeLock(servers: readonly LockableServer[]): ScanLock {
  return {
    lockfileVersion: 1,
    servers: servers
      .filter((server) => !server.disabled)
      .map((server) => ({
        name: server.name,
        source: sourceOf(server.launch),
        ...(server.launch.version ? { version: server.launch.version } : {}),
        tools: [...server.tools].map((tool) => ({ name: tool.tool, fingerprint: tool.fingerprint })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}

export function renderLock(lock: ScanLock): string {
  return serializeRecord(ScanLockSchema, lock);
}

export function parseLock(file: string, text: string): ScanLock {
  return parseRecord(file, text, ScanLockSchema);
}

export interface LockChange {
  server: string;
  tool?: string;
  message: string;
}

export function compareLock(lock: ScanLock, servers: readonly LockableServer[]): LockChange[] {
  const changes: LockChange[] = [];
  const now = new Map(servers.filter((server) => !server.disabled).map((server) => [server.name, server]));
  for (const locked of lock.servers) {
    const server = now.get(locked.name);
    if (!server) {
      changes.push({ server: locked.name, message: `${locked.name}: in the lock file, no longer configured.` });
      continue;
    }
    const source = sourceOf(server.launch);
    if (source !== locked.source) changes.push({ server: locked.name, message: `${locked.name}: ran ${locked.source} when locked, now ${source}.` });
    else if ((server.launch.version ?? '') !== (locked.version ?? '')) changes.push({ server: locked.name, message: `${locked.name}: version ${locked.version ?? '(none)'} when locked, now ${server.launch.version ?? '(none)'}.` });
    if (server.source === 'none') {
      if (locked.tools.length) changes.push({ server: locked.name, message: `${locked.name}: its tools are unknown now, so they cannot be compared with the ${locked.tools.length} locked.` });
      continue;
    }
    const before = new Map(locked.tools.map((tool) => [tool.name, tool.fingerprint]));
    const after = new Map(server.tools.map((tool) => [tool.tool, tool.fingerprint]));
    for (const [name, fingerprint] of after) {
      if (!before.has(name)) changes.push({ server: locked.name, tool: name, message: `${locked.name}: tool "${name}" was added since the lock.` });
      else if (before.get(name) !== fingerprint) changes.push({ server: locked.name, tool: name, message: `${locked.name}: tool "${name}" changed its definition since the lock (fingerprint ${before.get(name)!.replace(/^sha256:/, '').slice(0, 12)} → ${fingerprint.replace(/^sha256:/, '').slice(0, 12)}).` });
    }
    for (const name of before.keys()) if (!after.has(name)) changes.push({ server: locked.name, tool: name, message: `${locked.name}: tool "${name}" was removed since the lock.` });
  }
  const lockedNames = new Set(lock.servers.map((server) => server.name));
  for (const server of now.values()) if (!lockedNames.has(server.name)) changes.push({ server: server.name, message: `${server.name}: configured since the lock; not in it.` });
  return changes;
}
