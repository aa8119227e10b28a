// Assembling a crawl snapshot from a listing outcome and the previous snapshot. Pure.
import type { CrawlSnapshot, IndexEntry, LaunchPlan } from '../data/schema.ts';
import { serverSlug } from '../data/slug.ts';
import { nextHistory } from './fingerprint.ts';
import type { ListOutcome } from './list-tools.ts';

export function snapshotFrom(
  entry: IndexEntry,
  launch: LaunchPlan | undefined,
  outcome: ListOutcome,
  previous: CrawlSnapshot | undefined,
  now: string,
): CrawlSnapshot {
  const base = {
    slug: serverSlug(entry.server.name),
    name: entry.server.name,
    crawledAt: now,
    entry: entry.server,
    launch,
    sandbox: outcome.sandbox,
    timings: outcome.timings,
    warnings: outcome.warnings,
    stderr: outcome.stderr,
  };
  if (outcome.status === 'ok') {
    return {
      ...base,
      status: 'ok',
      source: outcome.source,
      lastOkAt: now,
      lastOkVersion: entry.server.version,
      initialize: outcome.initialize,
      tools: outcome.tools,
      fingerprints: [...outcome.fingerprints].map(([name, fingerprint]) => ({ name, fingerprint })),
      invalidTools: outcome.invalidTools,
      history: nextHistory(previous, outcome.fingerprints, now),
    };
  }
  // A failed re-crawl keeps the last good tools (the catalog still describes them) and says it failed.
  const kept = previous?.lastOkAt ? previous : undefined;
  return {
    ...base,
    status: 'failed',
    failure: outcome.failure,
    source: kept?.source,
    lastOkAt: kept?.lastOkAt,
    lastOkVersion: kept?.lastOkVersion,
    initialize: kept?.initialize,
    tools: kept?.tools ?? [],
    fingerprints: kept?.fingerprints ?? [],
    invalidTools: kept?.invalidTools ?? [],
    history: previous?.history ?? [],
  };
}
