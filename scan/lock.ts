// `toolrisk.lock.json`: what each configured server ran and its tools' fingerprints when the team
// last accepted them (`scan --lock`). A later scan reports what changed since: a server added,
// removed or moved to another version, a tool added, removed or redefined (a rug pull changes a
// tool's definition after it was approved). An entry is keyed by its config file and the server's
// name there: one name in two files is two servers. The lock holds the project's configs; the
// user's own (a laptop's, which CI does not have) only with `--include-user`.
import { isAbsolute, relative, sep } from 'node:path';
import { ScanLockSchema, type ScanLock } from '../data/schema.ts';
import { DataFileError, parseRecord, serializeRecord } from '../data/serialize.ts';
import { isInside, type Scope } from './configs.ts';
import { sourceOf, type Launch } from './match.ts';

export const LOCK_FILE = 'toolrisk.lock.json';

interface LockableServer {
  name: string;
  file: string;
  scope: Scope;
  launch: Launch;
  disabled: boolean;
  source: 'catalog' | 'live' | 'none';
  tools: readonly { tool: string; fingerprint: string }[];
}

/** Where a lock entry's config is: relative to the project, `~/…` under the home folder, else absolute; always with `/`. */
export function configKey(file: string, places: { project: string; home: string }): string {
  const slashes = (path: string) => path.split(sep).join('/');
  if (isInside(places.project, file)) return slashes(relative(places.project, file));
  if (places.home && isInside(places.home, file)) return `~/${slashes(relative(places.home, file))}`;
  return isAbsolute(file) ? slashes(file) : file;
}

function byKey(a: { config: string; name: string }, b: { config: string; name: string }): number {
  const left = `${a.config}\u0000${a.name}`;
  const right = `${b.config}\u0000${b.name}`;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The servers a lock holds: the project's (and files named on the command line), the user's own with `includeUser`. */
function lockable<T extends LockableServer>(servers: readonly T[], includeUser: boolean): T[] {
  return servers.filter((server) => !server.disabled && (includeUser || server.scope !== 'user'));
}

export function makeLock(servers: readonly LockableServer[], places: { project: string; home: string }, includeUser = false): ScanLock {
  return {
    lockfileVersion: 2,
    includeUser,
    servers: lockable(servers, includeUser)
      .map((server) => ({
        config: configKey(server.file, places),
        name: server.name,
        source: sourceOf(server.launch),
        ...(server.launch.version ? { version: server.launch.version } : {}),
        tools: [...server.tools].map((tool) => ({ name: tool.tool, fingerprint: tool.fingerprint })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      }))
      .sort(byKey),
  };
}

export function renderLock(lock: ScanLock): string {
  return serializeRecord(ScanLockSchema, lock);
}

export function parseLock(file: string, text: string): ScanLock {
  let version: unknown;
  try {
    version = (JSON.parse(text) as { lockfileVersion?: unknown } | null)?.lockfileVersion;
  } catch {
    // (parseRecord names the JSON error)
  }
  if (version === 1) throw new DataFileError(file, 'is lockfileVersion 1, which keyed servers by name only (one name in two config files was one server); write it again with `toolrisk scan --lock`');
  return parseRecord(file, text, ScanLockSchema);
}

export interface LockChange {
  server: string;
  /** The config file the server is in (as the lock keys it). */
  config: string;
  tool?: string;
  message: string;
}

export interface LockContext {
  places: { project: string; home: string };
  /** The config files this scan read, absolute: a user-level file the lock names that is absent now is not a change. */
  readFiles: readonly string[];
}

export function compareLock(lock: ScanLock, servers: readonly LockableServer[], context: LockContext): LockChange[] {
  const changes: LockChange[] = [];
  const key = (config: string, name: string) => `${config}\u0000${name}`;
  const now = new Map(lockable(servers, lock.includeUser).map((server) => [key(configKey(server.file, context.places), server.name), server]));
  const read = new Set(context.readFiles.map((file) => configKey(file, context.places)));
  const label = (config: string, name: string) => `${name} (${config})`;
  for (const locked of lock.servers) {
    const server = now.get(key(locked.config, locked.name));
    const name = label(locked.config, locked.name);
    const change = (message: string, tool?: string) => changes.push({ server: locked.name, config: locked.config, ...(tool !== undefined ? { tool } : {}), message: `${name}: ${message}` });
    if (!server) {
      // a user's own config that this machine does not have (CI's empty home) is not a change
      if (locked.config.startsWith('~/') && !read.has(locked.config)) continue;
      change('in the lock file, no longer configured.');
      continue;
    }
    const source = sourceOf(server.launch);
    if (source !== locked.source) change(`ran ${locked.source} when locked, now ${source}.`);
    else if ((server.launch.version ?? '') !== (locked.version ?? '')) change(`version ${locked.version ?? '(none)'} when locked, now ${server.launch.version ?? '(none)'}.`);
    if (server.source === 'none') {
      if (locked.tools.length) change(`its tools are unknown now, so they cannot be compared with the ${locked.tools.length} locked.`);
      continue;
    }
    const before = new Map(locked.tools.map((tool) => [tool.name, tool.fingerprint]));
    const after = new Map(server.tools.map((tool) => [tool.tool, tool.fingerprint]));
    for (const [tool, fingerprint] of after) {
      if (!before.has(tool)) change(`tool "${tool}" was added since the lock.`, tool);
      else if (before.get(tool) !== fingerprint) change(`tool "${tool}" changed its definition since the lock (fingerprint ${before.get(tool)!.replace(/^sha256:/, '').slice(0, 12)} → ${fingerprint.replace(/^sha256:/, '').slice(0, 12)}).`, tool);
    }
    for (const tool of before.keys()) if (!after.has(tool)) change(`tool "${tool}" was removed since the lock.`, tool);
  }
  const locked = new Set(lock.servers.map((server) => key(server.config, server.name)));
  for (const [entry, server] of now) {
    if (locked.has(entry)) continue;
    const config = configKey(server.file, context.places);
    changes.push({ server: server.name, config, message: `${label(config, server.name)}: configured since the lock; not in it.` });
  }
  return changes;
}
