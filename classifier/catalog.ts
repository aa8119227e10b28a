// Classifying a whole server snapshot, reusing cached classifications by fingerprint. Pure.
import type { Classification, ClassifiedServer, CrawlSnapshot, InvalidTool, McpTool } from '../data/schema.ts';
import { classifyTool } from './classify.ts';
import { classifierVersion } from './version.ts';
import { serverPolicy } from './policy.ts';
import { serverTraits, type ServerContext } from './signals.ts';

export interface ServerClassification {
  record: ClassifiedServer;
  /** How many tools were classified anew (the rest came from the cache). */
  classified: number;
  reused: number;
}

/** Cache key: a classification is reused only for the same definition, tool name and classifier version. */
export function cacheKey(fingerprint: string, tool: string): string {
  return `${classifierVersion()}\u0000${fingerprint}\u0000${tool}`;
}

/** The tools of a previous classification to reuse: none unless it was made by this classifier version (`reuse`). */
export function cacheFrom(previous: ClassifiedServer | undefined, reuse = true): Map<string, Classification> {
  const cache = new Map<string, Classification>();
  if (!previous || !reuse) return cache;
  // a reviewed classification holds the merged verdict: the rules' part is redone (the review is applied again from data/llm/)
  for (const classification of previous.tools) if (!classification.review) cache.set(cacheKey(classification.fingerprint, classification.tool), classification);
  return cache;
}

export function serverContextOf(snapshot: CrawlSnapshot): ServerContext {
  return { name: snapshot.name, title: snapshot.entry.title ?? snapshot.initialize?.serverInfo?.title, description: snapshot.entry.description };
}

/** The problems of each repaired definition in a listing, by tool name. */
export function repairedProblems(invalidTools: readonly InvalidTool[]): Map<string, readonly string[]> {
  return new Map(invalidTools.filter((tool) => tool.repaired && tool.name !== undefined).map((tool) => [tool.name!, tool.problems]));
}

/** A tool the classifier failed on: its position in the listing, its name and the error. */
export interface ClassifyFailure {
  index: number;
  tool: string;
  error: string;
}

/** Classifies the tools of one server. A tool that throws is reported (`failures`, and `onError`) and the others go on. */
export function classifyTools(
  tools: readonly McpTool[],
  fingerprints: readonly string[],
  context: ServerContext,
  cache: Map<string, Classification> = new Map(),
  onError?: (failure: ClassifyFailure) => void,
  /** What was wrong with definitions that were repaired to be kept (`invalidTools`), by tool name. */
  problems: ReadonlyMap<string, readonly string[]> = new Map(),
): { classifications: Classification[]; failures: ClassifyFailure[]; classified: number; reused: number } {
  const traits = serverTraits(context);
  const siblings = new Set(tools.map((tool) => tool.name));
  const classifications: Classification[] = [];
  const failures: ClassifyFailure[] = [];
  let classified = 0;
  let reused = 0;
  tools.forEach((tool, index) => {
    const fingerprint = fingerprints[index]!;
    // the server context is part of the input: its traits are in the cache key via the snapshot's own fingerprint set
    // a repaired definition's fingerprint is of the repair, not of what the server sent: not cached
    const cached = problems.has(tool.name) ? undefined : cache.get(cacheKey(fingerprint, tool.name));
    if (cached) {
      classifications.push(cached);
      reused += 1;
      return;
    }
    try {
      classifications.push(classifyTool({ tool, fingerprint, server: context, traits, siblings, problems: problems.get(tool.name) }));
      classified += 1;
    } catch (error) {
      const failure = { index, tool: tool.name, error: (error as Error).message || String(error) };
      failures.push(failure);
      onError?.(failure);
    }
  });
  return { classifications, failures, classified, reused };
}

/** `previous`: the server's last classification (its rug-pull marks carry over); its verdicts are reused when `reuse` says it was made by this classifier version. */
export function classifySnapshot(snapshot: CrawlSnapshot, previous?: ClassifiedServer, onError?: (failure: ClassifyFailure) => void, reuse = true): ServerClassification {
  const context = serverContextOf(snapshot);
  const cache = cacheFrom(previous, reuse);
  const byName = new Map(snapshot.fingerprints.map((entry) => [entry.name, entry.fingerprint]));
  const { classifications, failures, classified, reused } = classifyTools(
    snapshot.tools,
    snapshot.tools.map((tool) => byName.get(tool.name)!),
    context,
    cache,
    onError,
    repairedProblems(snapshot.invalidTools),
  );
  const tools = markRugPulls(snapshot, classifications, previous);
  return {
    record: {
      slug: snapshot.slug,
      name: snapshot.name,
      tools,
      policy: serverPolicy(snapshot.name, tools.map((classification) => classification.policy)),
      ...(failures.length ? { unclassified: failures } : {}),
    },
    classified,
    reused,
  };
}

const poisoned = (classification: Classification) => classification.warnings.some((warning) => warning.severity === 'poisoning');

/**
 * A rug pull: a tool whose definition changed since the last classification and whose new
 * definition carries poisoning the old one did not. The mark stays while the definition does.
 * Its date is the crawl that recorded the change (the snapshot's history), else the last crawl.
 */
export function markRugPulls(snapshot: CrawlSnapshot, classifications: readonly Classification[], previous: ClassifiedServer | undefined): Classification[] {
  if (!previous) return [...classifications];
  const before = new Map<string, Classification>(previous.tools.map((classification) => [classification.tool, classification]));
  return classifications.map((classification) => {
    const old = before.get(classification.tool);
    if (!old || !poisoned(classification)) {
      if (!classification.rugPull) return classification;
      const { rugPull: _dropped, ...rest } = classification;
      return rest;
    }
    if (old.fingerprint === classification.fingerprint) return old.rugPull && !classification.rugPull ? { ...classification, rugPull: old.rugPull } : classification;
    if (poisoned(old)) return classification;
    const change = [...snapshot.history].reverse().find((event) => event.changed.some((entry) => entry.name === classification.tool && entry.to === classification.fingerprint));
    return { ...classification, rugPull: { date: change?.date ?? snapshot.lastOkAt ?? snapshot.crawledAt, previousFingerprint: old.fingerprint } };
  });
}
