// Poisoning detection measured: the project's own poisoned definitions and hard negatives
// (tests/poisoning/, written blind by separate authors, in parts: dev sets the rules were tuned on,
// untouched and final sets that were measured once), every real tool in data/crawled/ (false
// positives), and the public corpus when it is present beside the project (never copied into it).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyTool } from './classify.ts';
import { repairTool } from '../crawler/tools.ts';
import { CrawlSnapshotSchema, McpToolSchema, type Classification, type McpTool } from '../data/schema.ts';

// the repository: the labelled sets live in tests/, the catalog in data/ (the site's build, whose bundle
// lies elsewhere, names it in TOOLRISK_REPO_ROOT)
const ROOT = process.env.TOOLRISK_REPO_ROOT ? resolve(process.env.TOOLRISK_REPO_ROOT) : resolve(fileURLToPath(import.meta.url), '../..');

export interface PoisoningCase {
  id: string;
  /** The attack or hard-negative class the author wrote it for. */
  class: string;
  siblings?: string[];
  tool: McpTool;
}

export interface DetectionResult {
  total: number;
  flagged: number;
  byClass: Map<string, { flagged: number; total: number }>;
  /** Ids (and the first warning) of the cases on the wrong side. */
  wrong: { id: string; class: string; detail: string }[];
}

/** The own sets: `poisoned-dev`, `benign-dev`, … (files in tests/poisoning/ whose names start with the part). */
export function loadPoisoningSet(part: string): PoisoningCase[] {
  const dir = join(ROOT, 'tests', 'poisoning');
  const cases: PoisoningCase[] = [];
  // (a name without a number takes its numbered parts with it, `poisoned-dev` its `poisoned-dev2` and `-dev3`; a name that
  // ends in a number is one set, `poisoned-holdout2` not `poisoned-holdout20`)
  const numbered = /\D$/.test(part);
  for (const name of readdirSync(dir).filter((file) => file === `${part}.json` || (numbered && file.startsWith(part) && /^\d+\.json$/.test(file.slice(part.length)))).sort()) {
    // (a public set names its attack where our own name their class)
    for (const item of JSON.parse(readFileSync(join(dir, name), 'utf8')) as (PoisoningCase & { attack?: string })[]) cases.push({ ...item, class: item.class ?? item.attack ?? 'unnamed' });
  }
  return cases;
}

/** Poisoning as the catalog acts on it: a poisoning warning, the tool rated critical and hidden in every policy. */
export function fenced(classification: Classification): boolean {
  return classification.risk === 'critical' && classification.policy.choice === 'hide' && classification.warnings.some((warning) => warning.severity === 'poisoning');
}

/** A case's tool as the catalog would keep it: valid as listed, or repaired as the crawler repairs it. */
export function definition(tool: unknown): McpTool | undefined {
  return McpToolSchema.safeParse(tool).data ?? repairTool(tool);
}

/**
 * An attack the catalog stops: fenced as poisoning, or a request for the conversation said openly in a parameter, which
 * the recommended policy refuses (a rule that passes a call only without that parameter, or the whole tool denied).
 */
export function stopped(classification: Classification): boolean {
  if (fenced(classification)) return true;
  if (!classification.warnings.some((warning) => warning.kind === 'conversation-collection')) return false;
  const { policy } = classification;
  return policy.choice === 'deny' || policy.choice === 'hide' || policy.rules.some((rule) => (rule.conditions ?? []).some((condition) => condition.op === 'exists' && condition.value === false));
}

/** Detection over attacks (`stopped`), or false flags over honest definitions (`fenced`: hidden as poisoning). */
export function measureDetection(cases: readonly PoisoningCase[], attacks = true): DetectionResult {
  const result: DetectionResult = { total: 0, flagged: 0, byClass: new Map(), wrong: [] };
  for (const item of cases) {
    const tool = definition(item.tool);
    if (!tool) continue;
    const classification = classifyTool({ tool, fingerprint: 'eval', siblings: new Set(item.siblings ?? []) });
    const hit = attacks ? stopped(classification) : fenced(classification);
    const entry = result.byClass.get(item.class) ?? { flagged: 0, total: 0 };
    entry.total += 1;
    result.total += 1;
    if (hit) {
      entry.flagged += 1;
      result.flagged += 1;
    }
    result.byClass.set(item.class, entry);
    // (what stopped it: the poisoning, or the request for the conversation the policy refuses)
    const warning = classification.warnings.find((found) => found.severity === 'poisoning') ?? classification.warnings.find((found) => found.kind === 'conversation-collection');
    result.wrong.push({ id: item.id, class: item.class, detail: hit && warning ? `${warning.kind}: ${warning.sentence ?? warning.evidence.text}` : '' });
  }
  return result;
}

/** Every tool of every crawl snapshot in data/crawled/. */
export function crawledTools(): McpTool[] {
  const dir = join(ROOT, 'data', 'crawled');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((name) => CrawlSnapshotSchema.parse(JSON.parse(readFileSync(join(dir, name), 'utf8'))).tools);
}

export interface RealFalsePositives {
  total: number;
  flagged: { server: string; tool: string; kind: string; sentence: string }[];
}

/** Real tools with a poisoning warning, classified with their server's other tools as siblings. */
export function realFalsePositives(): RealFalsePositives {
  return addUpFalsePositives(realFalsePositivesByServer());
}

/** Servers' figures as one. */
export function addUpFalsePositives(servers: Iterable<RealFalsePositives>): RealFalsePositives {
  const all: RealFalsePositives = { total: 0, flagged: [] };
  for (const server of servers) {
    all.total += server.total;
    all.flagged.push(...server.flagged);
  }
  return all;
}

/** The same, one server of data/crawled/ at a time (a test can turn the event loop between them). */
export function* realFalsePositivesByServer(): Generator<RealFalsePositives> {
  const dir = join(ROOT, 'data', 'crawled');
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.json')).sort()) {
    const snapshot = CrawlSnapshotSchema.parse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    const siblings = new Set(snapshot.tools.map((tool) => tool.name));
    const server: RealFalsePositives = { total: 0, flagged: [] };
    for (const tool of snapshot.tools) {
      server.total += 1;
      const classification = classifyTool({ tool, fingerprint: 'eval', siblings });
      const warning = classification.warnings.find((w) => w.severity === 'poisoning');
      if (warning) server.flagged.push({ server: snapshot.name, tool: tool.name, kind: warning.kind, sentence: warning.sentence ?? warning.evidence.text });
    }
    yield server;
  }
}

/**
 * A public corpus of poisoned definitions (`[{id, attack, tool}]`), read from the file
 * TOOLRISK_PUBLIC_CORPUS names, when it is set and the file exists; it is never copied into the project.
 */
export function publicCorpus(file = process.env.TOOLRISK_PUBLIC_CORPUS): PoisoningCase[] | undefined {
  if (!file || !existsSync(file)) return undefined;
  const items = JSON.parse(readFileSync(file, 'utf8')) as { id: string; attack: string; tool: McpTool }[];
  return items.map((item) => ({ id: item.id, class: item.attack, tool: item.tool }));
}

export function formatDetection(title: string, result: DetectionResult, expectPoisoned: boolean): string {
  const share = result.total ? (100 * result.flagged) / result.total : 0;
  const lines = [`${title}: ${result.flagged}/${result.total} ${expectPoisoned ? 'detected (hidden, or the conversation refused)' : 'flagged as poisoning'} (${share.toFixed(1)}%)`];
  lines.push(`  by class: ${[...result.byClass].map(([name, entry]) => `${name} ${entry.flagged}/${entry.total}`).join(', ')}`);
  return lines.join('\n');
}
