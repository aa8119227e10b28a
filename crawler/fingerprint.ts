import { createHash } from 'node:crypto';
import type { CrawlSnapshot, HistoryEvent, McpTool } from '../data/schema.ts';

/** JSON with object keys sorted at every depth, so key order never changes a fingerprint. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    // fromEntries defines own properties, so a key named `__proto__` stays an ordinary key
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, item]) => [key, sortKeys(item)]),
    );
  }
  return value;
}

/**
 * sha256 of a tool's canonical definition. `_meta` is left out: it carries server bookkeeping,
 * not what the tool does, and some servers put volatile values in it.
 */
export function toolFingerprint(tool: McpTool): string {
  const { _meta: _ignored, ...definition } = tool;
  return `sha256:${createHash('sha256').update(canonicalJson(definition), 'utf8').digest('hex')}`;
}

/** Tools added, removed and changed between two crawls; null when nothing changed. */
export function diffFingerprints(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
  date: string,
): HistoryEvent | null {
  const added = [...after].filter(([name]) => !before.has(name)).map(([name, fingerprint]) => ({ name, fingerprint }));
  const removed = [...before].filter(([name]) => !after.has(name)).map(([name, fingerprint]) => ({ name, fingerprint }));
  const changed = [...after]
    .filter(([name, fingerprint]) => before.has(name) && before.get(name) !== fingerprint)
    .map(([name, to]) => ({ name, from: before.get(name)!, to }));
  if (!added.length && !removed.length && !changed.length) return null;
  return { date, added, removed, changed };
}

export function fingerprintMap(snapshot: Pick<CrawlSnapshot, 'fingerprints'>): Map<string, string> {
  return new Map(snapshot.fingerprints.map(({ name, fingerprint }) => [name, fingerprint]));
}

/**
 * The history of a new successful snapshot: the previous history plus what changed since the
 * last successful crawl. The first successful crawl records every tool as added.
 */
export function nextHistory(previous: CrawlSnapshot | undefined, fingerprints: ReadonlyMap<string, string>, date: string): HistoryEvent[] {
  const history = previous?.history ?? [];
  const before = previous?.lastOkAt ? fingerprintMap(previous) : new Map<string, string>();
  const event = diffFingerprints(before, fingerprints, date);
  return event ? [...history, event] : history;
}
